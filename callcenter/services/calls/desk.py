"""CallDesk: the agent's call loop as a use case.

It owns the softphone state machine (domain.agent_state), turns telephony
events and agent commands into append-only call events, derives the SLA
figures from those events, and persists everything through the one writer
thread. All its methods run on one thread (the GUI thread in the app);
results from the writer come back through ``post``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from callcenter.domain import agent_state as sm
from callcenter.domain.agent_state import Action, AgentState, AgentStatus, IllegalTransition
from callcenter.domain.auth.permissions import Permission, allowed
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.call_events import CallEvent, CallSummary, EventKind, shift_stats, summarize
from callcenter.domain.clock import NS_PER_S, Cancellable, Clock, Scheduler
from callcenter.domain.ring_counter import answered_within_limit
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.transfer import transfer_actions
from callcenter.services.auth.directory import user_actor
from callcenter.services.calls.backfill import save_backfill
from callcenter.services.calls.desk_types import CurrentCall, DeskListener, DeskSnapshot, script_line_data
from callcenter.services.calls.script_events import ScriptEvents
from callcenter.services.calls.shift_calls import ShiftCalls
from callcenter.services.calls.transfer import TransferSteps
from callcenter.services.customers.phone import phone_key
from callcenter.services.customers.screen_pop import Customers, ScreenPop
from callcenter.services.scripts.call_lines import AnswerScripts
from callcenter.services.storage.database import Database, as_failure
from callcenter.services.tickets.entry import (
    Backfill,
    CallWrite,
    DispatchRequest,
    SavedTicket,
    TicketExtra,
    Tickets,
    apply_summary,
    event_row,
)
from callcenter.store.ids import new_id as _new_uuid
from callcenter.store.models import AgentShift, AgentStateEvent, CallSession
from callcenter.telephony.port import (
    CallAbandoned,
    CallOffered,
    CallReleased,
    TelephonyEvent,
    TelephonyPort,
    TransferProgress,
)

Post = Callable[[Callable[[], None]], None]
EVENT_RETRY_S = 120.0


class AgentIdInvalid(ValueError):
    pass


class NoTicketReasonMissing(IllegalTransition):
    """示忙 during wrap-up ends it without a ticket only with the agent's reason
    (无需建单): without one the wrap-up goes on and the form is kept."""

    def __init__(self) -> None:
        super().__init__(AgentState.WRAP_UP, Action.SET_BUSY)


class CallDesk(ScriptEvents, ShiftCalls, TransferSteps):
    def __init__(
        self,
        *,
        clock: Clock,
        scheduler: Scheduler,
        telephony: TelephonyPort,
        profile: SiteProfile,
        db: Database,
        tickets: Tickets,
        customers: Customers,
        scripts: AnswerScripts,
        workstation: str,
        post: Post,
    ) -> None:
        self._clock = clock
        self._scheduler = scheduler
        self._tel = telephony
        self.profile = profile
        self._db = db
        self.tickets = tickets
        self.user = tickets.user  # who is signed in: set at sign-in, cleared at sign-out
        self._customers = customers
        self._scripts = scripts
        self.workstation = workstation
        self._post = post
        self._listeners: list[DeskListener] = []
        self._status = AgentStatus(AgentState.SIGNED_OUT)
        self._since = clock.monotonic_ns()
        self._agent_id: str | None = None
        self._shift_id: uuid.UUID | None = None
        self._call: CurrentCall | None = None
        self._events: list[CallEvent] = []
        self._seq = 0
        self._ring_timer: Cancellable | None = None
        self._pop: Future[ScreenPop] | None = None
        self._saving = False
        self._summaries: list[CallSummary] = []
        telephony.start(self._on_telephony)

    # ----- observation -------------------------------------------------
    def add_listener(self, listener: DeskListener) -> None:
        self._listeners.append(listener)

    def snapshot(self) -> DeskSnapshot:
        acts = sm.agent_actions(self._status.state)
        if not allowed(self.user.actor, Permission.CALL_ANSWER):  # QA, department: never queued
            acts -= {Action.SET_READY}
        acts = transfer_actions(acts, self._call.transfer if self._call else None)
        return DeskSnapshot(self._agent_id, self._status, self._since, self._call, acts, self._saving)

    @property
    def status(self) -> AgentStatus:
        return self._status

    @property
    def current_call(self) -> CurrentCall | None:
        return self._call

    def call_events(self) -> list[CallEvent]:
        return list(self._events)

    def _emit(self, name: str, *args: Any) -> None:
        for listener in list(self._listeners):
            getattr(listener, name)(*args)

    def _changed(self) -> None:
        self._emit("desk_changed", self.snapshot())

    # ----- persistence -------------------------------------------------
    def _write(self, fn: Callable[[Session], object]) -> None:
        # call and state events are the record QA relies on: ride out a lock
        fut = self._db.write(fn, retry_locked_s=EVENT_RETRY_S)
        fut.add_done_callback(self._report_write)

    def _report_write(self, fut: Future[Any]) -> None:
        exc = fut.exception()
        if exc is not None:
            failure = as_failure(exc)
            self._post(lambda: self._emit("store_error", failure))

    def _transition(self, action: Action, reason: str | None = None) -> None:
        self._status = sm.apply(self._status, action, reason)
        self._since = self._clock.monotonic_ns()
        if self._shift_id is not None:
            shift_id, st, mono, at = (
                self._shift_id, self._status, self._since, self._clock.utc_now()
            )
            self._write(lambda s: s.add(AgentStateEvent(
                shift_id=shift_id, state=st.state.value, reason=st.busy_reason, mono_ns=mono,
                at=at, updated_at=at, origin_workstation=self.workstation,
            )))

    def _new_event(self, kind: EventKind, **data: Any) -> tuple[int, CallEvent]:
        self._seq += 1
        e = CallEvent(kind, self._clock.monotonic_ns(), self._clock.utc_now(), data)
        self._events.append(e)
        return self._seq, e

    def _record(self, kind: EventKind, **data: Any) -> CallEvent:
        assert self._call is not None
        seq, e = self._new_event(kind, **data)
        call_id, ws = self._call.id, self.workstation
        self._write(lambda s: s.add(event_row(call_id, seq, e, ws, e.at)))
        return e

    # ----- agent commands ----------------------------------------------
    def sign_in(self, agent_id: str, actor: Actor | None = None) -> None:  # actor: a password
        agent_id = agent_id.strip()
        if not re.fullmatch(self.profile.agent_id_pattern, agent_id, re.ASCII):
            raise AgentIdInvalid(agent_id)
        sm.next_state(self._status.state, Action.SIGN_IN)  # refuse before touching anything
        self._agent_id = agent_id
        self.user.set(actor or user_actor(self._db, agent_id) or Actor(agent_id, Role.AGENT))
        now = self._clock.utc_now()
        shift = AgentShift(agent_id=agent_id, signed_in_at=now, updated_at=now,
                           origin_workstation=self.workstation)
        shift.id = _new_uuid()
        self._shift_id = shift.id
        self._write(lambda s: s.add(shift))
        self._summaries = []
        self._restore_shift_calls(agent_id, now)  # signed in again within the shift: its calls count
        self._transition(Action.SIGN_IN, "signed_in")
        self._changed()
        self._emit("stats_changed", shift_stats(self._summaries))

    def sign_out(self) -> None:
        self._transition(Action.SIGN_OUT)
        self._tel.set_available(False)
        shift_id, now = self._shift_id, self._clock.utc_now()
        if shift_id is not None:
            def close(s: Session) -> None:
                row = s.get(AgentShift, shift_id)
                if row is not None:
                    row.signed_out_at = now
                    row.updated_at = now
                    row.version += 1
            self._write(close)
        self._shift_id = self._agent_id = None
        self.user.clear()
        self._changed()

    phone_online = True  # False while the soft phone is unregistered: no 示闲 (Q70)
    def set_ready(self) -> None:
        if not self.phone_online:
            raise IllegalTransition(self._status.state, Action.SET_READY)
        self.user.require(Permission.CALL_ANSWER)
        self._transition(Action.SET_READY)
        self._tel.set_available(True)
        self._changed()

    def set_busy(self, reason: str, *, no_ticket_reason: str | None = None) -> None:
        """示忙. During wrap-up it ends the call with no ticket, a recorded outcome:
        ``no_ticket_reason`` (the agent's 无需建单 reason) is required then, else
        ``NoTicketReasonMissing`` and nothing changes."""
        if reason not in {r.code for r in self.profile.busy_reasons}:
            raise ValueError(f"unknown busy reason {reason!r}")
        if self._status.state is AgentState.WRAP_UP:
            if self._saving:
                raise IllegalTransition(self._status.state, Action.SET_BUSY)
            why = (no_ticket_reason or "").strip()
            if not why:
                raise NoTicketReasonMissing
            sm.next_state(self._status.state, Action.SET_BUSY)
            self._end_wrapup_without_ticket("busy", no_ticket_reason=why)
        self._transition(Action.SET_BUSY, reason)
        self._tel.set_available(False)
        self._changed()

    def answer(self) -> None:
        call = self._require_call()
        self._transition(Action.ANSWER)
        self._cancel_ring_timer()
        now = self._clock.monotonic_ns()
        ring_s = (now - call.ring_mono_ns) / NS_PER_S
        late = not answered_within_limit(ring_s, self.profile.cadence, self.profile.targets.ring_limit)
        self._call = replace(call, answered_mono_ns=now, late_answer=late)
        self._tel.answer(call.telephony_id)
        self._record(EventKind.ANSWERED, ring_s=round(ring_s, 3), late=late)
        values = {"agent_id": self._agent_id or "", "unit": self.profile.unit_name}
        lines = self._scripts.on_answer(late, values) + [self._scripts.line("closing", values)]
        for line in lines:
            self._record(EventKind.SCRIPT_SHOWN, **script_line_data(line))
        self._changed()
        self._emit("script_lines", lines)
        pop = self._pop
        if pop is not None:
            call_id = call.id
            pop.add_done_callback(lambda f: self._post(lambda: self._deliver_pop(call_id, f)))

    def hold(self) -> None:
        call = self._require_call()
        self._transition(Action.HOLD)
        self._call = replace(call, held_since_mono_ns=self._clock.monotonic_ns())
        self._tel.hold(call.telephony_id)
        self._record(EventKind.HELD)
        self._changed()

    def resume(self) -> None:
        call = self._require_call()
        self._transition(Action.RESUME)
        self._call = replace(call, held_since_mono_ns=None)
        self._tel.resume(call.telephony_id)
        self._record(EventKind.RESUMED)
        self._changed()

    def hang_up(self) -> None:
        call = self._require_call()
        self._transition(Action.HANG_UP)
        # the phone may already hold the customer's release (hang-ups crossing)
        self._released(call, self._tel.hang_up(call.telephony_id) or "agent")

    def finish_wrapup(
        self,
        draft: TicketDraft,
        dispatch: DispatchRequest | None = None,
        *,
        register_customer: bool = False,
        extras: Sequence[TicketExtra] = (),
    ) -> Future[SavedTicket]:
        """置闲 (save and set ready) or 下发工单 (save and dispatch, then ready).

        Validation errors raise ``TicketInvalid`` at once; the save itself runs on
        the writer and the desk moves to ready only once it has committed.
        """
        if self._status.state is not AgentState.WRAP_UP or self._saving:
            raise IllegalTransition(self._status.state, Action.FINISH_WRAP_UP)
        call = self._require_call()
        mark = (len(self._events), self._seq)
        evs = [self._new_event(EventKind.TICKET_SAVED)]
        if dispatch is not None:
            evs.append(self._new_event(EventKind.DISPATCHED, department=dispatch.department,
                                       deadline_days=dispatch.deadline_days))
        evs.append(self._new_event(EventKind.WRAP_UP_DONE,
                                   via="dispatch" if dispatch else "ready"))
        summary = summarize(self._events, self.profile.cadence, self.profile.targets)
        try:
            fut = self.tickets.save(
                draft, agent_id=self._agent_id or "", dispatch=dispatch,
                call=CallWrite(call.id, evs, summary), register_customer=register_customer,
                extras=extras,
            )
        except Exception:
            del self._events[mark[0]:]
            self._seq = mark[1]
            raise
        self._saving = True
        self._changed()

        def done(f: Future[SavedTicket]) -> None:
            self._post(lambda: self._after_save(f, mark, summary))

        fut.add_done_callback(done)
        return fut

    def backfill(self, draft: TicketDraft, backfill: Backfill) -> Future[SavedTicket]:
        """补录: a ticket for a call taken while the system was down, at its real time."""
        if self._agent_id is None:
            raise IllegalTransition(self._status.state, Action.FINISH_WRAP_UP)
        return save_backfill(
            self.tickets, self._agent_id, draft, backfill, post=self._post,
            saved=lambda t: self._emit("ticket_saved", t),
            failed=lambda f: self._emit("ticket_failed", f),
        )

    # ----- telephony events --------------------------------------------
    def _on_telephony(self, ev: TelephonyEvent) -> None:
        if isinstance(ev, CallOffered):
            self._offered(ev)
        elif isinstance(ev, CallAbandoned):
            if self._call is not None and self._call.telephony_id == ev.call_id \
                    and self._status.state is AgentState.RINGING:
                self._transition(Action.ABANDON)
                self._record(EventKind.ABANDONED)
                self._cancel_ring_timer()
                self._close_call()
                self._emit("notice", "abandoned", {"caller": ev.call_id})
                self._changed()
        elif isinstance(ev, TransferProgress):
            self._transfer_progress(ev)
        elif isinstance(ev, CallReleased):
            call = self._call
            if call is None or call.telephony_id != ev.call_id:
                return
            if self._status.state in (AgentState.TALKING, AgentState.HELD):
                self._transition(Action.REMOTE_RELEASE)
                self._released(call, ev.by)

    def _offered(self, ev: CallOffered) -> None:
        if self._status.state is not AgentState.READY:
            self._tel.requeue(ev.call_id)  # the switch raced our state change
            return
        self._transition(Action.OFFER)
        now = self._clock.utc_now()
        number = phone_key(ev.caller_number) or ev.caller_number
        call = CurrentCall(_new_uuid(), ev.call_id, number, self._clock.monotonic_ns())
        self._call = call
        self._events = []
        self._seq = 0
        shift_id, agent = self._shift_id, self._agent_id or ""
        self._write(lambda s: s.add(CallSession(
            id=call.id, shift_id=shift_id, agent_id=agent, telephony_call_id=ev.call_id,
            caller_number=number, started_at=now, outcome="ringing",
            updated_at=now, origin_workstation=self.workstation,
        )))
        self._record(EventKind.RINGING, caller=number)
        self._arm_ring_timer(self.profile.targets.ring_no_answer_timeout_s)
        self._pop = self._customers.screen_pop(number)
        self._changed()

    def _arm_ring_timer(self, delay_s: float) -> None:
        self._ring_timer = self._scheduler.call_later(delay_s, self._ring_timeout)

    def _cancel_ring_timer(self) -> None:
        if self._ring_timer is not None:
            self._ring_timer.cancel()
            self._ring_timer = None

    def _ring_timeout(self) -> None:
        self._ring_timer = None
        call = self._call
        if call is None or self._status.state is not AgentState.RINGING:
            return
        # truth is the monotonic clock, not the timer: re-arm if it fired early
        left = self.profile.targets.ring_no_answer_timeout_s - (
            self._clock.monotonic_ns() - call.ring_mono_ns) / NS_PER_S
        if left > 0.001:
            self._arm_ring_timer(left)
            return
        self._transition(Action.RING_TIMEOUT)
        self._tel.requeue(call.telephony_id)
        self._tel.set_available(False)
        self._record(EventKind.RING_TIMEOUT)
        self._close_call()
        self._emit("notice", "missed_call", {"caller": call.caller_number})
        self._changed()

    # ----- internals ---------------------------------------------------
    def _require_call(self) -> CurrentCall:
        if self._call is None:
            raise IllegalTransition(self._status.state, Action.ANSWER)
        return self._call

    def _released(self, call: CurrentCall, by: str, **data: Any) -> None:
        self._call = replace(call, released_mono_ns=self._clock.monotonic_ns(), hung_up_by=by,
                             held_since_mono_ns=None, transfer=None)
        self._record(EventKind.HUNG_UP, by=by, **data)
        self._changed()

    def _store_summary(self, summary: CallSummary) -> None:
        assert self._call is not None
        call_id = self._call.id

        def update(s: Session) -> None:
            row = s.get(CallSession, call_id)
            if row is not None:
                apply_summary(row, summary, self._clock.utc_now())
        self._write(update)

    def _close_call(self) -> None:
        """Derive the call's SLA figures from its events, store them, count the call."""
        summary = summarize(self._events, self.profile.cadence, self.profile.targets)
        self._store_summary(summary)
        self._summaries.append(summary)
        self._emit("stats_changed", shift_stats(self._summaries))
        self._call = None
        self._pop = None

    def finish_wrapup_without_ticket(self, via: str, **data: Any) -> None:
        """End wrap-up with no new ticket (e.g. the call was recorded as an urge on
        an existing ticket) and set ready."""
        if self._status.state is not AgentState.WRAP_UP or self._saving:
            raise IllegalTransition(self._status.state, Action.FINISH_WRAP_UP)
        self._end_wrapup_without_ticket(via, **data)
        self._transition(Action.FINISH_WRAP_UP)
        self._tel.set_available(True)
        self._changed()

    def _end_wrapup_without_ticket(self, via: str, **data: Any) -> None:
        self._record(EventKind.WRAP_UP_DONE, via=via, **data)
        self._close_call()

    def _after_save(
        self, fut: Future[SavedTicket], mark: tuple[int, int], summary: CallSummary
    ) -> None:
        self._saving = False
        exc = fut.exception()
        if exc is not None:
            # nothing was written: forget the events we had prepared for it
            del self._events[mark[0]:]
            self._seq = mark[1]
            self._changed()
            self._emit("ticket_failed", as_failure(exc))
            return
        saved = fut.result()
        self._summaries.append(summary)
        self._call = None
        self._pop = None
        self._transition(Action.FINISH_WRAP_UP)
        self._tel.set_available(True)
        self._changed()
        self._emit("ticket_saved", saved)
        self._emit("stats_changed", shift_stats(self._summaries))

    def _deliver_pop(self, call_id: uuid.UUID, fut: Future[ScreenPop]) -> None:
        if self._call is None or self._call.id != call_id:
            return
        exc = fut.exception()
        if exc is not None:
            self._emit("store_error", as_failure(exc))
            return
        self._emit("screen_pop", fut.result())

    def shutdown(self) -> None:
        self._cancel_ring_timer()
        self._tel.stop()

