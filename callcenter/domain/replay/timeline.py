"""A call's events on a time axis, for QA replay.

Time zero is the call's first event with a monotonic offset (the first ring);
every position is in seconds from there. From the events this derives:

- the ticket form's state at any playhead position (FORM_EDITED events applied
  in order, up to and including the position), from checkpoints so a seek does
  not replay the whole call;
- the next and previous event from a position (jumping);
- the SLA marks: the ring limit (ring start + ring_limit rings), the talk target
  (answer + 150 s) and the wrap-up target (hang-up + 60 s), each saying whether
  the call passed it;
- the spans of hold and of secure pause (the recording was paused there).

Events without a monotonic offset (a back-filled call) sit at 0.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from types import MappingProxyType
from typing import Any, NamedTuple

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.clock import NS_PER_S
from callcenter.domain.ring_counter import RingCadence
from callcenter.domain.sla import SlaTargets

CHECKPOINT_EVERY = 64  # form edits between stored form states
SAME_INSTANT_S = 0.001  # "next" from an event's own position is the one after it


class ReplayEvent(NamedTuple):
    """A NamedTuple: a call has thousands, made on every open (a frozen dataclass
    costs several times as much to build)."""

    index: int  # type: ignore[assignment]  # the field shadows tuple.index, never called here
    kind: EventKind
    t_s: float
    at: datetime
    data: Mapping[str, Any]


_replay_event: Callable[[type[ReplayEvent], tuple[int, EventKind, float, datetime,
                                                  Mapping[str, Any]]], ReplayEvent] = tuple.__new__


@dataclass(frozen=True)
class SlaMark:
    name: str  # "ring_limit" | "talk_target" | "wrapup_target"
    t_s: float
    passed: bool  # the call went past it (a breach)


@dataclass(frozen=True)
class Span:
    kind: str  # "hold" | "secure_pause"
    start_s: float
    end_s: float


_T_S = itemgetter(2)  # ReplayEvent.t_s


def _first(events: Sequence[ReplayEvent], kind: EventKind) -> ReplayEvent | None:
    return next((e for e in events if e.kind is kind), None)


class Timeline:
    def __init__(self, events: Sequence[CallEvent], cadence: RingCadence, targets: SlaTargets) -> None:
        origin = min((e.mono_ns for e in events if e.mono_ns is not None), default=0)
        new, proxy = _replay_event, MappingProxyType
        evs = [new(ReplayEvent, (i, e.kind, 0.0 if e.mono_ns is None else (e.mono_ns - origin) / NS_PER_S,
                                 e.at, proxy(e.data) if isinstance(e.data, dict) else e.data))
               for i, e in enumerate(events)]
        evs.sort(key=_T_S)  # stable: at one instant, the record's order (the index)
        self.events: tuple[ReplayEvent, ...] = tuple(evs)
        self.times: list[float] = [e.t_s for e in evs]
        self.duration_s = self.times[-1] if self.times else 0.0
        self.marks = self._marks(cadence, targets)
        self.spans = self._spans()
        self.duration_s = max([self.duration_s] + [m.t_s for m in self.marks if m.passed])
        self._edits = [e for e in evs if e.kind is EventKind.FORM_EDITED]
        self._edit_times = [e.t_s for e in self._edits]
        self._checkpoints: list[dict[str, str]] = []  # the state after edit k*CHECKPOINT_EVERY-1
        state: dict[str, str] = {}
        for k, e in enumerate(self._edits):
            state[str(e.data.get("field", ""))] = str(e.data.get("value", ""))
            if (k + 1) % CHECKPOINT_EVERY == 0:
                self._checkpoints.append(dict(state))

    # ----- the form ----------------------------------------------------------
    def form_at(self, t_s: float) -> dict[str, str]:
        """The form's fields as they stood at ``t_s`` (edits at ``t_s`` included);
        a field never edited by then is absent."""
        n = bisect_right(self._edit_times, t_s)  # edits applied
        cp = n // CHECKPOINT_EVERY
        state = dict(self._checkpoints[cp - 1]) if cp else {}
        for e in self._edits[cp * CHECKPOINT_EVERY:n]:
            state[str(e.data.get("field", ""))] = str(e.data.get("value", ""))
        return state

    def last_edit_at(self, t_s: float) -> ReplayEvent | None:
        n = bisect_right(self._edit_times, t_s)
        return self._edits[n - 1] if n else None

    # ----- moving the playhead ----------------------------------------------
    def current(self, t_s: float) -> ReplayEvent | None:
        """The last event at or before ``t_s``."""
        n = bisect_right(self.times, t_s)
        return self.events[n - 1] if n else None

    def next_event(self, t_s: float) -> ReplayEvent | None:
        n = bisect_right(self.times, t_s + SAME_INSTANT_S)
        return self.events[n] if n < len(self.events) else None

    def previous_event(self, t_s: float) -> ReplayEvent | None:
        n = bisect_left(self.times, t_s - SAME_INSTANT_S)
        return self.events[n - 1] if n else None

    # ----- what is drawn -----------------------------------------------------
    def _marks(self, cadence: RingCadence, targets: SlaTargets) -> tuple[SlaMark, ...]:
        evs = self.events
        marks: list[SlaMark] = []
        ring = _first(evs, EventKind.RINGING)
        answer = _first(evs, EventKind.ANSWERED)
        hangup = _first(evs, EventKind.HUNG_UP)
        done = _first(evs, EventKind.WRAP_UP_DONE)
        if ring is not None:
            limit = ring.t_s + targets.ring_limit * cadence.cycle_s
            end = answer or _first(evs, EventKind.ABANDONED) or _first(evs, EventKind.RING_TIMEOUT)
            marks.append(SlaMark("ring_limit", limit, end is not None and end.t_s >= limit))
        if answer is not None:
            limit = answer.t_s + targets.talk_target_s
            marks.append(SlaMark("talk_target", limit, hangup is not None and hangup.t_s > limit))
        if hangup is not None:
            limit = hangup.t_s + targets.wrapup_target_s
            marks.append(SlaMark("wrapup_target", limit, done is not None and done.t_s > limit))
        return tuple(marks)

    def _spans(self) -> tuple[Span, ...]:
        spans: list[Span] = []
        open_at: dict[str, float] = {}
        # keyed by the kind's value: a str hashes in C, an Enum member in Python
        starts = {EventKind.HELD.value: "hold", EventKind.SECURE_PAUSED.value: "secure_pause"}
        ends = {EventKind.RESUMED.value: "hold", EventKind.SECURE_RESUMED.value: "secure_pause"}
        for e in self.events:
            v = e.kind._value_
            if v in starts:
                open_at.setdefault(starts[v], e.t_s)
            elif v in ends and ends[v] in open_at:
                spans.append(Span(ends[v], open_at.pop(ends[v]), e.t_s))
            elif e.kind is EventKind.HUNG_UP:
                spans += [Span(k, s, e.t_s) for k, s in open_at.items()]
                open_at.clear()
        spans += [Span(k, s, self.duration_s) for k, s in open_at.items()]
        return tuple(sorted(spans, key=lambda s: s.start_s))

    def secure_pause_at(self, t_s: float) -> bool:
        return any(s.kind == "secure_pause" and s.start_s <= t_s < s.end_s for s in self.spans)
