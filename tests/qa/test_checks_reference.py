"""The one-pass checks agree with the reference (the checks as first written),
result for result: on the benchmark's generated calls and on random event
streams that break every assumption (any order, missing offsets, odd payloads)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from callcenter.bench.qa_checks import synthetic_calls
from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.qa import checks
from callcenter.domain.qa.checks import CheckRules, TicketFacts, run_checks
from callcenter.domain.ring_counter import RingCadence
from callcenter.domain.sla import SlaTargets
from tests.qa import reference_checks

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
FIELDS = ("category", "content", "caller_phone", "address", "", None, 7)
VALUES = ("complaint", "inquiry", "", "  ", "13800000000", "问电费", None, 3)
KEYS = ("apology", "greeting", "complaint_opening", "closing", None)
RULES = (CheckRules(), CheckRules(RingCadence(), SlaTargets(ring_limit=2, talk_target_s=30.0)))


def random_event(rng: random.Random, t: float) -> CallEvent:
    kind = rng.choice(tuple(EventKind))
    data: dict[str, Any] = {}
    if kind is EventKind.FORM_EDITED:
        if rng.random() < 0.95:
            data["field"] = rng.choice(FIELDS)
        data["value"] = rng.choice(VALUES)
    elif kind is EventKind.SCRIPT_SHOWN:
        data["key"] = rng.choice(KEYS)
        data["text"] = rng.choice(("您好，1001号为您服务。", "对不起，让您久等了。", "", None))
    elif kind is EventKind.ANSWERED:
        if rng.random() < 0.7:
            data["late"] = rng.choice((True, False, None))
    elif kind is EventKind.HUNG_UP:
        data["by"] = rng.choice(("agent", "customer", None, ""))
        if rng.random() < 0.3:
            data["reason"] = rng.choice(("transferred", "normal", None))
    elif kind is EventKind.WRAP_UP_DONE and rng.random() < 0.5:
        data["no_ticket_reason"] = rng.choice(("wrong_number", ""))
    mono = None if rng.random() < 0.05 else int(t * 1e9)
    return CallEvent(kind, mono, T0 + timedelta(seconds=t), data)


def random_call(rng: random.Random) -> tuple[list[CallEvent], str, TicketFacts | None]:
    t = 0.0
    events = []
    for _ in range(rng.randrange(0, 25)):
        t += rng.choice((0.0, 0.5, 3.0, 20.0, 90.0))
        events.append(random_event(rng, t))
    ticket = None
    if rng.random() < 0.4:
        ticket = TicketFacts(rng.choice(("complaint", "inquiry", "")), rng.choice(("问电费", " ")),
                             rng.choice(("13800000000", "")), rng.random() < 0.2)
    return events, rng.choice(("1001", "")), ticket


def test_the_generated_calls_get_the_reference_results() -> None:
    n = 0
    for call in synthetic_calls(20_000, seed=95598):
        got = run_checks(call.events, call.agent_id, call.ticket)
        assert got == reference_checks.run_checks(call.events, call.agent_id, call.ticket), call
        n += any(not r.passed for r in got)
    assert n > 1000  # the calls do break the rules


@pytest.mark.parametrize("seed", range(4))
def test_random_streams_get_the_reference_results(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5_000):
        events, agent, ticket = random_call(rng)
        rules = rng.choice(RULES)
        want = reference_checks.run_checks(events, agent, ticket, rules)
        assert run_checks(events, agent, ticket, rules) == want, (events, agent, ticket)


def test_results_stay_right_when_the_intern_table_starts_over(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "INTERN_MAX", 8)
    rng = random.Random(7)
    for _ in range(2_000):
        events, agent, ticket = random_call(rng)
        assert run_checks(events, agent, ticket) == reference_checks.run_checks(events, agent, ticket)
    assert len(checks._INTERNED) <= 8


def test_equal_results_are_one_object() -> None:
    a, b = (run_checks(c.events, c.agent_id, c.ticket) for c in synthetic_calls(2, seed=1))
    assert a[checks.CHECK_NAMES.index(checks.NOT_BACKFILLED)] is \
        b[checks.CHECK_NAMES.index(checks.NOT_BACKFILLED)]
