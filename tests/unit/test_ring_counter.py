"""Ring math (rules section 1): a ring is a cadence, not a time."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callcenter.domain.clock import NS_PER_S, FakeClock
from callcenter.domain.ring_counter import (
    RingCadence,
    RingLevel,
    answered_within_limit,
    ring_in_progress,
    ring_level,
    ring_start_s,
)

CHINA = RingCadence()  # 1 s on, 4 s off
NORTH_AMERICA = RingCadence(on_s=2.0, off_s=4.0)

NORMAL = RingLevel.NORMAL
AMBER = RingLevel.LAST_ALLOWED
RED = RingLevel.OVER


def below(x: float) -> float:
    """One nanosecond before ``x``: durations are measured in whole nanoseconds."""
    return x - 1e-9


# --- cadence ---------------------------------------------------------------------------


def test_default_cadence_is_one_on_four_off() -> None:
    assert (CHINA.on_s, CHINA.off_s) == (1.0, 4.0)
    assert CHINA.cycle_s == 5.0


def test_north_american_cadence_cycle() -> None:
    assert NORTH_AMERICA.cycle_s == 6.0


def test_cadence_is_immutable() -> None:
    with pytest.raises(AttributeError):
        CHINA.on_s = 2.0  # type: ignore[misc]


# --- ring start and ring in progress -----------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "n", "start"),
    [
        (CHINA, 1, 0.0),
        (CHINA, 2, 5.0),
        (CHINA, 3, 10.0),
        (CHINA, 4, 15.0),
        (CHINA, 5, 20.0),
        (NORTH_AMERICA, 1, 0.0),
        (NORTH_AMERICA, 2, 6.0),
        (NORTH_AMERICA, 3, 12.0),
        (NORTH_AMERICA, 4, 18.0),
        (NORTH_AMERICA, 5, 24.0),
    ],
)
def test_ring_n_starts_at_n_minus_one_cycles(cadence: RingCadence, n: int, start: float) -> None:
    assert ring_start_s(n, cadence) == start


@pytest.mark.parametrize(
    ("elapsed", "ring"),
    [
        (0.0, 1),
        (0.999, 1),
        (1.0, 1),  # the off part of ring 1 is still ring 1
        (4.999, 1),
        (5.0, 2),
        (9.999, 2),
        (10.0, 3),
        (14.999, 3),
        (15.0, 4),
        (19.999, 4),
        (20.0, 5),
        (60.0, 13),
    ],
)
def test_ring_in_progress_china(elapsed: float, ring: int) -> None:
    assert ring_in_progress(elapsed, CHINA) == ring


@pytest.mark.parametrize(
    ("elapsed", "ring"),
    [
        (0.0, 1),
        (2.0, 1),
        (5.999, 1),
        (6.0, 2),
        (11.999, 2),
        (12.0, 3),
        (15.0, 3),  # 15 s is still ring 3 with the longer cadence
        (17.999, 3),
        (18.0, 4),
        (23.999, 4),
        (24.0, 5),
    ],
)
def test_ring_in_progress_north_america(elapsed: float, ring: int) -> None:
    assert ring_in_progress(elapsed, NORTH_AMERICA) == ring


@pytest.mark.parametrize("elapsed", [-0.001, -5.0, -1e9])
def test_negative_elapsed_is_ring_one(elapsed: float) -> None:
    assert ring_in_progress(elapsed, CHINA) == 1
    assert ring_level(elapsed, CHINA, 3) is NORMAL
    assert answered_within_limit(elapsed, CHINA, 3)


# --- answered within the ring limit ------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "limit", "elapsed", "within"),
    [
        (CHINA, 3, 0.0, True),
        (CHINA, 3, 10.0, True),
        (CHINA, 3, 14.999, True),
        (CHINA, 3, below(15.0), True),
        (CHINA, 3, 15.0, False),
        (CHINA, 3, 15.001, False),
        (CHINA, 3, 30.0, False),
        (CHINA, 4, 15.0, True),
        (CHINA, 4, 19.999, True),
        (CHINA, 4, below(20.0), True),
        (CHINA, 4, 20.0, False),
        (NORTH_AMERICA, 3, 15.0, True),
        (NORTH_AMERICA, 3, 17.999, True),
        (NORTH_AMERICA, 3, 18.0, False),
        (NORTH_AMERICA, 4, 18.0, True),
        (NORTH_AMERICA, 4, 23.999, True),
        (NORTH_AMERICA, 4, 24.0, False),
    ],
)
def test_answered_within_limit_boundaries(
    cadence: RingCadence, limit: int, elapsed: float, within: bool
) -> None:
    assert answered_within_limit(elapsed, cadence, limit) is within


def test_answered_within_three_rings_measured_with_a_fake_clock() -> None:
    clock = FakeClock()
    first_ring = clock.monotonic_ns()
    clock.advance(14.999)
    elapsed = (clock.monotonic_ns() - first_ring) / NS_PER_S
    assert answered_within_limit(elapsed, CHINA, 3)
    clock.advance(0.001)
    elapsed = (clock.monotonic_ns() - first_ring) / NS_PER_S
    assert elapsed == 15.0
    assert not answered_within_limit(elapsed, CHINA, 3)


# --- ring level (amber during the last allowed ring, red from the next) -------------------


@pytest.mark.parametrize(
    ("cadence", "limit", "elapsed", "level"),
    [
        # China, limit 3: ring 3 = [10, 15) is amber, red from 15 s
        (CHINA, 3, 0.0, NORMAL),
        (CHINA, 3, 5.0, NORMAL),
        (CHINA, 3, 9.999, NORMAL),
        (CHINA, 3, below(10.0), NORMAL),
        (CHINA, 3, 10.0, AMBER),
        (CHINA, 3, 14.999, AMBER),
        (CHINA, 3, below(15.0), AMBER),
        (CHINA, 3, 15.0, RED),
        (CHINA, 3, 29.0, RED),
        # China, limit 4: ring 4 = [15, 20) is amber
        (CHINA, 4, 14.999, NORMAL),
        (CHINA, 4, 15.0, AMBER),
        (CHINA, 4, 19.999, AMBER),
        (CHINA, 4, 20.0, RED),
        # North America, limit 3: ring 3 = [12, 18)
        (NORTH_AMERICA, 3, 11.999, NORMAL),
        (NORTH_AMERICA, 3, 12.0, AMBER),
        (NORTH_AMERICA, 3, 15.0, AMBER),
        (NORTH_AMERICA, 3, 17.999, AMBER),
        (NORTH_AMERICA, 3, 18.0, RED),
        # North America, limit 4: ring 4 = [18, 24)
        (NORTH_AMERICA, 4, 17.999, NORMAL),
        (NORTH_AMERICA, 4, 18.0, AMBER),
        (NORTH_AMERICA, 4, 23.999, AMBER),
        (NORTH_AMERICA, 4, 24.0, RED),
    ],
)
def test_ring_level_boundaries(
    cadence: RingCadence, limit: int, elapsed: float, level: RingLevel
) -> None:
    assert ring_level(elapsed, cadence, limit) is level


def test_ring_limit_one_is_amber_from_the_start() -> None:
    assert ring_level(0.0, CHINA, 1) is AMBER
    assert ring_level(4.999, CHINA, 1) is AMBER
    assert ring_level(5.0, CHINA, 1) is RED


# --- properties --------------------------------------------------------------------------

cadences = st.sampled_from([CHINA, NORTH_AMERICA])
limits = st.sampled_from([3, 4])
elapsed_values = st.floats(min_value=0.0, max_value=600.0, allow_nan=False)


@given(cadences, elapsed_values, elapsed_values)
def test_ring_in_progress_is_monotonic(cadence: RingCadence, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert ring_in_progress(lo, cadence) <= ring_in_progress(hi, cadence)


@given(cadences, st.integers(min_value=1, max_value=200))
def test_ring_increments_exactly_at_cycle_boundaries(cadence: RingCadence, n: int) -> None:
    start = ring_start_s(n, cadence)
    assert ring_in_progress(start, cadence) == n
    if n > 1:
        assert ring_in_progress(below(start), cadence) == n - 1
    # and it stays n for the whole cycle
    assert ring_in_progress(start + cadence.on_s, cadence) == n
    assert ring_in_progress(below(ring_start_s(n + 1, cadence)), cadence) == n


@given(cadences, st.integers(min_value=0, max_value=600_000))
def test_ring_in_progress_matches_integer_arithmetic_on_ms(
    cadence: RingCadence, elapsed_ms: int
) -> None:
    cycle_ms = round(cadence.cycle_s * 1000)
    assert ring_in_progress(elapsed_ms / 1000, cadence) == elapsed_ms // cycle_ms + 1


@given(cadences, limits, elapsed_values)
def test_level_and_within_limit_agree(cadence: RingCadence, limit: int, elapsed: float) -> None:
    level = ring_level(elapsed, cadence, limit)
    within = answered_within_limit(elapsed, cadence, limit)
    assert (level is RED) is (not within)
    n = ring_in_progress(elapsed, cadence)
    assert (level is AMBER) is (n == limit)


@given(cadences, limits, elapsed_values, elapsed_values)
def test_ring_level_never_goes_back(
    cadence: RingCadence, limit: int, a: float, b: float
) -> None:
    order = [NORMAL, AMBER, RED]
    lo, hi = sorted((a, b))
    assert order.index(ring_level(lo, cadence, limit)) <= order.index(
        ring_level(hi, cadence, limit)
    )


# Cadence is a site setting, typed in tenths of a second. Elapsed time comes from
# monotonic nanoseconds (FakeClock / time.monotonic_ns), so the rules must hold exactly
# for every nanosecond-quantised elapsed value, including the boundary itself.


@pytest.mark.parametrize(
    ("on_s", "off_s", "limit"),
    [
        (1.2, 4.0, 3),  # ring 4 starts at 15.6 s
        (0.4, 3.0, 3),  # ring 4 starts at 10.2 s
        (1.5, 3.2, 3),  # ring 4 starts at 14.1 s
        (0.8, 1.6, 4),  # ring 5 starts at 9.6 s
    ],
)
def test_decimal_cadence_boundary_measured_in_nanoseconds(
    on_s: float, off_s: float, limit: int
) -> None:
    cadence = RingCadence(on_s, off_s)
    cycle_ns = int((Fraction(str(on_s)) + Fraction(str(off_s))) * NS_PER_S)
    boundary_ns = limit * cycle_ns
    clock = FakeClock()
    t0 = clock.monotonic_ns()
    clock.advance(boundary_ns / NS_PER_S)
    elapsed = (clock.monotonic_ns() - t0) / NS_PER_S
    assert clock.monotonic_ns() - t0 == boundary_ns
    # the ring after the limit has started: late, red, ring limit+1
    assert ring_in_progress(elapsed, cadence) == limit + 1
    assert ring_level(elapsed, cadence, limit) is RED
    assert not answered_within_limit(elapsed, cadence, limit)
    # one nanosecond earlier: still the last allowed ring
    just_before = (boundary_ns - 1) / NS_PER_S
    assert ring_in_progress(just_before, cadence) == limit
    assert ring_level(just_before, cadence, limit) is AMBER
    assert answered_within_limit(just_before, cadence, limit)


@given(
    st.integers(min_value=1, max_value=30),
    st.integers(min_value=1, max_value=60),
    st.sampled_from([3, 4]),
    st.integers(min_value=-2, max_value=2),
)
def test_decimal_cadences_agree_with_exact_arithmetic(
    on_tenths: int, off_tenths: int, limit: int, offset_ns: int
) -> None:
    cadence = RingCadence(on_tenths / 10, off_tenths / 10)
    cycle_ns = (on_tenths + off_tenths) * NS_PER_S // 10
    elapsed_ns = limit * cycle_ns + offset_ns
    elapsed = elapsed_ns / NS_PER_S
    expected_ring = elapsed_ns // cycle_ns + 1
    assert ring_in_progress(elapsed, cadence) == expected_ring
    assert answered_within_limit(elapsed, cadence, limit) is (elapsed_ns < limit * cycle_ns)
    assert (ring_level(elapsed, cadence, limit) is RED) is (elapsed_ns >= limit * cycle_ns)
