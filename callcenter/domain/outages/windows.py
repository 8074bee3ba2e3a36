"""When an outage is active, upcoming or restored, at a given time.

Phase is computed from the times, not trusted from the status column: dispatch
exports are often late to flip 已发布 to 停电中, but an agent asked "why is my
power off?" at 10:01 needs the outage that started at 10:00. Only the two
statuses that end an outage early (cancelled, restored without a time) are
taken from the status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

NOTICE_DAYS = 7  # planned maintenance is announced at least 7 days ahead (commitment 7, 004 Q3)
RECENT_RESTORE = timedelta(hours=24)  # how long a restored outage stays on the "recently restored" tab


class OutageKind(Enum):
    PLANNED = "planned"  # 计划停电
    TEMPORARY = "temporary"  # 临时停电
    FAULT = "fault"  # 故障停电
    OVER_CAPACITY = "over_capacity"  # 超容量停电


class OutageStatus(Enum):
    ANNOUNCED = "announced"  # 已发布
    IN_PROGRESS = "in_progress"  # 停电中
    RESTORED = "restored"  # 已恢复
    CANCELLED = "cancelled"  # 已取消


class Phase(Enum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    RECENTLY_RESTORED = "recently_restored"
    ENDED = "ended"  # restored longer ago than the recent window
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class OutageTimes:
    kind: OutageKind
    status: OutageStatus
    start: datetime
    expected_restore: datetime
    actual_restore: datetime | None = None
    announced_at: datetime | None = None


def restored_at(o: OutageTimes) -> datetime | None:
    """The actual restore time; a record marked restored without one counts as
    restored at its expected time."""
    if o.actual_restore is not None:
        return o.actual_restore
    if o.status is OutageStatus.RESTORED:
        return o.expected_restore
    return None


def phase_at(o: OutageTimes, at: datetime, recent: timedelta = RECENT_RESTORE) -> Phase:
    """Edges: an outage is active from its start (inclusive) until it is restored
    (exclusive); one restored a minute ago is recently restored, one that starts
    in a minute is upcoming. An outage past its expected restore time but not yet
    restored is still active (overdue), never silently dropped."""
    if o.status is OutageStatus.CANCELLED:
        return Phase.CANCELLED
    done = restored_at(o)
    if done is not None and done <= at:
        return Phase.RECENTLY_RESTORED if at - done <= recent else Phase.ENDED
    if o.start > at:
        return Phase.UPCOMING
    return Phase.ACTIVE


def overdue(o: OutageTimes, at: datetime) -> bool:
    """Active at ``at`` and past its expected restore time with no restore recorded:
    shown as 超过预计恢复时间，待核实 (the dispatch export may be late, or the
    outage forgotten)."""
    return phase_at(o, at) is Phase.ACTIVE and at >= o.expected_restore


def lapsed(o: OutageTimes, at: datetime, unverified_after: timedelta) -> bool:
    """Overdue for ``unverified_after`` or longer (the site profile's
    ``[outages] unverified_after_hours``): still shown, but no longer taken as the
    cause of a new fault, so a repair ticket from its area is dispatched again."""
    return overdue(o, at) and at - o.expected_restore >= unverified_after


def short_notice(o: OutageTimes, days: int = NOTICE_DAYS) -> bool:
    """A planned outage announced less than ``days`` before its start breaks
    commitment 7. Unknown announcement time: not flagged (nothing to judge by)."""
    if o.kind is not OutageKind.PLANNED or o.announced_at is None:
        return False
    return o.start - o.announced_at < timedelta(days=days)
