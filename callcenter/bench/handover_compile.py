"""handover-compile: the compiled sections of a shift's handover record, on a
store with N open tickets (seeded over the last day, so every one of them is in
section 1 and the older ones are overdue in section 2) and 200 outages around
now (section 4), plus urge and supervise events, marked events and summaries.

``cpu_median_ms`` is the compiling thread's own CPU time (``time.thread_time_ns``):
on a machine shared with other work, the wall-clock figures include waiting for
a core, this one does not.

The app side is ``compile_in`` in one read session, as the 交接班 tab and
``callcenter handover compile`` run it: every section, item dicts built. The
baseline, on the same file in the same run, is the bare SQL counts of the
rows each section reads (``SELECT count(*)`` per section on a plain sqlite3
connection): what reading the rows at all costs, without building the items.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from callcenter.bench.seed import seed_tickets
from callcenter.domain.outages import OutageKind, OutageStatus, OutageTimes
from callcenter.services.handover.compile import compile_in, shift_info
from callcenter.services.outages.records import OutageRecord, write_records
from callcenter.services.site.calendar import load_calendar
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.store.handover_models import HandoverEntry
from callcenter.store.models import Ticket, TicketEvent
from callcenter.sync.outbox import capture_suspended

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, remove_db_files, rounded

OUTAGES = 200
WARMUP = 3

_BASELINE = (
    "SELECT count(*) FROM tickets WHERE status IN ('accepted','dispatched','in_progress','replied')"
    " AND deleted_at IS NULL",
    "SELECT count(*) FROM ticket_events WHERE kind IN ('urge','supervise') AND deleted_at IS NULL",
    "SELECT count(*) FROM callback_tasks WHERE outcome = 'pending' AND deleted_at IS NULL",
    "SELECT count(*) FROM handover_entries WHERE shift_key = ? AND deleted_at IS NULL",
    "SELECT count(*) FROM outages WHERE deleted_at IS NULL AND start_at < ?"
    " AND (actual_restore_at IS NULL OR actual_restore_at > ?) AND status != 'cancelled'",
    "SELECT count(*) FROM sync_outbox WHERE pushed_at IS NULL",
)


def _outages(now: datetime, rng: random.Random) -> list[OutageRecord]:
    kinds = tuple(OutageKind)
    out = []
    for i in range(OUTAGES):
        start = now + timedelta(minutes=rng.randint(-12 * 60, 12 * 60))
        end = start + timedelta(hours=rng.randint(1, 8))
        restored = end <= now
        out.append(OutageRecord(
            f"H{i:05d}", OutageTimes(kinds[i % len(kinds)],
                                     OutageStatus.RESTORED if restored else OutageStatus.ANNOUNCED,
                                     start, end, end if restored else None),
            "线路检修", scopes=(f"江城区幸福路{i + 1}号",)))
    return out


def _extras(s: Session, key: str, now: datetime, rng: random.Random) -> None:
    """Urge/supervise events on a tenth of the tickets, 20 marked events, 10 summaries."""
    with capture_suspended(s):
        ids = list(s.scalars(Ticket.__table__.select().with_only_columns(Ticket.id)))
        for tid in rng.sample(ids, len(ids) // 10):
            s.add(TicketEvent(ticket_id=tid, kind=rng.choice(("urge", "supervise")), actor="9001",
                              at=now, data={}, updated_at=now, origin_workstation="BENCH"))
        for i in range(30):
            kind = "event" if i < 20 else "summary"
            data = {"class": "emergency", "report_kind": "media_exposure" if i % 4 == 0 else None}
            s.add(HandoverEntry(id=uuid.uuid4(), shift_key=key, kind=kind, author="1001",
                                at=now - timedelta(minutes=i), text=f"事件{i}", data=data,
                                updated_at=now, origin_workstation="BENCH"))


def run(args: BenchArgs) -> Metrics:
    if args.size < 10:
        raise BenchError("--size must be at least 10 tickets")
    path = args.data_dir / "desk.sqlite3"
    remove_db_files(path)
    profile = load_profile()
    calendar = load_calendar()
    now = datetime.now(UTC)
    info = shift_info(profile, now, calendar.is_working_day)
    rng = random.Random(13)
    db = open_database(path)
    try:
        args.progress(f"seeding {args.size:,} tickets and {OUTAGES} outages")
        seed_tickets(path, args.size, profile, days=1, now=now)
        records = _outages(now, rng)

        def seed(s: Session) -> None:
            with capture_suspended(s):
                write_records(s, records, source="bench", workstation="BENCH", now=now)
            _extras(s, info.slot.key, now, rng)

        db.write_now(seed)
        args.progress(f"timing {args.runs} compiles")
        app_ns: list[int] = []
        cpu_ns: list[int] = []  # this thread's CPU time: what a loaded machine's waits hide
        sizes: dict[str, int] = {}
        for i in range(args.runs + WARMUP):
            t, c = time.perf_counter_ns(), time.thread_time_ns()
            compiled = db.read_now(lambda s: compile_in(s, profile, info, now))
            dt, dc = time.perf_counter_ns() - t, time.thread_time_ns() - c
            if i >= WARMUP:
                app_ns.append(dt)
                cpu_ns.append(dc)
            sizes = {k: len(v) for k, v in compiled.sections.items()}
        con = sqlite3.connect(path)
        base_ns: list[int] = []
        start, end = (info.slot.start.replace(tzinfo=None).isoformat(sep=" "),
                      info.incoming.end.replace(tzinfo=None).isoformat(sep=" "))
        params: list[tuple[str, ...]] = [(), (), (), (info.slot.key,), (end, start), ()]
        for i in range(args.runs + WARMUP):
            t = time.perf_counter_ns()
            for sql, p in zip(_BASELINE, params, strict=True):
                con.execute(sql, p).fetchone()
            dt = time.perf_counter_ns() - t
            if i >= WARMUP:
                base_ns.append(dt)
        con.close()
    finally:
        db.close()
    if sizes.get("open_tickets", 0) < args.size:
        raise BenchError(f"only {sizes.get('open_tickets')} of {args.size} tickets compiled as open")
    p95 = percentile(sorted(app_ns), 95) / NS_PER_MS
    base = statistics.median(base_ns) / NS_PER_MS
    return {
        "p95_ms": rounded(p95),
        "median_ms": rounded(statistics.median(app_ns) / NS_PER_MS),
        "cpu_median_ms": rounded(statistics.median(cpu_ns) / NS_PER_MS),
        "baseline_ms": rounded(base),
        "ratio_p95": rounded(p95 / base if base else 0.0),
        "open_tickets": sizes.get("open_tickets", 0),
        "follow_up": sizes.get("follow_up", 0),
        "outages": sizes.get("outages", 0),
    }


SCENARIO = Scenario(
    name="handover-compile",
    summary="the handover record's compiled sections vs the bare SQL counts per section",
    size_means="open tickets in the store (outages: 200 around now)",
    runs_means="timed compiles, after 3 warm-up",
    default_size=5_000,
    default_runs=30,
    run=run,
    path="compile_in in one read session (Database.read_now), clock stops when every section's"
         " items are built",
)
