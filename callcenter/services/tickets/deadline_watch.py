"""How many open tickets are past their warning point or overdue (status bar).

Counted in SQL so it stays cheap at a million tickets: the warning point is
the share ``warn`` of the time between creation and the deadline.
"""

from __future__ import annotations

from concurrent.futures import Future
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, func, literal, select
from sqlalchemy.orm import Session

from callcenter.domain.clock import Clock
from callcenter.services.storage.database import Database
from callcenter.store.models import Ticket

OPEN_STATES = ("dispatched", "in_progress")


class DeadlineCounts(NamedTuple):
    warning: int
    overdue: int


def count_deadlines(session: Session, now: datetime, warn: float = 0.8,
                    department: str | None = None) -> DeadlineCounts:
    jd = func.julianday
    # julianday() needs the stored text form (UTC, naive) of "now"
    now_text = literal(now.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" "))
    base: list[ColumnElement[bool]] = [Ticket.status.in_(OPEN_STATES), Ticket.deadline_at.is_not(None),
            Ticket.deleted_at.is_(None)]
    if department:
        base.append(Ticket.department == department)
    overdue = session.scalar(select(func.count()).where(*base, Ticket.deadline_at < now)) or 0
    warning = session.scalar(select(func.count()).where(
        *base, Ticket.deadline_at >= now,
        and_(jd(now_text) >= jd(Ticket.created_at)
             + warn * (jd(Ticket.deadline_at) - jd(Ticket.created_at))),
    )) or 0
    return DeadlineCounts(int(warning), int(overdue))


class DeadlineWatch:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def counts(self, department: str | None = None) -> Future[DeadlineCounts]:
        now = self._clock.utc_now()
        return self._db.read(lambda s: count_deadlines(s, now, department=department))
