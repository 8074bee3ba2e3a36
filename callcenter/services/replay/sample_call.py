"""A call written straight into the store from a list of events: for the replay
benchmark and tests (a real desk writes its calls through services/calls)."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.services.tickets.entry import event_row
from callcenter.store.ids import new_id
from callcenter.store.models import CallSession

VALUES = {
    "category": ("inquiry", "fault_repair"),
    "content": ("家里没电了", "家里没电了，邻居有电", "家里没电了，邻居有电，电表灯不亮"),
    "caller_name": ("王", "王先生"),
    "caller_phone": ("1380013", "13800138001"),
    "address": ("临江市江城区", "临江市江城区幸福路12号"),
    "priority": ("normal", "soon"),
}
FIELDS = tuple(VALUES)


def write_call(session: Session, events: list[CallEvent], *, agent_id: str = "1001",
               caller: str = "13800138001", workstation: str = "W01",
               now: datetime | None = None) -> uuid.UUID:
    started = events[0].at if events else (now or datetime.now().astimezone())
    call_id = new_id()
    stamp = now or started
    session.add(CallSession(id=call_id, agent_id=agent_id, caller_number=caller,
                            started_at=started, outcome="answered", updated_at=stamp,
                            origin_workstation=workstation))
    session.flush()
    session.add_all(event_row(call_id, i + 1, e, workstation, stamp) for i, e in enumerate(events))
    return call_id


def long_call(n_events: int, talk_s: float, start: datetime, *, seed: int = 7,
              mono0: int = 10**12) -> list[CallEvent]:
    """A call of ``n_events`` events: ring, answer, form edits and scripts spread
    over ``talk_s`` seconds of talk, hold once, hang-up, save, wrap-up done."""
    rng = random.Random(seed)

    def ev(t: float, kind: EventKind, **data: object) -> CallEvent:
        return CallEvent(kind, mono0 + int(t * 1e9), start + timedelta(seconds=t), data)

    answer = 6.0
    hangup = answer + talk_s
    head = [ev(0.0, EventKind.RINGING, caller="13800138001"),
            ev(answer, EventKind.ANSWERED, ring_s=answer, late=False),
            ev(answer + 0.01, EventKind.SCRIPT_SHOWN, key="greeting", text="您好，请讲。")]
    tail = [ev(hangup, EventKind.HUNG_UP, by="customer"),
            ev(hangup + 20.0, EventKind.TICKET_SAVED, ticket_id="x", number="LJ-BENCH"),
            ev(hangup + 20.0, EventKind.WRAP_UP_DONE, via="ready")]
    middle_n = max(0, n_events - len(head) - len(tail) - 2)
    times = sorted(rng.uniform(answer + 0.1, hangup - 0.1) for _ in range(middle_n))
    middle = []
    for i, t in enumerate(times):
        if i % 10 == 9:
            middle.append(ev(t, EventKind.SCRIPT_SHOWN, key=f"s{i}", text=f"话术 {i}"))
        else:
            field = FIELDS[i % len(FIELDS)]
            options = VALUES[field]
            value = options[min(len(options) - 1, i * len(options) // max(1, middle_n))]
            middle.append(ev(t, EventKind.FORM_EDITED, field=field, value=value))
    hold_at = answer + talk_s / 2
    hold = [ev(hold_at, EventKind.HELD), ev(hold_at + 15.0, EventKind.RESUMED)]
    return sorted(head + middle + hold, key=lambda e: e.mono_ns or 0) + tail
