"""qa-checks: the automatic QA checks of N calls (issue 14: 100,000 calls at
``calls_per_s`` >= 20,000).

- calls_per_s: ``run_checks`` (every check of issue 14, each with its proving
  events) over N calls held in memory as a desk's events, one call after
  another on the calling thread; the median of the runs.
- cpu_calls_per_s: the same calls over the CPU time this process spent on them
  (on a shared machine the wall clock also counts waiting for a core).
- baseline_calls_per_s: the floor for "look at a call's events": one pass over
  the same events that reads each event's kind and counts one of them, the two
  loops interleaved run by run; ratio = baseline_calls_per_s / calls_per_s.
- store_calls_per_s: ``checks_in`` as ``callcenter qa checks --since`` runs it:
  the same calls written to a real SQLite store (sessions, events and tickets),
  read back in bulk and checked, once.
- load_avg_1m: the machine's one-minute load average at the end.
- failed_share: the share of calls with at least one failed check (the
  generated calls break every rule some of the time; it proves the checks ran).

The calls are synthetic but shaped like the desk's: ring, answer (late 1 in 6,
with or without the apology), script lines, form edits, hold, hang-up by
either side, ticket save, dispatch, wrap-up; some back-filled, some wrap-ups
ended with set busy and no ticket. They are written with raw sqlite3, not
captured for sync: synthetic rows must never reach central.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from callcenter.domain.call_events import CallEvent, EventKind, Outcome, summarize
from callcenter.domain.qa.checks import TicketFacts, run_checks
from callcenter.domain.ring_counter import RingCadence
from callcenter.domain.sla import SlaTargets
from callcenter.services.qa.checks import checks_in, rules_of
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database

from .common import BenchArgs, BenchError, Metrics, Scenario, remove_db_files, rounded

S = 1_000_000_000
T0 = datetime(2026, 11, 1, tzinfo=UTC)
AGENTS = tuple(str(1001 + i) for i in range(40))
DESK = "BENCH-QA"
CADENCE, TARGETS = RingCadence(), SlaTargets()  # the shipped profile's
GREETING = "您好，国网临江供电公司95598，{agent}号为您服务。"


@dataclass(frozen=True)
class SynthCall:
    id: uuid.UUID
    agent_id: str
    started_at: datetime
    caller: str
    events: list[CallEvent]
    ticket: TicketFacts | None
    ticket_number: str | None


def synthetic_call(rng: random.Random, i: int, agents: Sequence[str] = AGENTS,
                   start: datetime = T0, step_s: float = 30.0) -> SynthCall:
    agent = agents[rng.randrange(len(agents))]
    at0 = start + timedelta(seconds=i * step_s)
    phone = f"138{rng.randrange(10**8):08d}"
    evs: list[CallEvent] = []

    def add(secs: float, kind: EventKind, **data: object) -> None:
        evs.append(CallEvent(kind, int(secs * S), at0 + timedelta(seconds=secs), data))

    call_id = uuid.UUID(int=rng.getrandbits(128))
    if rng.random() < 0.03:  # 补录: a ticket for a call taken while the system was down
        evs.append(CallEvent(EventKind.BACKFILLED, None, at0, {"ticket_id": str(call_id)}))
        return SynthCall(call_id, agent, at0, phone, evs,
                         TicketFacts("inquiry", "系统故障期间来电，恢复后补录。", phone, True), f"BF-{i}")
    add(0, EventKind.RINGING, caller=phone)
    if rng.random() < 0.05:
        add(30, EventKind.RING_TIMEOUT)
        return SynthCall(call_id, agent, at0, phone, evs, None, None)
    ring = rng.choice((2.0, 6.0, 9.0, 12.0, 14.0, 17.0))
    late = ring >= 15
    add(ring, EventKind.ANSWERED, ring_s=ring, late=late)
    if late and rng.random() < 0.8:
        add(ring, EventKind.SCRIPT_SHOWN, key="apology", text="对不起，让您久等了。")
    who = agent if rng.random() < 0.95 else ""
    add(ring, EventKind.SCRIPT_SHOWN, key="greeting", text=GREETING.format(agent=who))
    add(ring, EventKind.SCRIPT_SHOWN, key="closing", text="感谢您的来电，请您先挂机，再见。")
    category = rng.choice(("fault_repair", "fault_repair", "inquiry", "inquiry", "complaint",
                           "service_request"))
    t = ring + 3
    if category == "complaint" and rng.random() < 0.7:
        add(t, EventKind.SCRIPT_SHOWN, key="complaint_opening", text="非常理解您的心情……")
    content = "客户反映家中停电，请尽快处理。" if rng.random() < 0.97 else ""
    contact = phone if rng.random() < 0.95 else ""
    for field, value in (("category", category), ("content", content), ("caller_phone", contact),
                         ("address", "临江市江城区幸福路12号")):
        t += rng.uniform(2, 20)
        add(t, EventKind.FORM_EDITED, field=field, value=value)
    if rng.random() < 0.2:
        add(t + 1, EventKind.HELD)
        t += rng.uniform(5, 40)
        add(t, EventKind.RESUMED)
    end = ring + rng.choice((40.0, 80.0, 120.0, 145.0, 160.0, 240.0))
    end = max(end, t + 1)
    add(end, EventKind.HUNG_UP, by="customer" if rng.random() < 0.9 else "agent")
    wrap = end + rng.choice((10.0, 25.0, 45.0, 58.0, 70.0))
    if rng.random() < 0.04:
        add(wrap, EventKind.WRAP_UP_DONE, via="busy", no_ticket_reason="wrong_number")
        return SynthCall(call_id, agent, at0, phone, evs, None, None)
    add(wrap, EventKind.TICKET_SAVED, ticket_id=str(call_id), number=f"T-{i}")
    dispatch = category in ("fault_repair", "complaint") or rng.random() < 0.2
    if dispatch:
        add(wrap, EventKind.DISPATCHED, department="repair", deadline_days=1)
        if rng.random() < 0.02:
            add(wrap + 5, EventKind.FORM_EDITED, field="content", value="改动后的内容")
    add(wrap, EventKind.WRAP_UP_DONE, via="dispatch" if dispatch else "ready")
    return SynthCall(call_id, agent, at0, phone, evs, TicketFacts(category, content, contact),
                     f"T-{i}")


def synthetic_calls(n: int, seed: int = 14, **kw: object) -> Iterator[SynthCall]:
    rng = random.Random(seed)
    for i in range(n):
        yield synthetic_call(rng, i, **kw)  # type: ignore[arg-type]


def _stamp(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def seed_calls(path: Path, calls: Sequence[SynthCall], desk: str = DESK,
               cadence: RingCadence = CADENCE, targets: SlaTargets = TARGETS) -> None:
    """Write ``calls`` (sessions, events, tickets) into the migrated store at ``path``."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("BEGIN IMMEDIATE")
        sessions, events, tickets = [], [], []
        for c in calls:
            st = _stamp(c.started_at)
            m = summarize(c.events, cadence, targets)  # the columns the desk derives likewise
            sessions.append((c.id.hex, None, c.agent_id, None, c.caller, st, m.outcome.value,
                             m.ring_s, m.talk_s, m.hold_s, m.wrapup_s, m.hung_up_by, m.late_answer,
                             m.talk_over, m.wrapup_over, m.outcome is Outcome.BACKFILLED, 1, st,
                             None, desk))
            for seq, e in enumerate(c.events, 1):
                events.append((uuid.UUID(int=c.id.int ^ seq).hex, c.id.hex, seq, e.kind.value,
                               e.mono_ns, _stamp(e.at), json.dumps(dict(e.data), ensure_ascii=False),
                               1, _stamp(e.at), None, desk))
            if c.ticket is not None:
                t = c.ticket
                tickets.append((uuid.UUID(int=c.id.int ^ (1 << 127)).hex, c.ticket_number, c.id.hex,
                                t.category, t.content, "张先生", t.caller_phone, "0123456789",
                                "M123456", "临江市", "urban", "soon", "accepted", t.backfilled,
                                st, c.agent_id, st, 1, st, None, desk))
        conn.executemany(
            "INSERT INTO call_sessions (id, shift_id, agent_id, telephony_call_id, caller_number,"
            " started_at, outcome, ring_s, talk_s, hold_s, wrapup_s, hung_up_by, late_answer,"
            " talk_over, wrapup_over, backfilled, version, updated_at, deleted_at,"
            " origin_workstation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", sessions)
        conn.executemany(
            "INSERT INTO call_events (id, call_id, seq, kind, mono_ns, at, data, version,"
            " updated_at, deleted_at, origin_workstation) VALUES (?,?,?,?,?,?,?,?,?,?,?)", events)
        conn.executemany(
            "INSERT INTO tickets (id, number, call_id, category, content, caller_name, caller_phone,"
            " account_no, meter_no, address, area_type, priority, status, backfilled, call_time,"
            " created_by, created_at, version, updated_at, deleted_at, origin_workstation)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", tickets)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _baseline(calls: Sequence[SynthCall]) -> int:
    hung = EventKind.HUNG_UP
    n = 0
    for c in calls:
        for e in c.events:
            if e.kind is hung:
                n += 1
    return n


def run(args: BenchArgs) -> Metrics:
    if args.size < 1:
        raise BenchError("--size must be at least 1 call")
    profile = load_profile()
    rules = rules_of(profile)
    args.progress(f"generating {args.size:,} calls")
    calls = list(synthetic_calls(args.size))
    clock = time.perf_counter_ns
    cpu = time.process_time_ns
    rates: list[float] = []
    cpu_rates: list[float] = []
    base: list[float] = []
    failed = 0
    for r in range(max(1, args.runs)):
        t0, c0 = clock(), cpu()
        results = [run_checks(c.events, c.agent_id, c.ticket, rules) for c in calls]
        t1, c1 = clock(), cpu()
        _baseline(calls)
        t2 = clock()
        rates.append(len(calls) / (max(t1 - t0, 1) / S))
        cpu_rates.append(len(calls) / (max(c1 - c0, 1) / S))
        base.append(len(calls) / (max(t2 - t1, 1) / S))
        failed = sum(1 for res in results if any(not x.passed for x in res))
        args.progress(f"run {r + 1}: {rates[-1]:,.0f} calls/s (baseline {base[-1]:,.0f})")
    if failed == 0:
        raise BenchError("no call failed a check: the generated calls do not exercise the checks")

    path = args.data_dir / "qa-checks.sqlite3"
    remove_db_files(path)
    open_database(path).close()  # migrated
    args.progress(f"writing {len(calls):,} calls to {path}")
    seed_calls(path, calls)
    db = open_database(path)
    try:
        t0 = clock()
        stored = db.read_now(lambda s: checks_in(s, rules, since=T0))
        t1 = clock()
    finally:
        db.close()
    if len(stored) != len(calls):
        raise BenchError(f"the store gave back {len(stored)} calls, expected {len(calls)}")
    rate, b = statistics.median(rates), statistics.median(base)
    return {
        "calls_per_s": rounded(rate, 0),
        "cpu_calls_per_s": rounded(statistics.median(cpu_rates), 0),
        "baseline_calls_per_s": rounded(b, 0),
        "ratio": rounded(b / rate, 2),
        "store_calls_per_s": rounded(len(stored) / (max(t1 - t0, 1) / S), 0),
        "load_avg_1m": rounded(os.getloadavg()[0], 2),
        "failed_share": rounded(failed / len(calls), 3),
        "events_per_call": rounded(sum(len(c.events) for c in calls) / len(calls), 1),
        "runs": len(rates),
    }


SCENARIO = Scenario(
    name="qa-checks",
    summary="every automatic QA check of N calls vs one bare pass over their events",
    size_means="calls",
    runs_means="timed passes over all the calls (median taken)",
    default_size=100_000,
    default_runs=5,
    run=run,
    path="run_checks over calls in memory on the calling thread; store: checks_in over SQLite",
)
