"""The whole call loop through the real widgets: sign in, ring, answer, fill,
hang up, 置闲 — keyboard first, timers stepped with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.domain.agent_state import AgentState
from callcenter.domain.sla import TimerLevel
from callcenter.store.models import CallEventRow, CallSession, Ticket
from callcenter.telephony.port import CallOffered, CallReleased
from tests.fakes import ime_commit

from .desk_window import DeskWindow, make_desk_window


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path) -> Iterator[DeskWindow]:
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    d.window.show()
    qtbot.waitExposed(d.window)
    d.window.activateWindow()
    yield d
    d.close()


def press(qtbot: QtBot, dw: DeskWindow, key: Qt.Key) -> None:
    """A key press as the window system delivers it (to the focused widget, with
    shortcut handling), wherever the focus is."""
    if QApplication.activeWindow() is not dw.window:
        # offscreen, closing a dialog leaves no active window; an agent's desk has one
        dw.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dw.window)
    qtbot.keyClick(QApplication.focusWidget() or dw.window, key)


def sign_in(qtbot: QtBot, dw: DeskWindow) -> None:
    qtbot.mouseClick(dw.window.softphone.sign_btn, Qt.MouseButton.LeftButton)
    dlg = dw.window.sign_in_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    qtbot.keyClicks(dlg.agent_id, "1001")
    qtbot.keyClicks(dlg.password, "demo1001")
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.BUSY, timeout=10_000)


def combo_pick(combo: QComboBox, code: str) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(code))


def test_whole_loop_ring_answer_fill_hang_up_ready(qtbot: QtBot, dw: DeskWindow) -> None:
    w = dw.window
    sp = w.softphone
    breaches: list[str] = []
    sp.breached.connect(breaches.append)
    sign_in(qtbot, dw)
    assert not sp.answer_btn.isEnabled()  # nothing rings while busy
    press(qtbot, dw, Qt.Key.Key_F3)  # 示闲
    assert dw.desk.status.state is AgentState.READY

    dw.tel.send(CallOffered("c1", "13800138001"))
    assert dw.desk.status.state is AgentState.RINGING
    dw.advance(0.2)
    assert "1" in sp.ring_counter.text() and sp.ring_counter.level is TimerLevel.NORMAL
    dw.advance(10.0)  # ring 3: the last allowed one
    assert "3" in sp.ring_counter.text()
    assert sp.ring_counter.level is TimerLevel.WARNING and "⚠" in sp.ring_counter.text()
    dw.advance(5.0)  # 15.2 s: ring 4 started, past the limit
    assert "4" in sp.ring_counter.text()
    assert sp.ring_counter.level is TimerLevel.BREACH and "⛔" in sp.ring_counter.text()
    assert breaches == ["ringCounter"]  # the desk beeps once as the ring limit passes

    press(qtbot, dw, Qt.Key.Key_F5)  # 接听
    assert dw.desk.status.state is AgentState.TALKING
    texts = w.scripts.texts()
    assert texts[0] == "对不起，让您久等了。"  # the apology comes first after a late answer
    assert "1001" in texts[1]
    # screen pop arrives from the reader thread through a signal
    qtbot.waitUntil(lambda: w.screen_pop.body.toPlainText() != "")
    assert "13800138001" in w.screen_pop.header.text()
    body = w.screen_pop.body.toPlainText()
    assert "户号" in body or "Account" in body
    assert "LJ-W01-" in body  # the seeded open ticket of this customer

    form = w.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "fault_repair")
    content = form.findChild(QPlainTextEdit, "ticketContent")
    ime_commit(content, "家里没电了，邻居有电")
    combo_pick(form.findChild(QComboBox, "ticketPriority"), "soon")
    phone = form.findChild(QLineEdit, "ticketCallerPhone")
    assert phone.text() == "13800138001"  # prefilled from the screen pop
    # two customers share this number (a family), so the address is the agent's to enter
    ime_commit(form.findChild(QLineEdit, "ticketAddress"), "临江市江城区幸福路12号")
    combo_pick(form.findChild(QComboBox, "ticketAreaType"), "urban")
    phone.clear()
    qtbot.keyClicks(phone, "12345")

    dw.advance(120.0)
    assert sp.talk_timer.level is TimerLevel.WARNING
    dw.advance(31.0)
    assert sp.talk_timer.level is TimerLevel.BREACH and "02:31" in sp.talk_timer.text()
    assert breaches == ["ringCounter", "talkTimer"]

    press(qtbot, dw, Qt.Key.Key_F7)  # 挂机
    assert dw.desk.status.state is AgentState.WRAP_UP
    assert sp.talk_timer.text() == ""
    dw.advance(0.0)
    assert "01:00" in sp.wrapup_timer.text()
    dw.advance(46.0)
    assert sp.wrapup_timer.level is TimerLevel.WARNING and "00:14" in sp.wrapup_timer.text()
    dw.advance(16.0)
    assert sp.wrapup_timer.level is TimerLevel.BREACH and "+00:02" in sp.wrapup_timer.text()

    press(qtbot, dw, Qt.Key.Key_F8)  # 置闲: refused, the phone number is wrong
    assert dw.desk.status.state is AgentState.WRAP_UP
    assert QApplication.focusWidget() is phone
    assert phone.selectedText() == "12345"
    assert content.toPlainText() == "家里没电了，邻居有电"  # nothing typed is lost
    assert form.error_text()

    phone.clear()
    qtbot.keyClicks(phone, "0731-84567890")
    press(qtbot, dw, Qt.Key.Key_F8)
    assert not form.error_text(), form.error_text()
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    assert content.toPlainText() == ""  # ready for the next call
    assert "1" in w.stats.text()

    dw.db.flush()
    t = dw.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.caller_phone == "073184567890" and t.category == "fault_repair"
    call = dw.db.read_now(lambda s: s.get(CallSession, t.call_id))
    assert call is not None and call.late_answer and call.talk_over and call.wrapup_over
    kinds = dw.db.read_now(lambda s: list(s.scalars(
        select(CallEventRow.kind).where(CallEventRow.call_id == t.call_id)
        .order_by(CallEventRow.seq))))
    assert kinds[:2] == ["ringing", "answered"] and kinds[-2:] == ["ticket_saved", "wrap_up_done"]


def test_missed_call_sets_busy_and_tells_the_agent(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered("c9", "13800138002"))
    dw.advance(30.1)
    assert dw.desk.status.state is AgentState.BUSY
    assert dw.window.notice.isVisible()
    assert "13800138002" in dw.window.notice.text()
    assert ("requeue", "c9") in dw.tel.commands


def test_dispatch_from_wrap_up(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered("c2", "13999990000"))
    dw.advance(3)
    press(qtbot, dw, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: dw.window.screen_pop.new_btn.isVisible())  # unknown number
    form = dw.window.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "complaint")
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "抄表员态度差")
    ime_commit(form.findChild(QLineEdit, "ticketCallerName"), "王五")
    assert form.findChild(QLineEdit, "ticketCallerPhone").text() == "13999990000"
    dw.tel.send(CallReleased("c2", by="customer"))
    combo_pick(form.findChild(QComboBox, "ticketDepartment"), "marketing")
    press(qtbot, dw, Qt.Key.Key_F9)  # 下发工单
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    t = dw.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.status == "dispatched" and t.department == "marketing" and t.deadline_days == 5


def test_locked_database_keeps_the_form_and_says_why(qtbot: QtBot, dw: DeskWindow) -> None:
    import sqlite3

    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered("c3", "13800138003"))
    press(qtbot, dw, Qt.Key.Key_F5)
    form = dw.window.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "inquiry")
    content = form.findChild(QPlainTextEdit, "ticketContent")
    ime_commit(content, "咨询电价 😀 𠀀 '; DROP TABLE tickets;--")
    press(qtbot, dw, Qt.Key.Key_F7)
    dw.db.flush()  # the call's events are on disk; now another program takes the file
    other = sqlite3.connect(dw.db.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the database
    try:
        press(qtbot, dw, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: "NOT saved" in form.error_text() or "未保存" in form.error_text())
    finally:
        other.rollback()
        other.close()
    assert dw.desk.status.state is AgentState.WRAP_UP
    assert content.toPlainText() == "咨询电价 😀 𠀀 '; DROP TABLE tickets;--"
    press(qtbot, dw, Qt.Key.Key_F8)  # the lock is gone: the same entry saves
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    t = dw.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.content == "咨询电价 😀 𠀀 '; DROP TABLE tickets;--"  # stored verbatim


def test_unknown_caller_filed_as_new_customer_with_the_ticket(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered("c5", "13999990000"))
    press(qtbot, dw, Qt.Key.Key_F5)
    pop = dw.window.screen_pop
    qtbot.waitUntil(pop.new_btn.isVisible)
    qtbot.mouseClick(pop.new_btn, Qt.MouseButton.LeftButton)
    form = dw.window.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "inquiry")
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "咨询新装")
    press(qtbot, dw, Qt.Key.Key_F7)
    press(qtbot, dw, Qt.Key.Key_F8)  # refused: a new customer needs a name and an address
    assert QApplication.focusWidget() is form.findChild(QLineEdit, "ticketCallerName")
    ime_commit(form.findChild(QLineEdit, "ticketCallerName"), "赵六")
    ime_commit(form.findChild(QLineEdit, "ticketAddress"), "临江市滨湖区建设大道8号")
    press(qtbot, dw, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    # the next call from that number pops the new customer
    dw.tel.send(CallOffered("c6", "13999990000"))
    press(qtbot, dw, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "赵六" in pop.body.toPlainText())
    assert not pop.new_btn.isVisible()


def test_backfill_from_the_menu_keeps_the_real_call_time(qtbot: QtBot, dw: DeskWindow) -> None:
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    sign_in(qtbot, dw)
    dw.window.backfill_action.trigger()  # Ctrl+B
    dlg = dw.window._backfill
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    real = (dw.clock.utc_now() - timedelta(hours=3)).astimezone(ZoneInfo("Asia/Shanghai"))
    dlg.set_local_call_time(real.replace(second=0, microsecond=0, tzinfo=None))
    qtbot.keyClicks(dlg.caller_number, "13800138005")
    combo_pick(dlg.form.findChild(QComboBox, "ticketCategory"), "inquiry")
    ime_commit(dlg.form.findChild(QPlainTextEdit, "ticketContent"), "系统故障期间咨询电费")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dw.window._backfill is None)
    t = dw.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.backfilled
    assert t.call_time == real.replace(second=0, microsecond=0).astimezone(t.call_time.tzinfo)
    assert t.created_at == dw.clock.utc_now()
