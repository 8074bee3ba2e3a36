"""An agent that drives the real desk by itself (``callcenter --autopilot N``).

For unattended demos and the end-to-end test: it presses the same buttons an
agent would, fills a short inquiry ticket, and quits after N calls. It uses
one named single-shot timer, so only one step is ever pending.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit

from callcenter.domain.agent_state import AgentState
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.ui.auth.sign_in_dialog import SignInDialog
from callcenter.ui.calls.desk_bridge import DeskBridge
from callcenter.ui.shared.main_window import MainWindow


class Autopilot(QObject):
    def __init__(self, window: MainWindow, bridge: DeskBridge, calls: int, user_id: str,
                 password: str) -> None:
        super().__init__(window)
        self._user_id, self._password = user_id, password
        self._w = window
        self._target = calls
        self.handled = 0
        self._step = QTimer(self)
        self._step.setObjectName("autopilotStep")
        self._step.setSingleShot(True)
        self._next: Callable[[], None] | None = None
        self._step.timeout.connect(self._run)
        bridge.deskChanged.connect(self._on_desk)
        bridge.ticketSavedSig.connect(self._on_saved)
        bridge.ticketFailedSig.connect(lambda _f: self._later(1000, self._finish))
        QTimer.singleShot(300, lambda: self._on_desk(window.desk.snapshot()))

    def _later(self, ms: int, fn: Callable[[], None]) -> None:
        self._next = fn
        self._step.start(ms)

    def _run(self) -> None:
        fn, self._next = self._next, None
        if fn is not None:
            fn()

    def _on_desk(self, snap: DeskSnapshot) -> None:
        st = snap.status.state
        sp = self._w.softphone
        if st is AgentState.SIGNED_OUT and self.handled < self._target:
            self._later(200, self._sign_in)
        elif st is AgentState.BUSY and self.handled < self._target:
            self._later(300, self._ready)
        elif st is AgentState.RINGING:
            self._later(1200, sp.answer_btn.click)
        elif st is AgentState.TALKING:
            self._fill()
            self._later(1500, sp.hangup_btn.click)
        elif st is AgentState.WRAP_UP and not snap.saving:
            self._later(500, self._finish)

    def _sign_in(self) -> None:
        self._w.sign_in_or_out()
        dlg = self._w.sign_in_dialog
        if isinstance(dlg, SignInDialog):
            dlg.agent_id.setText(self._user_id)
            dlg.password.setText(self._password)
            dlg.submitted.emit()

    def _ready(self) -> None:
        self._w.softphone.ready_btn.click()
        if self._w.desk.status.state is AgentState.BUSY:  # e.g. the phone is not online yet
            self._later(500, self._ready)

    def _fill(self) -> None:
        combo = self._w.form.findChild(QComboBox, "ticketCategory")
        if combo is not None:
            i = combo.findData("inquiry")
            combo.setCurrentIndex(i if i >= 0 else 1)
        content = self._w.form.findChild(QPlainTextEdit, "ticketContent")
        if content is not None and not content.toPlainText():
            content.setPlainText("客户咨询电费缴纳方式，已当场解答。")

    def _finish(self) -> None:
        self._w.softphone.finish_btn.click()

    def _on_saved(self, _saved: object) -> None:
        self.handled += 1
        if self.handled >= self._target:
            self._w.desk.set_busy(self._w.desk.profile.busy_reasons[0].code)
            self._w.desk.sign_out()
            self._w.close()
            app = QApplication.instance()
            if app is not None:
                app.quit()
