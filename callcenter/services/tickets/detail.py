"""A ticket's detail and full history: its ticket events and the call events of
its call, merged into one timeline (for agents, leads, departments and QA)."""

from __future__ import annotations

import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission, require
from callcenter.domain.ticket_lifecycle import TicketState
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database
from callcenter.services.tickets.workflow import TicketNotFound
from callcenter.store.models import CallEventRow, Ticket, TicketEvent

DEPARTMENT_STATES = (TicketState.DISPATCHED.value, TicketState.IN_PROGRESS.value)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    source: str  # "ticket" | "call"
    kind: str
    actor: str
    data: dict[str, Any]


@dataclass(frozen=True)
class TicketDetail:
    id: uuid.UUID
    number: str
    version: int
    state: TicketState
    category: str
    content: str
    caller_name: str
    caller_phone: str
    account_no: str
    address: str
    department: str | None
    deadline_at: datetime | None
    created_at: datetime
    created_by: str
    backfilled: bool
    urge_count: int
    supervised: bool
    timeline: tuple[TimelineEntry, ...]
    subtype: str | None = None
    call_id: uuid.UUID | None = None  # the call it was taken on: its replay


@dataclass(frozen=True)
class QueueRow:
    id: uuid.UUID
    number: str
    state: TicketState
    category: str
    address: str
    content: str
    deadline_at: datetime | None
    created_at: datetime


def load_detail(session: Session, ticket_id: uuid.UUID) -> TicketDetail:
    t = session.get(Ticket, ticket_id)
    if t is None:
        raise TicketNotFound(ticket_id)
    entries = [
        TimelineEntry(e.at, "ticket", e.kind, e.actor, dict(e.data))
        for e in session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == t.id))
    ]
    if t.call_id is not None:
        entries += [
            TimelineEntry(e.at, "call", e.kind, "", dict(e.data))
            for e in session.scalars(select(CallEventRow).where(CallEventRow.call_id == t.call_id)
                                     .order_by(CallEventRow.seq))
        ]
    # stable: same instant keeps call order (seq) before ticket order
    entries.sort(key=lambda e: e.at)
    kinds = [e.kind for e in entries if e.source == "ticket"]
    return TicketDetail(
        t.id, t.number, t.version, TicketState(t.status), t.category, t.content, t.caller_name,
        t.caller_phone, t.account_no, t.address, t.department, t.deadline_at, t.created_at,
        t.created_by, t.backfilled, kinds.count("urge"), "supervise" in kinds, tuple(entries),
        t.subtype, t.call_id,
    )


def department_queue(session: Session, department: str, limit: int = 200) -> list[QueueRow]:
    """Tickets dispatched to ``department`` and not yet replied, earliest deadline first."""
    rows = session.scalars(
        select(Ticket)
        .where(Ticket.department == department, Ticket.status.in_(DEPARTMENT_STATES),
               Ticket.deleted_at.is_(None))
        .order_by(Ticket.deadline_at.is_(None), Ticket.deadline_at, Ticket.created_at)
        .limit(limit)
    )
    return [QueueRow(t.id, t.number, TicketState(t.status), t.category, t.address,
                     t.content[:60], t.deadline_at, t.created_at) for t in rows]


class TicketDetails:
    def __init__(self, db: Database, *, user: CurrentUser) -> None:
        self._db = db
        self.user = user  # a department user reads its own department's tickets only

    def detail(self, ticket_id: uuid.UUID) -> Future[TicketDetail]:
        """The ticket, or (in the Future) ``PermissionDenied`` if the signed-in
        user may not read it (nobody signed in; another department's ticket)."""
        actor = self.user.actor  # who asked, as the read starts

        def read(s: Session) -> TicketDetail:
            d = load_detail(s, ticket_id)
            require(actor, Permission.TICKET_READ, department=d.department)
            return d
        return self._db.read(read)

    def department_queue(self, department: str) -> Future[list[QueueRow]]:
        """Raises ``PermissionDenied`` unless the signed-in user may read
        ``department``'s tickets."""
        self.user.require(Permission.TICKET_READ, department=department)
        return self._db.read(lambda s: department_queue(s, department))
