"""The calibration tab (质检校准): for the QA lead (a QA reviewer, who sees a
call's spread once they scored it blind) and the shift lead. Reads run off the
GUI thread and come back through the GUI poster."""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QObject

from callcenter.domain.auth.permissions import Permission, PermissionDenied, allowed
from callcenter.domain.auth.roles import Role
from callcenter.domain.qa.calibration import Calibration
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.qa.calibration import CalibrationBlind, CalibrationCall, Calibrations
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.qa.calibration_view import CalibrationView
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.shared.refusals import permission_message


class CalibrationFeature(QObject):
    def __init__(self, window: MainWindow, auth: AuthFeature, calibrations: Calibrations,
                 timezone: str, lang: str) -> None:
        super().__init__(window)
        self._w, self.calibrations, self._tz, self._lang = window, calibrations, timezone, lang
        self._poster = GuiPoster(self)
        self.view: CalibrationView | None = None
        auth.signedIn.connect(self._signed_in)
        auth.signedOut.connect(self._signed_out)

    def _label(self, code: str) -> str:
        for form in self.calibrations.forms:
            q = form.question(code)
            if q is not None:
                return q.label(self._lang)
        return code

    def _signed_in(self, signed: SignedIn) -> None:
        a = signed.actor
        if self.view is not None or a.role not in (Role.QA, Role.SHIFT_LEAD) or not allowed(
                a, Permission.QA_REVIEW_READ):
            return
        view = CalibrationView(self._tz, self._label)
        view.refreshRequested.connect(self.refresh)
        view.callChosen.connect(self.show_call)
        self.view = view
        self._w.add_tool_tab(view, self.tr("QA calibration"))
        self.refresh()

    def _signed_out(self) -> None:
        if self.view is not None:
            index = self._w.tools.indexOf(self.view)
            if index >= 0:
                self._w.tools.removeTab(index)
            self.view.deleteLater()
            self.view = None

    def refresh(self) -> None:
        view = self.view
        if view is None:
            return
        try:
            fut = self.calibrations.calls()
        except PermissionDenied as exc:
            view.message.setText("⚠ " + permission_message(exc))
            return

        def done(ft: Future[list[CalibrationCall]]) -> None:
            def show() -> None:
                if self.view is not view:
                    return
                exc = ft.exception()
                if exc is not None:
                    view.message.setText("⚠ " + self.tr("Could not read: %1").replace("%1", str(exc)))
                else:
                    view.set_calls(ft.result())
            self._poster.post(show)
        fut.add_done_callback(done)

    def show_call(self, call: CalibrationCall) -> None:
        view = self.view
        if view is None:
            return
        try:
            fut = self.calibrations.spread(call.call_id)
        except PermissionDenied as exc:
            view.clear_detail("⚠ " + permission_message(exc))
            return

        def done(ft: Future[Calibration | None]) -> None:
            def show() -> None:
                if self.view is not view:
                    return
                exc = ft.exception()
                if isinstance(exc, CalibrationBlind):
                    view.clear_detail("⚠ " + self.tr(
                        "Calibration is blind: score this call for calibration yourself first "
                        "(QA workspace, \"Score blind for calibration\"); then the spread shows."))
                elif exc is not None:
                    view.clear_detail("⚠ " + self.tr("Could not read: %1").replace("%1", str(exc)))
                else:
                    view.show_spread(call, ft.result())
            self._poster.post(show)
        fut.add_done_callback(done)
