"""Sign-in (签入) with the 工号 and the password."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from callcenter.domain.auth.passwords import MAX_LENGTH


class SignInDialog(QDialog):
    """OK emits ``submitted``; the dialog stays open until the check says yes
    (``accept``) or the user cancels."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, agent_id: str = "",
                 title: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(title or self.tr("Sign in"))
        form = QFormLayout(self)
        self.agent_id = QLineEdit(agent_id, self)
        self.agent_id.setObjectName("agentIdInput")
        self.agent_id.setAccessibleName("工号")
        self.agent_id.setMaxLength(32)
        form.addRow(self.tr("Agent ID"), self.agent_id)
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordInput")
        self.password.setAccessibleName("密码")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # one more than allowed, so an overlong paste is refused with a message, not cut
        self.password.setMaxLength(MAX_LENGTH + 1)
        form.addRow(self.tr("Password"), self.password)
        self.error = QLabel(self)
        self.error.setObjectName("signInError")
        self.error.setStyleSheet("color:#dc2626;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("signInButtons")
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("signInOk")
        self.ok.setAccessibleName("确定")
        self.ok.setText(self.tr("Sign in"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("signInCancel")
        cancel.setAccessibleName("取消")
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if agent_id:
            self.password.setFocus()

    def _submit(self) -> None:
        if self.ok.isEnabled():
            self.submitted.emit()

    def value(self) -> str:
        return self.agent_id.text().strip()

    def secret(self) -> str:
        return self.password.text()

    def set_busy(self, busy: bool) -> None:
        """While the password is checked (off the GUI thread): no second submit."""
        self.ok.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Checking…"))

    def show_error(self, text: str, *, keep_id: bool = True) -> None:
        """The reason, the ID kept as typed, the password cleared for the next try."""
        self.set_busy(False)
        self.error.setText("⚠ " + text)
        self.password.clear()
        if keep_id and self.agent_id.text().strip():
            self.password.setFocus()
        else:
            self.agent_id.setFocus()
            self.agent_id.selectAll()

    def show_invalid(self) -> None:
        self.show_error(self.tr("The agent ID must be 3 to 8 digits."), keep_id=False)
