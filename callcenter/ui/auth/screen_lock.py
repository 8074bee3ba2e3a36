"""The screen lock: after the profile's idle time (no key or mouse input) the desk
hides its content behind a lock; the same user unlocks with their password (the
check counts toward the lock-out like a sign-in), or someone else signs in
after the previous user is signed out (the switch is recorded).

Idle time is measured on the monotonic clock from the last input event; a
named timer only looks at it every few seconds. The desk never locks while a
call rings, is talked, held or wrapped up.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.agent_state import AgentState
from callcenter.domain.auth.passwords import MAX_LENGTH

CHECK_MS = 5_000
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}
LOCKABLE = {AgentState.BUSY, AgentState.READY}


class IdleWatcher(QObject):
    """Remembers when the person last touched the keyboard or mouse."""

    def __init__(self, parent: QObject, now_ns: Callable[[], int] = time.monotonic_ns) -> None:
        super().__init__(parent)
        self._now_ns = now_ns
        self.last_input_ns = now_ns()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _INPUT:
            self.last_input_ns = self._now_ns()
        return False

    def idle_s(self) -> float:
        return (self._now_ns() - self.last_input_ns) / 1e9

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class ScreenLockDialog(QDialog):
    """Modal over the window while its content is hidden."""

    unlockRequested = Signal(str)  # the password
    switchRequested = Signal()

    def __init__(self, user_line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenLockDialog")
        self.setWindowTitle(self.tr("Desk locked"))
        self.setModal(True)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("The desk is locked"), self)
        title.setObjectName("screenLockTitle")
        title.setStyleSheet("font-size:18px;font-weight:600;")
        lay.addWidget(title)
        who = QLabel(user_line, self)
        who.setObjectName("screenLockUser")
        lay.addWidget(who)
        self.password = QLineEdit(self)
        self.password.setObjectName("unlockPasswordInput")
        self.password.setAccessibleName("密码")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_LENGTH + 1)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self._unlock)
        lay.addWidget(self.password)
        self.error = QLabel(self)
        self.error.setObjectName("screenLockError")
        self.error.setStyleSheet("color:#dc2626;")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        row = QHBoxLayout()
        self.unlock_btn = QPushButton(self.tr("Unlock"), self)
        self.unlock_btn.setObjectName("unlockButton")
        self.unlock_btn.setDefault(True)
        self.unlock_btn.clicked.connect(self._unlock)
        self.switch_btn = QPushButton(self.tr("Switch user"), self)
        self.switch_btn.setObjectName("switchUserButton")
        self.switch_btn.clicked.connect(self.switchRequested.emit)
        row.addWidget(self.unlock_btn)
        row.addWidget(self.switch_btn)
        lay.addLayout(row)
        self.password.setFocus()

    def _unlock(self) -> None:
        if self.unlock_btn.isEnabled():
            self.unlock_btn.setEnabled(False)
            self.error.setText(self.tr("Checking…"))
            self.unlockRequested.emit(self.password.text())

    def show_error(self, text: str) -> None:
        self.unlock_btn.setEnabled(True)
        self.error.setText("⚠ " + text)
        self.password.clear()
        self.password.setFocus()

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        # Esc must not close the lock
        if getattr(event, "key", lambda: None)() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
