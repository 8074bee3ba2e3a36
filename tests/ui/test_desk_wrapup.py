"""Issue 17, the agent's wrap-up through the real window: 示忙 during wrap-up
asks before it ends the call without a ticket (item 4), focus on answer (item 9),
too-long content (item 10)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.domain.agent_state import AgentState
from callcenter.store.models import CallEventRow, Ticket
from callcenter.telephony.port import CallOffered, CallReleased
from tests.fakes import ime_commit

from .desk_window import DeskWindow, make_desk_window
from .test_call_loop import combo_pick, press, sign_in


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path) -> Iterator[DeskWindow]:
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    d.window.show()
    qtbot.waitExposed(d.window)
    d.window.activateWindow()
    yield d
    d.close()


def to_wrap_up(qtbot: QtBot, dw: DeskWindow, call: str = "c1") -> None:
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered(call, "13800138001"))
    press(qtbot, dw, Qt.Key.Key_F5)
    form = dw.window.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "inquiry")
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "咨询峰谷电价")
    dw.tel.send(CallReleased(call, by="customer"))
    assert dw.desk.status.state is AgentState.WRAP_UP


def busy_from_menu(qtbot: QtBot, dw: DeskWindow) -> None:
    # 示忙's first reason, as chosen from its menu (F4 pops the menu up; offscreen
    # Qt warns on popups, so the menu's action is triggered as the click would)
    sp = dw.window.softphone
    assert sp.busy_btn.isEnabled()
    sp.busy_menu.actions()[0].trigger()


def wrap_up_done(dw: DeskWindow) -> list[dict[str, object]]:
    dw.db.flush()
    return dw.db.read_now(lambda s: [dict(r.data) for r in s.scalars(
        select(CallEventRow).where(CallEventRow.kind == "wrap_up_done"))])


def test_busy_in_wrap_up_asks_and_cancel_keeps_the_form_and_f8(qtbot: QtBot, dw: DeskWindow) -> None:
    to_wrap_up(qtbot, dw)
    busy_from_menu(qtbot, dw)
    dlg = dw.window.no_ticket_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    assert dw.desk.status.state is AgentState.WRAP_UP  # nothing ended yet
    qtbot.mouseClick(dlg.cancel_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dw.window.no_ticket_dialog is None)
    form = dw.window.form
    assert dw.desk.status.state is AgentState.WRAP_UP
    assert form.findChild(QPlainTextEdit, "ticketContent").toPlainText() == "咨询峰谷电价"
    sp = dw.window.softphone
    assert sp.finish_btn.isEnabled() and sp.dispatch_btn.isEnabled()  # F8/F9 stay usable
    press(qtbot, dw, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    t = dw.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.content == "咨询峰谷电价"
    assert [d["via"] for d in wrap_up_done(dw)] == ["ready"]


def test_busy_in_wrap_up_needs_a_reason_then_records_no_ticket(qtbot: QtBot, dw: DeskWindow) -> None:
    to_wrap_up(qtbot, dw)
    busy_from_menu(qtbot, dw)
    dlg = dw.window.no_ticket_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)  # no reason: refused
    assert dlg.isVisible() and dlg.message.isVisible()
    assert dw.desk.status.state is AgentState.WRAP_UP
    edit = dlg.reason.lineEdit()
    assert edit is not None
    ime_commit(edit, "客户咨询已当场答复")
    qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.BUSY)
    assert dw.window.form.findChild(QPlainTextEdit, "ticketContent").toPlainText() == ""
    assert wrap_up_done(dw) == [{"via": "busy", "no_ticket_reason": "客户咨询已当场答复"}]
    assert dw.db.read_now(lambda s: s.scalars(
        select(Ticket).where(Ticket.created_by == "1001")).all()) == []


def test_busy_in_wrap_up_with_a_listed_reason(qtbot: QtBot, dw: DeskWindow) -> None:
    to_wrap_up(qtbot, dw)
    busy_from_menu(qtbot, dw)
    dlg = dw.window.no_ticket_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    dlg.reason.setCurrentIndex(2)
    chosen = dlg.reason.currentText()
    assert chosen
    qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.BUSY)
    assert wrap_up_done(dw) == [{"via": "busy", "no_ticket_reason": chosen}]


def test_busy_outside_wrap_up_does_not_ask(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    busy_from_menu(qtbot, dw)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.BUSY)
    assert dw.window.no_ticket_dialog is None


def test_answer_puts_the_focus_in_the_first_ticket_field(qtbot: QtBot, dw: DeskWindow) -> None:
    """Item 9: after F5 what the agent types lands in the ticket form."""
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.window.softphone.ready_btn.setFocus()  # wherever the focus was before the ring
    dw.tel.send(CallOffered("c1", "13800138001"))
    press(qtbot, dw, Qt.Key.Key_F5)
    form = dw.window.form
    category = form.findChild(QComboBox, "ticketCategory")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is category)
    qtbot.waitUntil(lambda: form.caller_phone.text() != "")  # the screen pop does not take it
    assert QApplication.focusWidget() is category
    press(qtbot, dw, Qt.Key.Key_Down)  # the agent picks the category from the keyboard
    assert category.currentIndex() == 1
    content = form.findChild(QPlainTextEdit, "ticketContent")
    press(qtbot, dw, Qt.Key.Key_Tab)
    if QApplication.focusWidget() is form.subtype:  # this category has sub-types
        press(qtbot, dw, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is content


def test_too_long_content_selects_only_the_part_past_the_limit(qtbot: QtBot, dw: DeskWindow) -> None:
    """Item 10: the next key press never replaces the whole complaint."""
    from callcenter.domain.ticket import MAX_LENGTHS

    limit = MAX_LENGTHS["content"]
    to_wrap_up(qtbot, dw)
    content = dw.window.form.findChild(QPlainTextEdit, "ticketContent")
    fits = "客户😀投诉" + "停" * (limit - 5)  # an emoji before the limit: two UTF-16 units in Qt
    assert len(fits) == limit
    content.setFocus()
    content.selectAll()
    ime_commit(content, fits + "多出的八个字！！")
    press(qtbot, dw, Qt.Key.Key_F8)
    assert dw.desk.status.state is AgentState.WRAP_UP
    assert QApplication.focusWidget() is content
    assert content.textCursor().selectedText() == "多出的八个字！！"
    qtbot.keyClick(content, Qt.Key.Key_Delete)  # the agent deletes the excess: what fits stays
    assert content.toPlainText() == fits


def test_too_long_name_selects_only_the_part_past_the_limit(qtbot: QtBot, dw: DeskWindow) -> None:
    from callcenter.domain.ticket import MAX_LENGTHS

    limit = MAX_LENGTHS["caller_name"]
    to_wrap_up(qtbot, dw)
    name = dw.window.form.findChild(QLineEdit, "ticketCallerName")
    name.setText("张" * limit + "XYZ")
    press(qtbot, dw, Qt.Key.Key_F8)
    assert QApplication.focusWidget() is name
    assert name.selectedText() == "XYZ"


def test_repair_deadline_shows_minutes_from_the_profile(qtbot: QtBot, dw: DeskWindow) -> None:
    """Item 6: not "处理时限（天）1" for a 45/90-minute fault repair."""
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered("c1", "13800138001"))
    press(qtbot, dw, Qt.Key.Key_F5)
    form = dw.window.form
    spin = form.deadline_days
    assert spin is not None
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "fault_repair")
    combo_pick(form.findChild(QComboBox, "ticketAreaType"), "urban")
    label = form.label_for("deadline_days")
    assert label.text() == "Deadline (minutes)" and spin.text() == "45 min"
    assert spin.isReadOnly() and spin.accessibleName() == "处理时限(分钟)"
    combo_pick(form.findChild(QComboBox, "ticketAreaType"), "rural")
    assert spin.text() == "90 min"
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "complaint")
    assert label.text() == "Deadline (days)" and spin.text() == "5 days"
    assert not spin.isReadOnly()


def test_inquiry_is_dispatched_only_with_a_contact_phone(qtbot: QtBot, dw: DeskWindow) -> None:
    """Item 7 (Q62): the customer must leave a number to be answered."""
    to_wrap_up(qtbot, dw)  # an inquiry
    form = dw.window.form
    phone = form.findChild(QLineEdit, "ticketCallerPhone")
    qtbot.waitUntil(lambda: phone.text() != "")  # the screen pop filled it ...
    phone.clear()  # ... and the customer did not want to leave it
    combo_pick(form.findChild(QComboBox, "ticketDepartment"), "marketing")
    press(qtbot, dw, Qt.Key.Key_F9)  # 下发工单: refused
    assert dw.desk.status.state is AgentState.WRAP_UP
    assert QApplication.focusWidget() is phone
    assert "Contact phone" in form.error_text() and "dispatch" in form.error_text()
    qtbot.keyClicks(phone, "13800138001")
    press(qtbot, dw, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    t = dw.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.status == "dispatched" and t.caller_phone == "13800138001"


def test_inquiry_without_phone_can_still_be_saved_with_ready(qtbot: QtBot, dw: DeskWindow) -> None:
    to_wrap_up(qtbot, dw)
    phone = dw.window.form.findChild(QLineEdit, "ticketCallerPhone")
    qtbot.waitUntil(lambda: phone.text() != "")
    phone.clear()
    press(qtbot, dw, Qt.Key.Key_F8)  # 置闲: answered on the call, no dispatch
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
