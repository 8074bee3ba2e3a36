"""The outage feature in a real desk window: banner on screen pop, the repair
ticket linked to the outage (or dispatched with a reason), the console, the
import dialog and the emergency banner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMenu, QPlainTextEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.domain.agent_state import AgentState
from callcenter.services.demo.outages import seed_demo_outages
from callcenter.store.models import Ticket, TicketEvent
from callcenter.store.outage_models import EmergencyBanner, Outage, TicketOutageLink
from callcenter.telephony.port import CallOffered, CallReleased
from callcenter.ui.outages.integration import OutageDesk, install
from tests.fakes import ime_commit
from tests.ui.desk_window import DeskWindow, make_desk_window

from .conftest import GOOD_ROWS, write_csv


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskWindow, OutageDesk]]:
    d = make_desk_window(tmp_path)
    assert seed_demo_outages(d.db, d.clock, "W01") == 6
    od = install(d.window, d.desk, db=d.db, bridge=d.bridge, clock=d.clock, profile=d.desk.profile)
    qtbot.addWidget(d.window)
    d.window.show()
    qtbot.waitExposed(d.window)
    d.window.activateWindow()
    yield d, od
    od.shutdown()
    d.close()


def press(qtbot: QtBot, d: DeskWindow, key: Qt.Key) -> None:
    if QApplication.activeWindow() is not d.window:
        d.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is d.window)
    qtbot.keyClick(QApplication.focusWidget() or d.window, key)


def answer_call(qtbot: QtBot, d: DeskWindow, od: OutageDesk, number: str = "13800138001") -> None:
    qtbot.mouseClick(d.window.softphone.sign_btn, Qt.MouseButton.LeftButton)
    dlg = d.window.sign_in_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    qtbot.keyClicks(dlg.agent_id, "1001")
    qtbot.keyClicks(dlg.password, "demo1001")
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: d.desk.status.state is AgentState.BUSY, timeout=10_000)
    press(qtbot, d, Qt.Key.Key_F3)
    d.tel.send(CallOffered("c1", number))
    d.advance(2)
    with qtbot.waitSignal(od.hitsShown, timeout=5000):
        press(qtbot, d, Qt.Key.Key_F5)


def fill_repair(qtbot: QtBot, d: DeskWindow) -> None:
    form = d.window.form
    combo = form.findChild(QComboBox, "ticketCategory")
    combo.setCurrentIndex(combo.findData("fault_repair"))
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "家里没电了，邻居也没电")
    for name, code in (("ticketPriority", "soon"), ("ticketAreaType", "urban"),
                       ("ticketDepartment", "repair")):
        c = form.findChild(QComboBox, name)
        c.setCurrentIndex(c.findData(code))
    ime_commit(form.findChild(QLineEdit, "ticketAddress"), "临江市江城区幸福路12号")
    d.tel.send(CallReleased("c1", by="customer"))


def test_banner_on_screen_pop_with_kind_cause_and_restore_time(
        qtbot: QtBot, dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    answer_call(qtbot, d, od)
    assert od.banner.isVisible()
    text = od.banner.title.text()
    assert "DEMO-F001" in text and "10kV线路故障跳闸" in text
    lines: list[str] = []
    od.banner.lineShown.connect(lines.append)
    with qtbot.waitSignal(od.banner.scriptRequested):
        qtbot.mouseClick(od.banner.script_btn, Qt.MouseButton.LeftButton)
    assert lines and "预计" in lines[0] and "无需重复报修" in lines[0]
    assert od.banner.line.isVisible()


def test_unaffected_caller_gets_no_banner(qtbot: QtBot, dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    answer_call(qtbot, d, od, number="13999990000")
    assert not od.banner.isVisible()


def test_repair_ticket_is_linked_instead_of_dispatched(qtbot: QtBot,
                                                      dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    answer_call(qtbot, d, od)
    fill_repair(qtbot, d)
    press(qtbot, d, Qt.Key.Key_F9)  # 下发工单: intercepted
    qtbot.waitUntil(lambda: od.link_dialog is not None and od.link_dialog.isVisible())
    assert d.desk.status.state is AgentState.WRAP_UP
    qtbot.mouseClick(od.link_dialog.link_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.desk.status.state is AgentState.READY or bool(d.window.form.error_text()))
    assert not d.window.form.error_text()
    assert not od.banner.isVisible()
    t = d.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.status == "accepted" and t.department is None  # not dispatched again
    link, source = d.db.read_now(lambda s: s.execute(
        select(TicketOutageLink, Outage.source_id).join(Outage, Outage.id == TicketOutageLink.outage_id)
        .where(TicketOutageLink.ticket_id == t.id)).one())
    assert (link.mode, link.reason, source) == ("linked", None, "DEMO-F001")
    kinds = d.db.read_now(lambda s: set(s.scalars(
        select(TicketEvent.kind).where(TicketEvent.ticket_id == t.id))))
    assert "outage_linked" in kinds


def test_agent_can_dispatch_anyway_with_a_reason(qtbot: QtBot, dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    answer_call(qtbot, d, od)
    fill_repair(qtbot, d)
    press(qtbot, d, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: od.link_dialog is not None and od.link_dialog.isVisible())
    dlg = od.link_dialog
    assert dlg is not None and not dlg.override_btn.isEnabled()  # a reason is required
    ime_commit(dlg.reason, "客户家中冒烟，需立即到场")
    qtbot.mouseClick(dlg.override_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.desk.status.state is AgentState.READY or bool(d.window.form.error_text()))
    assert not d.window.form.error_text()
    t = d.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.status == "dispatched"
    link = d.db.read_now(lambda s: s.scalars(select(TicketOutageLink)).one())
    assert (link.mode, link.reason) == ("override", "客户家中冒烟，需立即到场")


def test_console_lookup_tabs_and_counts(qtbot: QtBot, qtmodeltester: ModelTester,
                                       dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    qtbot.waitUntil(lambda: "2" in od.counts.text())
    assert od.console.tabs.tabText(1).endswith("(2)")  # active: fault + temporary
    od.open_console()
    ime_commit(od.console.text, "滨湖路")
    with qtbot.waitSignal(od.resultsShown, timeout=5000) as blocker:
        qtbot.mouseClick(od.console.search_btn, Qt.MouseButton.LeftButton)
    hits = blocker.args[0] if blocker.args else []
    assert {h.source_id for h in hits} >= {"DEMO-F001"}  # 13800138001's road, found by a partial name
    assert od.console.results_model.rowCount() == len(hits)
    qtmodeltester.check(od.console.results_model)
    qtmodeltester.check(od.console.results.model())


def test_console_tab_models_pass_qtmodeltester(qtmodeltester: ModelTester, qtbot: QtBot,
                                              dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    qtbot.waitUntil(lambda: od.console.views["active"][1].rowCount() == 2)
    qtmodeltester.check(od.console.views["active"][1])
    qtmodeltester.check(od.console.views["active"][0].model())


def test_import_dialog_reports_bad_rows_and_imports_good(
        qtbot: QtBot, dw: tuple[DeskWindow, OutageDesk], tmp_path: Path) -> None:
    d, od = dw
    bad = write_csv(tmp_path / "bad.csv", ["TD9,停电啦,x,2026-11-23 08:00,2026-11-23 09:00,,,线,,,"])
    d.desk.sign_in("1024")
    assert od.start_import(bad) is None  # an agent does not import the site's outage list
    assert "shift lead" in d.window.statusBar().currentMessage()
    d.desk.sign_out()
    d.desk.sign_in("9001")
    dlg = od.start_import(bad)
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=10000)
    assert "2" in dlg.details.toPlainText() and "停电类型" in dlg.details.toPlainText()
    dlg.accept()
    dlg2 = od.start_import(write_csv(tmp_path / "good.csv", GOOD_ROWS))
    assert dlg2 is not None
    with qtbot.waitSignal(od.boardShown, timeout=10000):
        qtbot.waitUntil(lambda: dlg2.report is not None, timeout=10000)
    assert dlg2.report is not None and dlg2.report.ok
    dlg2.accept()
    assert d.db.read_now(lambda s: len(s.scalars(select(Outage)).all())) == 10


def test_emergency_banner_is_stored_and_shown(qtbot: QtBot, dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    d.desk.sign_in("9001")  # the shift lead
    od.raise_emergency("江城区大面积停电，请缩短通话时长", "您好，目前江城区大面积停电……", "9001")
    qtbot.waitUntil(od.emergency.isVisible)
    assert "9001" in od.emergency.text.text()
    row = d.db.read_now(lambda s: s.scalars(select(EmergencyBanner)).one())
    assert row.cleared_at is None and row.origin_workstation == "W01"
    qtbot.mouseClick(od.emergency.clear_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not od.emergency.isVisible())
    row = d.db.read_now(lambda s: s.scalars(select(EmergencyBanner)).one())
    assert row.cleared_at == d.clock.utc_now() and row.cleared_by == "9001"


def test_every_outage_widget_is_named_in_chinese(qtbot: QtBot, dw: tuple[DeskWindow, OutageDesk],
                                                 tmp_path: Path) -> None:
    from tests.ui.test_accessibility import CJK, _interactive

    d, od = dw
    assert od.ask_emergency() is None  # signed out: refused
    d.desk.sign_in("1024")
    assert od.ask_emergency() is None  # an agent is not the shift lead
    assert "shift lead" in d.window.statusBar().currentMessage()
    d.desk.sign_out()
    d.desk.sign_in("9001")
    emergency = od.ask_emergency()
    assert emergency is not None and emergency.by.text() == "9001"
    dlg = od.start_import(write_csv(tmp_path / "a.csv", GOOD_ROWS))
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=10000)
    roots = (od.console, od.banner, od.emergency, emergency, dlg)
    widgets = [w for root in roots for w in _interactive(root)]
    menu = d.window.findChild(QMenu, "outagesMenu")
    assert menu is not None
    widgets.append(menu)
    assert len(widgets) > 15
    bad = [(type(w).__name__, w.objectName(), w.accessibleName()) for w in widgets
           if not w.objectName() or not CJK.search(w.accessibleName())]
    assert bad == [], bad
    emergency.reject()
    dlg.accept()


def test_synced_outage_tables_carry_the_sync_columns() -> None:
    from callcenter.store.all_models import Base

    for name in ("outages", "outage_targets", "ticket_outage_links", "emergency_banners"):
        cols = set(Base.metadata.tables[name].c.keys())
        assert {"id", "version", "updated_at", "deleted_at", "origin_workstation"} <= cols, name


def test_console_time_is_entered_in_site_local_time(qtbot: QtBot) -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QDate, QDateTime, QTime

    from callcenter.ui.outages.lookup_panel import OutageConsole

    now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    console = OutageConsole(ZoneInfo("Asia/Shanghai"), lambda: now)
    qtbot.addWidget(console)
    assert console.at.time() == QTime(9, 0)  # shown in site time, not the machine's
    assert console.query().at is None  # "now" by default
    console.at_now.setChecked(False)
    console.at.setDateTime(QDateTime(QDate(2026, 11, 24), QTime(8, 30)))
    assert console.query().at == datetime(2026, 11, 24, 0, 30, tzinfo=UTC)
    with qtbot.waitSignal(console.searchRequested) as blocker:
        ime_commit(console.account, "3100000001")
        qtbot.keyClick(console.account, Qt.Key.Key_Return)
    assert blocker.args is not None and blocker.args[0].account == "3100000001"


def test_import_dialog_cancel_writes_nothing(qtbot: QtBot, tmp_path: Path,
                                             dw: tuple[DeskWindow, OutageDesk]) -> None:
    from callcenter.ui.outages.import_dialog import OutageImportDialog

    d, od = dw
    d.desk.sign_in("9001")  # the shift lead imports
    dlg = OutageImportDialog(od.importer, d.window)
    dlg.open()
    qtbot.mouseClick(dlg.cancel_btn, Qt.MouseButton.LeftButton)  # pressed before the worker looks
    with qtbot.waitSignal(dlg.finishedReport, timeout=10000):
        dlg.start(write_csv(tmp_path / "a.csv", GOOD_ROWS))
    assert dlg.report is not None and dlg.report.cancelled
    assert dlg.close_btn.isVisible() and not dlg.cancel_btn.isVisible()
    assert d.db.read_now(lambda s: len(s.scalars(select(Outage)).all())) == 6  # the demo ones only
    dlg.accept()


def test_console_cuts_a_pasted_overlong_search_and_says_so(qtbot: QtBot) -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from callcenter.services.outages.lookup import MAX_QUERY_CHARS
    from callcenter.ui.outages.lookup_panel import OutageConsole

    console = OutageConsole(ZoneInfo("Asia/Shanghai"), lambda: datetime(2026, 11, 23, tzinfo=UTC))
    qtbot.addWidget(console)
    console.text.setText("幸福" * 5_000)  # a paste
    assert len(console.text.text()) == MAX_QUERY_CHARS
    with qtbot.waitSignal(console.searchRequested) as blocker:
        console.search()
    assert blocker.args is not None and len(blocker.args[0].text) == MAX_QUERY_CHARS
    console.show_results([])
    assert console.result_label.text().endswith(f"(search text is limited to {MAX_QUERY_CHARS} characters)")
