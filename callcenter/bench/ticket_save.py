"""ticket-save: the agent's save at the end of a call, ``CallDesk.finish_wrapup``,
on a store that already holds N tickets, against a raw durable single-row INSERT
measured in the same run.

Each timed save is a real call on a real ``CallDesk`` (the app's desk service on
the app's ``Database``): a call is offered by the bench's switch, answered and
hung up (untimed, and the writer is let finish the call's own writes, as it has
long before an agent saves), then ``finish_wrapup`` is called with a draft: the
clock starts just before it (validation, the call summary, queueing) and stops
when the writer thread has committed the one transaction holding the ticket,
its events, 2-3 call events, the call summary and their sync outbox rows (the
time the future completes, taken on the writer thread). Every draft is a
different caller, content and address; one save in four is dispatched (3 call
events instead of 2). The store's own threads run meanwhile: the checkpointer,
and the search indexer putting the saved tickets into the text index.

The baseline is the floor the disk sets: its own sqlite3 connection on a scratch
file next to the store, with the app's pragmas and checkpoint settings (WAL,
synchronous=FULL, no checkpoint inside a commit), running BEGIN IMMEDIATE;
INSERT one row of about a ticket's width into a one-table scratch table; COMMIT.

The two are interleaved (alternating which goes first) after a warm-up, so
both see the same disk, cache and background load.

The permission check's own cost is reported beside them: ``check_us`` is the
median of timed batches of the same check the save makes (``Tickets.check_save``),
and ``check_share_pct`` that median as a share of the save's p50 (issue 12's
goal: at most 2 %).
"""

from __future__ import annotations

import json
import queue
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from callcenter.domain.agent_state import AgentState
from callcenter.domain.clock import Cancellable, SystemClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.calls.desk import CallDesk
from callcenter.services.customers.screen_pop import Customers
from callcenter.services.scripts.call_lines import BasicScripts
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.services.tickets.entry import DispatchRequest, Tickets
from callcenter.store.engine import BUSY_TIMEOUT_MS
from callcenter.telephony.port import CallOffered, Listener

from .common import (
    NS_PER_MS,
    BenchArgs,
    BenchError,
    Metrics,
    Scenario,
    percentile,
    remove_db_files,
    rounded,
    signed_in_agent,
)
from .seed import sample_drafts, seed_tickets

BENCH_DESK = "W01"
AGENT_ID = "1024"
WARMUP = 100


class RawInsert:
    """A durable single-row insert transaction, nothing else."""

    def __init__(self, path: Path, payload: str) -> None:
        remove_db_files(path)
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        cur = self._conn
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA wal_autocheckpoint=0")  # as the app: checkpoints run off the save path
        cur.execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        self._payload = payload

    def once(self) -> None:
        c = self._conn
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO scratch (payload) VALUES (?)", (self._payload,))
        c.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()


def run_posted(posted: queue.Queue[Callable[[], None]]) -> None:
    """Run what the desk posted for the GUI thread (this thread stands in for it)."""
    while True:
        try:
            fn = posted.get_nowait()
        except queue.Empty:
            return
        fn()


def _ticket_width_payload(draft: TicketDraft) -> str:
    """Text about as wide as a stored ticket row (fields + ids + stamps)."""
    fields = dict(vars(draft))
    fields.update(
        id="0" * 32, number="LJ-W01-20261123-0001", status="accepted", created_by=AGENT_ID,
        created_at="2026-11-23 13:05:02.730498", updated_at="2026-11-23 13:05:02.730498",
        origin_workstation=BENCH_DESK, version=1, backfilled=0,
    )
    return json.dumps(fields, ensure_ascii=False)


def _check_cost(tickets: Tickets, batches: int = 101, per_batch: int = 1000) -> float:
    """Median ns of one permission check of a save, over timed batches."""
    clock = time.perf_counter_ns
    per_call: list[float] = []
    for _ in range(batches):
        t0 = clock()
        for _ in range(per_batch):
            tickets.check_save(AGENT_ID, False)
        per_call.append((clock() - t0) / per_batch)
    per_call.sort()
    return per_call[len(per_call) // 2]


class _Switch:
    """The bench's telephone switch: offers one call at a time on request."""

    def __init__(self) -> None:
        self.listener: Listener | None = None

    def start(self, listener: Listener) -> None:
        self.listener = listener

    def offer(self, call_id: str, caller: str) -> None:
        if self.listener is None:
            raise BenchError("the desk never started the switch")
        self.listener(CallOffered(call_id, caller))

    def stop(self) -> None: ...
    def set_available(self, available: bool) -> None: ...
    def answer(self, call_id: str) -> None: ...
    def hold(self, call_id: str) -> None: ...
    def resume(self, call_id: str) -> None: ...
    def hang_up(self, call_id: str) -> None: ...
    def requeue(self, call_id: str) -> None: ...


class _NoTimers:
    """A scheduler whose timers never fire: every bench call is answered at once."""

    def call_later(self, delay_s: float, fn: Callable[[], None]) -> Cancellable:
        return _Never()


class _Never:
    def cancel(self) -> None: ...


def run(args: BenchArgs) -> Metrics:
    profile = load_profile()
    path = args.data_dir / "bench-ticket-save.sqlite3"
    remove_db_files(path)
    args.progress(f"creating {path} (migrations)")
    open_database(path).close()
    args.progress(f"seeding {args.size:,} tickets")
    seed_s = seed_tickets(path, args.size, profile, progress=args.progress)
    args.progress(f"seeded in {seed_s:.1f} s")
    db = open_database(path)
    baseline: RawInsert | None = None
    posted: queue.Queue[Callable[[], None]] = queue.Queue()
    clock = SystemClock()
    try:
        tickets = Tickets(db, profile, clock, BENCH_DESK, user=signed_in_agent(AGENT_ID))
        switch = _Switch()
        desk = CallDesk(clock=clock, scheduler=_NoTimers(), telephony=switch, profile=profile, db=db,
                        tickets=tickets, customers=Customers(db, clock, profile.recent_ticket_days),
                        scripts=BasicScripts(), workstation=BENCH_DESK, post=posted.put)
        drafts = sample_drafts(WARMUP + args.runs, seed=args.size + 7)
        for d in drafts[:50]:
            if errors := tickets.validate(d):
                raise BenchError(f"sample draft does not validate: {errors}")
        department = profile.departments[0].code
        baseline = RawInsert(args.data_dir / "bench-baseline.sqlite3", _ticket_width_payload(drafts[0]))
        desk.sign_in(AGENT_ID)
        desk.set_ready()
        run_posted(posted)

        def save(i: int) -> int:
            """One call, then its timed save; returns ns from the call to the commit."""
            draft = drafts[i]
            switch.offer(f"bench-{i}", draft.caller_phone)
            desk.answer()
            desk.hang_up()
            db.flush()  # the call's own writes are long done when an agent saves
            run_posted(posted)
            committed: list[int] = []
            dispatch = DispatchRequest(department, 3) if i % 4 == 3 else None
            t0 = time.perf_counter_ns()
            fut = desk.finish_wrapup(draft, dispatch)
            fut.add_done_callback(lambda _f: committed.append(time.perf_counter_ns()))
            fut.result(timeout=60)
            while desk.status.state is not AgentState.READY:
                posted.get(timeout=60)()
            if not committed:
                raise BenchError("the save's future completed without its callback")
            return committed[0] - t0

        warmup = WARMUP
        args.progress(f"timing {args.runs:,} saves and raw inserts (after {warmup} warm-up)")
        service_ns: list[int] = []
        raw_ns: list[int] = []
        timer = time.perf_counter_ns
        for i in range(warmup + args.runs):
            if i % 2 == 0:
                s_ns = save(i)
                t1 = timer()
                baseline.once()
                r_ns = timer() - t1
            else:
                t0 = timer()
                baseline.once()
                r_ns = timer() - t0
                s_ns = save(i)
            if i >= warmup:
                service_ns.append(s_ns)
                raw_ns.append(r_ns)

        saved = tickets.count()
        if saved != args.size + warmup + args.runs:
            raise BenchError(f"expected {args.size + warmup + args.runs} tickets, found {saved}")
        calls = db.read_now(lambda s: s.connection().exec_driver_sql(
            "SELECT count(*) FROM call_sessions WHERE wrapup_s IS NOT NULL").scalar())
        if calls != warmup + args.runs:
            raise BenchError(f"{calls} calls carry their summary, expected {warmup + args.runs}")
        check_ns = _check_cost(tickets)
        desk.sign_out()
        run_posted(posted)
    finally:
        if baseline is not None:
            baseline.close()
        db.close()

    service_ns.sort()
    raw_ns.sort()
    p50, p99 = percentile(service_ns, 50) / NS_PER_MS, percentile(service_ns, 99) / NS_PER_MS
    b50, b99 = percentile(raw_ns, 50) / NS_PER_MS, percentile(raw_ns, 99) / NS_PER_MS
    return {
        "p50_ms": rounded(p50),
        "p99_ms": rounded(p99),
        "max_ms": rounded(service_ns[-1] / NS_PER_MS),
        "baseline_p50_ms": rounded(b50),
        "baseline_p99_ms": rounded(b99),
        "baseline_max_ms": rounded(raw_ns[-1] / NS_PER_MS),
        "ratio_p50": rounded(p50 / b50, 2),
        "ratio_p99": rounded(p99 / b99, 2),
        "check_us": rounded(check_ns / 1000, 3),
        "check_share_pct": rounded(100 * check_ns / NS_PER_MS / p50, 3),
        "seed_s": rounded(seed_s),
        "iterations": len(service_ns),
        "calls_with_summary": calls,
    }


SCENARIO = Scenario(
    name="ticket-save",
    summary="the agent's save (CallDesk.finish_wrapup on the writer) vs a raw durable INSERT",
    size_means="tickets already in the store",
    runs_means="timed calls and saves (and as many raw inserts), after 100 warm-up",
    default_size=1_000_000,
    default_runs=2_000,
    run=run,
    path="CallDesk.finish_wrapup on the writer thread, clock stops when the save has committed",
)
