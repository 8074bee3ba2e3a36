"""ticket-save: one validated ticket save on a store that already holds N tickets,
against a raw durable single-row INSERT measured in the same run.

The service side is what the app does when an agent presses save: check the
signed-in user against the permission table (issue 12), validate the draft,
then one write transaction (BEGIN IMMEDIATE, WAL, synchronous=FULL)
holding the ticket, its "saved" event and the desk's ticket sequence. Both are
timed together with ``perf_counter_ns`` on the calling thread. As in the app,
the store's own threads run meanwhile: the checkpointer, and the search indexer
that puts the saved tickets into the text index (a save waits for it when they
meet on the write lock, so that wait is in the figures).

The baseline is the floor the disk sets: its own sqlite3 connection on a scratch
file next to the store, with the same pragmas, running BEGIN IMMEDIATE; INSERT
one row of about a ticket's width into a one-table scratch table; COMMIT.

The two are interleaved (alternating which goes first) after a warm-up, so
both see the same disk, cache and background load.

The permission check's own cost is reported beside them: ``check_us`` is the
median of timed batches of the same check the save makes (``Tickets.check_save``),
and ``check_share_pct`` that median as a share of the save's p50 (issue 12's
goal: at most 2 %).
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from callcenter.domain.clock import SystemClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.services.tickets.entry import Tickets
from callcenter.store.engine import BUSY_TIMEOUT_MS

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
        cur.execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        self._payload = payload

    def once(self) -> None:
        c = self._conn
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO scratch (payload) VALUES (?)", (self._payload,))
        c.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()


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


def run(args: BenchArgs) -> Metrics:
    profile = load_profile()
    path = args.data_dir / "bench-ticket-save.sqlite3"
    remove_db_files(path)
    args.progress(f"creating {path} (migrations)")
    db = open_database(path)
    baseline: RawInsert | None = None
    try:
        args.progress(f"seeding {args.size:,} tickets")
        seed_s = seed_tickets(path, args.size, profile, progress=args.progress)
        args.progress(f"seeded in {seed_s:.1f} s")

        tickets = Tickets(db, profile, SystemClock(), BENCH_DESK, user=signed_in_agent(AGENT_ID))
        drafts = sample_drafts(256)
        for d in drafts:
            if errors := tickets.validate(d):
                raise BenchError(f"sample draft does not validate: {errors}")
        baseline = RawInsert(args.data_dir / "bench-baseline.sqlite3",
                             _ticket_width_payload(drafts[0]))

        def save(draft: TicketDraft) -> None:
            tickets.check_save(AGENT_ID, False)
            if errors := tickets.validate(draft):
                raise BenchError(f"draft does not validate: {errors}")
            db.write_now(lambda s: tickets.save_in(s, draft, agent_id=AGENT_ID))

        warmup = WARMUP
        args.progress(f"timing {args.runs:,} saves and raw inserts (after {warmup} warm-up)")
        service_ns: list[int] = []
        raw_ns: list[int] = []
        clock = time.perf_counter_ns
        for i in range(warmup + args.runs):
            draft = drafts[i % len(drafts)]
            if i % 2 == 0:
                t0 = clock()
                save(draft)
                t1 = clock()
                baseline.once()
                t2 = clock()
                s_ns, r_ns = t1 - t0, t2 - t1
            else:
                t0 = clock()
                baseline.once()
                t1 = clock()
                save(draft)
                t2 = clock()
                r_ns, s_ns = t1 - t0, t2 - t1
            if i >= warmup:
                service_ns.append(s_ns)
                raw_ns.append(r_ns)

        check_ns = _check_cost(tickets)
        saved = tickets.count()
        if saved != args.size + warmup + args.runs:
            raise BenchError(f"expected {args.size + warmup + args.runs} tickets, found {saved}")
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
    }


SCENARIO = Scenario(
    name="ticket-save",
    summary="validated ticket save (ticket + event + sequence) vs a raw durable INSERT",
    size_means="tickets already in the store",
    runs_means="timed saves (and as many raw inserts), after 100 warm-up",
    default_size=1_000_000,
    default_runs=2_000,
    run=run,
)
