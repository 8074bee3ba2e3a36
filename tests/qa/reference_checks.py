"""The automatic checks as they were before they were made one pass (issue 14's
speed work), with the rules added since (a transferred hang-up is n/a for the
customer-hung-up-first check): the reference the fast ``domain.qa.checks.run_checks``
must agree with, result for result, on generated and random calls
(test_checks_reference). A new rule goes into both."""

from __future__ import annotations

from collections.abc import Sequence

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.clock import NS_PER_S
from callcenter.domain.qa.checks import (
    APOLOGY_KEY,
    CALMING_KEY,
    CHECK_NAMES,
    COMPLAINT,
    COMPLAINT_CALMING,
    CONTACT_FIELD,
    CUSTOMER_HUNG_UP_FIRST,
    DISPATCH_CONTACT_PHONE,
    GREETING_KEY,
    KEY_FIELDS,
    KEY_FIELDS_KEPT_AFTER_DISPATCH,
    KEY_FIELDS_PRESENT,
    LATE_APOLOGY,
    LATE_GREETING_AGENT_ID,
    NOT_BACKFILLED,
    TALK_TIME,
    WRAPUP_TIME,
    WRAPUP_WITH_TICKET,
    CheckResult,
    CheckRules,
    TicketFacts,
)
from callcenter.domain.ring_counter import answered_within_limit


def _secs(events: Sequence[CallEvent], a: int | None, b: int | None) -> float | None:
    if a is None or b is None:
        return None
    x, y = events[a].mono_ns, events[b].mono_ns
    if x is None or y is None:
        return None
    return (y - x) / NS_PER_S


_NOT_APPLICABLE = {n: CheckResult(n, True, (), applicable=False) for n in CHECK_NAMES}


def _na(name: str) -> CheckResult:
    return _NOT_APPLICABLE[name]


_RINGING, _ANSWERED, _HUNG_UP = EventKind.RINGING.value, EventKind.ANSWERED.value, EventKind.HUNG_UP.value
_DONE, _SAVED, _BACKFILLED = (EventKind.WRAP_UP_DONE.value, EventKind.TICKET_SAVED.value,
                              EventKind.BACKFILLED.value)
_DISPATCHED = EventKind.DISPATCHED.value


class _Index:
    """One pass over the events: first of each kind, scripts and form edits."""

    __slots__ = ("first", "scripts", "edits", "dispatch")

    def __init__(self, events: Sequence[CallEvent]) -> None:
        # keyed by the kind's value: a str hashes in C, an Enum member in Python
        first: dict[str, int] = {}
        scripts: list[int] = []
        edits: list[int] = []
        script, edit = EventKind.SCRIPT_SHOWN, EventKind.FORM_EDITED
        for i, e in enumerate(events):
            k = e.kind
            if k is script:
                scripts.append(i)
            elif k is edit:
                edits.append(i)
            v = k._value_
            if v not in first:
                first[v] = i
        self.first = first
        self.scripts = scripts
        self.edits = edits
        self.dispatch = first.get(_DISPATCHED)


def _form_state(events: Sequence[CallEvent], edits: list[int], until: int | None
                ) -> dict[str, tuple[str, int]]:
    """field -> (last value, its event index) of the form edits before ``until``."""
    state: dict[str, tuple[str, int]] = {}
    for i in edits:
        if until is not None and i > until:
            break
        data = events[i].data
        state[str(data.get("field", ""))] = (str(data.get("value", "")), i)
    return state


def _late(events: Sequence[CallEvent], ix: _Index, rules: CheckRules) -> int | None:
    """The index of the answer if it came after the ring limit, else None."""
    a = ix.first.get(_ANSWERED)
    if a is None:
        return None
    recorded = events[a].data.get("late")
    if recorded is not None:
        return a if recorded else None
    ring_s = _secs(events, ix.first.get(_RINGING), a)
    if ring_s is None:
        return None
    return None if answered_within_limit(ring_s, rules.cadence, rules.targets.ring_limit) else a


def run_checks(events: Sequence[CallEvent], agent_id: str, ticket: TicketFacts | None = None,
               rules: CheckRules = CheckRules()) -> tuple[CheckResult, ...]:  # noqa: B008
    """Every automatic check of one call, in ``CHECK_NAMES`` order."""
    ix = _Index(events)
    first = ix.first
    answer = first.get(_ANSWERED)
    hangup = first.get(_HUNG_UP)
    done = first.get(_DONE)
    saved = first.get(_SAVED)
    backfill = first.get(_BACKFILLED)
    late = _late(events, ix, rules)
    after = [i for i in ix.scripts if late is not None and i > late]
    out: list[CheckResult] = []

    # 004 Q56: after a late answer the apology comes before anything else
    if late is None:
        out.append(_na(LATE_APOLOGY))
    else:
        ok = bool(after) and events[after[0]].data.get("key") == APOLOGY_KEY
        out.append(CheckResult(LATE_APOLOGY, ok, (late, after[0]) if after else (late,),
                               detail="" if ok else "no_apology_first"))

    # a late answer still greets with the agent's ID (工号)
    if late is None:
        out.append(_na(LATE_GREETING_AGENT_ID))
    else:
        greet = next((i for i in after if events[i].data.get("key") == GREETING_KEY), None)
        if greet is None:
            out.append(CheckResult(LATE_GREETING_AGENT_ID, False, (late,), detail="no_greeting"))
        else:
            ok = bool(agent_id) and agent_id in str(events[greet].data.get("text", ""))
            out.append(CheckResult(LATE_GREETING_AGENT_ID, ok, (late, greet),
                                   detail="" if ok else "no_agent_id"))

    # 004 Q57 / Q58: the talk and wrap-up targets
    for name, a, b, limit in ((TALK_TIME, answer, hangup, rules.targets.talk_target_s),
                              (WRAPUP_TIME, hangup, done, rules.targets.wrapup_target_s)):
        secs = _secs(events, a, b)
        if secs is None or a is None or b is None:
            out.append(_na(name))
        else:
            ok = secs <= limit
            out.append(CheckResult(name, ok, (a, b), detail=f"{secs:.1f}s"))

    # 004 Q15: the customer hangs up first; a transfer (转接) ends the agent's leg by design
    if hangup is None or events[hangup].data.get("reason") == "transferred":
        out.append(_na(CUSTOMER_HUNG_UP_FIRST))
    else:
        by = events[hangup].data.get("by")
        out.append(CheckResult(CUSTOMER_HUNG_UP_FIRST, by != "agent", (hangup,),
                               detail=str(by or "")))

    # the ticket's key fields: the stored ticket, else the form as edited up to the save
    form = _form_state(events, ix.edits, saved)
    has_ticket = ticket is not None or saved is not None or backfill is not None
    if ticket is not None:
        values = {"category": ticket.category, "content": ticket.content,
                  "caller_phone": ticket.caller_phone}
    else:
        values = {f: form[f][0] if f in form else "" for f in KEY_FIELDS}
    proof_at = saved if saved is not None else backfill
    if not has_ticket:
        out.append(_na(KEY_FIELDS_PRESENT))
    else:
        missing = [f for f in KEY_FIELDS if not values[f].strip()]
        proof = tuple(sorted({form[f][1] for f in KEY_FIELDS if f in form}
                             | ({proof_at} if proof_at is not None else set())))
        out.append(CheckResult(KEY_FIELDS_PRESENT, not missing, proof, detail=",".join(missing)))

    # key fields edited after the dispatch (the department got other facts)
    disp = ix.dispatch
    if disp is None:
        out.append(_na(KEY_FIELDS_KEPT_AFTER_DISPATCH))
        out.append(_na(DISPATCH_CONTACT_PHONE))
    else:
        changed = [i for i in ix.edits if i > disp
                   and events[i].data.get("field") in KEY_FIELDS]
        fields = sorted({str(events[i].data.get("field")) for i in changed})
        out.append(CheckResult(KEY_FIELDS_KEPT_AFTER_DISPATCH, not changed,
                               (disp, *changed), detail=",".join(fields)))
        phone = values[CONTACT_FIELD].strip()
        proof = (disp, form[CONTACT_FIELD][1]) if CONTACT_FIELD in form else (disp,)
        out.append(CheckResult(DISPATCH_CONTACT_PHONE, bool(phone), tuple(sorted(proof))))

    # rules §7 (000): a complaint: calm the customer first
    if values["category"] != COMPLAINT:
        out.append(_na(COMPLAINT_CALMING))
    else:
        calm = next((i for i in ix.scripts if events[i].data.get("key") == CALMING_KEY), None)
        if calm is not None:
            out.append(CheckResult(COMPLAINT_CALMING, True, (calm,)))
        else:
            edit = form.get("category")
            where = edit[1] if edit is not None and edit[0] == COMPLAINT else proof_at
            out.append(CheckResult(COMPLAINT_CALMING, False,
                                   (where,) if where is not None else ()))

    # rules §4 (004 Q61): back-filled tickets are checked every month
    is_backfill = backfill is not None or (ticket is not None and ticket.backfilled)
    out.append(CheckResult(NOT_BACKFILLED, not is_backfill,
                           (backfill,) if backfill is not None else ()))

    # a wrap-up ended (set busy) without a ticket
    if done is None:
        out.append(_na(WRAPUP_WITH_TICKET))
    else:
        ok = saved is not None or ticket is not None
        reason = str(events[done].data.get("no_ticket_reason", "")) if not ok else ""
        out.append(CheckResult(WRAPUP_WITH_TICKET, ok,
                               (saved, done) if saved is not None else (done,), detail=reason))
    return tuple(out)
