"""The administrators' user screen (用户管理): a tab that exists only while an
administrator is signed in. Add, disable, enable and reset passwords; the
service checks the role again, and every change syncs to central."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import Actor, Role
from callcenter.services.auth.admin import UserAdmin
from callcenter.services.auth.directory import UserInfo, UserRefused
from callcenter.services.auth.sign_in import SignedIn
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.auth.user_dialogs import AddUserDialog, ResetPasswordDialog
from callcenter.ui.auth.users_model import UsersModel
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.shared.main_window import MainWindow


def refusal(code: str) -> str:
    return {
        "bad_id": QCoreApplication.translate("UsersAdmin", "The ID must be 3 to 8 digits."),
        "exists": QCoreApplication.translate("UsersAdmin", "This ID already exists."),
        "unknown": QCoreApplication.translate("UsersAdmin", "No such user."),
        "bad_name": QCoreApplication.translate("UsersAdmin", "Enter a name (at most 50 characters)."),
        "bad_role": QCoreApplication.translate("UsersAdmin", "Choose a role."),
        "bad_department": QCoreApplication.translate(
            "UsersAdmin", "A department user needs a department; others none."),
        "bad_team": QCoreApplication.translate("UsersAdmin", "The team has at most 32 characters."),
        "password_empty": QCoreApplication.translate("UsersAdmin", "Enter a password."),
        "password_too_long": QCoreApplication.translate(
            "UsersAdmin", "The password is too long (at most 128 characters)."),
        "password_too_short": QCoreApplication.translate(
            "UsersAdmin", "The password needs at least 8 characters."),
        "password_same_as_id": QCoreApplication.translate("UsersAdmin", "The password must not be the ID."),
        "password_nul": QCoreApplication.translate(
            "UsersAdmin", "The password contains a character that cannot be used."),
        "not_allowed": QCoreApplication.translate("UsersAdmin", "Only an administrator manages users."),
        "not_yourself": QCoreApplication.translate("UsersAdmin", "You cannot disable your own ID."),
    }.get(code, QCoreApplication.translate("UsersAdmin", "The change was refused."))


class UsersAdminView(QWidget):
    def __init__(self, timezone: str, departments: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersAdminView")
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add user…"), self)
        self.add_btn.setObjectName("addUserButton")
        self.disable_btn = QPushButton(self.tr("Disable"), self)
        self.disable_btn.setObjectName("disableUserButton")
        self.enable_btn = QPushButton(self.tr("Enable"), self)
        self.enable_btn.setObjectName("enableUserButton")
        self.reset_btn = QPushButton(self.tr("Reset password…"), self)
        self.reset_btn.setObjectName("resetPasswordButton")
        for b in (self.add_btn, self.disable_btn, self.enable_btn, self.reset_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.model = UsersModel(timezone, departments)
        self.table = QTableView(self)
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setObjectName("usersAdminMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None


class UsersAdminFeature(QObject):
    def __init__(self, window: MainWindow, auth: AuthFeature, admin: UserAdmin,
                 profile: SiteProfile, lang: str) -> None:
        super().__init__(window)
        self._w, self._auth, self._admin, self._profile, self._lang = (
            window, auth, admin, profile, lang)
        self._poster = GuiPoster(self)
        self.view: UsersAdminView | None = None
        self.dialog: AddUserDialog | ResetPasswordDialog | None = None
        auth.signedIn.connect(self._signed_in)
        auth.signedOut.connect(self._signed_out)

    @property
    def actor(self) -> Actor | None:
        return self._auth.current.actor if self._auth.current else None

    def _signed_in(self, signed: SignedIn) -> None:
        if signed.actor.role is Role.ADMIN and self.view is None:
            view = UsersAdminView(self._profile.timezone,
                                  {d.code: d.label(self._lang) for d in self._profile.departments})
            view.add_btn.clicked.connect(self.open_add)
            view.disable_btn.clicked.connect(lambda: self._set_disabled(True))
            view.enable_btn.clicked.connect(lambda: self._set_disabled(False))
            view.reset_btn.clicked.connect(self.open_reset)
            self.view = view
            self._w.add_tool_tab(view, self.tr("Users"))
            self.refresh()

    def _signed_out(self) -> None:
        if self.view is not None:
            index = self._w.tools.indexOf(self.view)
            if index >= 0:
                self._w.tools.removeTab(index)
            self.view.deleteLater()
            self.view = None
        if self.dialog is not None:
            self.dialog.reject()

    def _deliver(self, fut: Future[Any], ok: Callable[[Any], None],
                 failed: Callable[[BaseException], None]) -> None:
        def done(f: Future[Any]) -> None:
            def run() -> None:
                exc = f.exception()
                if exc is None:
                    ok(f.result())
                else:
                    failed(exc)
            self._poster.post(run)
        fut.add_done_callback(done)

    def _say(self, text: str) -> None:
        if self.view is not None:
            self.view.message.setText(text)

    def _code(self, exc: BaseException) -> str:
        if isinstance(exc, PermissionDenied):
            return refusal("not_allowed")
        return refusal(exc.code) if isinstance(exc, UserRefused) else self.tr(
            "The store could not be written; nothing changed. Try again.")

    def refresh(self) -> None:
        try:
            fut = self._admin.list(self.actor)
        except (UserRefused, PermissionDenied) as exc:
            self._say(self._code(exc))
            return
        self._deliver(fut, lambda rows: self.view.model.set_rows(rows) if self.view else None,
                      lambda e: self._say(self._code(e)))

    def open_add(self) -> AddUserDialog:
        dlg = AddUserDialog(self._profile, self._lang, self._w)
        self.dialog = dlg

        def submit() -> None:
            try:
                fut = self._admin.add(
                    self.actor, dlg.user_id.text(), name=dlg.name.text(),
                    role=str(dlg.role.currentData()), password=dlg.password.text(),
                    team=dlg.team.text(), department=dlg.department.currentData())
            except (UserRefused, PermissionDenied) as exc:
                dlg.show_error(self._code(exc))
                return
            self._deliver(fut, lambda _r: self._done(dlg, self.tr("User added.")),
                          lambda e: dlg.show_error(self._code(e)))

        dlg.submitted.connect(submit)
        dlg.open()
        return dlg

    def open_reset(self) -> ResetPasswordDialog | None:
        user = self.view.selected() if self.view else None
        if user is None:
            self._say(self.tr("Select a user first."))
            return None
        dlg = ResetPasswordDialog(f"{user.name}（{user.user_id}）", self._w)
        self.dialog = dlg

        def submit() -> None:
            try:
                fut = self._admin.reset_password(self.actor, user.user_id, dlg.password.text())
            except (UserRefused, PermissionDenied) as exc:
                dlg.show_error(self._code(exc))
                return
            self._deliver(fut, lambda _r: self._done(dlg, self.tr("Password reset.")),
                          lambda e: dlg.show_error(self._code(e)))

        dlg.submitted.connect(submit)
        dlg.open()
        return dlg

    def _done(self, dlg: AddUserDialog | ResetPasswordDialog, text: str) -> None:
        dlg.accept()
        dlg.deleteLater()
        self.dialog = None
        self._say(text)
        self.refresh()

    def _set_disabled(self, disabled: bool) -> None:
        user = self.view.selected() if self.view else None
        if user is None:
            self._say(self.tr("Select a user first."))
            return
        try:
            fut = self._admin.set_disabled(self.actor, user.user_id, disabled)
        except (UserRefused, PermissionDenied) as exc:
            self._say(self._code(exc))
            return
        self._deliver(fut, lambda _r: (self._say(self.tr("Saved.")), self.refresh()),
                      lambda e: self._say(self._code(e)))
