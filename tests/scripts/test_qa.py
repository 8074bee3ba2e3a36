"""QA can tell from the recorded events whether the apology came first after a late answer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.scripts.qa import apology_after_late_answer, steps_answered

AT = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def ev(kind: EventKind, **data: Any) -> CallEvent:
    return CallEvent(kind, 0, AT, data)


def test_apology_first_after_late_answer() -> None:
    evs = [ev(EventKind.RINGING), ev(EventKind.ANSWERED, late=True),
           ev(EventKind.SCRIPT_SHOWN, key="apology"), ev(EventKind.SCRIPT_SHOWN, key="greeting")]
    assert apology_after_late_answer(evs) is True


def test_missing_or_late_apology_is_caught() -> None:
    greeting_first = [ev(EventKind.ANSWERED, late=True), ev(EventKind.SCRIPT_SHOWN, key="greeting"),
                      ev(EventKind.SCRIPT_SHOWN, key="apology")]
    assert apology_after_late_answer(greeting_first) is False
    assert apology_after_late_answer([ev(EventKind.ANSWERED, late=True)]) is False


def test_nothing_to_check_when_answered_in_time_or_not_at_all() -> None:
    assert apology_after_late_answer([ev(EventKind.ANSWERED, late=False)]) is None
    assert apology_after_late_answer([ev(EventKind.RINGING), ev(EventKind.ABANDONED)]) is None


def test_steps_in_answer_order() -> None:
    evs = [ev(EventKind.SCRIPT_STEP, script_id="t", step_id="a", answer="1"),
           ev(EventKind.SCRIPT_STEP, script_id="other", step_id="x", answer="9"),
           ev(EventKind.SCRIPT_STEP, script_id="t", step_id="b", answer="2")]
    assert steps_answered(evs, "t") == [("a", "1"), ("b", "2")]
