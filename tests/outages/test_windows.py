"""Phases at the edges, and the planned-outage notice rule (commitment 7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from callcenter.domain.outages import OutageKind, OutageStatus, OutageTimes, Phase, phase_at, short_notice

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
M = timedelta(minutes=1)


def times(start: datetime, end: datetime, actual: datetime | None = None,
          status: OutageStatus = OutageStatus.ANNOUNCED, kind: OutageKind = OutageKind.FAULT,
          announced: datetime | None = None) -> OutageTimes:
    return OutageTimes(kind, status, start, end, actual, announced)


def test_starts_in_a_minute_is_upcoming_and_active_from_its_start() -> None:
    o = times(NOW + M, NOW + 60 * M)
    assert phase_at(o, NOW) is Phase.UPCOMING
    assert phase_at(o, NOW + M) is Phase.ACTIVE  # the start is inclusive


def test_restored_a_minute_ago_is_recently_restored_not_active() -> None:
    o = times(NOW - 60 * M, NOW + 60 * M, actual=NOW - M, status=OutageStatus.RESTORED)
    assert phase_at(o, NOW) is Phase.RECENTLY_RESTORED
    assert phase_at(o, NOW - 2 * M) is Phase.ACTIVE  # asked about a time before the restore
    assert phase_at(o, NOW - M) is Phase.RECENTLY_RESTORED  # the restore is exclusive
    assert phase_at(o, NOW + timedelta(days=2)) is Phase.ENDED


def test_overdue_outage_stays_active_and_cancelled_never_shows() -> None:
    assert phase_at(times(NOW - 120 * M, NOW - M), NOW) is Phase.ACTIVE
    assert phase_at(times(NOW - M, NOW + M, status=OutageStatus.CANCELLED), NOW) is Phase.CANCELLED
    # marked restored without a time: restored at the expected time
    assert phase_at(times(NOW - 60 * M, NOW - M, status=OutageStatus.RESTORED), NOW) \
        is Phase.RECENTLY_RESTORED


def test_planned_outage_announced_less_than_7_days_ahead_is_flagged() -> None:
    start = NOW + timedelta(days=3)
    planned = OutageKind.PLANNED
    assert short_notice(times(start, start + M, kind=planned, announced=start - timedelta(days=6, hours=23)))
    assert not short_notice(times(start, start + M, kind=planned, announced=start - timedelta(days=7)))
    assert not short_notice(times(start, start + M, kind=OutageKind.FAULT, announced=start - M))
    assert not short_notice(times(start, start + M, kind=planned))  # unknown: nothing to judge
