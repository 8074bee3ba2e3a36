"""The reviews tabs: 我的质检 for an agent (their own reviews only: sign off
or dispute with a reason), 质检申诉 for a shift lead and a QA reviewer
(rescore on the form or decline, with a reason). Every step goes through the
service (which checks the role again), off the GUI thread."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject

from callcenter.domain.auth.permissions import Permission, PermissionDenied, allowed
from callcenter.domain.auth.roles import Role
from callcenter.domain.qa.forms import Answer
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.qa.reviews import Reviews, ReviewView
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.qa.labels import refusal_text
from callcenter.ui.qa.reviews_view import DISPUTED, MINE, ReviewsView
from callcenter.ui.qa.score_dialog import ScoreDialog
from callcenter.ui.replay.pins import attach_pins
from callcenter.ui.replay.replay_dialog import ReplayDialog
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.shared.refusals import permission_message


class ReviewsFeature(QObject):
    def __init__(self, window: MainWindow, auth: AuthFeature, reviews: Reviews,
                 profile: SiteProfile, lang: str,
                 open_replay: Callable[[uuid.UUID], ReplayDialog] | None = None) -> None:
        super().__init__(window)
        self._w, self.reviews, self._profile, self._lang = window, reviews, profile, lang
        self._open_replay = open_replay
        self.replay: ReplayDialog | None = None
        self._poster = GuiPoster(self)
        self.view: ReviewsView | None = None
        self.dialog: ScoreDialog | None = None
        auth.signedIn.connect(self._signed_in)
        auth.signedOut.connect(self._signed_out)

    def _signed_in(self, signed: SignedIn) -> None:
        if self.view is not None:
            return
        a = signed.actor
        if a.role is Role.AGENT and allowed(a, Permission.QA_REVIEW_READ_OWN):
            mode, title = MINE, self.tr("My reviews")
        elif allowed(a, Permission.QA_REVIEW_READ):
            mode, title = DISPUTED, self.tr("Review disputes")
        else:
            return
        view = ReviewsView(mode, self._profile.timezone, self.reviews.forms, self._lang)
        view.refreshRequested.connect(self.refresh)
        view.signOffRequested.connect(lambda r: self._step(lambda: self.reviews.sign_off(r.id)))
        view.disputeRequested.connect(
            lambda r, why: self._step(lambda: self.reviews.dispute(r.id, why)))
        view.declineRequested.connect(
            lambda r, why: self._step(lambda: self.reviews.decline(r.id, why)))
        view.rescoreRequested.connect(self.open_rescore)
        view.replayRequested.connect(self.open_replay)
        view.replay_btn.setVisible(self._open_replay is not None)
        self.view = view
        self._w.add_tool_tab(view, title)
        self.refresh()

    def open_replay(self, r: ReviewView) -> ReplayDialog | None:
        """The reviewed call's replay, the reviewer's comments as markers on its timeline."""
        if self._open_replay is None:
            return None
        dlg = self._open_replay(r.call_id)
        attach_pins(dlg, r.pins)
        self.replay = dlg
        dlg.destroyed.connect(lambda *_: setattr(self, "replay", None))
        return dlg

    def _signed_out(self) -> None:
        if self.replay is not None:
            self.replay.close()
            self.replay = None
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        if self.view is not None:
            index = self._w.tools.indexOf(self.view)
            if index >= 0:
                self._w.tools.removeTab(index)
            self.view.deleteLater()
            self.view = None

    def _deliver(self, make: Callable[[], Future[Any]], ok: Callable[[Any], None],
                 failed: Callable[[str], None]) -> None:
        try:
            fut = make()
        except PermissionDenied as exc:
            failed(permission_message(exc))
            return

        def done(f: Future[Any]) -> None:
            def run() -> None:
                exc = f.exception()
                if exc is None:
                    ok(f.result())
                else:
                    failed(refusal_text(exc))
            self._poster.post(run)
        fut.add_done_callback(done)

    def _say(self, text: str) -> None:
        if self.view is not None:
            self.view.message.setText(text)

    def refresh(self, keep: object = None) -> None:
        view = self.view
        if view is None:
            return
        load = self.reviews.mine if view.mode == MINE else self.reviews.disputed
        self._deliver(load, lambda rows: view.set_reviews(rows, keep) if self.view is view else None,
                      lambda text: self._say("⚠ " + text))

    def _step(self, make: Callable[[], Future[ReviewView]]) -> None:
        self._deliver(make, self._stepped, lambda text: self._say("⚠ " + text))

    def _stepped(self, review: ReviewView) -> None:
        if self.view is not None:
            self.view.reason.clear()
        self._say(self.tr("Saved."))
        self.refresh(review.id)

    def open_rescore(self, r: ReviewView, reason: str) -> ScoreDialog | None:
        try:
            form = self.reviews.form(r.form_id, r.form_version)
        except LookupError as exc:
            self._say("⚠ " + str(exc))
            return None
        dlg = ScoreDialog(form, r.agent_id, r.answers, self._lang, self._w)
        dlg.submitted.connect(lambda answers: self._rescore(dlg, r, answers, reason))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _rescore(self, dlg: ScoreDialog, r: ReviewView, answers: dict[str, Answer],
                 reason: str) -> None:
        def ok(review: ReviewView) -> None:
            dlg.accept()
            self.dialog = None
            self._stepped(review)
        self._deliver(lambda: self.reviews.rescore(r.id, answers, reason), ok, dlg.failed)
