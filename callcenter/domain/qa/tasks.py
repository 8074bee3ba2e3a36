"""Review tasks: a complaint about an agent (004 Q69) becomes a review task for
QA with a deadline of one working day on the site calendar (rules section 3:
"lead checks the recording; decision within 1 working day")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from ..calendar import WorkCalendar
from ..deadlines import Deadline, DeadlineState, DeadlineUnit, deadline_state, due_at

COMPLAINT_REVIEW = Deadline(1, DeadlineUnit.WORKING_DAYS)
COMPLAINT = "complaint"


def complaint_task_due(created_at: datetime, calendar: WorkCalendar, tz: ZoneInfo) -> datetime:
    """When the review of a complaint received at ``created_at`` (UTC) is due (UTC)."""
    return due_at(created_at, COMPLAINT_REVIEW, calendar, tz)


def task_state(created_at: datetime, due: datetime, now: datetime) -> DeadlineState:
    return deadline_state(created_at, due, now, COMPLAINT_REVIEW.warn_fraction)
