"""Ticket entry: validate in the domain, then save ticket + its events + the
call's events in ONE local transaction (a crash never leaves half a ticket).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.calendar import WorkCalendar
from callcenter.domain.call_events import CallEvent, CallSummary
from callcenter.domain.clock import Clock
from callcenter.domain.deadlines import Deadline, DeadlineUnit, due_at
from callcenter.domain.site_profile import TICKET_FIELDS, SiteProfile
from callcenter.domain.ticket import (
    FieldError,
    TicketDraft,
    TicketInvalid,
    dispatch_errors,
    ticket_number,
    validate,
)
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.customers.phone import is_valid_cn_phone, phone_key
from callcenter.services.site.calendar import load_calendar
from callcenter.services.storage.database import Database
from callcenter.store.ids import new_id
from callcenter.store.models import (
    Account,
    CallEventRow,
    CallSession,
    Customer,
    Ticket,
    TicketEvent,
    TicketSequence,
)

FIELD_ORDER = {name: i for i, name in enumerate(TICKET_FIELDS)}
# what filing an unknown caller as a new customer needs besides the category's fields
NEW_CUSTOMER_FIELDS = ("caller_name", "caller_phone", "address")
STATUS_ACCEPTED = "accepted"  # 已受理
STATUS_DISPATCHED = "dispatched"  # 已下发


# Work another feature does inside the ticket's own transaction (e.g. link the
# ticket to a known outage); it gets the session and the new, flushed ticket row.
TicketExtra = Callable[[Session, Ticket], None]


@dataclass(frozen=True)
class DispatchRequest:
    department: str
    deadline_days: int


@dataclass(frozen=True)
class SavedTicket:
    id: uuid.UUID
    number: str
    status: str
    backfilled: bool
    call_id: uuid.UUID | None
    department: str | None = None  # dispatched to (a department code), else None


@dataclass(frozen=True)
class CallWrite:
    """Call events (with their sequence numbers) and the call's summary, written
    in the same transaction as the ticket."""

    call_id: uuid.UUID
    events: Sequence[tuple[int, CallEvent]]
    summary: CallSummary | None


@dataclass(frozen=True)
class Backfill:
    """A call handled while the system was down (补录): its real time and number."""

    call_time: datetime  # UTC
    caller_number: str


def event_row(call_id: uuid.UUID, seq: int, e: CallEvent, ws: str, now: datetime) -> CallEventRow:
    return CallEventRow(
        call_id=call_id, seq=seq, kind=e.kind.value, mono_ns=e.mono_ns, at=e.at,
        data=dict(e.data), updated_at=now, origin_workstation=ws,
    )


def apply_summary(call: CallSession, s: CallSummary, now: datetime) -> None:
    call.outcome = s.outcome.value
    call.ring_s, call.talk_s, call.hold_s, call.wrapup_s = s.ring_s, s.talk_s, s.hold_s, s.wrapup_s
    call.hung_up_by = s.hung_up_by
    call.late_answer, call.talk_over, call.wrapup_over = s.late_answer, s.talk_over, s.wrapup_over
    call.updated_at = now
    call.version += 1


class Tickets:
    def __init__(
        self,
        db: Database,
        profile: SiteProfile,
        clock: Clock,
        workstation: str,
        calendar: WorkCalendar | None = None,
        *,
        user: CurrentUser,
    ) -> None:
        self._db = db
        self.user = user  # who is signed in: saves are checked against it
        self.profile = profile
        self._clock = clock
        self.workstation = workstation
        self._tz = ZoneInfo(profile.timezone)
        self.calendar = calendar if calendar is not None else load_calendar()

    def validate(
        self, draft: TicketDraft, dispatch: DispatchRequest | None = None
    ) -> list[FieldError]:
        errors = validate(draft, self.profile, is_valid_cn_phone)
        if dispatch is not None:
            if not any(e.field == "caller_phone" for e in errors):
                errors += dispatch_errors(draft)
                errors.sort(key=lambda e: FIELD_ORDER.get(e.field, 99))
            if dispatch.department not in {d.code for d in self.profile.departments}:
                errors.append(FieldError("department", "invalid_choice"))
            limit = self._deadline_limit_days(draft)
            if not 1 <= dispatch.deadline_days <= limit:
                # the agent may shorten the profile's deadline, never lengthen it
                errors.append(FieldError("deadline_days", "out_of_range", limit))
        return errors

    def profile_deadline(self, draft: TicketDraft) -> Deadline:
        return self.profile.deadline_for(draft.category, subtype=draft.subtype or None,
                                         area_type=draft.area_type or None)

    def _deadline_limit_days(self, draft: TicketDraft) -> int:
        d = self.profile_deadline(draft)
        if d.unit in (DeadlineUnit.DAYS, DeadlineUnit.WORKING_DAYS):
            return min(d.amount, self.profile.max_deadline_days)
        return self.profile.max_deadline_days  # minutes/hours: the days field does not apply

    def due_at(self, draft: TicketDraft, dispatch: DispatchRequest, start: datetime) -> datetime:
        """The profile's deadline in its own unit, shortened to the agent's days if fewer."""
        d = self.profile_deadline(draft)
        if d.unit in (DeadlineUnit.DAYS, DeadlineUnit.WORKING_DAYS):
            d = Deadline(min(d.amount, dispatch.deadline_days), d.unit, d.warn_fraction)
        return due_at(start, d, self.calendar, self._tz)

    def local_day(self, at: datetime) -> date:
        return at.astimezone(self._tz).date()

    def _next_number(self, session: Session, day: date) -> str:
        key = f"{day:%Y%m%d}"
        seq = session.get(TicketSequence, (self.workstation, key))
        if seq is None:
            seq = TicketSequence(workstation=self.workstation, day=key, last_seq=0)
            session.add(seq)
        seq.last_seq += 1
        return ticket_number(self.profile.site_code, self.workstation, day, seq.last_seq)

    def save_in(
        self,
        session: Session,
        draft: TicketDraft,
        *,
        agent_id: str,
        call: CallWrite | None = None,
        dispatch: DispatchRequest | None = None,
        backfill: Backfill | None = None,
        register_customer: bool = False,
        extras: Sequence[TicketExtra] = (),
    ) -> SavedTicket:
        """The transaction body; the caller owns the transaction.

        ``register_customer`` files the caller as a new customer (an unknown
        number in the screen pop) in the same transaction as the ticket.
        """
        now = self._clock.utc_now()
        ws = self.workstation
        call_id = call.call_id if call else None
        call_time: datetime | None = None
        if backfill is not None:
            call_time = backfill.call_time
            session_row = CallSession(
                id=new_id(), agent_id=agent_id, caller_number=phone_key(backfill.caller_number) or "",
                started_at=backfill.call_time, outcome="backfilled", backfilled=True,
                updated_at=now, origin_workstation=ws,
            )
            session.add(session_row)
            call_id = session_row.id
            session.add(CallEventRow(
                call_id=call_id, seq=1, kind="backfilled", mono_ns=None, at=now,
                data={"call_time": backfill.call_time.isoformat()},
                updated_at=now, origin_workstation=ws,
            ))
        elif call is not None:
            row = session.get(CallSession, call.call_id)
            call_time = row.started_at if row else None
        status = STATUS_DISPATCHED if dispatch else STATUS_ACCEPTED
        # ids are client-generated (UUIDv7): no mid-transaction flush is needed to
        # learn them, so the whole save is one flush (and one outbox pass)
        ticket = Ticket(
            id=new_id(),
            number=self._next_number(session, self.local_day(now)),
            call_id=call_id,
            category=draft.category,
            content=draft.content,
            caller_name=draft.caller_name,
            caller_phone=phone_key(draft.caller_phone) if draft.caller_phone.strip() else "",
            account_no=draft.account_no.strip(),
            meter_no=draft.meter_no.strip(),
            address=draft.address,
            area_type=draft.area_type,
            priority=draft.priority,
            subtype=draft.subtype or None,
            status=status,
            department=dispatch.department if dispatch else None,
            deadline_days=dispatch.deadline_days if dispatch else None,
            deadline_at=self.due_at(draft, dispatch, now) if dispatch else None,
            backfilled=backfill is not None,
            call_time=call_time,
            created_by=agent_id,
            created_at=now,
            updated_at=now,
            origin_workstation=ws,
        )
        session.add(ticket)
        if register_customer:
            customer = Customer(
                name=draft.caller_name, phone=ticket.caller_phone, address=draft.address,
                area_type=draft.area_type, updated_at=now, origin_workstation=ws,
            )
            session.add(customer)
            if ticket.account_no:
                session.add(Account(
                    customer=customer, account_no=ticket.account_no, meter_no=ticket.meter_no,
                    address=draft.address, updated_at=now, origin_workstation=ws,
                ))
        session.add(TicketEvent(ticket_id=ticket.id, kind="saved", actor=agent_id, at=now,
                                data={"backfilled": backfill is not None},
                                updated_at=now, origin_workstation=ws))
        if dispatch:
            session.add(TicketEvent(ticket_id=ticket.id, kind="dispatched", actor=agent_id, at=now,
                                    data={"department": dispatch.department,
                                          "deadline_days": dispatch.deadline_days},
                                    updated_at=now, origin_workstation=ws))
        for extra in extras:
            extra(session, ticket)
        if call is not None:
            for seq, e in call.events:
                data = dict(e.data)
                if e.kind.value in ("ticket_saved", "dispatched"):
                    data.update(ticket_id=str(ticket.id), number=ticket.number)
                row_e = event_row(call.call_id, seq, e, ws, now)
                row_e.data = data
                session.add(row_e)
            if call.summary is not None:
                row = session.get(CallSession, call.call_id)
                if row is not None:
                    apply_summary(row, call.summary, now)
        return SavedTicket(ticket.id, ticket.number, status, backfill is not None, call_id,
                           department=ticket.department)

    def check_save(self, agent_id: str, dispatching: bool) -> None:
        """The permission check of ``save`` (``PermissionDenied`` if refused)."""
        self.user.require_as(agent_id, Permission.TICKET_CREATE)
        if dispatching:
            self.user.require(Permission.TICKET_DISPATCH)

    def save(
        self,
        draft: TicketDraft,
        *,
        agent_id: str,
        call: CallWrite | None = None,
        dispatch: DispatchRequest | None = None,
        backfill: Backfill | None = None,
        register_customer: bool = False,
        extras: Sequence[TicketExtra] = (),
    ) -> Future[SavedTicket]:
        """Check who saves (raises ``PermissionDenied``: ``agent_id`` must be the
        signed-in user, allowed to create and, with ``dispatch``, to dispatch),
        validate now (raises ``TicketInvalid``), then save on the writer thread."""
        self.check_save(agent_id, dispatch is not None)
        errors = self.validate(draft, dispatch)
        if register_customer:
            errors += [FieldError(f, "required") for f in NEW_CUSTOMER_FIELDS
                       if not draft.value(f).strip() and f not in {e.field for e in errors}]
            errors.sort(key=lambda e: FIELD_ORDER.get(e.field, 99))
        if backfill is not None and backfill.call_time > self._clock.utc_now():
            errors.append(FieldError("call_time", "in_future"))
        if errors:
            raise TicketInvalid(errors)
        return self._db.write(
            lambda s: self.save_in(s, draft, agent_id=agent_id, call=call, dispatch=dispatch,
                                   backfill=backfill, register_customer=register_customer,
                                   extras=extras)
        )

    def count(self) -> int:
        from sqlalchemy import func

        return int(self._db.read_now(lambda s: s.scalar(select(func.count(Ticket.id))) or 0))
