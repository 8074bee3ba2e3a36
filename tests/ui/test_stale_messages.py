"""Issue 17, items 13 and 14 through the real desk window: a message goes when
what it asks for is done, a drop-down says 请选择, and filing a new customer marks
the fields it makes required."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from callcenter.domain.agent_state import AgentState
from callcenter.telephony.port import CallOffered
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


def _wrap_up(qtbot: QtBot, dw: DeskWindow, number: str = "13800138003") -> None:
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F3)
    dw.tel.send(CallOffered("c1", number))
    press(qtbot, dw, Qt.Key.Key_F5)
    press(qtbot, dw, Qt.Key.Key_F7)
    assert dw.desk.status.state is AgentState.WRAP_UP


def test_the_content_message_goes_once_the_content_is_filled(qtbot: QtBot, dw: DeskWindow) -> None:
    _wrap_up(qtbot, dw)
    form = dw.window.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "inquiry")
    press(qtbot, dw, Qt.Key.Key_F8)  # refused: no content
    assert "请填写受理内容" in form.error_text()
    assert form.error_label.isVisible()
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "咨询电价")
    assert "受理内容" not in form.error_text()
    assert not form.error_label.isVisible()
    assert not form.label_for("content").text().startswith("⚠")


def test_the_banner_moves_on_to_the_next_wrong_field(qtbot: QtBot, dw: DeskWindow) -> None:
    _wrap_up(qtbot, dw)
    form = dw.window.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "fault_repair")
    press(qtbot, dw, Qt.Key.Key_F8)  # refused: content, address, area type, priority ...
    first = form.error_text()
    assert "请填写受理内容" in first
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "家里没电了")
    after = form.error_text()
    assert after and "受理内容" not in after  # the next field still wrong is named
    assert form.error_label.isVisible()


def test_a_drop_down_left_empty_says_choose(qtbot: QtBot, dw: DeskWindow) -> None:
    _wrap_up(qtbot, dw)
    form = dw.window.form
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "fault_repair")
    ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "家里没电了")
    ime_commit(form.findChild(QLineEdit, "ticketAddress"), "临江市江城区幸福路12号")
    combo_pick(form.findChild(QComboBox, "ticketAreaType"), "urban")
    phone = form.findChild(QLineEdit, "ticketCallerPhone")
    phone.clear()
    qtbot.keyClicks(phone, "13800138003")
    press(qtbot, dw, Qt.Key.Key_F8)  # refused: priority (紧急程度) is a drop-down
    assert "请选择紧急程度" in form.error_text(), form.error_text()
    assert "请填写紧急程度" not in form.error_text()
    assert QApplication.focusWidget() is form.findChild(QComboBox, "ticketPriority")


def test_new_customer_marks_name_and_address_required(qtbot: QtBot, dw: DeskWindow) -> None:
    _wrap_up(qtbot, dw, number="13999990000")  # unknown number
    w = dw.window
    pop, form = w.screen_pop, w.form
    qtbot.waitUntil(pop.new_btn.isVisible)
    combo_pick(form.findChild(QComboBox, "ticketCategory"), "inquiry")
    assert not form.label_for("address").text().endswith("*")
    qtbot.mouseClick(pop.new_btn, Qt.MouseButton.LeftButton)
    for name in ("caller_name", "caller_phone", "address"):
        assert form.label_for(name).text().endswith("*"), name
        assert form.is_required(name)
    assert "必填" in form.field_widget("address").accessibleDescription()
    qtbot.mouseClick(pop.new_btn, Qt.MouseButton.LeftButton)  # changed their mind
    assert not form.label_for("address").text().endswith("*")


def test_the_callback_sign_in_prompt_shows_only_while_signed_out(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    """The whole app (the callbacks tab is a feature of it): the prompt to sign in is
    there while nobody is, and gone for every role once someone is, also after the
    lock's 切换用户."""
    from callcenter.app import AppOptions, build

    from .test_sign_in_ui import sign_in as app_sign_in
    from .test_sign_in_ui import submit

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    ctx = build(AppOptions(data_dir=tmp_path, demo=True, workstation="T17"))
    qtbot.addWidget(ctx.window)
    ctx.window.show()
    prompt = "请先签入，再领取和记录回访。"

    def shown() -> bool:
        labels = [w.text() for w in ctx.window.findChildren(QLabel)]
        return prompt in labels or prompt in ctx.window.statusBar().currentMessage()

    try:
        ctx.telephony.stop()
        assert shown()
        app_sign_in(qtbot, ctx)
        qtbot.waitUntil(lambda: not shown())
        auth = ctx.auth
        assert auth is not None
        auth.idle.last_input_ns -= int(11 * 60 * 1e9)  # idle past the profile's 10 minutes
        auth.check_idle()
        assert auth.lock_dialog is not None
        auth.lock_dialog.switch_btn.click()
        qtbot.waitUntil(shown)
        for user in ("9001", "7001", "8001"):
            dlg = ctx.window.sign_in_dialog
            assert dlg is not None
            submit(qtbot, dlg, user, f"demo{user}")
            qtbot.waitUntil(lambda: auth.current is not None, timeout=10_000)
            qtbot.waitUntil(lambda: not shown())
            ctx.window.sign_in_or_out()
            qtbot.waitUntil(shown)
            ctx.window.sign_in_or_out()  # the sign-in dialog for the next user
    finally:
        if ctx.window.sign_in_dialog is not None:
            ctx.window.sign_in_dialog.close()
        ctx.shutdown()
        if tr is not None:
            app.removeTranslator(tr)


def test_the_title_says_which_desk_and_who(qtbot: QtBot, dw: DeskWindow) -> None:
    """Two desks on one screen (the central demo) are told apart by their titles."""
    w = dw.window
    assert w.windowTitle() == "95598 坐席工作台 · W01"
    sign_in(qtbot, dw)
    assert w.windowTitle() == "95598 坐席工作台 · W01 · 张敏（1001）"
    w.sign_in_or_out()  # F2 while busy: sign out
    qtbot.waitUntil(lambda: dw.desk.status.state is AgentState.SIGNED_OUT)
    assert w.windowTitle() == "95598 坐席工作台 · W01"
