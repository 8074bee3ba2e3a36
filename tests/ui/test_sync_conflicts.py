"""The conflicts dialog on a real conflict: two desks edit the same ticket field
and sync with a real central. Keeping mine writes the desk's value again as a
local edit that the next round pushes; taking central's pushes nothing; a row
with unpushed edits, or a conflict not yet followed by a pull, is refused with
a reason; a pull clash (same account number) can only be dismissed."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from callcenter.domain.auth.permissions import Permission, PermissionDenied
from callcenter.domain.auth.roles import Role
from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.conflicts import Choice, Refusal, ResolveRefused, SyncConflicts
from callcenter.services.sync.engine import SyncEngine
from callcenter.store.models import Account, Ticket
from callcenter.store.sync_models import SyncConflict
from callcenter.sync import outbox_reader as reader
from callcenter.sync.central import CentralClient
from callcenter.ui.shared.i18n import install_translator
from callcenter.ui.sync.conflicts_dialog import SyncConflictsDialog
from tests.fakes import signed_in
from tests.sync.conftest import (  # noqa: F401 (the real PostgreSQL fixtures of tests/sync)
    _central_template,
    central_url,
    new_central_db,
    pg_server_url,
)
from tests.sync.test_engine import customer, edit_ticket, one_ticket
from tests.sync.test_outbox_replay import run_shift

TZ = ZoneInfo("Asia/Shanghai")
Desks = Callable[[str], tuple[Database, SyncEngine]]


@pytest.fixture
def zh(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    assert tr is not None
    yield
    app.removeTranslator(tr)


@pytest.fixture
def desks(tmp_path: Path, central_url: str) -> Iterator[Desks]:  # noqa: F811
    made: list[tuple[Database, SyncEngine]] = []

    def make(name: str) -> tuple[Database, SyncEngine]:
        db = open_database(tmp_path / f"{name}.sqlite3")
        engine = SyncEngine(db, name, lambda: CentralClient(central_url))
        made.append((db, engine))
        return db, engine

    yield make
    for db, engine in made:
        engine.close()
        db.close()


@pytest.fixture
def conflict(desks: Desks) -> tuple[Database, SyncEngine, Database, SyncEngine, uuid.UUID]:
    """Desk B's push of ``content`` conflicts with desk A's earlier change of it."""
    a_db, a = desks("WA")
    b_db, b = desks("WB")
    run_shift(a_db)
    a.run_once()
    b.run_once()
    tid = one_ticket(a_db).id
    edit_ticket(a_db, tid, content="A 的说明")
    edit_ticket(b_db, tid, content="B 的说明", priority="urgent")
    a.run_once()
    assert b.run_once().conflicts == 1
    return a_db, a, b_db, b, tid


def dialog(qtbot: QtBot, db: Database, agent: str | None = "1024") -> SyncConflictsDialog:
    dlg = SyncConflictsDialog(conflicts_of(db), TZ, lambda: agent)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.loaded):
        dlg.refresh()
    return dlg


def choose(qtbot: QtBot, dlg: SyncConflictsDialog, button: Any) -> None:
    with qtbot.waitSignal(dlg.loaded, timeout=10_000):  # the list is read again after a choice
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def central_ticket(central_url: str, tid: uuid.UUID) -> tuple[str, str]:  # noqa: F811
    with psycopg.connect(central_url) as conn:
        row = conn.execute("SELECT content, priority FROM public.tickets WHERE id = %s",
                           (tid,)).fetchone()
    assert row is not None
    return row[0], row[1]


def stored_conflict(db: Database) -> SyncConflict:
    return db.read_now(lambda s: s.scalars(select(SyncConflict)).one())


def test_the_dialog_lists_the_conflict_in_chinese(qtbot: QtBot, qtmodeltester: Any, zh: None,
                                                  conflict: Any) -> None:
    _a_db, _a, b_db, _b, tid = conflict
    dlg = dialog(qtbot, b_db)
    qtmodeltester.check(dlg.model)
    m = dlg.model
    number = b_db.read_now(lambda s: s.get(Ticket, tid)).number
    assert m.rowCount() == 1
    assert [m.headerData(i, Qt.Orientation.Horizontal) for i in range(m.columnCount())] == [
        "记录", "字段", "我的值", "中心库的值", "发现时间", "说明"]
    assert m.index(0, 0).data() == f"工单 {number}"
    assert (m.index(0, 1).data(), m.index(0, 2).data(), m.index(0, 3).data()) == (
        "受理内容", "B 的说明", "A 的说明")
    assert m.index(0, 5).data() == "另一坐席也修改了此项"
    assert dlg.keep_mine_btn.isEnabled() and dlg.take_central_btn.isEnabled()
    for w in (dlg.view, dlg.keep_mine_btn, dlg.take_central_btn, dlg.dismiss_btn, dlg.refresh_btn,
              dlg.close_btn):
        assert w.objectName() and w.accessibleName()
    assert dlg.keep_mine_btn.text() == "保留我的值(&M)"
    assert QApplication.focusWidget() in (dlg.view, None) or dlg.view.hasFocus()


def test_keep_mine_is_pushed_with_the_next_round(qtbot: QtBot, zh: None, conflict: Any,
                                                 central_url: str) -> None:  # noqa: F811
    a_db, a, b_db, b, tid = conflict
    assert central_ticket(central_url, tid) == ("A 的说明", "urgent")  # priority merged
    dlg = dialog(qtbot, b_db)
    with qtbot.waitSignal(dlg.resolved) as sig:
        choose(qtbot, dlg, dlg.keep_mine_btn)
    assert sig.args == ["mine"]
    assert "已保留我的值" in dlg.message.text() and dlg.model.rowCount() == 0
    c = stored_conflict(b_db)
    assert (c.resolution, c.resolved_by) == ("mine", "1024") and c.resolved_at is not None
    t = b_db.read_now(lambda s: s.get(Ticket, tid))
    assert t.content == "B 的说明"
    # a normal local edit, captured; the ticket was dispatched, so its audit record
    # (an edit after dispatch) goes in the same transaction
    q = b_db.read_now(reader.queue_status)
    assert (q.depth, q.transactions) == (2, 1)
    rep = b.run_once()
    assert rep.pushed_ops == 2 and rep.conflicts == 0
    assert central_ticket(central_url, tid) == ("B 的说明", "urgent")
    a.run_once()
    assert a_db.read_now(lambda s: s.get(Ticket, tid)).content == "B 的说明"


def test_keeping_mine_on_a_dispatched_ticket_is_an_audited_edit(qtbot: QtBot, zh: None,
                                                                conflict: Any) -> None:
    """Issue 12: an edit of a ticket after dispatch needs TICKET_EDIT and is on the
    audit log; an administrator (who may resolve conflicts) may not edit tickets."""
    _a_db, _a, b_db, _b, tid = conflict
    tickets = Ticket.__table__
    b_db.write_now(lambda s: s.execute(  # as the pull would leave it: not a local edit
        update(tickets).where(tickets.c.id == tid).values(status="dispatched")))
    assert b_db.read_now(reader.queue_status).depth == 0
    admin = SyncConflicts(b_db, user=signed_in("6001", Role.ADMIN), workstation="WB")
    with pytest.raises(PermissionDenied) as denied:
        admin.resolve(stored_conflict(b_db).id, Choice.MINE, "6001").result(5)
    assert denied.value.permission is Permission.TICKET_EDIT
    assert stored_conflict(b_db).resolved_at is None and audit_rows(b_db) == []
    assert b_db.read_now(lambda s: s.get(Ticket, tid)).content == "A 的说明"
    dlg = dialog(qtbot, b_db)  # agent 1024 through the dialog
    with qtbot.waitSignal(dlg.resolved):
        choose(qtbot, dlg, dlg.keep_mine_btn)
    number = b_db.read_now(lambda s: s.get(Ticket, tid)).number
    (rec,) = audit_rows(b_db)
    assert (rec.user_id, rec.action, rec.subject) == ("1024", "ticket_edited_after_dispatch", number)
    assert rec.detail["fields"] == "content" and rec.detail["status"] == "dispatched"


def audit_rows(db: Database) -> list[Any]:
    from callcenter.services.audit.log import recent_in
    return [e.entry for e in db.read_now(lambda s: recent_in(s, 100, None))
            if e.entry is not None and e.entry.action == "ticket_edited_after_dispatch"]


def test_take_central_pushes_nothing(qtbot: QtBot, zh: None, conflict: Any,
                                     central_url: str) -> None:  # noqa: F811
    _a_db, _a, b_db, b, tid = conflict
    dlg = dialog(qtbot, b_db)
    choose(qtbot, dlg, dlg.take_central_btn)
    assert dlg.message.text() == "已采用中心库的值。"
    assert stored_conflict(b_db).resolution == "central"
    assert b_db.read_now(reader.queue_status).depth == 0
    assert b_db.read_now(lambda s: s.get(Ticket, tid)).content == "A 的说明"
    assert b.run_once().pushed_ops == 0
    assert central_ticket(central_url, tid) == ("A 的说明", "urgent")


def test_keep_mine_is_refused_while_the_row_has_pending_edits(qtbot: QtBot, zh: None,
                                                              conflict: Any) -> None:
    _a_db, _a, b_db, b, tid = conflict
    edit_ticket(b_db, tid, meter_no="999")  # not pushed yet
    dlg = dialog(qtbot, b_db)
    assert dlg.model.index(0, 5).data() == "本地修改尚未发送"
    choose(qtbot, dlg, dlg.keep_mine_btn)
    assert "尚未发送到中心库" in dlg.message.text()
    assert stored_conflict(b_db).resolved_at is None
    # the service refuses too (the dialog's list may be old)
    with pytest.raises(ResolveRefused) as err:
        conflicts_of(b_db).resolve(stored_conflict(b_db).id, Choice.MINE, "1024").result(5)
    assert err.value.reason is Refusal.PENDING
    b.run_once()
    with qtbot.waitSignal(dlg.resolved):
        choose(qtbot, dlg, dlg.keep_mine_btn)  # pushed and pulled: now it may


def test_keep_mine_waits_for_a_pull_after_the_conflict(qtbot: QtBot, zh: None,
                                                       conflict: Any) -> None:
    _a_db, _a, b_db, _b, _tid = conflict
    c = stored_conflict(b_db)
    b_db.write_now(lambda s: reader.set_state(
        s, reader.LAST_PULL_AT, (c.detected_at - timedelta(seconds=1)).isoformat()))
    dlg = dialog(qtbot, b_db)
    assert dlg.model.index(0, 5).data() == "等待取回中心库的最新值"
    choose(qtbot, dlg, dlg.keep_mine_btn)
    assert "尚未取回中心库的最新值" in dlg.message.text()
    with pytest.raises(ResolveRefused) as err:
        conflicts_of(b_db).resolve(c.id, Choice.MINE, "1024").result(5)
    assert err.value.reason is Refusal.NOT_PULLED
    # signing in is needed to resolve at all
    nobody = dialog(qtbot, b_db, agent=None)
    qtbot.mouseClick(nobody.dismiss_btn, Qt.MouseButton.LeftButton)
    assert nobody.message.text() == "⚠ 请先签入。" and stored_conflict(b_db).resolved_at is None


def test_a_pull_clash_can_only_be_dismissed(qtbot: QtBot, qtmodeltester: Any, zh: None,
                                            desks: Desks) -> None:
    a_db, a = desks("WA")
    b_db, b = desks("WB")
    customer(a_db, "王五", "3100000077")
    customer(b_db, "钱七", "3100000077")
    a.run_once()
    assert b.run_once().clashes == 1
    dlg = dialog(qtbot, b_db)
    qtmodeltester.check(dlg.model)
    m = dlg.model
    assert m.index(0, 0).data() == "用电户 3100000077"
    assert (m.index(0, 1).data(), m.index(0, 2).data(), m.index(0, 3).data()) == (
        "户号", "（本地另一条记录）", "3100000077")
    assert not dlg.keep_mine_btn.isEnabled() and not dlg.take_central_btn.isEnabled()
    with pytest.raises(ResolveRefused):
        conflicts_of(b_db).resolve(stored_conflict(b_db).id, Choice.MINE, "1024").result(5)
    choose(qtbot, dlg, dlg.dismiss_btn)
    assert dlg.message.text() == "已忽略此冲突。"
    assert stored_conflict(b_db).resolution == "dismissed"
    assert b_db.read_now(lambda s: s.scalars(select(Account.account_no)).all()) == ["3100000077"]


def test_keyboard_only(qtbot: QtBot, zh: None, conflict: Any) -> None:
    _a_db, _a, b_db, _b, _tid = conflict
    dlg = dialog(qtbot, b_db)
    dlg.activateWindow()
    dlg.view.setFocus()
    with qtbot.waitSignal(dlg.resolved):
        qtbot.keyClick(dlg.view, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # 采用中心库的值(&C)
    assert stored_conflict(b_db).resolution == "central"


def test_a_row_central_refused_is_shown_and_can_be_cleaned_and_resent(
        qtbot: QtBot, qtmodeltester: Any, zh: None, desks: Desks, central_url: str) -> None:  # noqa: F811
    from callcenter.domain.clock import FakeClock
    from tests.sync.test_rejected_rows import _bad_outage

    a_db, a = desks("WA")
    a_db.write_now(lambda s: s.add(_bad_outage(FakeClock(), "WA")))
    a.run_once()  # refused by central, kept aside; the round finishes
    dlg = dialog(qtbot, a_db)
    qtmodeltester.check(dlg.model)
    m = dlg.model
    assert m.rowCount() == 1
    assert m.index(0, 0).data() == "停电信息 TD-NUL"
    assert (m.index(0, 1).data(), m.index(0, 2).data(), m.index(0, 3).data()) == (
        "停电原因", "线路故[NUL]障", "（已被拒绝）")
    assert m.index(0, 5).data() == "被中心库拒绝（1 条记录）：含有中心库无法保存的字符"
    assert not dlg.keep_mine_btn.isEnabled() and not dlg.take_central_btn.isEnabled()
    assert dlg.resend_btn.isEnabled() and dlg.resend_btn.accessibleName()
    choose(qtbot, dlg, dlg.resend_btn)
    assert dlg.message.text() == "已清理这些记录，将在下次同步时发送到中心库。"
    assert stored_conflict(a_db).resolution == "resent"
    a.run_once()
    with psycopg.connect(central_url) as conn:
        assert conn.execute("SELECT cause FROM public.outages").fetchall() == [("线路故障",)]


def conflicts_of(db: Database) -> SyncConflicts:
    """The desk's conflicts service as agent 1024 (signed in on W01) resolves them."""
    return SyncConflicts(db, user=signed_in("1024"), workstation="W01")
