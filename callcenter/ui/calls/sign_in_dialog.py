"""Sign-in (签入) with the agent ID (工号)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class SignInDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, agent_id: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in"))
        form = QFormLayout(self)
        self.agent_id = QLineEdit(agent_id, self)
        self.agent_id.setObjectName("agentIdInput")
        self.agent_id.setAccessibleName("工号")
        form.addRow(self.tr("Agent ID"), self.agent_id)
        self.error = QLabel(self)
        self.error.setObjectName("signInError")
        self.error.setStyleSheet("color:#dc2626;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("signInButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("signInOk")
        ok.setAccessibleName("确定")
        ok.setText(self.tr("Sign in"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("signInCancel")
        cancel.setAccessibleName("取消")
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> str:
        return self.agent_id.text().strip()

    def show_invalid(self) -> None:
        self.error.setText("⚠ " + self.tr("The agent ID must be 3 to 8 digits."))
        self.agent_id.setFocus()
        self.agent_id.selectAll()
