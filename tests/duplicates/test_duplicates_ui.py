"""Duplicates panel and the shift lead's alerts through the real window, on a
real SQLite file: typing shows earlier tickets, urging ends the wrap-up without
a new ticket, a repeat complaint shows its reply or progress and alerts the lead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from callcenter.domain.agent_state import AgentState
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import Actor, Role, TicketAction
from callcenter.services.tickets.duplicates import DuplicateQuery
from callcenter.services.tickets.entry import DispatchRequest
from callcenter.services.tickets.workflow import ActionRequest, TicketWorkflow
from callcenter.store.models import CallEventRow, Ticket, TicketEvent
from callcenter.telephony.port import CallOffered
from callcenter.ui.tickets.duplicates_integration import DuplicatesDesk, install
from tests.fakes import ime_commit, signed_in
from tests.ui.desk_window import DeskWindow, make_desk_window

PHONE = "13800138077"
MARKETING = Actor("8002", Role.DEPARTMENT, "marketing")


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskWindow, DuplicatesDesk]]:
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    wf = TicketWorkflow(d.db, d.clock, "W01")
    feature = install(d.window, d.desk, d.db, d.desk.profile, d.clock, wf)
    d.window.show()
    qtbot.waitExposed(d.window)
    yield d, feature
    d.close()


def earlier(d: DeskWindow, category: str, *, dispatch: str | None = "marketing") -> str:
    draft = TicketDraft(category=category, content="抄表员多次估抄电量", caller_name="李四",
                        caller_phone=PHONE, address="临江市江城区幸福路12号",
                        area_type="urban", priority="soon")
    req = DispatchRequest(dispatch, 5) if dispatch else None
    saved = d.saved_earlier(draft, dispatch=req)
    d.clock.advance(3600)
    return saved.number


def call_to_wrapup(qtbot: QtBot, d: DeskWindow, agent: str = "1024") -> None:
    d.desk.sign_in(agent)
    d.desk.set_ready()
    d.tel.send(CallOffered("c9", PHONE))
    d.advance(2.0)
    d.desk.answer()
    d.advance(30.0)
    d.desk.hang_up()
    assert d.desk.status.state is AgentState.WRAP_UP


def pick_row(qtbot: QtBot, f: DuplicatesDesk, row: int) -> None:
    """The agent clicks the earlier ticket the call is about (nothing is preselected)."""
    table = f.panel.table
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert f.panel.selected() is not None


def type_phone_and_category(qtbot: QtBot, d: DeskWindow, category: str) -> None:
    form = d.window.form
    cat = form.findChild(QComboBox, "ticketCategory")
    cat.setCurrentIndex(cat.findData(category))
    phone = form.findChild(QLineEdit, "ticketCallerPhone")
    phone.clear()
    qtbot.keyClicks(phone, PHONE)


def test_typing_shows_earlier_tickets_and_urge_ends_wrapup_without_a_ticket(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    d, f = dw
    number = earlier(d, "fault_repair", dispatch="repair")
    call_to_wrapup(qtbot, d)
    assert not f.panel.isVisible()
    with qtbot.waitSignal(f.panel.checked, timeout=5000):
        type_phone_and_category(qtbot, d, "fault_repair")
    qtbot.waitUntil(f.panel.isVisible)
    table = f.panel.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == number
    assert table.item(0, 1).text() == "故障报修" and "phone" in table.item(0, 4).text()
    assert not f.panel.urge_btn.isEnabled()  # no row is preselected
    pick_row(qtbot, f, 0)
    assert f.panel.urge_btn.isEnabled()
    tickets_before = d.db.read_now(lambda s: s.scalar(select(func.count(Ticket.id))))

    content = d.window.form.findChild(QPlainTextEdit, "ticketContent")
    ime_commit(content, "客户再次来电催促抢修")
    d.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d.window)
    with qtbot.waitSignal(f.urged, timeout=5000) as urged:  # keyboard first: Ctrl+Shift+U
        qtbot.keyClick(content, Qt.Key.Key_U,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert urged.args[0].urge_count == 1
    qtbot.waitUntil(lambda: d.desk.status.state is not AgentState.WRAP_UP)
    assert d.desk.status.state is AgentState.READY and d.desk.current_call is None
    d.db.flush()
    assert d.db.read_now(lambda s: s.scalar(select(func.count(Ticket.id)))) == tickets_before
    ev = d.db.read_now(lambda s: s.scalars(select(TicketEvent).where(
        TicketEvent.kind == "urge")).one())
    assert ev.actor == "1024" and ev.data["note"] == "客户再次来电催促抢修"
    assert ev.data["caller"] == PHONE and ev.data["call_id"]
    wrap = d.db.read_now(lambda s: s.scalars(select(CallEventRow).where(
        CallEventRow.kind == "wrap_up_done")).all())
    assert len(wrap) == 1
    assert d.window.form.draft().caller_phone == ""
    qtbot.waitUntil(lambda: not f.panel.isVisible())
    assert number in d.window.statusBar().currentMessage()


def test_urge_is_offered_only_in_wrapup(qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    d, f = dw
    earlier(d, "fault_repair", dispatch="repair")
    d.desk.sign_in("1024")
    d.desk.set_ready()
    d.tel.send(CallOffered("c1", PHONE))
    d.desk.answer()
    with qtbot.waitSignal(f.panel.checked, timeout=5000):
        type_phone_and_category(qtbot, d, "fault_repair")
    assert f.panel.table.rowCount() == 1 and not f.panel.urge_btn.isEnabled()
    assert "wrap-up" in f.panel.hint.text()
    pick_row(qtbot, f, 0)
    d.desk.hang_up()
    assert f.panel.urge_btn.isEnabled()


def test_repeat_complaint_resolved_shows_the_reply_to_read_out(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    d, f = dw
    number = earlier(d, "complaint")
    wf = TicketWorkflow(d.db, d.clock, "W01")
    tid = d.db.read_now(lambda s: s.scalar(select(Ticket.id).where(Ticket.number == number)))
    for action, kw in ((TicketAction.ACCEPT, {}),
                       (TicketAction.REPLY, {"reply": {"result": "已重新抄表并退还多收电费"}})):
        snap = wf.get(tid)
        wf.apply(ActionRequest(tid, action, MARKETING, snap.version, **kw))  # type: ignore[arg-type]
    call_to_wrapup(qtbot, d)
    with qtbot.waitSignal(f.panel.checked, timeout=5000) as got:
        type_phone_and_category(qtbot, d, "complaint")
    r = got.args[0].repeat
    assert r is not None and r.resolved and r.alert is None
    text = f.panel.repeat_label.text()
    assert number in text and "已重新抄表并退还多收电费" in text
    assert f.alerts_view.items == []
    d.db.flush()
    shown = d.db.read_now(lambda s: [e.data for e in s.scalars(select(CallEventRow).where(
        CallEventRow.kind == "script_shown"))])
    read_out = [x for x in shown if x["key"] == "repeat_complaint_reply"]
    assert read_out == [{"key": "repeat_complaint_reply", "text": "已重新抄表并退还多收电费",
                         "ticket": number, "alerted": False}]


def test_repeat_complaint_unresolved_alerts_the_lead_who_acknowledges(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    d, f = dw
    number = earlier(d, "complaint")
    call_to_wrapup(qtbot, d)
    assert not f.alerts_view.isVisible()  # an agent is signed in, not the lead
    with qtbot.waitSignal(f.panel.alertRaised, timeout=5000):
        type_phone_and_category(qtbot, d, "complaint")
    qtbot.waitUntil(lambda: f.panel.result is not None and f.panel.result.repeat is not None)
    text = f.panel.repeat_label.text()
    assert number in text and "营销部" in text and "shift lead" in text.lower()
    assert "alerted" in d.window.statusBar().currentMessage()
    d.db.flush()
    progress = d.db.read_now(lambda s: [e.data for e in s.scalars(select(CallEventRow).where(
        CallEventRow.kind == "script_shown")) if e.data["key"] == "repeat_complaint_progress"])
    assert progress == [{"key": "repeat_complaint_progress", "text": "dispatched",
                         "ticket": number, "alerted": True}]

    # the agent finishes with a new ticket; the shift lead signs in at this desk
    d.desk.set_busy("break", no_ticket_reason="test: ends the wrap-up")
    d.desk.sign_out()
    with qtbot.waitSignal(f.alerts_view.shown, timeout=5000) as shown:
        d.desk.sign_in("9001")
    assert [a.ticket_number for a in shown.args[0]] == [number]
    assert f.alerts_view.isVisible() and f.alerts_view.list.count() == 1
    assert number in f.alerts_view.list.item(0).text()
    with qtbot.waitSignal(f.alerts_view.acknowledged, timeout=5000) as acked:
        qtbot.mouseClick(f.alerts_view.ack_btn, Qt.MouseButton.LeftButton)
    assert acked.args[0].acknowledged_by == "9001"
    qtbot.waitUntil(lambda: f.alerts_view.list.count() == 0)
    assert "No open alerts" in f.alerts_view.summary.text()


def test_an_alert_raised_on_this_desk_reaches_the_signed_in_lead_at_once(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    d, f = dw
    earlier(d, "complaint")
    with qtbot.waitSignal(f.alerts_view.shown, timeout=5000) as first:
        d.desk.sign_in("9001")
    assert first.args[0] == [] and f.alerts_view.isVisible()
    f.alerts_view.poll.stop()  # prove it does not wait for the poll
    query = DuplicateQuery.from_draft(TicketDraft(category="complaint", caller_phone=PHONE))
    with qtbot.waitSignal(f.alerts_view.shown, timeout=5000) as shown:
        f.duplicates.check(query, agent_id="9001")  # the lead takes a call too
    assert len(shown.args[0]) == 1 and f.alerts_view.list.count() == 1
    assert "⚠" in f.alerts_view.summary.text()


def test_urge_refused_when_the_ticket_closed_meanwhile_keeps_the_call_and_form(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    d, f = dw
    number = earlier(d, "inquiry", dispatch=None)
    call_to_wrapup(qtbot, d)
    with qtbot.waitSignal(f.panel.checked, timeout=5000):
        type_phone_and_category(qtbot, d, "inquiry")
    pick_row(qtbot, f, 0)
    assert f.panel.urge_btn.isEnabled()
    wf = TicketWorkflow(d.db, d.clock, "W01")
    tid = d.db.read_now(lambda s: s.scalar(select(Ticket.id).where(Ticket.number == number)))
    wf.apply(ActionRequest(tid, TicketAction.CLOSE_ON_CALL, Actor("9001", Role.SHIFT_LEAD),
                           wf.get(tid).version))
    with qtbot.waitSignal(f.urgeFailed, timeout=5000) as failed:
        qtbot.mouseClick(f.panel.urge_btn, Qt.MouseButton.LeftButton)
    assert failed.args == ["wrong_state"]
    assert d.desk.status.state is AgentState.WRAP_UP
    assert d.window.form.draft().caller_phone == PHONE
    assert "NOT recorded" in d.window.statusBar().currentMessage()
    assert f.panel.urge_btn.isEnabled()  # the agent may try another ticket or save a new one


def test_alerts_written_by_others_arrive_by_polling_and_stop_for_non_leads(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    """Stands in for sync (issue 6): a row that appears in the store without this
    desk's Alerts service knowing is found by the named poll timer."""
    from callcenter.services.alerts.inbox import REPEAT_COMPLAINT, Alerts

    d, f = dw
    f.alerts_view.poll.setInterval(50)
    with qtbot.waitSignal(f.alerts_view.shown, timeout=5000):
        d.desk.sign_in("9001")
    assert f.alerts_view.poll.isActive()
    elsewhere = Alerts(d.db, d.clock, "W02", user=signed_in("2048"))
    elsewhere.raise_alert(REPEAT_COMPLAINT, "LJ-W02-20261123-0001 · 13900000000",
                          created_by="2048").result(timeout=5)
    qtbot.waitUntil(lambda: f.alerts_view.list.count() == 1, timeout=5000)
    assert "LJ-W02-20261123-0001" in f.alerts_view.list.item(0).text()
    d.desk.sign_out()
    assert not f.alerts_view.poll.isActive() and not f.alerts_view.isVisible()
    d.desk.sign_in("1024")
    assert not f.alerts_view.poll.isActive() and not f.alerts_view.isVisible()


def test_urge_uses_the_desk_command_for_ending_wrapup_when_it_exists(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    """The lead may add CallDesk.finish_wrapup_without_ticket(via=..., **data);
    the feature then ends the wrap-up through it (no busy blip)."""
    d, f = dw
    number = earlier(d, "fault_repair", dispatch="repair")
    call_to_wrapup(qtbot, d)
    seen: list[dict[str, str]] = []

    def finish(**data: str) -> None:
        seen.append(data)
        d.desk.set_busy("break", no_ticket_reason="urge")  # stands in for the real command's effect
        d.desk.set_ready()

    d.desk.finish_wrapup_without_ticket = finish  # type: ignore[attr-defined]
    with qtbot.waitSignal(f.panel.checked, timeout=5000):
        type_phone_and_category(qtbot, d, "fault_repair")
    pick_row(qtbot, f, 0)
    with qtbot.waitSignal(f.urged, timeout=5000):
        qtbot.mouseClick(f.panel.urge_btn, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and seen[0]["via"] == "urge" and seen[0]["number"] == number
    assert d.desk.status.state is AgentState.READY


def test_timers_firing_after_the_store_closed_do_nothing(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    d, f = dw
    with qtbot.waitSignal(f.alerts_view.shown, timeout=5000):
        d.desk.sign_in("9001")
    d.db.close()
    f.alerts_view.refresh()  # the poll timer's slot
    assert not f.alerts_view.poll.isActive()
    f.panel.draft_changed(TicketDraft(category="complaint", caller_phone=PHONE))
    f.panel.query_now()  # the debounce timer's slot
    assert f.panel.result is None


def test_history_keeps_the_agents_row_when_the_category_changes(
        qtbot: QtBot, dw: tuple[DeskWindow, DuplicatesDesk]) -> None:
    """Issue 17 item 11: no preselected row; rows never reorder as the category
    changes, so 记为催办 lands on the ticket the agent looked at."""
    d, f = dw
    older = earlier(d, "fault_repair", dispatch="repair")
    newer = earlier(d, "complaint")
    call_to_wrapup(qtbot, d)
    with qtbot.waitSignal(f.panel.checked, timeout=5000):
        type_phone_and_category(qtbot, d, "complaint")
    table = f.panel.table
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    order = [table.item(r, 0).text() for r in range(2)]
    assert order == [newer, older]  # newest first
    assert f.panel.selected() is None and not f.panel.urge_btn.isEnabled()
    pick_row(qtbot, f, 1)  # the agent looks at the older repair ticket
    assert f.panel.selected() is not None and f.panel.selected().number == older
    cat = d.window.form.findChild(QComboBox, "ticketCategory")
    with qtbot.waitSignal(f.panel.checked, timeout=5000):
        cat.setCurrentIndex(cat.findData("fault_repair"))  # the same-category ticket changes
    assert [table.item(r, 0).text() for r in range(2)] == order
    assert f.panel.selected() is not None and f.panel.selected().number == older
    with qtbot.waitSignal(f.urged, timeout=5000) as urged:
        qtbot.mouseClick(f.panel.urge_btn, Qt.MouseButton.LeftButton)
    assert urged.args[0].number == older
