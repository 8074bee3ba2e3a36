"""The automatic QA checks, computed from a call's events (and its ticket, if any).

Issue 14, rules sections 1, 4 and 7: answered after the ring limit without the
apology (004 Q56); talk over 150 s (Q57); wrap-up over 60 s (Q58); the agent
hung up first (Q15); key fields (category, content, contact) missing, or changed
after dispatch; dispatched without a contact phone; a complaint without the
calming script; a back-filled ticket; a wrap-up ended without a ticket; a
late-answer greeting without the agent ID.

Each result names the events that prove it (indexes into the call's event list)
so a replay can jump there. A check that does not apply to a call (no late
answer, no dispatch, ...) is ``applicable=False`` and passes. One pass over the
events gathers what every check reads, and equal results are shared, so a call
costs some microseconds and a batch of calls leaves little for the garbage
collector (``callcenter bench qa-checks``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..call_events import CallEvent, EventKind
from ..clock import NS_PER_S
from ..ring_counter import RingCadence, answered_within_limit
from ..sla import SlaTargets

LATE_APOLOGY = "late_answer_apology"
TALK_TIME = "talk_time"
WRAPUP_TIME = "wrapup_time"
CUSTOMER_HUNG_UP_FIRST = "customer_hung_up_first"
KEY_FIELDS_PRESENT = "key_fields_present"
KEY_FIELDS_KEPT_AFTER_DISPATCH = "key_fields_kept_after_dispatch"
DISPATCH_CONTACT_PHONE = "dispatch_contact_phone"
COMPLAINT_CALMING = "complaint_calming_script"
NOT_BACKFILLED = "not_backfilled"
WRAPUP_WITH_TICKET = "wrapup_with_ticket"
LATE_GREETING_AGENT_ID = "late_greeting_agent_id"

# in the order they are shown to the reviewer
CHECK_NAMES: tuple[str, ...] = (
    LATE_APOLOGY, LATE_GREETING_AGENT_ID, TALK_TIME, WRAPUP_TIME, CUSTOMER_HUNG_UP_FIRST,
    KEY_FIELDS_PRESENT, KEY_FIELDS_KEPT_AFTER_DISPATCH, DISPATCH_CONTACT_PHONE,
    COMPLAINT_CALMING, NOT_BACKFILLED, WRAPUP_WITH_TICKET,
)

# rules §1 (004 Q58): business category, content, customer contact
KEY_FIELDS: tuple[str, ...] = ("category", "content", "caller_phone")
CONTACT_FIELD = "caller_phone"
COMPLAINT = "complaint"
APOLOGY_KEY = "apology"
GREETING_KEY = "greeting"
CALMING_KEY = "complaint_opening"


@dataclass(frozen=True)
class TicketFacts:
    """What the checks read of the ticket saved for the call (from the store)."""

    category: str
    content: str
    caller_phone: str
    backfilled: bool = False


@dataclass(frozen=True)
class CheckRules:
    cadence: RingCadence = RingCadence()
    targets: SlaTargets = SlaTargets()


class CheckResult(NamedTuple):
    """A NamedTuple: a call makes eleven of them, and 100,000 calls a second
    need them cheap (a frozen dataclass costs three times as much to build)."""

    name: str
    passed: bool
    events: tuple[int, ...]  # indexes into the call's events: the proof
    applicable: bool = True
    detail: str = ""  # e.g. the fields missing, the seconds over


def _secs(events: Sequence[CallEvent], a: int | None, b: int | None) -> float | None:
    if a is None or b is None:
        return None
    x, y = events[a].mono_ns, events[b].mono_ns
    if x is None or y is None:
        return None
    return (y - x) / NS_PER_S


_NOT_APPLICABLE = {n: CheckResult(n, True, (), applicable=False) for n in CHECK_NAMES}

_Fields = tuple[str, bool, tuple[int, ...], bool, str]
# a result built straight from its five fields: ``tuple.__new__`` runs in C, where
# the NamedTuple's own ``__new__`` (for its defaults) is a Python call per result
_make: Callable[[type[CheckResult], _Fields], CheckResult] = tuple.__new__
# Equal results are one object. Why: a CheckResult (a tuple subclass) stays tracked
# by the garbage collector for life, where a plain tuple of numbers and strings is
# dropped from it; checking 100,000 calls kept ~700,000 of them, enough survivors to
# set off full collections that walked every object of the process (over half the
# time of ``callcenter bench qa-checks``). Most results repeat (the same check, the
# same event indexes, the same detail): interned, a batch keeps few new objects.
_INTERNED: dict[_Fields, CheckResult] = {}
INTERN_MAX = 1 << 16  # then the table starts over (a bound on memory, not a cache policy)


def _result(fields: _Fields) -> CheckResult:
    r = _INTERNED.get(fields)
    if r is None:
        if len(_INTERNED) >= INTERN_MAX:
            _INTERNED.clear()
        r = _INTERNED[fields] = _make(CheckResult, fields)
    return r

_RINGING, _ANSWERED, _HUNG_UP = EventKind.RINGING, EventKind.ANSWERED, EventKind.HUNG_UP
_DONE, _SAVED, _BACKFILLED = EventKind.WRAP_UP_DONE, EventKind.TICKET_SAVED, EventKind.BACKFILLED
_DISPATCHED, _SCRIPT, _EDIT = EventKind.DISPATCHED, EventKind.SCRIPT_SHOWN, EventKind.FORM_EDITED
# the kinds whose first occurrence a check reads, by their value (a str hashes in C,
# an Enum member in Python)
_FIRSTS = frozenset(k.value for k in (_RINGING, _ANSWERED, _HUNG_UP, _DONE, _SAVED, _BACKFILLED,
                                      _DISPATCHED))


def _late(events: Sequence[CallEvent], answer: int | None, ring: int | None,
          rules: CheckRules) -> int | None:
    """The index of the answer if it came after the ring limit, else None."""
    if answer is None:
        return None
    recorded = events[answer].data.get("late")
    if recorded is not None:
        return answer if recorded else None
    ring_s = _secs(events, ring, answer)
    if ring_s is None:
        return None
    return None if answered_within_limit(ring_s, rules.cadence, rules.targets.ring_limit) else answer


def run_checks(events: Sequence[CallEvent], agent_id: str, ticket: TicketFacts | None = None,
               rules: CheckRules = CheckRules()) -> tuple[CheckResult, ...]:
    """Every automatic check of one call, in ``CHECK_NAMES`` order.

    One pass over the events gathers all the checks read: the first event of each
    kind that matters, the scripts shown, the form as edited up to the ticket's
    save, and the key fields edited after the dispatch. Each event's payload is
    read at most once there (the checks afterwards read a few named events)."""
    first: dict[str, int] = {}
    scripts: list[int] = []
    form: dict[str, tuple[str, int]] = {}  # field -> (last value, its index) before the save
    changed: list[int] = []  # key fields edited after the dispatch
    saved: int | None = None
    disp: int | None = None
    firsts, key_fields = _FIRSTS, KEY_FIELDS
    script, edit, save, dispatched = _SCRIPT, _EDIT, _SAVED, _DISPATCHED
    for i, e in enumerate(events):
        k = e.kind
        if k is edit:
            if saved is None or disp is not None:
                data = e.data
                field = data.get("field", "")
                if saved is None:
                    form[str(field)] = (str(data.get("value", "")), i)
                if disp is not None and field in key_fields:
                    changed.append(i)
        elif k is script:
            scripts.append(i)
        else:
            v = k._value_
            if v in firsts and v not in first:
                first[v] = i
                if k is save:
                    saved = i
                elif k is dispatched:
                    disp = i
    new = _result
    na = _NOT_APPLICABLE
    answer = first.get("answered")
    hangup = first.get("hung_up")
    done = first.get("wrap_up_done")
    backfill = first.get("backfilled")
    late = _late(events, answer, first.get("ringing"), rules)

    # 004 Q56: after a late answer the apology comes before anything else;
    # and a late answer still greets with the agent's ID (工号)
    if late is None:
        r_apology, r_greeting = na[LATE_APOLOGY], na[LATE_GREETING_AGENT_ID]
    else:
        after = [i for i in scripts if i > late]
        ok = bool(after) and events[after[0]].data.get("key") == APOLOGY_KEY
        r_apology = new((LATE_APOLOGY, ok, (late, after[0]) if after else (late,), True,
                            "" if ok else "no_apology_first"))
        greet = next((i for i in after if events[i].data.get("key") == GREETING_KEY), None)
        if greet is None:
            r_greeting = new((LATE_GREETING_AGENT_ID, False, (late,), True, "no_greeting"))
        else:
            ok = bool(agent_id) and agent_id in str(events[greet].data.get("text", ""))
            r_greeting = new((LATE_GREETING_AGENT_ID, ok, (late, greet), True,
                                 "" if ok else "no_agent_id"))

    # 004 Q57 / Q58: the talk and wrap-up targets
    secs = _secs(events, answer, hangup)
    if secs is None or answer is None or hangup is None:
        r_talk = na[TALK_TIME]
    else:
        r_talk = new((TALK_TIME, secs <= rules.targets.talk_target_s, (answer, hangup), True,
                         f"{secs:.1f}s"))
    secs = _secs(events, hangup, done)
    if secs is None or hangup is None or done is None:
        r_wrap = na[WRAPUP_TIME]
    else:
        r_wrap = new((WRAPUP_TIME, secs <= rules.targets.wrapup_target_s, (hangup, done), True,
                         f"{secs:.1f}s"))

    # 004 Q15: the customer hangs up first; a transfer (转接) ends the agent's leg by design
    if hangup is None or events[hangup].data.get("reason") == "transferred":
        r_hangup = na[CUSTOMER_HUNG_UP_FIRST]
    else:
        by = events[hangup].data.get("by")
        r_hangup = new((CUSTOMER_HUNG_UP_FIRST, by != "agent", (hangup,), True, str(by or "")))

    # the ticket's key fields: the stored ticket, else the form as edited up to the save
    if ticket is not None:
        category, content, phone = ticket.category, ticket.content, ticket.caller_phone
    else:
        category = form["category"][0] if "category" in form else ""
        content = form["content"][0] if "content" in form else ""
        phone = form[CONTACT_FIELD][0] if CONTACT_FIELD in form else ""
    proof_at = saved if saved is not None else backfill
    if ticket is None and saved is None and backfill is None:
        r_fields = na[KEY_FIELDS_PRESENT]
    else:
        missing = [f for f, v in (("category", category), ("content", content),
                                  (CONTACT_FIELD, phone)) if not v.strip()]
        at = {form[f][1] for f in KEY_FIELDS if f in form}
        if proof_at is not None:
            at.add(proof_at)
        r_fields = new((KEY_FIELDS_PRESENT, not missing, tuple(sorted(at)), True,
                           ",".join(missing)))

    # key fields edited after the dispatch (the department got other facts)
    if disp is None:
        r_kept, r_contact = na[KEY_FIELDS_KEPT_AFTER_DISPATCH], na[DISPATCH_CONTACT_PHONE]
    else:
        fields = sorted({str(events[i].data.get("field")) for i in changed}) if changed else ()
        r_kept = new((KEY_FIELDS_KEPT_AFTER_DISPATCH, not changed, (disp, *changed), True,
                         ",".join(fields)))
        proof = (disp, form[CONTACT_FIELD][1]) if CONTACT_FIELD in form else (disp,)
        r_contact = new((DISPATCH_CONTACT_PHONE, bool(phone.strip()), tuple(sorted(proof)),
                            True, ""))

    # rules §7 (000): a complaint: calm the customer first
    if category != COMPLAINT:
        r_calm = na[COMPLAINT_CALMING]
    else:
        calm = next((i for i in scripts if events[i].data.get("key") == CALMING_KEY), None)
        if calm is not None:
            r_calm = new((COMPLAINT_CALMING, True, (calm,), True, ""))
        else:
            edited = form.get("category")
            where = edited[1] if edited is not None and edited[0] == COMPLAINT else proof_at
            r_calm = new((COMPLAINT_CALMING, False, (where,) if where is not None else (),
                             True, ""))

    # rules §4 (004 Q61): back-filled tickets are checked every month
    is_backfill = backfill is not None or (ticket is not None and ticket.backfilled)
    r_backfill = new((NOT_BACKFILLED, not is_backfill,
                         (backfill,) if backfill is not None else (), True, ""))

    # a wrap-up ended (set busy) without a ticket
    if done is None:
        r_ticket = na[WRAPUP_WITH_TICKET]
    else:
        ok = saved is not None or ticket is not None
        reason = "" if ok else str(events[done].data.get("no_ticket_reason", ""))
        r_ticket = new((WRAPUP_WITH_TICKET, ok, (saved, done) if saved is not None else (done,),
                           True, reason))
    return (r_apology, r_greeting, r_talk, r_wrap, r_hangup, r_fields, r_kept, r_contact, r_calm,
            r_backfill, r_ticket)


def failed(results: Sequence[CheckResult]) -> tuple[CheckResult, ...]:
    return tuple(r for r in results if not r.passed)
