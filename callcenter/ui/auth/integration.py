"""Installs password sign-in into the window: F2 opens the sign-in dialog, the
password is checked off the GUI thread, a reset password is changed before the
desk opens, and sign-out clears every panel for the next person.

``signedIn(SignedIn)`` and ``signedOut()`` tell the other features who uses the
desk; ``current`` is the signed-in user (None when signed out).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from callcenter.domain.agent_state import IllegalTransition
from callcenter.domain.audit.chain import AuditAction
from callcenter.services.auth.sign_in import SignedIn, SignInRefused, SignInService
from callcenter.services.calls.desk import AgentIdInvalid, CallDesk
from callcenter.ui.auth.change_password_dialog import ChangePasswordDialog
from callcenter.ui.auth.messages import refusal_text
from callcenter.ui.auth.screen_lock import CHECK_MS, LOCKABLE, IdleWatcher, ScreenLockDialog
from callcenter.ui.auth.sign_in_dialog import SignInDialog
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.shared.main_window import MainWindow

T = TypeVar("T")
log = logging.getLogger(__name__)


class AuthFeature(QObject):
    signedIn = Signal(object)  # SignedIn
    signedOut = Signal()
    lockChanged = Signal(bool)

    def __init__(self, window: MainWindow, desk: CallDesk, service: SignInService) -> None:
        super().__init__(window)
        self._w, self._desk, self.service = window, desk, service
        self._poster = GuiPoster(self)
        self.current: SignedIn | None = None
        self.change_dialog: ChangePasswordDialog | None = None
        window.set_sign_in_flow(self.request_sign_in, self.sign_out)
        self.lock_dialog: ScreenLockDialog | None = None
        self._switched_from: str | None = None
        # each returns why the signed-in user may not sign out now, or None (issue 13)
        self._sign_out_guards: list[Callable[[], str | None]] = []
        self.idle = IdleWatcher(self)
        self.lock_check = QTimer(self)
        self.lock_check.setObjectName("idleLockCheck")
        self.lock_check.setInterval(CHECK_MS)
        self.lock_check.timeout.connect(self.check_idle)
        self.lock_check.start()

    # ----- sign-in ------------------------------------------------------------
    def request_sign_in(self, user_id: str = "") -> SignInDialog:
        dlg = self._w.sign_in_dialog
        if isinstance(dlg, SignInDialog) and dlg.isVisible():
            return dlg
        dlg = SignInDialog(self._w, user_id)
        self._w.sign_in_dialog = dlg
        dlg.submitted.connect(lambda: self._submit(dlg))
        dlg.rejected.connect(lambda: self._closed(dlg))
        dlg.open()
        return dlg

    def _closed(self, dlg: SignInDialog) -> None:
        if self._w.sign_in_dialog is dlg:
            self._w.sign_in_dialog = None
        dlg.deleteLater()

    def _deliver(self, fut: Future[T], ok: Callable[[T], None], failed: Callable[[Any], None]) -> None:
        def done(f: Future[T]) -> None:
            def run() -> None:
                exc = f.exception()
                if exc is None:
                    ok(f.result())
                else:
                    failed(exc)
            self._poster.post(run)
        fut.add_done_callback(done)

    def _submit(self, dlg: SignInDialog) -> None:
        dlg.set_busy(True)
        self._deliver(self.service.sign_in(dlg.value(), dlg.secret()),
                      lambda s: self._checked(dlg, s), lambda e: self._refused(dlg, e))

    def _refused(self, dlg: SignInDialog, exc: BaseException) -> None:
        if not isinstance(exc, SignInRefused):
            log.error("sign-in check failed", exc_info=exc)
            dlg.show_error(self.tr("Sign-in failed: the store could not be read. Try again."))
            return
        log.info("sign-in refused: %s", exc.code)
        dlg.show_error(refusal_text(exc, self._desk.profile.timezone),
                       keep_id=exc.code not in ("empty_id",))

    def _checked(self, dlg: SignInDialog, signed: SignedIn) -> None:
        if signed.must_change_password:
            dlg.set_busy(False)
            dlg.hide()
            self._ask_new_password(dlg, signed)
            return
        self._enter(dlg, signed)

    def _ask_new_password(self, dlg: SignInDialog, signed: SignedIn) -> None:
        change = ChangePasswordDialog(signed.actor.user_id, self._w)
        self.change_dialog = change
        change.old.setText(dlg.secret())
        change.new.setFocus()

        def submit() -> None:
            change.ok.setEnabled(False)
            self._deliver(self.service.change_password(signed.actor.user_id, change.old.text(),
                                                       change.new.text()),
                          lambda _r: finish(), lambda e: failed(e))

        def finish() -> None:
            change.deleteLater()
            self.change_dialog = None
            self._enter(dlg, signed)

        def failed(exc: BaseException) -> None:
            text = refusal_text(exc, self._desk.profile.timezone) if isinstance(
                exc, SignInRefused) else self.tr("The password could not be saved. Try again.")
            change.show_error(text)
            change.open()

        def cancelled() -> None:
            change.deleteLater()
            self.change_dialog = None
            dlg.password.clear()
            dlg.open()

        change.accepted.connect(submit)
        change.rejected.connect(cancelled)
        change.open()

    def _enter(self, dlg: SignInDialog, signed: SignedIn) -> None:
        try:
            self._desk.sign_in(signed.actor.user_id, signed.actor)
        except AgentIdInvalid:
            dlg.show_invalid()
            dlg.open()
            return
        except IllegalTransition:
            dlg.show_error(self.tr("Already signed in."))
            return
        self.current = signed
        if self._switched_from is not None:
            log.info("user switched at the lock: %s -> %s", self._switched_from, signed.actor.user_id)
            self.service.record(AuditAction.USER_SWITCHED, signed.actor.user_id,
                                subject=self._switched_from)
            self._switched_from = None
        self.idle.last_input_ns = self.idle._now_ns()
        log.info("signed in: %s (%s)", signed.actor.user_id, signed.actor.role.value)
        dlg.accept()
        self._closed(dlg)
        self._w.show_who(f"{signed.name}（{signed.actor.user_id}）")
        self._w.statusBar().showMessage(
            self.tr("Signed in as %1 (%2).").replace("%1", signed.name)
            .replace("%2", signed.actor.user_id), 5000)
        self.signedIn.emit(signed)

    # ----- sign-out -----------------------------------------------------------
    def add_sign_out_guard(self, guard: Callable[[], str | None]) -> None:
        """``guard()`` says why sign-out is refused now (the handover's order), or None."""
        self._sign_out_guards.append(guard)

    def sign_out(self, *, force: bool = False) -> None:
        """``force``: a guard was overridden (the reason is already recorded)."""
        for guard in () if force else self._sign_out_guards:
            why = guard()
            if why:
                self._w.statusBar().showMessage(why, 15000)
                return
        try:
            self._desk.sign_out()
        except IllegalTransition:
            self._w.statusBar().showMessage(
                self.tr("Finish the call and the ticket before signing out."), 5000)
            return
        who = self.current.actor.user_id if self.current else None
        self.service.record(AuditAction.SIGN_OUT, who)
        self.current = None
        self._w.clear_for_next_user()
        log.info("signed out: %s", who)
        self.signedOut.emit()

    # ----- the screen lock ------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.lock_dialog is not None

    def check_idle(self) -> None:
        minutes = self._desk.profile.idle_lock_minutes
        if (self.current is None or self.locked
                or self._desk.status.state not in LOCKABLE or self.idle.idle_s() < minutes * 60):
            return
        self.lock()

    def lock(self) -> ScreenLockDialog:
        assert self.current is not None
        central = self._w.centralWidget()
        if central is not None:
            central.setVisible(False)  # nothing readable behind the lock
        who = f"{self.current.name}（{self.current.actor.user_id}）"
        dlg = ScreenLockDialog(who, self._w)
        dlg.unlockRequested.connect(lambda pw: self._unlock(dlg, pw))
        dlg.switchRequested.connect(self._switch_user)
        self.lock_dialog = dlg
        log.info("screen locked after idle: %s", self.current.actor.user_id)
        dlg.open()
        self.lockChanged.emit(True)
        return dlg

    def _unlock(self, dlg: ScreenLockDialog, password: str) -> None:
        assert self.current is not None
        user_id = self.current.actor.user_id

        def failed(exc: BaseException) -> None:
            dlg.show_error(refusal_text(exc, self._desk.profile.timezone)
                           if isinstance(exc, SignInRefused) else self.tr("Try again."))

        self._deliver(self.service.sign_in(user_id, password), lambda _s: self._unlocked(),
                      failed)

    def _unlocked(self) -> None:
        dlg, self.lock_dialog = self.lock_dialog, None
        if dlg is not None:
            dlg.accept()
            dlg.deleteLater()
        central = self._w.centralWidget()
        if central is not None:
            central.setVisible(True)
        self.idle.last_input_ns = self.idle._now_ns()
        if self.current is not None:
            self.service.record(AuditAction.SCREEN_UNLOCKED, self.current.actor.user_id)
        log.info("screen unlocked")
        self.lockChanged.emit(False)

    def _switch_user(self) -> None:
        previous = self.current.actor.user_id if self.current else None
        self._unlocked()
        self.sign_out()
        if self._desk.status.state.name == "SIGNED_OUT":
            self._switched_from = previous
            self.request_sign_in()
