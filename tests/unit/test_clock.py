"""FakeClock and ManualScheduler: time that tests move by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callcenter.domain.clock import NS_PER_S, FakeClock, ManualScheduler, SystemClock
from callcenter.domain.ring_counter import RingCadence, RingLevel, ring_level, ring_start_s

START_UTC = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def _elapsed_ns(clock: FakeClock, t0: int) -> int:
    return clock.monotonic_ns() - t0


# --- FakeClock ---------------------------------------------------------------------------


def test_fake_clock_defaults_are_fixed_and_utc_aware() -> None:
    clock = FakeClock()
    assert clock.utc_now() == START_UTC
    assert clock.utc_now().tzinfo is not None
    assert clock.utc_now().utcoffset() == timedelta(0)
    assert clock.monotonic_ns() == 1_000 * NS_PER_S


def test_fake_clock_accepts_explicit_start() -> None:
    start = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    clock = FakeClock(start=start, mono_ns=42)
    assert clock.utc_now() == start
    assert clock.monotonic_ns() == 42


def test_fake_clock_does_not_move_on_its_own() -> None:
    clock = FakeClock()
    first = (clock.monotonic_ns(), clock.utc_now())
    second = (clock.monotonic_ns(), clock.utc_now())
    assert first == second


def test_fake_clock_advance_moves_monotonic_and_utc_together() -> None:
    clock = FakeClock()
    m0, u0 = clock.monotonic_ns(), clock.utc_now()
    clock.advance(14.999)
    assert clock.monotonic_ns() - m0 == 14_999_000_000
    assert clock.utc_now() - u0 == timedelta(seconds=14.999)
    clock.advance(0.001)
    assert clock.monotonic_ns() - m0 == 15 * NS_PER_S
    assert clock.utc_now() - u0 == timedelta(seconds=15)


def test_fake_clock_advance_zero_changes_nothing() -> None:
    clock = FakeClock()
    m0, u0 = clock.monotonic_ns(), clock.utc_now()
    clock.advance(0)
    assert (clock.monotonic_ns(), clock.utc_now()) == (m0, u0)


@given(st.lists(st.integers(min_value=0, max_value=10_000_000), min_size=1, max_size=40))
def test_fake_clock_monotonic_never_decreases_and_tracks_utc(steps_ms: list[int]) -> None:
    clock = FakeClock()
    m0, u0 = clock.monotonic_ns(), clock.utc_now()
    last = m0
    for ms in steps_ms:
        clock.advance(ms / 1000)
        now = clock.monotonic_ns()
        assert now >= last
        last = now
    total_ms = sum(steps_ms)
    assert clock.monotonic_ns() - m0 == total_ms * 1_000_000
    assert clock.utc_now() - u0 == timedelta(milliseconds=total_ms)


def test_system_clock_is_monotonic_and_utc() -> None:
    clock = SystemClock()
    a = clock.monotonic_ns()
    b = clock.monotonic_ns()
    assert b >= a
    assert clock.utc_now().utcoffset() == timedelta(0)


# --- ManualScheduler ---------------------------------------------------------------------


def test_callbacks_run_in_due_order_not_registration_order() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    ran: list[str] = []
    sched.call_later(3.0, lambda: ran.append("c"))
    sched.call_later(0.5, lambda: ran.append("a"))
    sched.call_later(1.25, lambda: ran.append("b"))
    sched.advance(10)
    assert ran == ["a", "b", "c"]


def test_callbacks_with_same_due_time_run_in_registration_order() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    ran: list[int] = []
    for i in range(5):
        sched.call_later(2.0, lambda i=i: ran.append(i))
    sched.advance(2.0)
    assert ran == [0, 1, 2, 3, 4]


def test_each_callback_sees_the_clock_at_its_own_due_time() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    t0, u0 = clock.monotonic_ns(), clock.utc_now()
    seen: list[tuple[str, int, timedelta]] = []

    def record(name: str) -> None:
        seen.append((name, _elapsed_ns(clock, t0), clock.utc_now() - u0))

    sched.call_later(5.0, lambda: record("ring2"))
    sched.call_later(0.25, lambda: record("tick"))
    sched.call_later(15.0, lambda: record("ring4"))
    sched.advance(20.0)
    assert seen == [
        ("tick", 250_000_000, timedelta(milliseconds=250)),
        ("ring2", 5 * NS_PER_S, timedelta(seconds=5)),
        ("ring4", 15 * NS_PER_S, timedelta(seconds=15)),
    ]
    # after the last callback the clock still reaches the advance target
    assert _elapsed_ns(clock, t0) == 20 * NS_PER_S
    assert clock.utc_now() - u0 == timedelta(seconds=20)


def test_callback_not_due_yet_does_not_run() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    ran: list[int] = []
    sched.call_later(15.0, lambda: ran.append(1))
    sched.advance(14.999)
    assert ran == []
    assert sched.pending_count == 1
    sched.advance(0.001)
    assert ran == [1]
    assert sched.pending_count == 0


def test_callback_runs_only_once() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    ran: list[int] = []
    sched.call_later(1.0, lambda: ran.append(1))
    sched.advance(1.0)
    sched.advance(100.0)
    assert ran == [1]


def test_zero_delay_runs_on_next_advance_even_of_zero() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    ran: list[int] = []
    t0 = clock.monotonic_ns()
    sched.call_later(0, lambda: ran.append(clock.monotonic_ns() - t0))
    assert ran == []  # never synchronously inside call_later
    sched.advance(0)
    assert ran == [0]


def test_cancel_prevents_the_callback_and_leaves_others() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    ran: list[str] = []
    keep = sched.call_later(1.0, lambda: ran.append("keep"))
    drop = sched.call_later(0.5, lambda: ran.append("drop"))
    assert sched.pending_count == 2
    drop.cancel()
    assert sched.pending_count == 1
    sched.advance(2.0)
    assert ran == ["keep"]
    assert sched.pending_count == 0
    keep.cancel()  # cancelling after it ran is harmless
    sched.advance(2.0)
    assert ran == ["keep"]


def test_callback_can_cancel_a_later_one_during_advance() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    ran: list[str] = []
    later = sched.call_later(2.0, lambda: ran.append("later"))
    sched.call_later(1.0, lambda: (ran.append("first"), later.cancel()))
    sched.advance(5.0)
    assert ran == ["first"]


def test_callback_scheduled_from_a_callback_runs_in_the_same_advance_if_due() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    t0 = clock.monotonic_ns()
    seen: list[tuple[str, int]] = []

    def first() -> None:
        seen.append(("first", _elapsed_ns(clock, t0)))
        sched.call_later(1.0, lambda: seen.append(("chained", _elapsed_ns(clock, t0))))
        sched.call_later(10.0, lambda: seen.append(("too_late", _elapsed_ns(clock, t0))))

    sched.call_later(2.0, first)
    sched.advance(3.5)
    assert seen == [("first", 2 * NS_PER_S), ("chained", 3 * NS_PER_S)]
    assert sched.pending_count == 1
    assert _elapsed_ns(clock, t0) == 3_500_000_000


def test_repeating_tick_fires_at_every_period() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    t0 = clock.monotonic_ns()
    ticks: list[int] = []

    def tick() -> None:
        ticks.append(_elapsed_ns(clock, t0))
        sched.call_later(0.2, tick)

    sched.call_later(0.2, tick)
    sched.advance(1.0)
    assert ticks == [200_000_000, 400_000_000, 600_000_000, 800_000_000, 1_000_000_000]


def test_advance_without_callbacks_moves_the_clock() -> None:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    m0, u0 = clock.monotonic_ns(), clock.utc_now()
    sched.advance(60.0)
    assert clock.monotonic_ns() - m0 == 60 * NS_PER_S
    assert clock.utc_now() - u0 == timedelta(seconds=60)
    assert sched.clock is clock


@pytest.mark.parametrize("delay_s", [2.01, 0.57, 4.1, 8.03, 13.912])
def test_callback_sees_exactly_its_due_time_for_decimal_delays(delay_s: float) -> None:
    """A delay of 2.01 s must fire at 2.010000000 s, the same instant advance(2.01) reaches.

    FakeClock.advance and ManualScheduler.advance round seconds to nanoseconds, so
    call_later has to do the same; truncating makes the callback run 1 ns early.
    """
    clock = FakeClock()
    sched = ManualScheduler(clock)
    t0 = clock.monotonic_ns()
    seen: list[int] = []
    sched.call_later(delay_s, lambda: seen.append(_elapsed_ns(clock, t0)))
    sched.advance(delay_s)
    assert seen == [round(delay_s * NS_PER_S)]


def test_timer_set_for_the_fourth_ring_sees_the_fourth_ring() -> None:
    """A service that arms a timer for "when ring 4 starts" must see the red level there."""
    cadence = RingCadence()
    clock = FakeClock()
    sched = ManualScheduler(clock)
    t0 = clock.monotonic_ns()
    sched.advance(1.088)  # the service wakes up 1.088 s after the first ring
    elapsed = _elapsed_ns(clock, t0) / NS_PER_S
    levels: list[RingLevel] = []
    sched.call_later(
        ring_start_s(4, cadence) - elapsed,
        lambda: levels.append(ring_level(_elapsed_ns(clock, t0) / NS_PER_S, cadence, 3)),
    )
    sched.advance(20.0)
    assert levels == [RingLevel.OVER]
