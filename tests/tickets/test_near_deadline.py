"""Lists flag tickets past their warning point, not only overdue ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from callcenter.services.tickets.search import is_near_deadline, is_overdue

T0 = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
DUE = T0 + timedelta(hours=10)


def test_near_deadline_between_the_warning_point_and_the_deadline() -> None:
    assert not is_near_deadline("dispatched", T0, DUE, T0 + timedelta(hours=7, minutes=59))
    assert is_near_deadline("dispatched", T0, DUE, T0 + timedelta(hours=8))
    assert is_near_deadline("in_progress", T0, DUE, DUE)
    assert not is_near_deadline("dispatched", T0, DUE, DUE + timedelta(seconds=1))  # overdue now
    assert is_overdue("dispatched", DUE, DUE + timedelta(seconds=1))


def test_closed_or_undated_tickets_are_never_near() -> None:
    assert not is_near_deadline("archived", T0, DUE, T0 + timedelta(hours=9))
    assert not is_near_deadline("dispatched", T0, None, T0 + timedelta(hours=9))
