"""Dispatch, department reply and a stale second window, through the real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import TicketAction, TicketState
from callcenter.services.tickets.workflow import ActionRequest, TicketWorkflow
from callcenter.ui.tickets.lifecycle_integration import LifecycleController, install
from tests.fakes import ime_commit

from .desk_window import DeskWindow, make_desk_window

Rig = tuple[DeskWindow, LifecycleController]


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskWindow, LifecycleController]]:
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    wf = TicketWorkflow(d.db, d.clock, "W01")
    ctl = install(d.window, d.desk, d.db, d.desk.profile, d.clock, wf, "zh")
    d.window.show()
    yield d, ctl
    for dlg in list(ctl.dialogs.values()):
        dlg.close()
    for timer in d.window.findChildren(QTimer):  # as AppContext.shutdown: none fires on a closed store
        timer.stop()
    d.close()


def a_ticket(d: DeskWindow) -> object:
    draft = TicketDraft(category="fault_repair", content="整栋楼停电", caller_phone="13800138001",
                        address="临江市江城区幸福路12号", area_type="urban", priority="urgent")
    return d.saved_earlier(draft).id


def queued(ctl: LifecycleController) -> set[object]:
    m = ctl.view.model
    return {m.row_at(r).id for r in range(m.rowCount())}


def click(qtbot: QtBot, ctl: LifecycleController, tid: object, action: TicketAction) -> None:
    dlg = ctl.dialogs[tid]  # type: ignore[index]
    qtbot.waitUntil(lambda: action in dlg.action_buttons)
    qtbot.mouseClick(dlg.action_buttons[action], Qt.MouseButton.LeftButton)


def test_agent_dispatches_department_accepts_and_replies(qtbot: QtBot, dw: Rig) -> None:
    d, ctl = dw
    tid = a_ticket(d)
    d.desk.sign_in("1024")
    ctl.open_ticket(tid)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tid in ctl.dialogs)
    dlg = ctl.dialogs[tid]  # type: ignore[index]
    assert TicketAction.ACCEPT not in dlg.action_buttons  # an agent cannot accept for a department
    dlg.department.setCurrentIndex(dlg.department.findData("repair"))
    ime_commit(dlg.note, "请尽快到场")
    click(qtbot, ctl, tid, TicketAction.DISPATCH)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.DISPATCHED)
    assert dlg.note.text() == ""
    dlg.close()
    qtbot.waitUntil(lambda: tid not in ctl.dialogs)

    d.desk.sign_out()
    d.desk.sign_in("8001")  # 抢修中心 department user
    qtbot.waitUntil(lambda: tid in queued(ctl))
    assert "抢修中心" in ctl.view.title.text()
    ctl.view.ticketActivated.emit(tid)
    qtbot.waitUntil(lambda: tid in ctl.dialogs)
    dlg = ctl.dialogs[tid]  # type: ignore[index]
    click(qtbot, ctl, tid, TicketAction.ACCEPT)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.IN_PROGRESS)
    ime_commit(dlg.reply["result"], "已恢复供电")
    click(qtbot, ctl, tid, TicketAction.REPLY)  # a repair reply needs all five facts
    qtbot.waitUntil(dlg.message.isVisible)
    assert dlg.reply["result"].text() == "已恢复供电"  # kept
    for name, value in (("departed_at", "10:00"), ("arrived_at", "10:35"), ("restored_at", "11:00")):
        dlg.reply[name].setText(value)
    ime_commit(dlg.reply["cause"], "表箱开关跳闸")
    click(qtbot, ctl, tid, TicketAction.REPLY)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.REPLIED)
    assert any("回复" in dlg.timeline.item(i).text() or "Reply" in dlg.timeline.item(i).text()
               for i in range(dlg.timeline.count()))
    qtbot.waitUntil(lambda: tid not in queued(ctl))  # off the department's queue


def test_second_window_is_told_and_keeps_its_text(qtbot: QtBot, dw: Rig) -> None:
    d, ctl = dw
    tid = a_ticket(d)
    d.desk.sign_in("9001")  # shift lead
    ctl.open_ticket(tid)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tid in ctl.dialogs)
    dlg = ctl.dialogs[tid]  # type: ignore[index]
    # meanwhile another desk's agent dispatched it
    wf = TicketWorkflow(d.db, d.clock, "W02")
    snap = wf.get(tid)  # type: ignore[arg-type]
    from callcenter.domain.ticket_lifecycle import Actor, Role

    wf.apply(ActionRequest(snap.id, TicketAction.DISPATCH, Actor("1025", Role.AGENT), snap.version,
                           department="repair"))
    ime_commit(dlg.note, "客户第三次来电")
    click(qtbot, ctl, tid, TicketAction.SUPERVISE)
    qtbot.waitUntil(dlg.message.isVisible)
    assert "修改" in dlg.message.text() or "changed" in dlg.message.text()
    assert dlg.note.text() == "客户第三次来电"
    assert dlg.detail.state is TicketState.DISPATCHED  # reloaded
    click(qtbot, ctl, tid, TicketAction.SUPERVISE)  # now on the fresh version
    qtbot.waitUntil(lambda: dlg.detail.supervised)


def test_department_queue_model_is_a_valid_qt_model(qtmodeltester, dw: Rig) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    from callcenter.services.tickets.detail import department_queue

    d, ctl = dw
    rows = d.db.read_now(lambda s: department_queue(s, "repair"))
    assert rows
    ctl.view.model.set_rows(rows)
    qtmodeltester.check(ctl.view.model, force_py=True)


def test_status_bar_counts_overdue_tickets(qtbot: QtBot, dw: Rig) -> None:
    from callcenter.services.tickets.entry import DispatchRequest

    d, ctl = dw
    draft = TicketDraft(category="complaint", content="投诉", caller_name="王五", caller_phone="13800138002")
    d.saved_earlier(draft, dispatch=DispatchRequest("marketing", 1))
    d.clock.advance(2 * 86400)  # two days later
    ctl.refresh_counts()
    qtbot.waitUntil(lambda: ctl.deadline_status.counts.overdue >= 2)  # ours and the demo repair
    assert "⛔" in ctl.deadline_status.text()


def test_department_list_flags_near_and_overdue_with_text(qtbot: QtBot, dw: Rig) -> None:
    from datetime import timedelta

    from callcenter.services.tickets.detail import QueueRow

    d, ctl = dw
    now = d.clock.utc_now()
    rows = [QueueRow(uuid, f"N{i}", TicketState.DISPATCHED, "complaint", "地址", "内容",
                     now + timedelta(hours=h), now - timedelta(hours=10))
            for i, (uuid, h) in enumerate([(a_ticket(d), 10), (a_ticket(d), 1), (a_ticket(d), -1)])]
    m = ctl.view.model
    m.now = now
    m.set_rows(rows)
    texts = [m.data(m.index(r, 2)) for r in range(3)]
    assert not texts[0].startswith(("⚠", "⛔"))  # 50% of its time used
    assert texts[1].startswith("⚠")  # 91% used: near its deadline
    assert texts[2].startswith("⛔")  # overdue


def test_ticket_saved_with_ready_and_dispatched_from_the_dialog_gets_a_deadline(
        qtbot: QtBot, dw: Rig) -> None:
    """Issue 17 item 5: 置闲 first, 下发 later from the ticket window."""
    from datetime import timedelta

    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
    from sqlalchemy import select

    from callcenter.store.models import Ticket
    from callcenter.telephony.port import CallOffered, CallReleased

    from .test_call_loop import combo_pick, press, sign_in

    d, ctl = dw
    d.window.activateWindow()
    sign_in(qtbot, d)
    press(qtbot, d, Qt.Key.Key_F3)
    d.tel.send(CallOffered("c1", "13800138001"))
    press(qtbot, d, Qt.Key.Key_F5)
    form = d.window.form
    qtbot.waitUntil(lambda: form.caller_phone.text() == "13800138001")  # the screen pop
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "fault_repair")
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "家里没电了")
    ime_commit(form.findChild(QLineEdit, "ticketAddress"), "临江市江城区幸福路12号")
    combo_pick(form.findChild(QComboBox, "ticketAreaType"), "urban")
    combo_pick(form.findChild(QComboBox, "ticketPriority"), "soon")
    d.tel.send(CallReleased("c1", by="customer"))
    press(qtbot, d, Qt.Key.Key_F8)  # 置闲: saved, not dispatched
    assert not form.error_text(), form.error_text()
    qtbot.waitUntil(lambda: d.desk.status.state.value == "ready")
    t = d.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.status == "accepted" and t.deadline_at is None

    d.clock.advance(300)
    ctl.open_ticket(t.id)
    qtbot.waitUntil(lambda: t.id in ctl.dialogs)
    dlg = ctl.dialogs[t.id]
    dlg.department.setCurrentIndex(dlg.department.findData("repair"))
    at = d.clock.utc_now()
    click(qtbot, ctl, t.id, TicketAction.DISPATCH)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.DISPATCHED)
    after = d.db.read_now(lambda s: s.get(Ticket, t.id))
    assert after is not None and after.deadline_at == at + timedelta(minutes=45)
    assert dlg.detail.deadline_at == at + timedelta(minutes=45)  # the dialog shows it


def test_phone_less_inquiry_is_not_dispatched_from_the_dialog(qtbot: QtBot, dw: Rig) -> None:
    """Issue 17 item 7 (Q62), for a ticket saved earlier without a phone."""
    d, ctl = dw
    tid = d.saved_earlier(TicketDraft(category="inquiry", content="咨询电价")).id
    d.desk.sign_in("1024")
    ctl.open_ticket(tid)
    qtbot.waitUntil(lambda: tid in ctl.dialogs)
    dlg = ctl.dialogs[tid]
    dlg.department.setCurrentIndex(dlg.department.findData("marketing"))
    click(qtbot, ctl, tid, TicketAction.DISPATCH)
    qtbot.waitUntil(dlg.message.isVisible)
    assert "contact phone" in dlg.message.text()
    assert dlg.detail.state is TicketState.ACCEPTED
