"""Earlier tickets of the caller while a new one is entered, and repeat
complaints (issue 3; rule 004 Q68).

Why: the same fault or complaint reported twice becomes two tickets sent to
two departments unless the agent sees the first one; with it on screen the
agent can urge (催办) the existing ticket instead. For a repeat complaint the
rule is specific: if the earlier one is resolved, answer from its reply; if
not, tell the customer its progress and report to the shift lead at once.

Matching is exact on the keys agents type: account number, phone (as
``phone_key``) and address (as typed, without surrounding spaces), in
the last ``profile.duplicate_days`` days. Same category comes first, then
newest. Everything runs on the database's worker threads (Futures out, plain
dataclasses in them), so typing never waits on SQLite.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, case, or_, select
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import OPEN, TicketAction, TicketState
from callcenter.services.alerts.inbox import REPEAT_COMPLAINT, SHIFT_LEAD, Alerts, AlertView
from callcenter.services.customers.phone import phone_key
from callcenter.services.storage.database import Database
from callcenter.services.tickets.workflow import ActionRequest, TicketSnapshot, TicketWorkflow
from callcenter.store.models import Ticket, TicketEvent

# Q68 speaks of 投诉举报: a repeat report is handled like a repeat complaint.
REPEAT_CATEGORIES = frozenset({"complaint", "report"})
RESOLVED = frozenset({TicketState.REPLIED, TicketState.VISITED, TicketState.ARCHIVED})
MAX_HITS = 50
LAST_EVENTS = 5

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class DuplicateQuery:
    """The keys of the draft being typed (normalised the way tickets store them)."""

    category: str = ""
    account_no: str = ""
    caller_phone: str = ""
    address: str = ""

    @classmethod
    def from_draft(cls, draft: TicketDraft) -> DuplicateQuery:
        phone = draft.caller_phone.strip()
        return cls(draft.category, draft.account_no.strip(),
                   phone_key(phone) if phone else "", draft.address.strip())

    @property
    def empty(self) -> bool:
        return not (self.account_no or self.caller_phone or self.address)


@dataclass(frozen=True)
class EarlierTicket:
    id: uuid.UUID
    number: str
    category: str
    state: TicketState
    created_at: datetime
    department: str | None
    deadline_at: datetime | None
    version: int
    content: str
    matched_by: tuple[str, ...]  # account | phone | address
    same_category: bool

    @property
    def open(self) -> bool:
        return self.state in OPEN


@dataclass(frozen=True)
class EventBrief:
    kind: str
    actor: str
    at: datetime
    note: str


@dataclass(frozen=True)
class RepeatComplaint:
    """The earlier complaint of the same customer (by account or phone)."""

    earlier: EarlierTicket
    resolved: bool
    reply: dict[str, str]  # the department's reply, when resolved
    events: tuple[EventBrief, ...]  # newest first
    alert: AlertView | None = None  # the shift lead's alert, when not resolved

    @property
    def reply_text(self) -> str:
        """What the agent reads out: the reply's result (and cause, for repairs)."""
        parts = [self.reply.get("cause", ""), self.reply.get("result", "")]
        return "；".join(p.strip() for p in parts if p.strip())


@dataclass(frozen=True)
class DuplicateCheck:
    query: DuplicateQuery
    tickets: tuple[EarlierTicket, ...]
    repeat: RepeatComplaint | None


def _matched_by(t: Ticket, q: DuplicateQuery) -> tuple[str, ...]:
    out = []
    if q.account_no and t.account_no == q.account_no:
        out.append("account")
    if q.caller_phone and t.caller_phone == q.caller_phone:
        out.append("phone")
    if q.address and t.address.strip() == q.address:
        out.append("address")
    return tuple(out)


def _earlier(t: Ticket, q: DuplicateQuery) -> EarlierTicket:
    return EarlierTicket(
        t.id, t.number, t.category, TicketState(t.status), t.created_at, t.department,
        t.deadline_at, t.version, t.content[:120], _matched_by(t, q), t.category == q.category,
    )


def find_in(session: Session, q: DuplicateQuery, since: datetime) -> tuple[EarlierTicket, ...]:
    """Tickets of the same account, phone or address since ``since``: same category first."""
    match: list[ColumnElement[bool]] = []
    if q.account_no:
        match.append(Ticket.account_no == q.account_no)
    if q.caller_phone:
        match.append(Ticket.caller_phone == q.caller_phone)
    if q.address:
        match.append(Ticket.address == q.address)
    if not match:
        return ()
    same = case((Ticket.category == q.category, 0), else_=1)
    rows = session.scalars(
        select(Ticket)
        .where(or_(*match), Ticket.created_at >= since, Ticket.deleted_at.is_(None))
        .order_by(same, Ticket.created_at.desc(), Ticket.id.desc())
        .limit(MAX_HITS)
    ).all()
    return tuple(_earlier(t, q) for t in rows)


def repeat_in(session: Session, q: DuplicateQuery,
              hits: tuple[EarlierTicket, ...]) -> RepeatComplaint | None:
    """The newest earlier ticket of the same complaint category and the same
    customer (account or phone; an address alone may be a neighbour)."""
    if q.category not in REPEAT_CATEGORIES:
        return None
    earlier = next((h for h in hits if h.same_category
                    and ({"account", "phone"} & set(h.matched_by))), None)
    if earlier is None:
        return None
    rows = session.scalars(
        select(TicketEvent).where(TicketEvent.ticket_id == earlier.id)
        .order_by(TicketEvent.at.desc(), TicketEvent.id.desc())
    ).all()
    reply_ev = next((e for e in rows if e.kind == TicketAction.REPLY.value), None)
    reply = {str(k): str(v) for k, v in ((reply_ev.data or {}).get("reply") or {}).items()} \
        if reply_ev is not None else {}
    events = tuple(EventBrief(e.kind, e.actor, e.at, str((e.data or {}).get("note") or ""))
                   for e in rows[:LAST_EVENTS])
    return RepeatComplaint(earlier, earlier.state in RESOLVED, reply, events)


def _then(first: Future[T], step: Callable[[T], Future[U] | U]) -> Future[U]:
    """A Future for ``step(first.result())``; ``step`` may start another Future."""
    out: Future[U] = Future()

    def done(f: Future[T]) -> None:
        exc = f.exception()
        if exc is not None:
            out.set_exception(exc)
            return
        try:
            nxt = step(f.result())
        except Exception as e:  # noqa: BLE001 - handed to whoever waits on the Future
            out.set_exception(e)
            return
        if isinstance(nxt, Future):
            nxt.add_done_callback(lambda g: out.set_exception(g.exception()) if g.exception()
                                  else out.set_result(g.result()))
        else:
            out.set_result(nxt)

    first.add_done_callback(done)
    return out


class Duplicates:
    def __init__(self, db: Database, profile: SiteProfile, clock: Clock, alerts: Alerts,
                 workflow: TicketWorkflow) -> None:
        self._db = db
        self.profile = profile
        self._clock = clock
        self._alerts = alerts
        self.user = alerts.user  # the desk's signed-in user: urging is checked against it
        self._workflow = workflow

    def find(self, q: DuplicateQuery) -> Future[DuplicateCheck]:
        """Earlier tickets and the repeat complaint, if any (read only)."""
        since = self._clock.utc_now() - timedelta(days=self.profile.duplicate_days)

        def read(s: Session) -> DuplicateCheck:
            hits = find_in(s, q, since)
            return DuplicateCheck(q, hits, repeat_in(s, q, hits))
        return self._db.read(read)

    def check(self, q: DuplicateQuery, *, agent_id: str,
              reported: frozenset[uuid.UUID] = frozenset()) -> Future[DuplicateCheck]:
        """``find``, and when the call repeats an unresolved complaint, report it to
        the shift lead (an alert) before the result is delivered. Earlier tickets
        in ``reported`` were already reported during this call: no second alert."""
        def maybe_alert(c: DuplicateCheck) -> Future[DuplicateCheck] | DuplicateCheck:
            r = c.repeat
            if r is None or r.resolved or r.earlier.id in reported \
                    or not self.user.allows(Permission.ALERT_RAISE):
                return c
            fut = self._alerts.raise_alert(
                REPEAT_COMPLAINT, self._alert_message(r, q), created_by=agent_id,
                for_role=SHIFT_LEAD, ticket_id=r.earlier.id)
            return _then(fut, lambda a: replace(c, repeat=replace(r, alert=a)))
        return _then(self.find(q), maybe_alert)

    @staticmethod
    def _alert_message(r: RepeatComplaint, q: DuplicateQuery) -> str:
        """Language-neutral facts (the lead's desk words them in its own language)."""
        return " · ".join(x for x in (r.earlier.number, q.caller_phone or q.account_no) if x)

    def urge(self, ticket_id: uuid.UUID, *, agent_id: str, note: str,
             call_id: uuid.UUID | None = None, caller: str = "") -> Future[TicketSnapshot]:
        """Record this call as an urge (催办) on an existing ticket instead of a new
        ticket: one transaction with the urge event, which names the call. Raises
        (in the Future) ``TransitionRefused`` if the ticket is closed, and at once
        ``PermissionDenied`` unless ``agent_id`` is signed in and may urge."""
        actor = self.user.require_as(agent_id, Permission.TICKET_URGE)

        def write(s: Session) -> TicketSnapshot:
            t = s.get(Ticket, ticket_id)
            # urging adds to the history and changes no field: it applies to the
            # ticket as it is now, whoever touched it since the list was read
            version = t.version if t is not None else 0
            urges = select(TicketEvent).where(TicketEvent.ticket_id == ticket_id,
                                              TicketEvent.kind == TicketAction.URGE.value)
            before = {e.id for e in s.scalars(urges)}
            snap = self._workflow.apply_in(s, ActionRequest(
                ticket_id, TicketAction.URGE, actor, version, note=note))
            # name the call on the event apply_in just wrote, in the same transaction
            ev = next(e for e in s.scalars(urges) if e.id not in before)
            data: dict[str, Any] = dict(ev.data)
            data.update(call_id=str(call_id) if call_id else None, caller=caller)
            ev.data = data
            return snap
        return self._db.write(write)
