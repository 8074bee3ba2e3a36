"""The lock-out rule, computed from attempts (domain, no store)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from callcenter.domain.auth.lockout import Attempt, LockoutPolicy, failures_left, locked_until

T0 = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
P = LockoutPolicy(5, 15)


def fails(n: int, start: datetime = T0, step_s: float = 10) -> list[Attempt]:
    return [Attempt(start + timedelta(seconds=i * step_s), False) for i in range(n)]


def test_four_failures_do_not_lock_the_fifth_does_for_fifteen_minutes() -> None:
    assert locked_until(fails(4), P, T0 + timedelta(minutes=1)) is None
    assert failures_left(fails(4), P, T0 + timedelta(minutes=1)) == 1
    fifth = T0 + timedelta(seconds=40)
    assert locked_until(fails(5), P, fifth) == fifth + timedelta(minutes=15)
    assert locked_until(fails(5), P, fifth + timedelta(minutes=15)) is None
    assert failures_left(fails(5), P, fifth + timedelta(minutes=16)) == 5


def test_a_success_ends_the_run() -> None:
    attempts = [*fails(4), Attempt(T0 + timedelta(minutes=1), True),
                *fails(4, T0 + timedelta(minutes=2))]
    assert locked_until(attempts, P, T0 + timedelta(minutes=3)) is None


def test_attempts_from_another_desk_count_in_any_order() -> None:
    attempts = list(reversed(fails(5)))
    assert locked_until(attempts, P, T0 + timedelta(minutes=5)) is not None


def test_a_reset_unlocks() -> None:
    reset = T0 + timedelta(minutes=2)
    assert locked_until(fails(5), P, T0 + timedelta(minutes=3), since=reset) is None


def test_attempts_during_a_lock_do_not_extend_it() -> None:
    attempts = [*fails(5), *fails(5, T0 + timedelta(minutes=10))]
    assert locked_until(attempts, P, T0 + timedelta(minutes=15, seconds=41)) is None


def test_the_profile_numbers_are_used() -> None:
    policy = LockoutPolicy(3, 1)
    assert locked_until(fails(3), policy, T0 + timedelta(seconds=30)) == \
        T0 + timedelta(seconds=20, minutes=1)


@given(st.lists(st.tuples(st.integers(0, 3600), st.booleans()), max_size=40))
def test_never_locked_without_max_failures_in_a_row(raw: list[tuple[int, bool]]) -> None:
    attempts = [Attempt(T0 + timedelta(seconds=s), ok) for s, ok in raw]
    run = best = 0
    for a in sorted(attempts, key=lambda a: a.at):
        run = 0 if a.ok else run + 1
        best = max(best, run)
    if best < P.max_failures:
        assert locked_until(attempts, P, T0) is None
