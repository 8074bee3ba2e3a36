"""Append-only call events and what the SLA derives from them.

Every step of a call is an event with a monotonic offset (for durations) and a
UTC time (for the record). Durations and breaches are computed here from the
events, never from UI state or timer ticks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from .clock import NS_PER_S
from .ring_counter import RingCadence, answered_within_limit
from .sla import SlaTargets


class EventKind(Enum):
    RINGING = "ringing"
    ANSWERED = "answered"
    SCRIPT_SHOWN = "script_shown"  # data: {"key", "text"[, "script_id", "version", "phase"]}
    SCRIPT_STEP = "script_step"  # data: {"script_id", "step_id", "answer"[, "label", "outcome"]}
    HELD = "held"
    RESUMED = "resumed"
    HUNG_UP = "hung_up"  # data: {"by": "agent" | "customer"[, "reason": "transferred"]}
    # transfer (domain/transfer.py): data {"mode": "blind" | "consult", "target"}; the
    # target's steps carry {"target"[, "code"]}; a consult also records HELD/RESUMED
    TRANSFER_REQUESTED = "transfer_requested"
    TRANSFER_RINGING = "transfer_ringing"
    TRANSFER_ANSWERED = "transfer_answered"
    TRANSFER_REFUSED = "transfer_refused"
    TRANSFER_COMPLETED = "transfer_completed"  # then HUNG_UP by the agent, reason transferred
    TRANSFER_RETURNED = "transfer_returned"  # 取回: the customer is back with the agent
    ABANDONED = "abandoned"  # the customer hung up while it rang
    RING_TIMEOUT = "ring_timeout"  # nobody answered; the call went back to the queue
    TICKET_SAVED = "ticket_saved"  # data: {"ticket_id", "number"}
    DISPATCHED = "dispatched"  # data: {"ticket_id", "department", "deadline_days"}
    WRAP_UP_DONE = "wrap_up_done"  # data: {"via": "ready" | "dispatch" | "busy"}
    # the ticket form during the call, debounced (services/replay/form_edits.py); the
    # value is what was typed (masked on display by the viewer's policy). data:
    # {"field": str, "value": str}
    FORM_EDITED = "form_edited"
    # the agent paused the recording while the customer gave an ID number (secure
    # pause); the replay shows the gap and plays a tone there
    SECURE_PAUSED = "secure_paused"
    SECURE_RESUMED = "secure_resumed"
    BACKFILLED = "backfilled"  # a ticket entered later for a call taken while the system was down
    # the app stopped (kill -9, power) with the call open; closed on the next start
    # (services/calls/recovery.py). data: {"last_event_at"}; mono_ns None: not observed
    CLOSED_BY_RECOVERY = "closed_by_recovery"


class Outcome(Enum):
    RINGING = "ringing"
    ANSWERED = "answered"
    MISSED = "missed"
    ABANDONED = "abandoned"
    BACKFILLED = "backfilled"


@dataclass(frozen=True)
class CallEvent:
    kind: EventKind
    mono_ns: int | None  # None only for back-filled calls: the offset was never observed
    at: datetime  # UTC
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CallSummary:
    outcome: Outcome
    ring_s: float | None
    talk_s: float | None
    hold_s: float | None
    wrapup_s: float | None
    hung_up_by: str | None
    late_answer: bool
    talk_over: bool
    wrapup_over: bool


def _first(events: Iterable[CallEvent], kind: EventKind) -> CallEvent | None:
    return next((e for e in events if e.kind is kind), None)


def _secs(a: CallEvent | None, b: CallEvent | None) -> float | None:
    if a is None or b is None or a.mono_ns is None or b.mono_ns is None:
        return None
    return (b.mono_ns - a.mono_ns) / NS_PER_S


def _hold_s(events: list[CallEvent]) -> float:
    total = 0.0
    held_at: int | None = None
    for e in events:
        if e.mono_ns is None:
            continue
        if e.kind is EventKind.HELD:
            held_at = e.mono_ns
        elif e.kind in (EventKind.RESUMED, EventKind.HUNG_UP) and held_at is not None:
            total += (e.mono_ns - held_at) / NS_PER_S
            held_at = None
    return total


def summarize(
    events: Iterable[CallEvent], cadence: RingCadence, targets: SlaTargets
) -> CallSummary:
    evs = list(events)
    ring = _first(evs, EventKind.RINGING)
    answer = _first(evs, EventKind.ANSWERED)
    hangup = _first(evs, EventKind.HUNG_UP)
    done = _first(evs, EventKind.WRAP_UP_DONE)
    if _first(evs, EventKind.BACKFILLED) is not None:
        outcome = Outcome.BACKFILLED
    elif answer is not None:
        outcome = Outcome.ANSWERED
    elif _first(evs, EventKind.RING_TIMEOUT) is not None:
        outcome = Outcome.MISSED
    elif _first(evs, EventKind.ABANDONED) is not None:
        outcome = Outcome.ABANDONED
    elif _first(evs, EventKind.CLOSED_BY_RECOVERY) is not None:
        outcome = Outcome.MISSED  # it rang and the app stopped: nobody answered it
    else:
        outcome = Outcome.RINGING
    ring_s = _secs(ring, answer)
    talk_s = _secs(answer, hangup)
    wrapup_s = _secs(hangup, done)
    late = ring_s is not None and not answered_within_limit(ring_s, cadence, targets.ring_limit)
    return CallSummary(
        outcome=outcome,
        ring_s=ring_s,
        talk_s=talk_s,
        hold_s=_hold_s(evs) if answer is not None else None,
        wrapup_s=wrapup_s,
        hung_up_by=(
            str(hangup.data["by"]) if hangup is not None and hangup.data.get("by") else None
        ),
        late_answer=late,
        talk_over=talk_s is not None and talk_s > targets.talk_target_s,
        wrapup_over=wrapup_s is not None and wrapup_s > targets.wrapup_target_s,
    )


@dataclass(frozen=True)
class ShiftStats:
    """What the status bar shows for the agent's shift."""

    calls: int
    answered: int
    answered_within_limit_pct: float | None
    avg_talk_s: float | None
    wrapups: int
    wrapup_within_target_pct: float | None


def shift_stats(summaries: Iterable[CallSummary]) -> ShiftStats:
    rows = [s for s in summaries if s.outcome is not Outcome.BACKFILLED]
    answered = [s for s in rows if s.outcome is Outcome.ANSWERED]
    missed = [s for s in rows if s.outcome is Outcome.MISSED]
    offered = len(answered) + len(missed)
    within = sum(1 for s in answered if not s.late_answer)
    talks = [s.talk_s for s in answered if s.talk_s is not None]
    wraps = [s for s in answered if s.wrapup_s is not None]
    return ShiftStats(
        calls=len(rows),
        answered=len(answered),
        answered_within_limit_pct=(100.0 * within / offered) if offered else None,
        avg_talk_s=(sum(talks) / len(talks)) if talks else None,
        wrapups=len(wraps),
        wrapup_within_target_pct=(
            100.0 * sum(1 for s in wraps if not s.wrapup_over) / len(wraps) if wraps else None
        ),
    )
