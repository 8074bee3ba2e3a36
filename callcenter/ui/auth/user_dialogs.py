"""Adding a user and resetting a password (the administrators' user screen).
A refusal is shown in the dialog, which keeps everything typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from callcenter.domain.auth.passwords import MAX_LENGTH
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import Role
from callcenter.ui.auth.users_model import role_label

ROLE_ARGS = {Role.AGENT: "agent", Role.SHIFT_LEAD: "lead", Role.QA: "qa",
             Role.DEPARTMENT: "department", Role.ADMIN: "admin"}


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_LENGTH + 1)
    return edit


class _Form(QDialog):
    submitted = Signal()

    def _finish(self, form: QFormLayout, ok_text: str) -> None:
        self.error = QLabel(self)
        self.error.setObjectName("userDialogError")
        self.error.setStyleSheet("color:#dc2626;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("userDialogOk")
        self.ok.setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _passwords_match(self) -> bool:
        return True

    def _submit(self) -> None:
        if not self._passwords_match():
            self.show_error(self.tr("The two passwords differ."))
            return
        self.ok.setEnabled(False)
        self.submitted.emit()

    def show_error(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.error.setText("⚠ " + text)


class AddUserDialog(_Form):
    def __init__(self, profile: SiteProfile, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Add a user"))
        form = QFormLayout(self)
        self.user_id = QLineEdit(self)
        self.user_id.setObjectName("newUserId")
        self.name = QLineEdit(self)
        self.name.setObjectName("newUserName")
        self.name.setMaxLength(50)
        self.role = QComboBox(self)
        self.role.setObjectName("newUserRole")
        for role in ROLE_ARGS:
            self.role.addItem(role_label(role), ROLE_ARGS[role])
        self.team = QLineEdit(self)
        self.team.setObjectName("newUserTeam")
        self.department = QComboBox(self)
        self.department.setObjectName("newUserDepartment")
        self.department.addItem(self.tr("(none)"), None)
        for d in profile.departments:
            self.department.addItem(d.label(lang), d.code)
        self.password = _password_edit(self, "newUserPassword")
        self.again = _password_edit(self, "newUserPasswordAgain")
        form.addRow(self.tr("Agent ID"), self.user_id)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Initial password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        hint = QLabel(self.tr("The user chooses their own password at the first sign-in."), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self._finish(form, self.tr("Add"))

    def _role_changed(self) -> None:
        dept = self.role.currentData() == "department"
        self.department.setEnabled(dept)
        if not dept:
            self.department.setCurrentIndex(0)

    def _passwords_match(self) -> bool:
        return self.password.text() == self.again.text()


class ResetPasswordDialog(_Form):
    def __init__(self, user_line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password"))
        form = QFormLayout(self)
        form.addRow(QLabel(user_line, self))
        self.password = _password_edit(self, "resetPassword")
        self.again = _password_edit(self, "resetPasswordAgain")
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        hint = QLabel(self.tr("The user must change it at the next sign-in; a lock ends."), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        self._finish(form, self.tr("Reset"))

    def _passwords_match(self) -> bool:
        return self.password.text() == self.again.text()
