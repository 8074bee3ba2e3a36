"""Choosing a new password (after an administrator's reset, before the desk opens)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from callcenter.domain.auth.passwords import MAX_LENGTH


class ChangePasswordDialog(QDialog):
    def __init__(self, user_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Choose a new password"))
        self.user_id = user_id
        form = QFormLayout(self)
        intro = QLabel(self.tr("Your password was set by an administrator. Choose your own "
                               "(at least 8 characters) to continue."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.old = self._field("oldPasswordInput", "当前密码")
        self.new = self._field("newPasswordInput", "新密码")
        self.again = self._field("repeatPasswordInput", "确认新密码")
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        self.error = QLabel(self)
        self.error.setObjectName("changePasswordError")
        self.error.setStyleSheet("color:#dc2626;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("changePasswordOk")
        self.ok.setText(self.tr("Change password"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _field(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(MAX_LENGTH + 1)
        return edit

    def _check(self) -> None:
        if self.new.text() != self.again.text():
            self.show_error(self.tr("The two new passwords differ."))
            return
        self.accept()

    def show_error(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.error.setText("⚠ " + text)
        self.new.clear()
        self.again.clear()
        self.new.setFocus()
