"""Call summaries and shift statistics derived from call events."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pytest

from callcenter.domain.call_events import (
    CallEvent,
    CallSummary,
    EventKind,
    Outcome,
    shift_stats,
    summarize,
)
from callcenter.domain.clock import FakeClock
from callcenter.domain.ring_counter import RingCadence
from callcenter.domain.sla import SlaTargets

K = EventKind
CHINA = RingCadence()
NORTH_AMERICA = RingCadence(2.0, 4.0)
T = SlaTargets()


class CallRecorder:
    """Builds a call's events the way the service will: stamps from a FakeClock."""

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.clock = clock or FakeClock()
        self.events: list[CallEvent] = []

    def at(self, kind: EventKind, after_s: float = 0.0, **data: Any) -> CallRecorder:
        self.clock.advance(after_s)
        self.events.append(
            CallEvent(kind, self.clock.monotonic_ns(), self.clock.utc_now(), dict(data))
        )
        return self

    def summary(self, cadence: RingCadence = CHINA, targets: SlaTargets = T) -> CallSummary:
        return summarize(self.events, cadence, targets)


def answered_call(
    ring_s: float = 6.0,
    talk_s: float = 90.0,
    wrapup_s: float | None = 30.0,
    by: str = "customer",
) -> CallRecorder:
    rec = CallRecorder().at(K.RINGING).at(K.ANSWERED, ring_s).at(K.SCRIPT_SHOWN, 0.2)
    rec.at(K.HUNG_UP, talk_s - 0.2, by=by)
    if wrapup_s is not None:
        rec.at(K.TICKET_SAVED, wrapup_s / 2, ticket_id="t1", number="GZ-W01-20261123-0001")
        rec.at(K.WRAP_UP_DONE, wrapup_s / 2, via="ready")
    return rec


# --- a whole answered call ---------------------------------------------------------------


def test_summary_of_an_ordinary_call() -> None:
    s = answered_call(ring_s=6.0, talk_s=90.0, wrapup_s=30.0, by="agent").summary()
    assert s == CallSummary(
        outcome=Outcome.ANSWERED,
        ring_s=6.0,
        talk_s=90.0,
        hold_s=0.0,
        wrapup_s=30.0,
        hung_up_by="agent",
        late_answer=False,
        talk_over=False,
        wrapup_over=False,
    )


def test_durations_come_from_monotonic_offsets_not_wall_time() -> None:
    rec = CallRecorder()
    ring = CallEvent(K.RINGING, 1_000_000_000_000, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    # the wall clock jumped back an hour: durations must not care
    answer = CallEvent(K.ANSWERED, 1_007_500_000_000, datetime(2026, 11, 23, 0, 0, tzinfo=UTC))
    rec.events = [ring, answer]
    s = rec.summary()
    assert s.ring_s == 7.5
    assert s.talk_s is None
    assert s.outcome is Outcome.ANSWERED


@pytest.mark.parametrize(
    ("cadence", "limit", "ring_s", "late"),
    [
        (CHINA, 3, 14.999, False),
        (CHINA, 3, 15.0, True),  # ring 4 has started
        (CHINA, 3, 15.001, True),
        (CHINA, 4, 15.0, False),
        (CHINA, 4, 19.999, False),
        (CHINA, 4, 20.0, True),
        (NORTH_AMERICA, 3, 15.0, False),
        (NORTH_AMERICA, 3, 17.999, False),
        (NORTH_AMERICA, 3, 18.0, True),
    ],
)
def test_late_answer_at_the_ring_limit(
    cadence: RingCadence, limit: int, ring_s: float, late: bool
) -> None:
    s = answered_call(ring_s=ring_s).summary(cadence, SlaTargets(ring_limit=limit))
    assert s.ring_s == ring_s
    assert s.late_answer is late


@pytest.mark.parametrize(
    ("talk_s", "over"),
    [(149.999, False), (150.0, False), (150.001, True), (400.0, True)],
)
def test_talk_over_is_strictly_past_150(talk_s: float, over: bool) -> None:
    s = answered_call(talk_s=talk_s).summary()
    assert s.talk_s == talk_s
    assert s.talk_over is over


@pytest.mark.parametrize(
    ("wrapup_s", "over"),
    [(0.5, False), (59.999, False), (60.0, False), (60.001, True), (120.0, True)],
)
def test_wrapup_over_is_strictly_past_60(wrapup_s: float, over: bool) -> None:
    s = answered_call(wrapup_s=wrapup_s).summary()
    assert s.wrapup_s == pytest.approx(wrapup_s, abs=1e-9)
    assert s.wrapup_over is over


def test_targets_come_from_the_site() -> None:
    targets = SlaTargets(talk_target_s=100.0, wrapup_target_s=30.0)
    s = answered_call(talk_s=100.5, wrapup_s=31.0).summary(CHINA, targets)
    assert s.talk_over and s.wrapup_over
    s = answered_call(talk_s=100.0, wrapup_s=30.0).summary(CHINA, targets)
    assert not s.talk_over and not s.wrapup_over


def test_call_still_in_wrap_up_has_no_wrapup_duration() -> None:
    s = answered_call(wrapup_s=None).summary()
    assert s.outcome is Outcome.ANSWERED
    assert s.wrapup_s is None
    assert s.wrapup_over is False


def test_call_still_talking_has_no_talk_duration() -> None:
    s = CallRecorder().at(K.RINGING).at(K.ANSWERED, 3.0).summary()
    assert s.talk_s is None
    assert s.talk_over is False
    assert s.hung_up_by is None
    assert s.hold_s == 0.0


def test_hung_up_by_customer() -> None:
    assert answered_call(by="customer").summary().hung_up_by == "customer"


def test_script_shown_event_does_not_change_the_summary() -> None:
    rec = answered_call(ring_s=4.0, talk_s=80.0, wrapup_s=20.0)
    s1 = rec.summary()
    rec.events = [e for e in rec.events if e.kind is not K.SCRIPT_SHOWN]
    s2 = rec.summary()
    assert s1 == s2


# --- hold --------------------------------------------------------------------------------


def test_hold_time_sums_every_hold_and_is_part_of_talk_time() -> None:
    rec = CallRecorder().at(K.RINGING).at(K.ANSWERED, 5.0)
    rec.at(K.HELD, 10.0).at(K.RESUMED, 20.0)  # 20 s
    rec.at(K.HELD, 5.0).at(K.RESUMED, 12.5)  # 12.5 s
    rec.at(K.HUNG_UP, 30.0, by="agent")
    s = rec.summary()
    assert s.hold_s == 32.5
    assert s.talk_s == 10.0 + 20.0 + 5.0 + 12.5 + 30.0


def test_hang_up_while_held_closes_the_hold() -> None:
    rec = CallRecorder().at(K.RINGING).at(K.ANSWERED, 2.0)
    rec.at(K.HELD, 30.0).at(K.HUNG_UP, 45.0, by="customer")
    s = rec.summary()
    assert s.hold_s == 45.0
    assert s.talk_s == 75.0
    assert s.hung_up_by == "customer"


# --- outcomes ----------------------------------------------------------------------------


def test_still_ringing() -> None:
    s = CallRecorder().at(K.RINGING).summary()
    assert s.outcome is Outcome.RINGING
    assert s.ring_s is None and s.talk_s is None and s.hold_s is None and s.wrapup_s is None
    assert not s.late_answer


def test_missed_call() -> None:
    s = CallRecorder().at(K.RINGING).at(K.RING_TIMEOUT, 30.0).summary()
    assert s.outcome is Outcome.MISSED
    assert s.ring_s is None  # never answered
    assert s.hold_s is None
    assert s.late_answer is False


def test_abandoned_call() -> None:
    s = CallRecorder().at(K.RINGING).at(K.ABANDONED, 20.0).summary()
    assert s.outcome is Outcome.ABANDONED
    assert s.ring_s is None
    assert s.talk_s is None
    assert s.late_answer is False


def test_backfilled_call_has_no_durations() -> None:
    """Taken while the system was down: real wall time, no monotonic offsets."""
    at = datetime(2026, 11, 23, 3, 15, tzinfo=UTC)
    events = [
        CallEvent(K.RINGING, None, at),
        CallEvent(K.ANSWERED, None, at),
        CallEvent(K.HUNG_UP, None, at, {"by": "customer"}),
        CallEvent(K.BACKFILLED, None, at),
        CallEvent(K.TICKET_SAVED, None, at, {"ticket_id": "t9", "number": "GZ-W01-20261123-0009"}),
    ]
    s = summarize(events, CHINA, T)
    assert s.outcome is Outcome.BACKFILLED
    assert s.ring_s is None and s.talk_s is None and s.wrapup_s is None
    assert not s.late_answer and not s.talk_over and not s.wrapup_over
    assert s.hung_up_by == "customer"


def test_backfilled_wins_over_answered() -> None:
    rec = answered_call()
    rec.at(K.BACKFILLED, 1.0)
    assert rec.summary().outcome is Outcome.BACKFILLED


def test_event_data_defaults_to_an_empty_mapping() -> None:
    e = CallEvent(K.RINGING, 0, datetime(2026, 1, 1, tzinfo=UTC))
    assert isinstance(e.data, Mapping)
    assert dict(e.data) == {}


# --- shift statistics --------------------------------------------------------------------


def missed() -> CallSummary:
    return CallRecorder().at(K.RINGING).at(K.RING_TIMEOUT, 30.0).summary()


def abandoned() -> CallSummary:
    return CallRecorder().at(K.RINGING).at(K.ABANDONED, 8.0).summary()


def backfilled() -> CallSummary:
    at = datetime(2026, 11, 23, 3, 15, tzinfo=UTC)
    return summarize([CallEvent(K.BACKFILLED, None, at)], CHINA, T)


def test_shift_stats_empty() -> None:
    stats = shift_stats([])
    assert stats.calls == 0
    assert stats.answered == 0
    assert stats.answered_within_limit_pct is None
    assert stats.avg_talk_s is None
    assert stats.wrapups == 0
    assert stats.wrapup_within_target_pct is None


def test_shift_stats_only_abandoned_and_backfilled_have_no_percentages() -> None:
    stats = shift_stats([abandoned(), backfilled()])
    assert stats.calls == 1  # back-filled calls are not counted
    assert stats.answered == 0
    assert stats.answered_within_limit_pct is None
    assert stats.avg_talk_s is None
    assert stats.wrapup_within_target_pct is None


def test_shift_stats_percentages() -> None:
    summaries = [
        answered_call(ring_s=3.0, talk_s=60.0, wrapup_s=20.0).summary(),  # on time
        answered_call(ring_s=14.999, talk_s=120.0, wrapup_s=60.0).summary(),  # on time
        answered_call(ring_s=15.0, talk_s=180.0, wrapup_s=75.0).summary(),  # late, over
        answered_call(ring_s=8.0, talk_s=90.0, wrapup_s=None).summary(),  # still wrapping up
        missed(),
        abandoned(),  # not counted as offered
        backfilled(),  # ignored
    ]
    stats = shift_stats(summaries)
    assert stats.calls == 6
    assert stats.answered == 4
    # 3 answered within 3 rings out of 4 answered + 1 missed
    assert stats.answered_within_limit_pct == pytest.approx(60.0)
    assert stats.avg_talk_s == pytest.approx((60.0 + 120.0 + 180.0 + 90.0) / 4)
    assert stats.wrapups == 3
    assert stats.wrapup_within_target_pct == pytest.approx(200.0 / 3)


def test_shift_stats_all_missed_is_zero_percent() -> None:
    stats = shift_stats([missed(), missed()])
    assert stats.answered_within_limit_pct == 0.0
    assert stats.avg_talk_s is None
    assert stats.wrapup_within_target_pct is None


def test_shift_stats_all_good_is_hundred_percent() -> None:
    stats = shift_stats([answered_call().summary() for _ in range(3)])
    assert stats.answered_within_limit_pct == 100.0
    assert stats.wrapup_within_target_pct == 100.0
    assert stats.avg_talk_s == pytest.approx(90.0)


def test_shift_stats_accepts_a_generator() -> None:
    stats = shift_stats(answered_call().summary() for _ in range(2))
    assert stats.answered == 2
