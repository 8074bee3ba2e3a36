"""The QA workspace feature: a tab that exists while a QA reviewer (or a shift
lead, who reads every review too) is signed in. Searches run on the store's
reader and come back through the GUI poster; the replay is one function
(``open_replay``) so the replay dialog can be swapped in one line."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, Signal

from callcenter.domain.auth.permissions import Permission, PermissionDenied, allowed
from callcenter.domain.clock import Clock
from callcenter.domain.qa.forms import Answer, prefill
from callcenter.domain.qa.pins import Pin, PinInvalid
from callcenter.domain.qa.sampling import SampleQuery
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.privacy.policy import policy_for
from callcenter.services.privacy.reveal import Reveals
from callcenter.services.qa.reviews import ReviewInvalid, Reviews, ReviewView
from callcenter.services.qa.sampling import Sample, Sampling
from callcenter.services.qa.tasks import ReviewTasks, TaskRefused, TaskView
from callcenter.services.qa.workspace import CallFilter, CallRow, FullNumbers, QaWorkspace
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.privacy.reveal_dialog import RevealDialog, ask_reveal
from callcenter.ui.qa.labels import refusal_text
from callcenter.ui.qa.release_chooser import ReleaseChooser
from callcenter.ui.qa.score_dialog import ScoreDialog
from callcenter.ui.qa.workspace_view import QaWorkspaceView
from callcenter.ui.replay.pins import PinMarkers, attach_pins
from callcenter.ui.replay.replay_dialog import ReplayDialog
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.shared.refusals import permission_message

# (call row, the seq of the event to start at or None) -> opens the call's replay
OpenReplay = Callable[[CallRow, int | None], ReplayDialog | None]


class QaFeature(QObject):
    calibrationSaved = Signal(object)  # ReviewView: a blind calibration scoring was saved
    def __init__(self, window: MainWindow, auth: AuthFeature, workspace: QaWorkspace,
                 reviews: Reviews, profile: SiteProfile, clock: Clock, lang: str,
                 open_replay: OpenReplay, tasks: ReviewTasks | None = None,
                 sampling: Sampling | None = None, reveals: Reveals | None = None) -> None:
        super().__init__(window)
        self._w, self._ws, self._profile, self._clock, self._lang = (
            window, workspace, profile, clock, lang)
        self.reviews, self.tasks, self.sampling, self.reveals = reviews, tasks, sampling, reveals
        self.reveal_dialog: RevealDialog | None = None
        self.score_dialog: ScoreDialog | None = None
        self._sample_note = ""
        self._open_replay = open_replay
        # comments pinned while scoring, per call, kept until the review is saved
        self.drafts: dict[uuid.UUID, list[Pin]] = {}
        self.replay: ReplayDialog | None = None  # the replay last opened from the workspace
        self._replay_call: uuid.UUID | None = None
        self._score_call: uuid.UUID | None = None
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
            view.replayRequested.connect(self.open_replay)
            view.scoreRequested.connect(self.open_score)
            view.calibrateRequested.connect(lambda row: self.open_score(row, calibration=True))
            view.tasks.createRequested.connect(self.make_task)
            view.tasks.closeRequested.connect(self.close_task)
            view.tasks.setVisible(self.tasks is not None)
            view.sampleRequested.connect(self.draw_sample)
            view.sample_btn.setVisible(self.sampling is not None)
            view.may_reveal = self.reveals is not None and policy_for(signed.actor).may_reveal
            view.revealRequested.connect(self.ask_reveal)
            self.view = view
            self._w.add_tool_tab(view, self.tr("QA review"))
            self.refresh_tasks()

    def _signed_out(self) -> None:
        if self.score_dialog is not None:
            self.score_dialog.reject()
            self.score_dialog = None
        self.drafts.clear()  # the next reviewer starts with none
        if self.replay is not None:
            self.replay.close()
            self._replay_gone()
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
                    view.show_rows(rows, len(rows) >= f.limit and not f.call_ids)
                    if f.call_ids and self._sample_note:
                        view.message.setText(self._sample_note)
                        self._sample_note = ""
            self._poster.post(show)

        fut.add_done_callback(done)

    def open_score(self, row: CallRow, calibration: bool = False) -> ScoreDialog | None:
        """The evaluation form for ``row``'s call, the checks' answers filled in;
        ``calibration``: a blind scoring for calibration (no pins, never released)."""
        view = self.view
        if view is None:
            return None
        try:
            form = self.reviews.form()
        except LookupError:
            view.show_error(self.tr("The site profile has no evaluation form."))
            return None
        when = row.started_at.strftime("%Y-%m-%d %H:%M")
        title = f"{row.agent_id} · {when}"
        if calibration:
            dlg = ScoreDialog(form, self.tr("calibration, blind: %1").replace("%1", title),
                              prefill(form, row.checks.results), self._lang, self._w)
            dlg.submit_btn.setText(self.tr("Submit (blind)"))
        else:
            dlg = ScoreDialog(form, title, prefill(form, row.checks.results), self._lang, self._w,
                              pins=self.drafts.get(row.call_id, []),
                              release=ReleaseChooser(self._profile.timezone, self._clock.utc_now))
        dlg.submitted.connect(lambda answers: self._submit(dlg, row, answers, calibration))
        if dlg.pins is not None:
            dlg.pins.pinsChanged.connect(lambda pins: self._pins_changed(row.call_id, pins))
        if self.score_dialog is not None:  # one scoring at a time
            self.score_dialog.reject()
        self.score_dialog, self._score_call = dlg, row.call_id
        dlg.rejected.connect(lambda: self._score_closed(dlg))
        self._link()
        dlg.show()  # not modal: the replay plays and takes clicks while the reviewer scores
        return dlg

    def _score_closed(self, dlg: ScoreDialog) -> None:
        if self.score_dialog is dlg:
            self.score_dialog, self._score_call = None, None

    # ----- 显示完整号码 for the selected call's ticket ----------------------
    def ask_reveal(self, row: CallRow) -> None:
        """Ask why (recorded in the audit log), then show the call's numbers in full
        until another call is chosen."""
        view, reveals = self.view, self.reveals
        if view is None or reveals is None or row.ticket_id is None:
            return
        subject = self.tr("ticket %1").replace("%1", row.ticket_number or "")
        self.reveal_dialog = ask_reveal(view, reveals, self._ws.user.actor, row.ticket_id, subject,
                                        lambda: self._revealed(row))

    def _revealed(self, row: CallRow) -> None:
        view = self.view
        if view is None:
            return
        try:
            fut = self._ws.full_numbers(row.call_id)
        except PermissionDenied as exc:
            view.show_error(permission_message(exc))
            return

        def done(ft: Future[FullNumbers]) -> None:
            def show() -> None:
                if self.view is not view:
                    return
                exc = ft.exception()
                if exc is not None:
                    view.show_error(self.tr("The numbers could not be read: %1").replace("%1", str(exc)))
                else:
                    view.show_full(ft.result())
            self._poster.post(show)
        fut.add_done_callback(done)

    # ----- comments pinned to the timeline ---------------------------------
    def open_replay(self, row: CallRow, seq: int | None = None) -> ReplayDialog | None:
        """The call's replay, with the comments pinned so far as markers; while the
        call is being scored, the score dialog's pin time follows its playhead."""
        dlg = self._open_replay(row, seq)
        if dlg is None:
            return None
        attach_pins(dlg, self.drafts.get(row.call_id, []), click_seeks=True)
        self.replay, self._replay_call = dlg, row.call_id
        dlg.destroyed.connect(self._replay_gone)
        self._link()
        return dlg

    def _replay_gone(self, *_: object) -> None:
        self.replay, self._replay_call = None, None

    def _markers(self) -> PinMarkers | None:
        m = self.replay.findChild(PinMarkers, "replayPins") if self.replay is not None else None
        return m if isinstance(m, PinMarkers) else None

    def _link(self) -> None:
        """Tie the score dialog's pins to the open replay of the same call."""
        dlg, replay, markers = self.score_dialog, self.replay, self._markers()
        if (dlg is None or dlg.pins is None or replay is None or markers is None
                or self._score_call != self._replay_call):
            return
        editor = dlg.pins
        replay.positionShown.connect(editor.follow_playhead)
        editor.seekRequested.connect(replay.seek)
        editor.pinsChanged.connect(markers.set_pins)
        if replay.timeline is not None:
            editor.duration_s = replay.timeline.duration_s
        editor.follow_playhead(replay.position())

    def _pins_changed(self, call_id: uuid.UUID, pins: list[Pin]) -> None:
        self.drafts[call_id] = list(pins)

    def _submit(self, dlg: ScoreDialog, row: CallRow, answers: dict[str, Answer],
                calibration: bool = False) -> None:
        pins = dlg.pins.pins if dlg.pins is not None else []
        try:
            fut = self.reviews.submit(row.call_id, answers, pins=pins, release_at=dlg.release_at,
                                      calibration=calibration)
        except ReviewInvalid as exc:
            dlg.show_problems(exc.problems)
            return
        except PinInvalid as exc:
            dlg.failed(self.tr("A pinned comment is not valid: %1").replace("%1", exc.reason))
            return
        except PermissionDenied as exc:
            dlg.failed(permission_message(exc))
            return

        def done(ft: Future[ReviewView]) -> None:
            def show() -> None:
                exc = ft.exception()
                if exc is not None:
                    dlg.failed(self.tr("Not saved: %1").replace("%1", refusal_text(exc)))
                    return
                review = ft.result()
                dlg.accept()
                if self.score_dialog is dlg:
                    self.score_dialog, self._score_call = None, None
                if calibration:
                    if self.view is not None:
                        self.view.message.setText(self.tr("Calibration scoring saved (blind): %1")
                                                  .replace("%1", "—" if review.score is None
                                                           else f"{review.score:.1f}"))
                    self.calibrationSaved.emit(review)
                    return
                self.drafts.pop(row.call_id, None)
                if self.view is not None:
                    score = "—" if review.score is None else f"{review.score:.1f}"
                    at = review.released_at
                    if at is not None and at > self._clock.utc_now():
                        local = at.astimezone(ZoneInfo(self._profile.timezone)).strftime("%Y-%m-%d %H:%M")
                        text = self.tr("Review saved: score %2; %1 sees it from %3").replace(
                            "%3", local)
                    else:
                        text = self.tr("Review released to %1: score %2")
                    self.view.message.setText(text.replace("%1", review.agent_id).replace("%2", score))
            self._poster.post(show)

        fut.add_done_callback(done)


    # ----- a reproducible random sample ----------------------------------
    def draw_sample(self, f: CallFilter, n: int, seed: int) -> None:
        view, sampling = self.view, self.sampling
        if view is None or sampling is None or f.start is None or f.end is None:
            return
        query = SampleQuery((f.agent,) if f.agent else (), f.start, f.end, n, seed, answered_only=True)

        def drawn(sample: Sample) -> None:
            ids = tuple(sample.call_ids())
            total = sum(sample.population.values())
            if not ids:
                view.show_rows([], False)
                view.message.setText(self.tr("No answered calls in that period."))
                return
            self.search(CallFilter(call_ids=ids, limit=len(ids)))
            self._sample_note = self.tr("Sample of %1 calls from %2 (seed %3), kept.").replace(
                "%1", str(len(ids))).replace("%2", str(total)).replace("%3", str(seed))
        self._task_call(lambda: sampling.draw(query), drawn, always=True)

    # ----- complaint review tasks (004 Q69) -------------------------------
    def _task_call(self, make: Callable[[], Future[Any]], ok: Callable[[Any], None], *,
                   always: bool = False) -> None:
        view = self.view
        if view is None or (self.tasks is None and not always):
            return
        try:
            fut = make()
        except (PermissionDenied, TaskRefused) as exc:
            view.message.setText("⚠ " + task_refusal(exc))
            return

        def done(ft: Future[Any]) -> None:
            def show() -> None:
                if self.view is not view:
                    return
                exc = ft.exception()
                if exc is not None:
                    view.show_error("⚠ " + task_refusal(exc))
                else:
                    ok(ft.result())
            self._poster.post(show)
        fut.add_done_callback(done)

    def refresh_tasks(self) -> None:
        if self.tasks is not None and self.view is not None:
            view = self.view
            self._task_call(self.tasks.open_tasks, view.tasks.set_tasks)

    def make_task(self, agent_id: str, note: str) -> None:
        view, tasks = self.view, self.tasks
        row = view.current_row() if view is not None else None
        if view is None or tasks is None or row is None or row.ticket_id is None:
            return
        ticket_id = row.ticket_id

        def made(task: TaskView) -> None:
            if self.view is not None:
                self.view.tasks.agent.clear()
                self.view.tasks.note.clear()
                self.view.message.setText(self.tr("Review task made: due %1").replace(
                    "%1", task.due_at.astimezone(ZoneInfo(self._profile.timezone)).strftime("%m-%d %H:%M")))
            self.refresh_tasks()
        self._task_call(lambda: tasks.from_complaint(ticket_id, agent_id, note), made)

    def close_task(self, task: TaskView, outcome: str) -> None:
        tasks = self.tasks
        if tasks is None:
            return

        def closed(_t: TaskView) -> None:
            if self.view is not None:
                self.view.tasks.outcome.clear()
            self.refresh_tasks()
        self._task_call(lambda: tasks.close(task.id, outcome), closed)


def task_refusal(exc: BaseException) -> str:
    if isinstance(exc, PermissionDenied):
        return permission_message(exc)
    if isinstance(exc, TaskRefused):
        return {
            "no_ticket": QCoreApplication.translate("QaTasks", "The ticket is not on this desk."),
            "not_a_complaint": QCoreApplication.translate("QaTasks", "Only a complaint makes a review task."),
            "bad_agent": QCoreApplication.translate("QaTasks", "Enter the agent's ID (3 to 8 digits)."),
            "note_too_long": QCoreApplication.translate("QaTasks", "The note is too long (500 at most)."),
            "not_open": QCoreApplication.translate("QaTasks", "This task is closed already."),
            "outcome_required": QCoreApplication.translate("QaTasks", "Write the outcome first."),
        }.get(exc.reason, exc.reason)
    return str(exc)
