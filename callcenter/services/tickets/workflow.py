"""Moving tickets through their lifecycle (dispatch, accept, reply, callback,
archive, urge, supervise) as one transaction each: the state change, an
append-only ticket event with who/when/note, and a version check so two
windows editing the same ticket never overwrite each other silently.
"""

from __future__ import annotations

import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import NOT_SIGNED_IN, OTHER_DEPARTMENT, ROLE, PermissionDenied
from callcenter.domain.calendar import WorkCalendar
from callcenter.domain.clock import Clock
from callcenter.domain.deadlines import DeadlineUnit, due_at
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import ANSWERED_BY_PHONE
from callcenter.domain.ticket_lifecycle import (
    Actor,
    TicketAction,
    TicketState,
    TransitionRefused,
    permission_for,
    transition,
)
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.site.calendar import load_calendar
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database
from callcenter.store.models import Ticket, TicketEvent

CLOSABLE_ON_CALL = frozenset({"inquiry", "opinion", "suggestion", "praise"})
# the lifecycle's role refusals -> PermissionDenied's reason codes
ROLE_REASONS = {"not_allowed_for_role": ROLE, "other_department": OTHER_DEPARTMENT}


class StaleTicket(Exception):
    """The ticket changed since this window read it; nothing was written."""

    def __init__(self, ticket_id: uuid.UUID, expected: int, actual: int) -> None:
        super().__init__(f"ticket {ticket_id} is at version {actual}, not {expected}")
        self.ticket_id, self.expected, self.actual = ticket_id, expected, actual


class TicketNotFound(LookupError):
    pass


@dataclass(frozen=True)
class TicketSnapshot:
    id: uuid.UUID
    number: str
    state: TicketState
    version: int
    department: str | None
    category: str
    urge_count: int
    supervised: bool


@dataclass(frozen=True)
class ActionRequest:
    ticket_id: uuid.UUID
    action: TicketAction
    actor: Actor
    expected_version: int
    note: str = ""
    department: str | None = None  # for DISPATCH
    # for DISPATCH: a shorter deadline than the profile's (never a longer one);
    # without it the profile's deadline for the ticket applies
    deadline_at: datetime | None = None
    reply: dict[str, str] | None = None  # for REPLY


def _snapshot(t: Ticket, session: Session) -> TicketSnapshot:
    kinds = [k for (k,) in session.query(TicketEvent.kind).filter(TicketEvent.ticket_id == t.id)]
    return TicketSnapshot(
        t.id, t.number, TicketState(t.status), t.version, t.department, t.category,
        urge_count=kinds.count("urge"), supervised="supervise" in kinds,
    )


class TicketWorkflow:
    """``user``: the desk's signed-in user. Given (as the app does), ``apply`` and
    ``submit`` act only for that user (a request naming another actor is refused,
    ``not_signed_in``); the actor's role is checked against the permission table
    either way (``apply_in``, through the lifecycle).

    Every move into 已下发 (a dispatch, a reopen after an unsatisfied callback)
    gets a deadline from ``profile`` counted from that moment (working days on
    ``calendar``); without them, the shipped profile and calendar."""

    def __init__(self, db: Database, clock: Clock, workstation: str, *,
                 user: CurrentUser | None = None, profile: SiteProfile | None = None,
                 calendar: WorkCalendar | None = None) -> None:
        self._db = db
        self._clock = clock
        self._ws = workstation
        self.user = user
        self.profile = profile if profile is not None else load_profile()
        self._calendar = calendar if calendar is not None else load_calendar()
        self._tz = ZoneInfo(self.profile.timezone)

    def _deadline(self, t: Ticket, start: datetime, asked: datetime | None) -> datetime:
        d = self.profile.deadline_for(t.category, subtype=t.subtype or None,
                                      area_type=t.area_type or None)
        if d.unit in (DeadlineUnit.DAYS, DeadlineUnit.WORKING_DAYS):
            t.deadline_days = d.amount
        due = due_at(start, d, self._calendar, self._tz)
        return min(due, asked) if asked is not None and asked > start else due

    def get(self, ticket_id: uuid.UUID) -> TicketSnapshot:
        def read(s: Session) -> TicketSnapshot:
            t = s.get(Ticket, ticket_id)
            if t is None:
                raise TicketNotFound(ticket_id)
            return _snapshot(t, s)
        return self._db.read_now(read)

    def apply_in(self, session: Session, req: ActionRequest) -> TicketSnapshot:
        t = session.get(Ticket, req.ticket_id)
        if t is None:
            raise TicketNotFound(req.ticket_id)
        if t.version != req.expected_version:
            raise StaleTicket(t.id, req.expected_version, t.version)
        state = TicketState(t.status)
        try:
            new = transition(
                state, req.action, req.actor,
                ticket_department=req.department if req.action is TicketAction.DISPATCH else t.department,
                closable_on_call=t.category in CLOSABLE_ON_CALL,
                reply=req.reply, is_repair=t.category == "fault_repair",
            )
        except TransitionRefused as exc:
            # who may act is the permission table's answer: said as PermissionDenied
            if exc.reason in ROLE_REASONS:
                raise PermissionDenied(permission_for(req.action), ROLE_REASONS[exc.reason],
                                       req.actor) from exc
            raise
        now = self._clock.utc_now()
        data: dict[str, Any] = {"from": state.value, "to": new.value, "note": req.note,
                                "role": req.actor.role.value}
        if req.action is TicketAction.DISPATCH:
            if not req.department:
                raise TransitionRefused(req.action, state, "department_missing")
            if t.category in ANSWERED_BY_PHONE and not (t.caller_phone or "").strip():
                raise TransitionRefused(req.action, state, "phone_missing")  # Q62
            t.department = req.department
            data.update(department=req.department)
        if new is TicketState.DISPATCHED and state is not TicketState.DISPATCHED:
            # dispatched or reopened: the department's time runs from now
            t.deadline_at = self._deadline(t, now, req.deadline_at)
            data.update(deadline_at=t.deadline_at.isoformat())
        if req.reply:
            data["reply"] = dict(req.reply)
        t.status = new.value
        t.version += 1
        t.updated_at = now
        session.add(TicketEvent(ticket_id=t.id, kind=req.action.value, actor=req.actor.user_id,
                                at=now, data=data, updated_at=now, origin_workstation=self._ws))
        session.flush()
        return _snapshot(t, session)

    def check(self, req: ActionRequest) -> None:
        """``PermissionDenied`` if ``req`` is not made by the signed-in user or its
        role may not do it at all (its state and department are checked in the
        transaction)."""
        if self.user is not None and self.user.actor != req.actor:
            raise PermissionDenied(permission_for(req.action), NOT_SIGNED_IN, self.user.actor)

    def apply(self, req: ActionRequest) -> TicketSnapshot:
        """One transaction; raises PermissionDenied (not the signed-in user; the
        actor's role or department may not), TransitionRefused, StaleTicket or
        StoreFailure."""
        self.check(req)
        return self._db.write_now(lambda s: self.apply_in(s, req))

    def submit(self, req: ActionRequest) -> Future[TicketSnapshot]:
        """``apply`` on the writer thread (for the GUI); ``check`` raises at once."""
        self.check(req)
        return self._db.write(lambda s: self.apply_in(s, req))
