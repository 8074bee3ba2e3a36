"""Issue 17 item 17, through the real widgets: a department's reply to a complaint
asks for the complaint's reply (not the repair crew's times and cause), the reply
text shows in the ticket's timeline, and the department list shows ticket numbers
whole."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import TicketAction, TicketState
from callcenter.services.tickets.entry import DispatchRequest
from tests.fakes import ime_commit

from .test_lifecycle_ui import Rig, a_ticket, click, dw, queued

__all__ = ["dw"]  # the fixture, shared with the lifecycle tests

REPLY = "已核实：抄表员漏抄，已向客户致歉并更正电费。"


def test_complaint_reply_fields_timeline_and_whole_numbers(qtbot: QtBot, dw: Rig) -> None:
    d, ctl = dw
    draft = TicketDraft(category="complaint", content="电费突然翻倍，怀疑抄错表", caller_name="王五",
                        caller_phone="13800138002")
    tid = d.saved_earlier(draft, dispatch=DispatchRequest("marketing", 1)).id
    d.desk.sign_in("8002")  # 营销部 department user
    qtbot.waitUntil(lambda: tid in queued(ctl))
    table, model = ctl.view.table, ctl.view.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == tid)
    number = model.row_at(row).number
    needed = table.fontMetrics().horizontalAdvance(number)
    assert table.columnWidth(0) > needed  # not cut to "LJ-···"
    ctl.view.ticketActivated.emit(tid)
    qtbot.waitUntil(lambda: tid in ctl.dialogs)
    dlg = ctl.dialogs[tid]
    click(qtbot, ctl, tid, TicketAction.ACCEPT)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.IN_PROGRESS)
    qtbot.waitUntil(dlg.reply_box.isVisible)
    assert dlg.reply["result"].isVisible()
    for repair_only in ("departed_at", "arrived_at", "cause", "restored_at"):
        assert not dlg.reply[repair_only].isVisible(), repair_only
    click(qtbot, ctl, tid, TicketAction.REPLY)  # nothing written yet: refused, in its own words
    qtbot.waitUntil(dlg.message.isVisible)
    assert "repair" not in dlg.message.text() and "result" in dlg.message.text()
    ime_commit(dlg.reply["result"], REPLY)
    click(qtbot, ctl, tid, TicketAction.REPLY)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.REPLIED)
    lines = [dlg.timeline.item(i).text() for i in range(dlg.timeline.count())]
    assert any(REPLY in line for line in lines), lines


def test_repair_reply_keeps_the_crews_fields_and_shows_them_in_the_timeline(
        qtbot: QtBot, dw: Rig) -> None:
    d, ctl = dw
    tid = a_ticket(d)
    d.desk.sign_in("9001")
    ctl.open_ticket(tid)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tid in ctl.dialogs)
    dlg = ctl.dialogs[tid]  # type: ignore[index]
    dlg.department.setCurrentIndex(dlg.department.findData("repair"))
    click(qtbot, ctl, tid, TicketAction.DISPATCH)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.DISPATCHED)
    dlg.close()
    qtbot.waitUntil(lambda: tid not in ctl.dialogs)
    d.desk.sign_out()
    d.desk.sign_in("8001")
    ctl.open_ticket(tid)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tid in ctl.dialogs)
    dlg = ctl.dialogs[tid]  # type: ignore[index]
    click(qtbot, ctl, tid, TicketAction.ACCEPT)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.IN_PROGRESS)
    qtbot.waitUntil(dlg.reply_box.isVisible)
    assert all(w.isVisible() for w in dlg.reply.values())
    for name, value in (("departed_at", "10:00"), ("arrived_at", "10:35"), ("restored_at", "11:00"),
                        ("cause", "表箱开关跳闸"), ("result", "已恢复供电")):
        ime_commit(dlg.reply[name], value)
    click(qtbot, ctl, tid, TicketAction.REPLY)
    qtbot.waitUntil(lambda: dlg.detail.state is TicketState.REPLIED)
    lines = [dlg.timeline.item(i).text() for i in range(dlg.timeline.count())]
    assert any("表箱开关跳闸" in line and "已恢复供电" in line for line in lines), lines
