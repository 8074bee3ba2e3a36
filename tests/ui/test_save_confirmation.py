"""Issue 17, item 15 through the real desk window: the save confirmation names the
ticket (and, for F9, the department) where the agent looks, and the shift's
statistics survive signing in again within the shift."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.domain.agent_state import AgentState
from callcenter.store.models import Ticket
from callcenter.telephony.port import CallOffered, CallReleased
from callcenter.ui.shared.i18n import install_translator
from tests.fakes import ime_commit

from .desk_window import DeskWindow, make_desk_window
from .test_call_loop import combo_pick, press, sign_in


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path) -> Iterator[DeskWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    d.window.show()
    qtbot.waitExposed(d.window)
    d.window.activateWindow()
    yield d
    d.close()
    if tr is not None:
        app.removeTranslator(tr)


def _call_and_fill(qtbot: QtBot, dw: DeskWindow, call_id: str) -> None:
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered(call_id, "13999990000"))
    dw.advance(3)
    press(qtbot, dw, Qt.Key.Key_F5)
    qtbot.waitUntil(dw.window.screen_pop.new_btn.isVisible)  # the pop (unknown number) is in
    dw.advance(40)
    form = dw.window.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "complaint")
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "抄表员态度差")
    ime_commit(form.findChild(QLineEdit, "ticketCallerName"), "王五")
    dw.tel.send(CallReleased(call_id, by="customer"))
    dw.advance(10)


def _number(dw: DeskWindow) -> str:
    return dw.db.read_now(lambda s: s.scalars(
        select(Ticket.number).order_by(Ticket.created_at.desc())).first())


def test_f9_confirms_with_the_ticket_number_and_the_department(qtbot: QtBot,
                                                              dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    _call_and_fill(qtbot, dw, "c1")
    combo_pick(dw.window.form.findChild(QComboBox, "ticketDepartment"), "marketing")
    press(qtbot, dw, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    banner = dw.window.notice
    qtbot.waitUntil(banner.isVisible)
    number = _number(dw)
    assert number in banner.text() and "营销部" in banner.text(), banner.text()
    assert "下发" in banner.text()
    assert banner.text() in dw.window.statusBar().currentMessage() or \
        dw.window.statusBar().currentMessage() in banner.text()
    dw.tel.send(CallOffered("c2", "13800138001"))  # the next call: the strip makes way
    assert not banner.isVisible()


def test_f8_confirms_with_the_ticket_number(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    _call_and_fill(qtbot, dw, "c1")
    press(qtbot, dw, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    qtbot.waitUntil(dw.window.notice.isVisible)
    text = dw.window.notice.text()
    assert _number(dw) in text and "已保存" in text and "下发" not in text, text


def _sign_in_again(qtbot: QtBot, dw: DeskWindow) -> None:
    """The sign-in dialog for the next person, open or opened with the button."""
    dlg = dw.window.sign_in_dialog
    if dlg is None or not dlg.isVisible():
        sign_in(qtbot, dw)
        return
    qtbot.keyClicks(dlg.agent_id, "1001")
    qtbot.keyClicks(dlg.password, "demo1001")
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.BUSY, timeout=10_000)


def _stats_calls(dw: DeskWindow) -> str:
    return dw.window.stats.text().split("·")[0]


def test_shift_statistics_survive_signing_in_again(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    _call_and_fill(qtbot, dw, "c1")
    press(qtbot, dw, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.READY)
    assert "1" in _stats_calls(dw)
    before = dw.window.stats.text()
    dw.window.sign_in_or_out()  # F2 while ready: sign out for a break
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.SIGNED_OUT)
    dw.advance(30 * 60)  # half an hour later, the same agent again
    _sign_in_again(qtbot, dw)
    qtbot.waitUntil(lambda: dw.window.stats.text() == before, timeout=5000)
    _call_and_fill(qtbot, dw, "c2")
    press(qtbot, dw, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "2" in _stats_calls(dw), timeout=5000)


def test_a_new_shift_starts_from_zero(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    _call_and_fill(qtbot, dw, "c1")
    press(qtbot, dw, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "1" in _stats_calls(dw))
    dw.window.sign_in_or_out()
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.SIGNED_OUT)
    dw.clock.advance(10 * 3600)  # the next day's shift
    _sign_in_again(qtbot, dw)
    dw.db.flush()  # the look-back ran (queued behind the writes) ...
    QApplication.processEvents()  # ... and what it posted to the GUI thread arrived
    assert "0" in _stats_calls(dw)
