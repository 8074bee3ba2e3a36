"""Each automatic QA check on crafted event streams, present and absent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.qa import checks as c
from callcenter.domain.qa.checks import CheckResult, TicketFacts, run_checks

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
S = 1_000_000_000
AGENT = "1001"


class Stream:
    """Events at given seconds since the first ring."""

    def __init__(self) -> None:
        self.events: list[CallEvent] = []

    def at(self, secs: float, kind: EventKind, **data: Any) -> Stream:
        self.events.append(CallEvent(kind, int(secs * S), T0 + timedelta(seconds=secs), data))
        return self

    def edit(self, secs: float, field: str, value: str) -> Stream:
        return self.at(secs, EventKind.FORM_EDITED, field=field, value=value)


def good_call(ring_s: float = 5, talk_s: float = 60, wrap_s: float = 20, late: bool = False,
              category: str = "inquiry", dispatch: bool = False, calming: bool = False) -> Stream:
    s = Stream().at(0, EventKind.RINGING, caller="13800000000")
    s.at(ring_s, EventKind.ANSWERED, ring_s=ring_s, late=late)
    if late:
        s.at(ring_s, EventKind.SCRIPT_SHOWN, key="apology", text="对不起，让您久等了。")
    s.at(ring_s, EventKind.SCRIPT_SHOWN, key="greeting", text=f"您好，国网临江供电公司，{AGENT}号为您服务。")
    if calming:
        s.at(ring_s + 3, EventKind.SCRIPT_SHOWN, key="complaint_opening", text="非常理解您的心情")
    s.edit(ring_s + 5, "category", category)
    s.edit(ring_s + 10, "content", "问电费")
    s.edit(ring_s + 15, "caller_phone", "13800000000")
    end = ring_s + talk_s
    s.at(end, EventKind.HUNG_UP, by="customer")
    s.at(end + wrap_s, EventKind.TICKET_SAVED, ticket_id="t1", number="LJ-1")
    if dispatch:
        s.at(end + wrap_s, EventKind.DISPATCHED, department="repair", deadline_days=1)
    s.at(end + wrap_s, EventKind.WRAP_UP_DONE, via="dispatch" if dispatch else "ready")
    return s


def by_name(results: tuple[CheckResult, ...]) -> dict[str, CheckResult]:
    return {r.name: r for r in results}


def result(stream: Stream, name: str, ticket: TicketFacts | None = None) -> CheckResult:
    return by_name(run_checks(stream.events, AGENT, ticket))[name]


def kinds(stream: Stream, r: CheckResult) -> list[EventKind]:
    return [stream.events[i].kind for i in r.events]


def test_every_check_is_reported_in_order() -> None:
    results = run_checks(good_call().events, AGENT)
    assert tuple(r.name for r in results) == c.CHECK_NAMES


def test_a_clean_call_passes_everything() -> None:
    results = run_checks(good_call(late=True, dispatch=True, category="complaint",
                                   calming=True).events, AGENT)
    assert [r.name for r in results if not r.passed] == []
    assert all(r.applicable for r in results)


def test_late_answer_with_the_apology_first_passes() -> None:
    s = good_call(ring_s=20, late=True)
    r = result(s, c.LATE_APOLOGY)
    assert r.passed and r.applicable
    assert kinds(s, r) == [EventKind.ANSWERED, EventKind.SCRIPT_SHOWN]
    assert s.events[r.events[1]].data["key"] == "apology"


def test_late_answer_without_the_apology_fails() -> None:
    s = good_call(ring_s=20, late=True)
    s.events = [e for e in s.events if e.data.get("key") != "apology"]
    r = result(s, c.LATE_APOLOGY)
    assert not r.passed
    assert kinds(s, r) == [EventKind.ANSWERED, EventKind.SCRIPT_SHOWN]  # what came first


def test_the_apology_check_does_not_apply_to_an_answer_in_time() -> None:
    r = result(good_call(ring_s=5), c.LATE_APOLOGY)
    assert r.passed and not r.applicable and r.events == ()


def test_late_flag_absent_is_computed_from_the_ring_cadence() -> None:
    s = good_call(ring_s=16)  # 16 s: the 4th ring of 1 s on / 4 s off
    s.events[1] = CallEvent(EventKind.ANSWERED, 16 * S, T0, {})
    assert not result(s, c.LATE_APOLOGY).passed
    s.events[1] = CallEvent(EventKind.ANSWERED, 14 * S, T0, {})
    assert not result(s, c.LATE_APOLOGY).applicable


def test_late_greeting_with_and_without_the_agent_id() -> None:
    s = good_call(ring_s=20, late=True)
    r = result(s, c.LATE_GREETING_AGENT_ID)
    assert r.passed and kinds(s, r) == [EventKind.ANSWERED, EventKind.SCRIPT_SHOWN]
    no_id = "您好，国网临江供电公司95598，为您服务。"
    s.events = [CallEvent(e.kind, e.mono_ns, e.at, {**e.data, "text": no_id})
                if e.data.get("key") == "greeting" else e for e in s.events]
    r = result(s, c.LATE_GREETING_AGENT_ID)
    assert not r.passed and r.detail == "no_agent_id"
    s.events = [e for e in s.events if e.data.get("key") != "greeting"]
    r = result(s, c.LATE_GREETING_AGENT_ID)
    assert not r.passed and r.detail == "no_greeting"
    assert not result(good_call(ring_s=5), c.LATE_GREETING_AGENT_ID).applicable


@pytest.mark.parametrize(("talk_s", "passed"), [(150, True), (150.5, False), (30, True), (400, False)])
def test_talk_over_150_s(talk_s: float, passed: bool) -> None:
    s = good_call(talk_s=talk_s)
    r = result(s, c.TALK_TIME)
    assert r.passed is passed
    assert kinds(s, r) == [EventKind.ANSWERED, EventKind.HUNG_UP]


@pytest.mark.parametrize(("wrap_s", "passed"), [(60, True), (61, False), (5, True)])
def test_wrapup_over_60_s(wrap_s: float, passed: bool) -> None:
    s = good_call(wrap_s=wrap_s)
    r = result(s, c.WRAPUP_TIME)
    assert r.passed is passed
    assert kinds(s, r) == [EventKind.HUNG_UP, EventKind.WRAP_UP_DONE]


def test_agent_hung_up_first() -> None:
    s = good_call()
    r = result(s, c.CUSTOMER_HUNG_UP_FIRST)
    assert r.passed and kinds(s, r) == [EventKind.HUNG_UP]
    s.events = [CallEvent(e.kind, e.mono_ns, e.at, {"by": "agent"}) if e.kind is EventKind.HUNG_UP
                else e for e in s.events]
    r = result(s, c.CUSTOMER_HUNG_UP_FIRST)
    assert not r.passed and r.detail == "agent" and kinds(s, r) == [EventKind.HUNG_UP]


def test_a_transferred_call_is_not_the_agent_hanging_up_on_the_customer() -> None:
    s = good_call()
    s.events = [CallEvent(e.kind, e.mono_ns, e.at, {"by": "agent", "reason": "transferred"})
                if e.kind is EventKind.HUNG_UP else e for e in s.events]
    r = result(s, c.CUSTOMER_HUNG_UP_FIRST)
    assert not r.applicable and r.passed and r.events == ()


def test_unanswered_call_has_no_talk_or_hangup_checks() -> None:
    s = Stream().at(0, EventKind.RINGING).at(30, EventKind.RING_TIMEOUT)
    results = by_name(run_checks(s.events, AGENT))
    for name in (c.LATE_APOLOGY, c.TALK_TIME, c.WRAPUP_TIME, c.CUSTOMER_HUNG_UP_FIRST,
                 c.KEY_FIELDS_PRESENT, c.WRAPUP_WITH_TICKET, c.DISPATCH_CONTACT_PHONE):
        assert not results[name].applicable and results[name].passed


def test_key_fields_missing_from_the_stored_ticket() -> None:
    s = good_call()
    ok = result(s, c.KEY_FIELDS_PRESENT, TicketFacts("inquiry", "问电费", "13800000000"))
    assert ok.passed
    bad = result(s, c.KEY_FIELDS_PRESENT, TicketFacts("inquiry", "  ", ""))
    assert not bad.passed and bad.detail == "content,caller_phone"
    assert EventKind.TICKET_SAVED in kinds(s, bad)


def test_key_fields_missing_from_the_form_edits_alone() -> None:
    s = good_call()
    assert result(s, c.KEY_FIELDS_PRESENT).passed
    s.events = [e for e in s.events if e.data.get("field") != "content"]
    r = result(s, c.KEY_FIELDS_PRESENT)
    assert not r.passed and r.detail == "content"
    s2 = good_call()
    # cleared again before the save: the last value counts
    s2.events.insert(6, CallEvent(EventKind.FORM_EDITED, 40 * S, T0, {"field": "category", "value": ""}))
    assert result(s2, c.KEY_FIELDS_PRESENT).detail == "category"


def test_key_fields_changed_after_dispatch() -> None:
    s = good_call(dispatch=True)
    r = result(s, c.KEY_FIELDS_KEPT_AFTER_DISPATCH)
    assert r.passed and kinds(s, r) == [EventKind.DISPATCHED]
    s.edit(200, "content", "改了内容").edit(201, "address", "not a key field")
    r = result(s, c.KEY_FIELDS_KEPT_AFTER_DISPATCH)
    assert not r.passed and r.detail == "content"
    assert kinds(s, r) == [EventKind.DISPATCHED, EventKind.FORM_EDITED]
    assert not result(good_call(), c.KEY_FIELDS_KEPT_AFTER_DISPATCH).applicable


def test_dispatched_without_a_contact_phone() -> None:
    s = good_call(dispatch=True)
    r = result(s, c.DISPATCH_CONTACT_PHONE)
    assert r.passed and kinds(s, r) == [EventKind.FORM_EDITED, EventKind.DISPATCHED]
    r = result(s, c.DISPATCH_CONTACT_PHONE, TicketFacts("fault_repair", "停电", ""))
    assert not r.passed
    s.events = [e for e in s.events if e.data.get("field") != "caller_phone"]
    r = result(s, c.DISPATCH_CONTACT_PHONE)
    assert not r.passed and kinds(s, r) == [EventKind.DISPATCHED]
    assert not result(good_call(), c.DISPATCH_CONTACT_PHONE).applicable


def test_complaint_with_and_without_the_calming_script() -> None:
    s = good_call(category="complaint", calming=True)
    r = result(s, c.COMPLAINT_CALMING)
    assert r.passed and kinds(s, r) == [EventKind.SCRIPT_SHOWN]
    s = good_call(category="complaint")
    r = result(s, c.COMPLAINT_CALMING)
    assert not r.passed and kinds(s, r) == [EventKind.FORM_EDITED]
    # the stored ticket's category decides when there is one
    r = result(good_call(), c.COMPLAINT_CALMING, TicketFacts("complaint", "态度差", "13800000000"))
    assert not r.passed and kinds(good_call(), r) == [EventKind.TICKET_SAVED]
    assert not result(good_call(category="inquiry"), c.COMPLAINT_CALMING).applicable


def test_backfilled_ticket() -> None:
    s = Stream().at(0, EventKind.BACKFILLED, ticket_id="t", number="LJ-2")
    s.events[0] = CallEvent(EventKind.BACKFILLED, None, T0, {"ticket_id": "t"})
    r = result(s, c.NOT_BACKFILLED, TicketFacts("inquiry", "补录", "13800000000", backfilled=True))
    assert not r.passed and kinds(s, r) == [EventKind.BACKFILLED]
    assert result(good_call(), c.NOT_BACKFILLED).passed
    # the ticket's flag alone is proof enough
    assert not result(good_call(), c.NOT_BACKFILLED,
                      TicketFacts("inquiry", "x", "1", backfilled=True)).passed


def test_wrapup_ended_without_a_ticket() -> None:
    s = good_call()
    r = result(s, c.WRAPUP_WITH_TICKET)
    assert r.passed and kinds(s, r) == [EventKind.TICKET_SAVED, EventKind.WRAP_UP_DONE]
    s = Stream().at(0, EventKind.RINGING).at(5, EventKind.ANSWERED, late=False)
    s.at(60, EventKind.HUNG_UP, by="customer")
    s.at(70, EventKind.WRAP_UP_DONE, via="busy", no_ticket_reason="wrong_number")
    r = result(s, c.WRAPUP_WITH_TICKET)
    assert not r.passed and r.detail == "wrong_number" and kinds(s, r) == [EventKind.WRAP_UP_DONE]
