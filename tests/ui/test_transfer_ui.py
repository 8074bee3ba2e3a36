"""转接 / 咨询转接 / 完成转接 / 取回 through the real softphone bar and the
target chooser; the switch is driven by the test (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from callcenter.domain.agent_state import AgentState
from callcenter.domain.transfer import TransferMode
from callcenter.telephony.port import CallOffered, TransferProgress
from callcenter.ui.calls.transfer_dialog import TransferDialog
from callcenter.ui.shared.i18n import install_translator

from .desk_window import DeskWindow, make_desk_window
from .test_call_loop import press, sign_in


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    assert tr is not None
    yield
    app.removeTranslator(tr)


@pytest.fixture
def dw(qtbot: QtBot, tmp_path: Path, chinese: None) -> Iterator[DeskWindow]:
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    d.window.show()
    qtbot.waitExposed(d.window)
    d.window.activateWindow()
    yield d
    d.close()


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def talking(qtbot: QtBot, dw: DeskWindow, *, signed_in: bool = False) -> None:
    if not signed_in:
        sign_in(qtbot, dw)
    click(qtbot, dw.window.softphone.ready_btn)
    dw.tel.send(CallOffered("c1", "13800138001"))
    dw.advance(3.0)
    click(qtbot, dw.window.softphone.answer_btn)
    assert dw.desk.status.state is AgentState.TALKING


def enabled(dw: DeskWindow) -> dict[str, bool]:
    sp = dw.window.softphone
    return {"transfer": sp.transfer_btn.isEnabled(), "consult": sp.consult_btn.isEnabled(),
            "complete": sp.complete_btn.isEnabled(), "retrieve": sp.retrieve_btn.isEnabled(),
            "hold": sp.hold_btn.isEnabled(), "hangUp": sp.hangup_btn.isEnabled()}


def status(dw: DeskWindow) -> str:
    return dw.window.statusBar().currentMessage()


def open_dialog(qtbot: QtBot, dw: DeskWindow, button: object) -> TransferDialog:
    click(qtbot, button)
    dlg = dw.window.transfer.dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    return dlg


def test_buttons_follow_the_state(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    assert not any(enabled(dw)[k] for k in ("transfer", "consult", "complete", "retrieve"))
    talking(qtbot, dw, signed_in=True)
    assert enabled(dw) == {"transfer": True, "consult": True, "complete": False,
                           "retrieve": False, "hold": True, "hangUp": True}


def test_consult_then_complete_through_the_buttons(qtbot: QtBot, dw: DeskWindow) -> None:
    talking(qtbot, dw)
    sp = dw.window.softphone
    dlg = open_dialog(qtbot, dw, sp.consult_btn)
    assert dlg.windowTitle() == "咨询转接"
    assert dlg.target.itemText(0) == "值班长 (9001)"
    click(qtbot, dlg.ok_btn)  # the first entry: the shift lead
    qtbot.waitUntil(lambda: dw.window.transfer.dialog is None)
    assert dw.desk.status.state is AgentState.HELD
    assert ("consult", ("c1", "9001")) in dw.tel.commands
    assert enabled(dw) == {"transfer": False, "consult": False, "complete": False,
                           "retrieve": True, "hold": False, "hangUp": True}
    dw.tel.send(TransferProgress("c1", "ringing", 180))
    assert status(dw) == "⇄ 咨询转接 值班长：振铃中"
    dw.tel.send(TransferProgress("c1", "answered", 200))
    assert status(dw) == "⇄ 咨询转接 值班长：已接听"
    assert enabled(dw)["complete"]
    click(qtbot, sp.complete_btn)
    assert ("complete_consult", "c1") in dw.tel.commands
    assert not enabled(dw)["complete"] and not enabled(dw)["retrieve"]
    dw.tel.send(TransferProgress("c1", "completed", 200))
    assert dw.desk.status.state is AgentState.WRAP_UP
    assert status(dw) == ""
    assert sp.finish_btn.isEnabled()


def test_consult_refused_then_take_back(qtbot: QtBot, dw: DeskWindow) -> None:
    talking(qtbot, dw)
    sp = dw.window.softphone
    click(qtbot, open_dialog(qtbot, dw, sp.consult_btn).ok_btn)
    dw.tel.send(TransferProgress("c1", "refused", 486))
    assert "拒接" in status(dw) and "486" in status(dw)
    assert dw.window.notice.isVisible() and "9001" in dw.window.notice.text()
    click(qtbot, sp.retrieve_btn)
    assert ("cancel_consult", "c1") in dw.tel.commands
    assert dw.desk.status.state is AgentState.TALKING
    assert enabled(dw)["consult"] and not enabled(dw)["retrieve"]


def test_a_bad_typed_target_is_refused_and_kept(qtbot: QtBot, dw: DeskWindow) -> None:
    talking(qtbot, dw)
    dlg = open_dialog(qtbot, dw, dw.window.softphone.transfer_btn)
    assert dlg.windowTitle() == "转接通话"
    dlg.target.setEditText("")
    qtbot.keyClicks(dlg.target, "10 02")
    click(qtbot, dlg.ok_btn)
    assert dlg.isVisible() and dlg.message.isVisible()
    assert "坐席号" in dlg.message.text()
    assert dlg.target.currentText() == "10 02"  # what was typed stays
    assert not [c for c in dw.tel.commands if c[0] == "transfer"]
    dlg.target.setEditText("")
    qtbot.keyClicks(dlg.target, "1003")
    click(qtbot, dlg.ok_btn)
    qtbot.waitUntil(lambda: dw.window.transfer.dialog is None)
    assert ("transfer", ("c1", "1003")) in dw.tel.commands
    assert dw.desk.status.state is AgentState.TALKING
    assert enabled(dw) == {"transfer": False, "consult": False, "complete": False,
                           "retrieve": False, "hold": False, "hangUp": True}
    dw.tel.send(TransferProgress("c1", "refused", 480))
    assert enabled(dw)["transfer"]  # the customer is still the agent's


def test_the_keys_work_only_when_allowed(qtbot: QtBot, dw: DeskWindow) -> None:
    sign_in(qtbot, dw)
    press(qtbot, dw, Qt.Key.Key_F10)
    assert dw.window.transfer.dialog is None  # no call: 转接 is disabled, F10 does nothing
    talking(qtbot, dw, signed_in=True)
    press(qtbot, dw, Qt.Key.Key_F11)
    dlg = dw.window.transfer.dialog
    assert dlg is not None and dlg.mode is TransferMode.CONSULT
    qtbot.waitUntil(dlg.isVisible)
    qtbot.keyClick(dlg.target, Qt.Key.Key_Return)  # the first target, 值班长
    qtbot.waitUntil(lambda: dw.window.transfer.dialog is None)
    assert dw.desk.status.state is AgentState.HELD
    assert [c for c in dw.tel.commands if c[0] == "consult"] == [("consult", ("c1", "9001"))]
    dw.tel.send(TransferProgress("c1", "answered", 200))
    press(qtbot, dw, Qt.Key.Key_F12)
    assert ("complete_consult", "c1") in dw.tel.commands
