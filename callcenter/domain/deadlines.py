"""Ticket deadlines with their unit (minutes, hours, days, working days) and
warning point (rules section 3). Working days count on the site calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from .calendar import WorkCalendar


class DeadlineUnit(Enum):
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    WORKING_DAYS = "working_days"


class DeadlineState(Enum):
    ON_TIME = "on_time"
    WARNING = "warning"  # past the warning point: flagged in every list
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Deadline:
    amount: int
    unit: DeadlineUnit
    warn_fraction: float = 0.8  # flag the ticket once 80% of the time is used

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise ValueError("a deadline must be positive")
        if not 0 < self.warn_fraction <= 1:
            raise ValueError("warn_fraction must be in (0, 1]")

    def shorter_or_equal(self, other: Deadline) -> bool:
        """Comparable only within a unit family; an agent may shorten, never lengthen."""
        if self.unit is not other.unit:
            raise ValueError("compare deadlines in the same unit")
        return self.amount <= other.amount


def due_at(start: datetime, deadline: Deadline, calendar: WorkCalendar, tz: ZoneInfo) -> datetime:
    """When a ticket accepted at ``start`` (UTC) is due (UTC).

    Working days keep the local time of day: accepted Friday 10:00 with 3 working
    days is due 10:00 on the third working day after Friday.
    """
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware")
    if deadline.unit is DeadlineUnit.MINUTES:
        return start + timedelta(minutes=deadline.amount)
    if deadline.unit is DeadlineUnit.HOURS:
        return start + timedelta(hours=deadline.amount)
    if deadline.unit is DeadlineUnit.DAYS:
        return start + timedelta(days=deadline.amount)
    local = start.astimezone(tz)
    day = calendar.add_working_days(local.date(), deadline.amount)
    return datetime.combine(day, local.timetz().replace(tzinfo=None), tz).astimezone(start.tzinfo)


def deadline_state(
    start: datetime, due: datetime, now: datetime, warn_fraction: float = 0.8
) -> DeadlineState:
    if now > due:
        return DeadlineState.OVERDUE
    if now >= start + (due - start) * warn_fraction:
        return DeadlineState.WARNING
    return DeadlineState.ON_TIME
