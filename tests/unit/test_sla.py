"""Talk and wrap-up timers, their levels and their displays (rules section 1)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callcenter.domain.clock import NS_PER_S, FakeClock
from callcenter.domain.sla import (
    SlaTargets,
    TimerLevel,
    format_countdown,
    format_mm_ss,
    talk_level,
    wrapup_level,
    wrapup_remaining_s,
)

T = SlaTargets()
NORMAL, AMBER, RED = TimerLevel.NORMAL, TimerLevel.WARNING, TimerLevel.BREACH


def test_default_targets_follow_the_rules() -> None:
    assert T.ring_limit == 3
    assert T.talk_warn_s == 120.0
    assert T.talk_target_s == 150.0
    assert T.wrapup_target_s == 60.0
    assert T.wrapup_warn_remaining_s == 15.0


# --- talk timer --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("talk_s", "level"),
    [
        (0.0, NORMAL),
        (60.0, NORMAL),
        (119.999, NORMAL),
        (math.nextafter(120.0, 0.0), NORMAL),
        (120.0, AMBER),  # amber from 120 s inclusive
        (120.001, AMBER),
        (149.999, AMBER),
        (150.0, AMBER),  # 150 s is still on target
        (math.nextafter(150.0, math.inf), RED),
        (150.001, RED),  # red strictly past 150 s
        (600.0, RED),
    ],
)
def test_talk_level_boundaries(talk_s: float, level: TimerLevel) -> None:
    assert talk_level(talk_s, T) is level


def test_talk_level_uses_the_site_targets() -> None:
    t = SlaTargets(talk_warn_s=90.0, talk_target_s=100.0)
    assert talk_level(89.9, t) is NORMAL
    assert talk_level(90.0, t) is AMBER
    assert talk_level(100.0, t) is AMBER
    assert talk_level(100.5, t) is RED
    assert talk_level(120.0, t) is RED


def test_talk_level_from_a_fake_clock() -> None:
    clock = FakeClock()
    answered = clock.monotonic_ns()

    def talk() -> float:
        return (clock.monotonic_ns() - answered) / NS_PER_S

    clock.advance(119.999)
    assert talk_level(talk(), T) is NORMAL
    clock.advance(0.001)
    assert talk_level(talk(), T) is AMBER
    clock.advance(30.0)
    assert talk() == 150.0
    assert talk_level(talk(), T) is AMBER
    clock.advance(0.001)
    assert talk_level(talk(), T) is RED


@given(st.floats(0, 10_000), st.floats(0, 10_000))
def test_talk_level_never_goes_back(a: float, b: float) -> None:
    order = [NORMAL, AMBER, RED]
    lo, hi = sorted((a, b))
    assert order.index(talk_level(lo, T)) <= order.index(talk_level(hi, T))


# --- wrap-up timer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrapup_s", "remaining"),
    [(0.0, 60.0), (45.0, 15.0), (60.0, 0.0), (65.5, -5.5)],
)
def test_wrapup_remaining(wrapup_s: float, remaining: float) -> None:
    assert wrapup_remaining_s(wrapup_s, T) == remaining


@pytest.mark.parametrize(
    ("wrapup_s", "level"),
    [
        (0.0, NORMAL),
        (44.999, NORMAL),  # 15.001 s left
        (45.0, AMBER),  # 15 s left: amber (remaining <= 15)
        (59.999, AMBER),
        (60.0, AMBER),  # 0 s left is not yet over
        (60.001, RED),  # remaining < 0
        (61.0, RED),
        (300.0, RED),
    ],
)
def test_wrapup_level_boundaries(wrapup_s: float, level: TimerLevel) -> None:
    assert wrapup_level(wrapup_s, T) is level


def test_wrapup_level_uses_the_site_targets() -> None:
    t = SlaTargets(wrapup_target_s=30.0, wrapup_warn_remaining_s=5.0)
    assert wrapup_level(24.9, t) is NORMAL
    assert wrapup_level(25.0, t) is AMBER
    assert wrapup_level(30.0, t) is AMBER
    assert wrapup_level(30.1, t) is RED
    assert wrapup_remaining_s(10.0, t) == 20.0


@given(st.floats(0, 10_000), st.floats(0, 10_000))
def test_wrapup_level_never_goes_back(a: float, b: float) -> None:
    order = [NORMAL, AMBER, RED]
    lo, hi = sorted((a, b))
    assert order.index(wrapup_level(lo, T)) <= order.index(wrapup_level(hi, T))


# --- mm:ss display -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.0, "00:00"),
        (0.999, "00:00"),  # elapsed time truncates
        (1.0, "00:01"),
        (59.999, "00:59"),
        (60.0, "01:00"),
        (75.4, "01:15"),
        (150.0, "02:30"),
        (3599.9, "59:59"),
        (3600.0, "60:00"),  # minutes do not roll into hours
        (-3.2, "-00:03"),
        (-75.0, "-01:15"),
    ],
)
def test_format_mm_ss(seconds: float, text: str) -> None:
    assert format_mm_ss(seconds) == text


@given(st.integers(min_value=0, max_value=5999), st.floats(0, 0.999))
def test_format_mm_ss_round_trips_whole_seconds(whole: int, frac: float) -> None:
    text = format_mm_ss(whole + frac)
    mm, ss = text.split(":")
    assert len(mm) == 2 and len(ss) == 2
    assert int(mm) * 60 + int(ss) == whole
    assert 0 <= int(ss) < 60


# --- countdown display -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remaining", "text"),
    [
        (60.0, "01:00"),
        (59.2, "01:00"),  # ceil: a fraction of a second left still shows the whole second
        (59.0, "00:59"),
        (45.2, "00:46"),
        (15.0, "00:15"),
        (14.2, "00:15"),
        (1.0, "00:01"),
        (0.0001, "00:01"),
        (0.0, "00:00"),  # reaches 00:00 exactly when the target does
        (-0.0, "00:00"),
        (-0.4, "+00:00"),  # then counts up, truncated
        (-0.999, "+00:00"),
        (-1.0, "+00:01"),
        (-5.1, "+00:05"),
        (-59.9, "+00:59"),
        (-60.0, "+01:00"),
        (-125.7, "+02:05"),
    ],
)
def test_format_countdown(remaining: float, text: str) -> None:
    assert format_countdown(remaining) == text


def test_countdown_shows_15_exactly_when_it_turns_amber() -> None:
    """With ceil, the first "00:15" on screen coincides with the amber level."""
    clock = FakeClock()
    ended = clock.monotonic_ns()

    def wrapup() -> float:
        return (clock.monotonic_ns() - ended) / NS_PER_S

    clock.advance(44.5)
    remaining = wrapup_remaining_s(wrapup(), T)
    assert (format_countdown(remaining), wrapup_level(wrapup(), T)) == ("00:16", NORMAL)
    clock.advance(0.5)
    remaining = wrapup_remaining_s(wrapup(), T)
    assert (format_countdown(remaining), wrapup_level(wrapup(), T)) == ("00:15", AMBER)
    clock.advance(15.0)
    remaining = wrapup_remaining_s(wrapup(), T)
    assert (format_countdown(remaining), wrapup_level(wrapup(), T)) == ("00:00", AMBER)
    clock.advance(0.4)
    remaining = wrapup_remaining_s(wrapup(), T)
    assert (format_countdown(remaining), wrapup_level(wrapup(), T)) == ("+00:00", RED)
    clock.advance(4.7)
    remaining = wrapup_remaining_s(wrapup(), T)
    assert (format_countdown(remaining), wrapup_level(wrapup(), T)) == ("+00:05", RED)


@given(st.floats(min_value=0.0, max_value=5999.0, allow_nan=False))
def test_countdown_is_the_ceiling_when_time_is_left(remaining: float) -> None:
    text = format_countdown(remaining)
    assert not text.startswith("+")
    mm, ss = text.split(":")
    assert int(mm) * 60 + int(ss) == math.ceil(remaining)


@given(st.floats(min_value=0.0, max_value=5999.0, allow_nan=False, exclude_min=True))
def test_overrun_counts_up_with_a_plus(overrun: float) -> None:
    text = format_countdown(-overrun)
    assert text.startswith("+")
    mm, ss = text[1:].split(":")
    assert int(mm) * 60 + int(ss) == math.floor(overrun)


@given(st.floats(min_value=-5999.0, max_value=5999.0, allow_nan=False))
def test_countdown_plus_sign_exactly_when_over(remaining: float) -> None:
    assert format_countdown(remaining).startswith("+") is (remaining < 0)
