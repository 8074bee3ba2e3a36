"""What QA reads back from a call's events about the scripts (the record, not the UI).

004 Q56: after a late answer, "对不起，让您久等了。" comes before anything else.
The desk records the answer (with ``late``) and every script line shown, in
order, so this is decidable from the events alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..call_events import CallEvent, EventKind


def apology_after_late_answer(events: Iterable[CallEvent]) -> bool | None:
    """None if the call was not answered late (nothing to check); True if the
    first script shown after the late answer was the apology; False otherwise."""
    answered = False
    for e in events:
        if e.kind is EventKind.ANSWERED:
            if not e.data.get("late"):
                return None
            answered = True
        elif answered and e.kind is EventKind.SCRIPT_SHOWN:
            return e.data.get("key") == "apology"
    return False if answered else None


def steps_answered(events: Iterable[CallEvent], script_id: str) -> list[tuple[str, str]]:
    """(step, answer) of a guided script in the order the agent answered them."""
    return [(str(e.data.get("step_id")), str(e.data.get("answer"))) for e in events
            if e.kind is EventKind.SCRIPT_STEP and e.data.get("script_id") == script_id]
