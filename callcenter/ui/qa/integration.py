"""The QA workspace feature: a tab that exists while a QA reviewer (or a shift
lead, who reads every review too) is signed in. Searches run on the store's
reader and come back through the GUI poster; the replay is one function
(``open_replay``) so the replay dialog can be swapped in one line."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject

from callcenter.domain.auth.permissions import Permission, PermissionDenied, allowed
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.qa.workspace import CallFilter, CallRow, QaWorkspace
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.qa.workspace_view import QaWorkspaceView
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.shared.refusals import permission_message

# (call row, the seq of the event to start at or None) -> opens the call's replay
OpenReplay = Callable[[CallRow, int | None], None]


class QaFeature(QObject):
    def __init__(self, window: MainWindow, auth: AuthFeature, workspace: QaWorkspace,
                 profile: SiteProfile, clock: Clock, lang: str, open_replay: OpenReplay) -> None:
        super().__init__(window)
        self._w, self._ws, self._profile, self._clock, self._lang = (
            window, workspace, profile, clock, lang)
        self._open_replay = open_replay
        self._poster = GuiPoster(self)
        self.view: QaWorkspaceView | None = None
        auth.signedIn.connect(self._signed_in)
        auth.signedOut.connect(self._signed_out)

    def _signed_in(self, signed: SignedIn) -> None:
        if self.view is None and allowed(signed.actor, Permission.QA_REVIEW_SCORE):
            from zoneinfo import ZoneInfo

            today = self._clock.utc_now().astimezone(ZoneInfo(self._profile.timezone)).date()
            cats = {c.code: c.label(self._lang) for c in self._profile.categories}
            view = QaWorkspaceView(self._profile.timezone, cats, today)
            view.searchRequested.connect(self.search)
            view.replayRequested.connect(self._open_replay)
            self.view = view
            self._w.add_tool_tab(view, self.tr("QA review"))

    def _signed_out(self) -> None:
        if self.view is not None:
            index = self._w.tools.indexOf(self.view)
            if index >= 0:
                self._w.tools.removeTab(index)
            self.view.deleteLater()
            self.view = None

    def search(self, f: CallFilter) -> None:
        view = self.view
        if view is None:
            return
        try:
            fut = self._ws.find(f)
        except PermissionDenied as exc:
            view.show_error(permission_message(exc))
            return

        def done(ft: Future[list[CallRow]]) -> None:
            def show() -> None:
                if self.view is not view:  # signed out meanwhile
                    return
                exc = ft.exception()
                if exc is not None:
                    view.show_error(self.tr("The search failed: %1").replace("%1", str(exc)))
                else:
                    rows = ft.result()
                    view.show_rows(rows, len(rows) >= f.limit)
            self._poster.post(show)

        fut.add_done_callback(done)
