"""The replay's timeline on crafted event streams: form state, jumps, SLA marks, spans."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.replay.timeline import CHECKPOINT_EVERY, Timeline
from callcenter.domain.ring_counter import RingCadence
from callcenter.domain.sla import SlaTargets

T0 = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
MONO0 = 5_000_000_000_000  # an arbitrary monotonic origin


def ev(t_s: float, kind: EventKind, **data: Any) -> CallEvent:
    return CallEvent(kind, MONO0 + int(t_s * 1e9), T0 + timedelta(seconds=t_s), data)


def edit(t_s: float, field: str, value: str) -> CallEvent:
    return ev(t_s, EventKind.FORM_EDITED, field=field, value=value)


def timeline(events: list[CallEvent]) -> Timeline:
    return Timeline(events, RingCadence(1.0, 4.0), SlaTargets())


CALL = [
    ev(0.0, EventKind.RINGING),
    ev(7.0, EventKind.ANSWERED, ring_s=7.0, late=False),
    ev(7.0, EventKind.SCRIPT_SHOWN, key="greeting", text="您好"),
    edit(9.0, "caller_phone", "13800138001"),
    edit(20.0, "category", "fault_repair"),
    edit(31.5, "content", "家里没电了"),
    ev(40.0, EventKind.HELD),
    ev(55.0, EventKind.RESUMED),
    ev(60.0, EventKind.SECURE_PAUSED),
    ev(72.0, EventKind.SECURE_RESUMED),
    edit(80.0, "content", "家里没电了，邻居有电"),
    ev(100.0, EventKind.HUNG_UP, by="customer"),
    edit(120.0, "address", "幸福路12号"),
    ev(130.0, EventKind.TICKET_SAVED, ticket_id="t", number="LJ-1"),
    ev(130.0, EventKind.WRAP_UP_DONE, via="ready"),
]


def test_form_state_at_each_playhead_position() -> None:
    tl = timeline(CALL)
    assert tl.form_at(0.0) == {}
    assert tl.form_at(8.999) == {}
    assert tl.form_at(9.0) == {"caller_phone": "13800138001"}  # an edit at the position counts
    assert tl.form_at(31.5)["content"] == "家里没电了"
    assert tl.form_at(79.9) == {"caller_phone": "13800138001", "category": "fault_repair",
                                "content": "家里没电了"}
    assert tl.form_at(1e9) == {"caller_phone": "13800138001", "category": "fault_repair",
                               "content": "家里没电了，邻居有电", "address": "幸福路12号"}
    assert tl.duration_s == 130.0


def test_form_state_past_many_checkpoints_equals_a_full_replay() -> None:
    events = [ev(0.0, EventKind.RINGING), ev(3.0, EventKind.ANSWERED)]
    events += [edit(3.0 + 0.1 * i, f"f{i % 7}", f"v{i}") for i in range(CHECKPOINT_EVERY * 5 + 3)]
    tl = timeline(events)
    for t in (3.0, 3.05, 3.0 + 0.1 * CHECKPOINT_EVERY, 20.0, 35.0, 100.0):
        want: dict[str, str] = {}
        for e in events:
            if e.kind is EventKind.FORM_EDITED and (e.mono_ns - MONO0) / 1e9 <= t + 1e-9:
                want[e.data["field"]] = e.data["value"]
        assert tl.form_at(t + 1e-9) == want, t


def test_next_and_previous_event_and_the_event_at_a_position() -> None:
    tl = timeline(CALL)
    assert tl.next_event(-1.0).kind is EventKind.RINGING
    nxt = tl.next_event(0.0)
    assert nxt is not None and nxt.kind is EventKind.ANSWERED and nxt.t_s == 7.0
    nxt = tl.next_event(7.0)  # the script shown at the same instant is passed over with it
    assert nxt is not None and nxt.t_s == 9.0
    assert tl.next_event(130.0) is None
    prev = tl.previous_event(9.0)
    assert prev is not None and prev.t_s == 7.0 and prev.kind is EventKind.SCRIPT_SHOWN
    assert tl.previous_event(0.0) is None
    prev = tl.previous_event(50.0)
    assert prev is not None and prev.kind is EventKind.HELD
    cur = tl.current(56.0)
    assert cur is not None and cur.kind is EventKind.RESUMED


@pytest.mark.parametrize(("answer_s", "late"), [(14.99, False), (15.0, True), (22.0, True)])
def test_ring_limit_mark(answer_s: float, late: bool) -> None:
    tl = timeline([ev(0.0, EventKind.RINGING), ev(answer_s, EventKind.ANSWERED)])
    mark = next(m for m in tl.marks if m.name == "ring_limit")
    assert mark.t_s == 15.0 and mark.passed is late


def test_talk_and_wrapup_marks_present_and_passed() -> None:
    tl = timeline(CALL)
    marks = {m.name: m for m in tl.marks}
    assert marks["talk_target"].t_s == 157.0 and not marks["talk_target"].passed
    assert marks["wrapup_target"].t_s == 160.0 and not marks["wrapup_target"].passed
    long = timeline([ev(0.0, EventKind.RINGING), ev(5.0, EventKind.ANSWERED),
                     ev(160.0, EventKind.HUNG_UP, by="agent"),
                     ev(230.0, EventKind.WRAP_UP_DONE, via="ready")])
    marks = {m.name: m for m in long.marks}
    assert marks["talk_target"].passed and marks["talk_target"].t_s == 155.0
    assert marks["wrapup_target"].passed and marks["wrapup_target"].t_s == 220.0


def test_a_missed_call_has_only_the_ring_mark_and_it_extends_the_axis() -> None:
    tl = timeline([ev(0.0, EventKind.RINGING), ev(30.0, EventKind.RING_TIMEOUT)])
    assert [(m.name, m.passed) for m in tl.marks] == [("ring_limit", True)]
    abandoned = timeline([ev(0.0, EventKind.RINGING), ev(4.0, EventKind.ABANDONED)])
    assert [(m.name, m.passed) for m in abandoned.marks] == [("ring_limit", False)]
    talk_over = timeline([ev(0.0, EventKind.RINGING), ev(5.0, EventKind.ANSWERED)])
    assert talk_over.duration_s == 5.0  # an unfinished call: marks not passed do not stretch it


def test_hold_and_secure_pause_spans() -> None:
    tl = timeline(CALL)
    assert [(s.kind, s.start_s, s.end_s) for s in tl.spans] == [
        ("hold", 40.0, 55.0), ("secure_pause", 60.0, 72.0)]
    assert tl.secure_pause_at(60.0) and tl.secure_pause_at(71.9)
    assert not tl.secure_pause_at(72.0) and not tl.secure_pause_at(59.9)
    unresumed = timeline([ev(0.0, EventKind.RINGING), ev(2.0, EventKind.ANSWERED),
                          ev(10.0, EventKind.HELD), ev(30.0, EventKind.HUNG_UP, by="customer")])
    assert [(s.kind, s.start_s, s.end_s) for s in unresumed.spans] == [("hold", 10.0, 30.0)]


def test_backfilled_events_without_offsets_sit_at_zero() -> None:
    tl = timeline([CallEvent(EventKind.BACKFILLED, None, T0, {}),
                   CallEvent(EventKind.TICKET_SAVED, None, T0, {"number": "LJ-2"})])
    assert [e.t_s for e in tl.events] == [0.0, 0.0] and tl.marks == ()
    assert tl.form_at(0.0) == {}
