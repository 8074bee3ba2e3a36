"""Secure pause on the softphone bar: the agent pauses the call's recording while
the customer gives an ID number, and resumes it after (rules: personal data is
not kept where it is not needed). Each is a call event (SECURE_PAUSED /
SECURE_RESUMED); the phone's recording is silent in between (the SIP recorder is
fed at level 0, the simulator's is made silent from the events) and the replay
shows the gap and plays a tone there."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from callcenter.domain.agent_state import AgentState
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.ui.calls.desk_bridge import DeskBridge
from callcenter.ui.shared.main_window import MainWindow

TALKING = (AgentState.TALKING, AgentState.HELD)


class SecurePause(QObject):
    def __init__(self, window: MainWindow, desk: CallDesk, bridge: DeskBridge) -> None:
        super().__init__(window)
        self.desk = desk
        self.button = QPushButton(window.softphone)
        self.button.setObjectName("securePause")
        self.button.setAccessibleName("暂停录音")
        self.button.setCheckable(True)
        self.button.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.button.toggled.connect(self._toggled)
        layout = window.softphone.layout()
        if layout is not None:
            layout.addWidget(self.button)
        self._call: uuid.UUID | None = None
        self._label()
        self.button.setEnabled(False)
        bridge.deskChanged.connect(self._desk)

    def _label(self) -> None:
        # short on the bar (English is wider than Chinese at 1366 px): the tooltip says it all
        self.button.setText(self.tr("Resume rec.") if self.button.isChecked()
                            else self.tr("Pause rec. (ID)"))
        self.button.setToolTip(self.tr("Pause the recording while the customer gives an ID "
                                       "number, and resume it after (Ctrl+Shift+P)"))

    def _desk(self, snap: DeskSnapshot) -> None:
        call = snap.call
        talking = call is not None and call.answered_mono_ns is not None \
            and call.released_mono_ns is None and snap.status.state in TALKING
        if call is None or call.id != self._call:
            self._call = call.id if call is not None else None
            self.button.blockSignals(True)
            self.button.setChecked(False)  # a new call records from its start
            self.button.blockSignals(False)
            self._label()
        self.button.setEnabled(talking)

    def _toggled(self, paused: bool) -> None:
        if not self.desk.set_recording_paused(paused):
            self.button.blockSignals(True)
            self.button.setChecked(not paused)
            self.button.blockSignals(False)
        self._label()


def install(window: MainWindow, desk: CallDesk, bridge: DeskBridge) -> SecurePause:
    return SecurePause(window, desk, bridge)
