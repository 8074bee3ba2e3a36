"""Wires the handover screens to the services: a 交接班 tab while a lead or an
agent is signed in, a named tick (``handoverTick``) that keeps the countdown,
the reminder, the compiled parts of an open draft and the sign-out order up to
date. All store work runs on the database threads; results come back through
the GUI poster."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import Clock
from callcenter.domain.handover.record import (
    SECTIONS,
    RecordState,
    Section,
    countdown_text,
    reminder_due,
)
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.handover.compile import Compiled, ShiftInfo, compile_in, events, shift_info
from callcenter.services.handover.records import HandoverRecords, HandoverRefused, RecordView
from callcenter.services.handover.shift import MarkRefused, ShiftHandover, SignOutCheck
from callcenter.services.storage.database import Database
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.handover.agent_view import AgentView
from callcenter.ui.handover.incoming import IncomingController
from callcenter.ui.handover.lead_view import LeadView
from callcenter.ui.handover.texts import item_line, local, tr
from callcenter.ui.shared.main_window import MainWindow

TICK_MS = 30_000


def refusal(code: str) -> str:
    return {
        "wrong_password": tr("Wrong password: the handover is not confirmed (this was recorded)."),
        "read_only": tr("The record is submitted or confirmed: it cannot be changed; add an addendum."),
        "own_record": tr("You cannot confirm your own record: the incoming lead confirms it."),
        "not_submitted": tr("The record is still a draft: the outgoing lead has not submitted it."),
        "not_found": tr("No such record on this desk (yet)."),
        "empty": tr("Write something first."),
        "bad_class": tr("Choose the kind of event."),
        "bad_report_kind": tr("Unknown report kind."),
    }.get(code, code)


class HandoverFeature(QObject):
    def __init__(self, window: MainWindow, auth: AuthFeature, db: Database, profile: SiteProfile,
                 is_working_day: Callable[[date], bool], clock: Clock, workstation: str,
                 user: CurrentUser, lang: str) -> None:
        super().__init__(window)
        self._w, self._auth, self._db, self._profile = window, auth, db, profile
        self._working, self._clock, self._lang = is_working_day, clock, lang
        self.tz = ZoneInfo(profile.timezone)
        self.records = HandoverRecords(db, clock, workstation, user=user)
        self.shift = ShiftHandover(db, clock, workstation, profile.handover, user=user)
        self._poster = GuiPoster(self)
        self.lead: LeadView | None = None
        self.agent: AgentView | None = None
        self.incoming: IncomingController | None = None
        self.draft: RecordView | None = None
        self.compiled: Compiled | None = None  # the parts the open draft shows
        self.sign_out_state: SignOutCheck | None = None
        self._overridden = False
        self._reminded: str | None = None
        self._session = 0  # bumped at every sign-in and sign-out: late results are dropped
        self.timer = QTimer(self)
        self.timer.setObjectName("handoverTick")
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        auth.signedIn.connect(self._signed_in)
        auth.signedOut.connect(self._signed_out)
        auth.add_sign_out_guard(self.sign_out_refusal)

    # -- plumbing ---------------------------------------------------------------------
    def deliver(self, fut: Future[Any], ok: Callable[[Any], None],
                failed: Callable[[BaseException], None] | None = None) -> None:
        """Hand a future's result to ``ok`` on the GUI thread, unless the user who asked
        has signed out meanwhile (their widgets are gone: the result is dropped)."""
        session = self._session

        def done(f: Future[Any]) -> None:
            def run() -> None:
                if session != self._session:
                    return
                exc = f.exception()
                if exc is None:
                    ok(f.result())
                elif failed is not None:
                    failed(exc)
                else:
                    self.say(self.failure(exc))
            self._poster.post(run)
        fut.add_done_callback(done)

    def failure(self, exc: BaseException) -> str:
        if isinstance(exc, HandoverRefused):
            if exc.code == "already_confirmed" and exc.at is not None:
                return tr("Already confirmed by %1 at %2.").replace("%1", exc.by).replace(
                    "%2", exc.at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M"))
            return refusal(exc.code)
        if isinstance(exc, MarkRefused):
            return refusal(exc.code)
        return tr("The store could not be written; nothing changed. Try again.")

    def say(self, text: str) -> None:
        for label in (self.lead.outgoing.message if self.lead else None,
                      self.lead.incoming.message if self.lead else None,
                      self.agent.message if self.agent else None):
            if label is not None:
                label.setText(text)

    def info(self, at: datetime | None = None) -> ShiftInfo | None:
        try:
            return shift_info(self._profile, at or self._clock.utc_now(), self._working)
        except LookupError:
            return None

    # -- sign-in, sign-out ----------------------------------------------------------------
    def _signed_in(self, signed: SignedIn) -> None:
        self._session += 1
        if not self._profile.shifts:
            return
        self._overridden = False
        names = [s.name for s in self._profile.shifts]
        if signed.actor.role is Role.SHIFT_LEAD:
            self.lead = LeadView(self.tz, names)
            self.incoming = IncomingController(self, self.lead)
            o = self.lead.outgoing
            o.open_btn.clicked.connect(self.open_draft)
            o.refresh_btn.clicked.connect(self.open_draft)
            o.save_btn.clicked.connect(lambda: self.save(submit=False))
            o.submit_btn.clicked.connect(lambda: self.save(submit=True))
            o.override_btn.clicked.connect(self.override_sign_out)
            o.set_editable(False)
            self._w.add_tool_tab(self.lead, self.tr("Handover"))
            self.agent = AgentView(self._profile.handover, self._lang)
            self.agent.for_lead()
            self.lead.addTab(self.agent, self.tr("Events of this shift"))
        elif signed.actor.role is Role.AGENT:
            self.agent = AgentView(self._profile.handover, self._lang)
            self._w.add_tool_tab(self.agent, self.tr("Handover"))
        if self.agent is not None:
            self.agent.mark_btn.clicked.connect(self.mark_event)
            self.agent.reported_btn.clicked.connect(self.report_event)
            self.agent.summary_btn.clicked.connect(self.send_summary)
        self.tick()
        self.timer.start()

    def _signed_out(self) -> None:
        self._session += 1
        self.timer.stop()
        for view in (self.lead, self.agent if self.lead is None else None):
            if view is not None:
                index = self._w.tools.indexOf(view)
                if index >= 0:
                    self._w.tools.removeTab(index)
                view.deleteLater()
        self.lead = self.agent = None  # a lead's events view went with the lead's tab
        self.incoming = None
        self.draft = None
        self.compiled = None
        self.sign_out_state = None

    def sign_out_refusal(self) -> str | None:
        """004 Q54, from the state the last tick read (the GUI thread never waits)."""
        st = self.sign_out_state
        if st is None or st.allowed or self._overridden:
            return None
        return tr("You cannot sign out yet: nobody of the incoming shift (%1) has signed in. "
                  "A lead may sign out anyway with a reason on the Handover tab.").replace(
            "%1", st.incoming)

    def override_sign_out(self) -> None:
        info = self.info()
        if self.lead is None or info is None:
            return
        reason = self.lead.outgoing.override_reason.text()
        try:
            fut = self.shift.override_sign_out(info, reason)
        except MarkRefused as exc:
            self.say(refusal(exc.code))
            return

        def done(_id: str) -> None:
            self._overridden = True
            self._auth.sign_out(force=True)
        self.deliver(fut, done)

    def refresh(self) -> None:
        """Another desk's records or entries arrived (sync pulled them)."""
        if self.lead is None and self.agent is None:
            return
        if self.incoming is not None:
            self.incoming.reload()
        self.tick()

    # -- the tick ---------------------------------------------------------------------------
    def tick(self) -> None:
        info = self.info()
        if info is None:
            return
        now = self._clock.utc_now()
        left = info.slot.end - now
        text = tr("%1 %2–%3 (team %4), ends in %5 min; next: %6").replace(
            "%1", info.slot.shift.name).replace("%2", local(info.slot.start.isoformat(), self.tz)) \
            .replace("%3", local(info.slot.end.isoformat(), self.tz)) \
            .replace("%4", info.slot.shift.team or "—") \
            .replace("%5", str(max(0, int(left.total_seconds() // 60)))) \
            .replace("%6", info.incoming.shift.name)
        self.deliver(self.shift.sign_out_check(info),
                     lambda st: setattr(self, "sign_out_state", st), lambda _e: None)
        if self.lead is not None:
            o = self.lead.outgoing
            o.shift_label.setText(text)
            due = reminder_due(now, info.slot.end,
                               timedelta(minutes=self._profile.handover.reminder_minutes))
            o.reminder.setVisible(due)
            if due:
                o.reminder.setText(tr("The shift ends in %1 minutes: prepare the handover record.")
                                   .replace("%1", str(max(0, int(left.total_seconds() // 60)))))
                if self._reminded != info.slot.key:
                    self._reminded = info.slot.key
                    self._w.statusBar().showMessage(o.reminder.text(), 15000)
                    if self.draft is None:
                        self.open_draft()
            if self.draft is not None and self.draft.state is RecordState.DRAFT:
                self.open_draft()  # the compiled parts follow the data; the texts stay
        if self.agent is not None:
            self.agent.shift_label.setText(text)
            self.refresh_agent(info)

    # -- the outgoing lead ------------------------------------------------------------------
    def open_draft(self) -> None:
        info = self.info()
        if info is None or self.lead is None:
            return
        now = self._clock.utc_now()
        fut: Future[Compiled] = self._db.read(lambda s: compile_in(s, self._profile, info, now))

        def compiled(c: Compiled) -> None:
            if self.lead is not None and self.records.user.allows(Permission.HANDOVER_CONFIRM):
                self.deliver(self.records.open_draft(info, c), lambda v: self.show_draft(v, c))
        self.deliver(fut, compiled)

    def show_draft(self, view: RecordView, compiled: Compiled | None = None) -> None:
        """A draft shows the parts just compiled (``compiled``); a submitted record what
        it stored. The lead's texts are loaded once and never overwritten."""
        if self.lead is None:
            return
        first = self.draft is None or self.draft.id != view.id
        self.draft = view
        live = compiled is not None and view.state is RecordState.DRAFT
        self.compiled = compiled if live else None
        o = self.lead.outgoing
        for s in SECTIONS:
            box = o.boxes[s]
            box.set_items((compiled.sections if live and compiled else view.compiled)
                          .get(s.value, []))
            if first:
                box.text.setPlainText(view.texts.get(s.value, ""))
        o.set_editable(view.state is RecordState.DRAFT)
        o.state_label.setText(tr("Record %1: %2").replace("%1", view.shift_key).replace(
            "%2", {"draft": tr("Draft"), "submitted": tr("Submitted"),
                   "confirmed": tr("Confirmed")}[view.state.value]))

    def save(self, *, submit: bool) -> None:
        if self.lead is None or self.draft is None:
            return
        texts = self.lead.outgoing.texts()
        shown = self.compiled
        fut = (self.records.submit if submit else self.records.save_texts)(
            self.draft.id, texts, shown)

        def done(view: RecordView) -> None:
            self.show_draft(view, shown)
            self.say(tr("Submitted: the incoming lead can confirm it.") if submit else tr("Saved."))
        self.deliver(fut, done)

    # -- agents ---------------------------------------------------------------------------------
    def refresh_agent(self, info: ShiftInfo) -> None:
        now = self._clock.utc_now()
        within = timedelta(minutes=self._profile.handover.report_within_minutes)
        self.deliver(self._db.read(lambda s: events(s, info, now, within)), self.show_events)
        if self.records.user.user_id and self.lead is None:
            self.deliver(self.shift.chase_for(self.records.user.user_id), self.show_chase)

    def show_events(self, items: list[dict[str, Any]]) -> None:
        if self.agent is None:
            return
        lst = self.agent.events
        lst.clear()
        now = self._clock.utc_now()
        for item in items:
            line = item_line(Section.EVENTS, item, self.tz)
            if item.get("report") in ("pending", "overdue"):
                left = datetime.fromisoformat(item["report_due_at"]) - now
                line += " " + tr("(%1 left)").replace("%1", countdown_text(left))
            w = QListWidgetItem(line)
            w.setData(Qt.ItemDataRole.UserRole, item["id"])
            lst.addItem(w)

    def show_chase(self, items: list[dict[str, Any]]) -> None:
        if self.agent is None:
            return
        self.agent.chase.clear()
        for item in items:
            self.agent.chase.addItem(item_line(Section.FOLLOW_UP, item, self.tz))

    def mark_event(self) -> None:
        info = self.info()
        if self.agent is None or info is None:
            return
        a = self.agent
        try:
            fut = self.shift.mark_event(info, a.event_class.currentData(), a.event_text.text(),
                                        a.report_kind.currentData() or None)
        except MarkRefused as exc:
            self.say(refusal(exc.code))
            return

        def done(_id: str) -> None:
            if self.agent is not None:
                self.agent.event_text.clear()
                self.say(tr("Marked."))
                self.refresh_agent(info)
        self.deliver(fut, done)

    def report_event(self) -> None:
        info = self.info()
        if self.agent is None or info is None:
            return
        item = self.agent.events.currentItem()
        if item is None:
            self.say(tr("Choose the event that was reported."))
            return
        self.deliver(self.shift.report_event(item.data(Qt.ItemDataRole.UserRole)),
                     lambda _id: self.refresh_agent(info))

    def send_summary(self) -> None:
        info = self.info()
        if self.agent is None or info is None:
            return
        try:
            fut = self.shift.write_summary(info, self.agent.summary.toPlainText())
        except MarkRefused as exc:
            self.say(refusal(exc.code))
            return
        self.deliver(fut, lambda _id: self.say(tr("Summary sent to the lead.")))

