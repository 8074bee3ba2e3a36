"""Review tasks from complaints about an agent (004 Q69): made from the
complaint ticket by a shift lead or a QA reviewer, due in one working day on
the site calendar, listed with their deadline state, closed with an outcome.
Synced (qa_tasks): every lead and QA desk sees them."""

from __future__ import annotations

import re
import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.calendar import WorkCalendar
from callcenter.domain.clock import Clock
from callcenter.domain.deadlines import DeadlineState
from callcenter.domain.qa.tasks import COMPLAINT, complaint_task_due, task_state
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.storage.database import Database
from callcenter.store.models import Ticket
from callcenter.store.qa_models import QaTask

OPEN, DONE = "open", "done"


class TaskRefused(ValueError):
    """``reason``: no_ticket | not_a_complaint | bad_agent | note_too_long | not_open | outcome_required."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class TaskView:
    id: uuid.UUID
    ticket_id: uuid.UUID
    ticket_number: str | None
    agent_id: str
    note: str
    created_by: str
    created_at: datetime
    due_at: datetime
    state: str
    deadline: DeadlineState | None  # None once done
    outcome: str | None


def _view(t: QaTask, number: str | None, now: datetime) -> TaskView:
    return TaskView(t.id, t.ticket_id, number, t.agent_id, t.note, t.created_by, t.created_at,
                    t.due_at, t.state, task_state(t.created_at, t.due_at, now) if t.state == OPEN else None,
                    t.outcome)


class ReviewTasks:
    def __init__(self, db: Database, profile: SiteProfile, clock: Clock, workstation: str,
                 user: CurrentUser, calendar: WorkCalendar) -> None:
        self._db, self._profile, self._clock, self._ws = db, profile, clock, workstation
        self.user, self._calendar = user, calendar
        self._tz = ZoneInfo(profile.timezone)

    def from_complaint(self, ticket_id: uuid.UUID, agent_id: str, note: str = "") -> Future[TaskView]:
        """A review task about ``agent_id`` from the complaint ticket, due in 1 working day."""
        actor = self.user.require(Permission.QA_REVIEW_READ)
        if not re.fullmatch(self._profile.agent_id_pattern, agent_id.strip(), re.ASCII):
            raise TaskRefused("bad_agent")
        if len(note) > 500:
            raise TaskRefused("note_too_long")

        def write(s: Session) -> TaskView:
            ticket = s.get(Ticket, ticket_id)
            if ticket is None:
                raise TaskRefused("no_ticket")
            if ticket.category != COMPLAINT:
                raise TaskRefused("not_a_complaint")
            now = self._clock.utc_now()
            t = QaTask(ticket_id=ticket_id, agent_id=agent_id.strip(), note=note.strip(),
                       created_by=actor.user_id, created_at=now,
                       due_at=complaint_task_due(now, self._calendar, self._tz), state=OPEN,
                       updated_at=now, origin_workstation=self._ws)
            s.add(t)
            s.flush()
            return _view(t, ticket.number, now)
        return self._db.write(write)

    def open_tasks(self) -> Future[list[TaskView]]:
        """Open tasks, the earliest due first."""
        self.user.require(Permission.QA_REVIEW_READ)

        def read(s: Session) -> list[TaskView]:
            now = self._clock.utc_now()
            rows = s.execute(select(QaTask, Ticket.number).outerjoin(Ticket, Ticket.id == QaTask.ticket_id)
                             .where(QaTask.state == OPEN, QaTask.deleted_at.is_(None))
                             .order_by(QaTask.due_at)).all()
            return [_view(t, number, now) for t, number in rows]
        return self._db.read(read)

    def close(self, task_id: uuid.UUID, outcome: str) -> Future[TaskView]:
        actor = self.user.require(Permission.QA_REVIEW_READ)
        if not outcome.strip():
            raise TaskRefused("outcome_required")

        def write(s: Session) -> TaskView:
            t = s.get(QaTask, task_id)
            if t is None or t.state != OPEN:
                raise TaskRefused("not_open")
            now = self._clock.utc_now()
            t.state, t.closed_by, t.closed_at, t.outcome = DONE, actor.user_id, now, outcome.strip()[:500]
            t.version += 1
            t.updated_at = now
            s.flush()
            return _view(t, None, now)
        return self._db.write(write)
