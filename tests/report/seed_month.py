"""A seeded report month (2026-03, Asia/Shanghai) and its answers, computed here
in plain Python from the records themselves, not with the code under test.

Rows go in through SQLAlchemy Core on the model tables, so the same seed loads
a desk's SQLite and central PostgreSQL.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert

from callcenter.store.all_models import Base

TZ = ZoneInfo("Asia/Shanghai")
MONTH = "2026-03"
START = datetime(2026, 3, 1, tzinfo=TZ).astimezone(UTC)
END = datetime(2026, 4, 1, tzinfo=TZ).astimezone(UTC)
PREV = (datetime(2026, 2, 1, tzinfo=TZ).astimezone(UTC), START)
LAST_YEAR = (datetime(2025, 3, 1, tzinfo=TZ).astimezone(UTC),
             datetime(2025, 4, 1, tzinfo=TZ).astimezone(UTC))
AS_OF = datetime(2026, 4, 10, 12, tzinfo=UTC)
CATEGORIES = ["fault_repair", "inquiry", "service_request", "complaint", "report", "opinion",
              "suggestion", "praise"]
SUBTYPES = ["supply_plan_residential", "connection_residential", "other"]
GROUP = {"inquiry": "inquiry_suggestion", "opinion": "inquiry_suggestion",
         "suggestion": "inquiry_suggestion", "fault_repair": "fault_repair",
         "complaint": "complaint", "report": "report"}
# March's addresses with distinct counts (the top list has no ties to order)
MARCH_ADDRESSES = [("临江路1号", 30), ("滨江大道88号", 24), ("新村3组", 19), ("工业园A区", 14),
                   ("老街12号", 11), ("东湖小区5栋", 8), ("西门口", 6), ("南山村", 5),
                   ("北环路7号", 4), ("火车站东", 3), ("港口路2号", 2), ("  ", 2)]


@dataclass
class Seed:
    tickets: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)


def _sync(at: datetime, deleted: bool = False) -> dict[str, Any]:
    return {"id": uuid.uuid4(), "version": 1, "updated_at": at,
            "deleted_at": at if deleted else None, "origin_workstation": "D1"}


def _random_in(rng: random.Random, span: tuple[datetime, datetime]) -> datetime:
    secs = int((span[1] - span[0]).total_seconds())
    return span[0] + timedelta(seconds=rng.randrange(secs))


def _ticket(seed: Seed, rng: random.Random, n: int, created: datetime, address: str,
            deleted: bool = False) -> None:
    cat = rng.choice(CATEGORIES)
    t = _sync(created, deleted) | {
        "number": f"LJ-D1-{n:06d}", "call_id": None, "category": cat, "content": "内容",
        "caller_name": "张三", "caller_phone": "13800138000", "account_no": "1234567890",
        "meter_no": "M123456", "address": address, "area_type": "urban", "priority": "soon",
        "status": "accepted", "department": None, "deadline_days": None, "deadline_at": None,
        "backfilled": rng.random() < 0.1, "call_time": created, "created_by": "1001",
        "created_at": created,
        "subtype": rng.choice(SUBTYPES) if cat == "service_request" else None,
    }
    seed.tickets.append(t)

    def event(kind: str, at: datetime, data: dict[str, Any] | None = None,
              deleted_ev: bool = False) -> None:
        seed.events.append(_sync(at, deleted_ev) | {"ticket_id": t["id"], "kind": kind,
                                                     "actor": "1001", "at": at,
                                                     "data": data or {}})

    r = rng.random()
    if cat in ("inquiry", "praise") and r < 0.4:
        t["status"] = "archived"
        event("close_on_call", created + timedelta(minutes=1))
        return
    if r < 0.25:
        return  # still accepted
    dispatched = created + timedelta(minutes=rng.randrange(1, 600))
    t["department"] = "repair"
    t["deadline_at"] = created + timedelta(days=rng.randrange(1, 6))
    t["status"] = "dispatched"
    event("dispatch", dispatched, {"department": "repair"})
    r = rng.random()
    if r < 0.3:
        return  # no reply yet
    replied = dispatched + timedelta(hours=rng.randrange(1, 200))
    t["status"] = "replied"
    if r < 0.36:
        return  # replied state without a reply event (imported): an empty reply
    result = rng.choice(["已处理", "已处理", "已处理", "", "   "])
    event("reply", replied, {"reply": {"result": result}})
    if rng.random() < 0.1:  # a deleted (tombstoned) reply event never counts
        event("reply", replied - timedelta(hours=1), {"reply": {"result": "作废"}}, True)
    at = replied
    for _ in range(rng.randrange(0, 4)):
        at += timedelta(hours=rng.randrange(1, 30))
        kind = rng.choice(["callback_not_reached", "callback_satisfied", "callback_satisfied",
                           "callback_not_satisfied", "callback_unreachable"])
        event(kind, at)
        if kind == "callback_satisfied":
            t["status"] = "visited"
            break


def _call(seed: Seed, rng: random.Random, started: datetime) -> None:
    outcome = rng.choice(["answered", "answered", "answered", "missed", "abandoned", "backfilled"])
    answered = outcome == "answered"
    talk = rng.uniform(20, 300) if answered and rng.random() < 0.95 else None
    wrap = rng.uniform(5, 120) if answered and rng.random() < 0.8 else None
    seed.calls.append(_sync(started) | {
        "shift_id": None, "agent_id": "1001", "telephony_call_id": None,
        "caller_number": "13800138000", "started_at": started, "outcome": outcome,
        "ring_s": rng.uniform(1, 30) if answered else None, "talk_s": talk, "hold_s": None,
        "wrapup_s": wrap, "hung_up_by": None, "late_answer": answered and rng.random() < 0.2,
        "talk_over": talk is not None and talk > 150,
        "wrapup_over": wrap is not None and wrap > 60, "backfilled": outcome == "backfilled",
    })


def make_seed() -> Seed:
    rng = random.Random(15)
    seed = Seed()
    n = 0
    march = [a for a, k in MARCH_ADDRESSES for _ in range(k)]
    rng.shuffle(march)
    for address in march:
        n += 1
        _ticket(seed, rng, n, _random_in(rng, (START, END)), address)
    for span, count in ((PREV, 90), (LAST_YEAR, 70), ((START - timedelta(days=400), END), 40)):
        for _ in range(count):
            n += 1
            _ticket(seed, rng, n, _random_in(rng, span), rng.choice(["别处1号", "别处2号"]))
    # the month's edges in site-local time, and a tombstone
    for local, deleted in ((datetime(2026, 3, 1, 0, 0, tzinfo=TZ), False),
                           (datetime(2026, 2, 28, 23, 59, 59, tzinfo=TZ), False),
                           (datetime(2026, 4, 1, 0, 0, tzinfo=TZ), False),
                           (datetime(2026, 3, 15, 12, 0, tzinfo=TZ), True)):
        n += 1
        _ticket(seed, rng, n, local.astimezone(UTC), "边界路", deleted)
    for _ in range(300):
        _call(seed, rng, _random_in(rng, (START, END)))
    for _ in range(60):
        _call(seed, rng, _random_in(rng, PREV))
    return seed


def load(engine: Engine, seed: Seed) -> None:
    tables = Base.metadata.tables
    with engine.begin() as conn:
        conn.execute(insert(tables["tickets"]), seed.tickets)
        conn.execute(insert(tables["ticket_events"]), seed.events)
        conn.execute(insert(tables["call_sessions"]), seed.calls)


# ---- the answers, independently -------------------------------------------------

def _in(at: datetime | None, span: tuple[datetime, datetime]) -> bool:
    return at is not None and span[0] <= at < span[1]


def expected(seed: Seed) -> dict[str, Any]:
    live = [t for t in seed.tickets if t["deleted_at"] is None]
    events: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for e in seed.events:
        if e["deleted_at"] is None:
            events.setdefault(e["ticket_id"], []).append(e)

    def counts(span: tuple[datetime, datetime]) -> dict[str, int]:
        out = dict.fromkeys(["inquiry_suggestion", "fault_repair", "complaint", "report",
                             "other"], 0)
        for t in live:
            if _in(t["created_at"], span):
                out[GROUP.get(t["category"], "other")] += 1
        return out

    month = [t for t in live if _in(t["created_at"], (START, END))]
    empty = late = 0
    for t in month:
        evs = events.get(t["id"], [])
        replies = [e for e in evs if e["kind"] == "reply"]
        good = [e for e in replies if e["data"]["reply"]["result"].strip()]
        on_call = any(e["kind"] == "close_on_call" for e in evs)
        if t["status"] in ("replied", "visited", "archived") and not good and not on_call:
            empty += 1
        if t["deadline_at"] is not None:
            first = min((e["at"] for e in replies), default=None)
            if (first is not None and first > t["deadline_at"]) or (
                    first is None and t["deadline_at"] < AS_OF):
                late += 1
    dispatched = {e["ticket_id"] for es in events.values() for e in es
                  if e["kind"] == "dispatch" and _in(e["at"], (START, END))}
    dispatched &= {t["id"] for t in live}
    called = reached = reached_calls = satisfied = 0
    for tid in dispatched:
        kinds = [e["kind"] for e in events.get(tid, []) if e["kind"].startswith("callback_")]
        r = [k for k in kinds if k in ("callback_satisfied", "callback_not_satisfied")]
        called += bool(kinds)
        reached += bool(r)
        reached_calls += len(r)
        satisfied += sum(k == "callback_satisfied" for k in r)
    calls = [c for c in seed.calls if _in(c["started_at"], (START, END))]
    ans = [c for c in calls if c["outcome"] == "answered"]
    talks = [c["talk_s"] for c in ans if c["talk_s"] is not None]
    wraps = [c for c in ans if c["wrapup_s"] is not None]
    subtypes: dict[tuple[str, str], int] = {}
    addresses: dict[str, int] = {}
    for t in month:
        if t["subtype"]:
            subtypes[(t["category"], t["subtype"])] = subtypes.get((t["category"], t["subtype"]), 0) + 1
        if t["address"].strip():
            addresses[t["address"].strip()] = addresses.get(t["address"].strip(), 0) + 1
    return {
        "current": counts((START, END)), "previous": counts(PREV), "last_year": counts(LAST_YEAR),
        "tickets": len(month), "empty_reply": empty, "handled_late": late,
        "backfilled": sum(bool(t["backfilled"]) for t in month),
        "dispatched": len(dispatched), "called": called, "reached": reached,
        "reached_calls": reached_calls, "satisfied_calls": satisfied,
        "offered": sum(c["outcome"] in ("answered", "missed") for c in calls),
        "answered": len(ans), "answered_in_limit": sum(not c["late_answer"] for c in ans),
        "talk_avg_s": sum(talks) / len(talks), "wrapups": len(wraps),
        "wrapups_on_time": sum(not c["wrapup_over"] for c in wraps),
        "subtypes": subtypes, "addresses": addresses,
    }
