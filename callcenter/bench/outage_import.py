"""outage-import: import an N-row dispatch CSV (Chinese headers, site-local
times, lists in cells) into a fresh store, all checks included, against a bare
``executemany`` of the same rows into a one-table scratch file in the same run.

``ratio`` is import seconds / baseline seconds (how many times the bare insert
the whole import costs: parsing, checking, normalising addresses, the targets
and address-key index rows, the sync ops that carry it all to central, one
durable transaction). ``cpu_s`` is the process CPU time of the best run (all
threads): on a machine others load, wall time shows their load too.

The work is checked after each run: every row of the file is stored as an
outage, with its targets, and the outbox holds one op per outage and per
target; a run that wrote less fails the bench instead of reporting a figure.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from callcenter.domain.clock import SystemClock
from callcenter.services.demo.city import load_city
from callcenter.services.demo.outages import generate_outages
from callcenter.services.outages.importer import COLUMNS, OutageImport, read_table
from callcenter.services.storage.database import open_database

from .common import BenchArgs, BenchError, Metrics, Scenario, remove_db_files, rounded

TZ = ZoneInfo("Asia/Shanghai")
KIND_ZH = {"planned": "计划停电", "temporary": "临时停电", "fault": "故障停电", "over_capacity": "超容量停电"}
STATUS_ZH = {"announced": "已发布", "in_progress": "停电中", "restored": "已恢复", "cancelled": "已取消"}


def write_csv(path: Path, n: int, now: datetime) -> None:
    fields = ("source_id", "kind", "cause", "start", "expected_restore", "actual_restore", "status",
              "feeders", "transformer_areas", "scopes", "announced_at")

    def t(x: datetime | None) -> str:
        return x.astimezone(TZ).strftime("%Y-%m-%d %H:%M") if x else ""

    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([COLUMNS[f][0] for f in fields])
        for r in generate_outages(load_city(), n, now):
            o = r.times
            w.writerow([r.source_id, KIND_ZH[o.kind.value], r.cause, t(o.start), t(o.expected_restore),
                        t(o.actual_restore), STATUS_ZH[o.status.value], "、".join(r.feeders),
                        "、".join(r.transformer_areas), "、".join(r.scopes), t(o.announced_at)])


def baseline(path: Path, rows: list[list[object]]) -> float:
    remove_db_files(path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    width = len(rows[0])
    con.execute(f"CREATE TABLE scratch ({', '.join(f'c{i} TEXT' for i in range(width))})")
    t = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.executemany(f"INSERT INTO scratch VALUES ({','.join('?' * width)})", rows)
    con.execute("COMMIT")
    dt = time.perf_counter() - t
    con.close()
    return dt


def check_stored(path: Path, rows: int) -> None:
    """Refuse a run whose work is not in the store: ``rows`` outages, their
    targets, and an outbox op for each outage and each target."""
    con = sqlite3.connect(path)
    try:
        outages = con.execute("SELECT count(*) FROM outages").fetchone()[0]
        targets = con.execute("SELECT count(*) FROM outage_targets").fetchone()[0]
        ops = dict(con.execute("SELECT table_name, count(*) FROM sync_outbox "
                               "WHERE table_name IN ('outages', 'outage_targets') GROUP BY table_name"
                               ).fetchall())
    finally:
        con.close()
    if outages != rows:
        raise BenchError(f"the import stored {outages} outages, the file has {rows} rows")
    if targets < rows:
        raise BenchError(f"the import stored {targets} targets for {rows} outages")
    if ops.get("outages", 0) != outages or ops.get("outage_targets", 0) != targets:
        raise BenchError(f"the import queued {ops.get('outages', 0)} outage and "
                         f"{ops.get('outage_targets', 0)} target sync ops for {outages} outages "
                         f"and {targets} targets")


def run(args: BenchArgs) -> Metrics:
    if args.size < 1:
        raise BenchError("--size must be at least 1 row")
    src = args.data_dir / "outages.csv"
    args.progress(f"writing a {args.size:,}-row CSV")
    write_csv(src, args.size, datetime.now(UTC))
    rows = [[str(c) for c in r] for r in read_table(src)[1:]]
    best_s = float("inf")
    best_cpu = 0.0
    base_s = float("inf")
    for i in range(args.runs):
        path = args.data_dir / "desk.sqlite3"
        remove_db_files(path)
        db = open_database(path)
        try:
            importer = OutageImport(db, SystemClock(), "BENCH", "Asia/Shanghai")
            t = time.perf_counter()
            cpu = time.process_time()
            report = importer.run(src)
            dt = time.perf_counter() - t
            cpu = time.process_time() - cpu
        finally:
            db.close()
        if not report.ok:
            raise BenchError(report.text()[:500])
        check_stored(path, len(rows))
        if dt < best_s:
            best_s, best_cpu = dt, cpu
        base_s = min(base_s, baseline(args.data_dir / "scratch.sqlite3", rows))  # type: ignore[arg-type]
        args.progress(f"run {i + 1}: import {dt:.2f} s ({cpu:.2f} s CPU), bare executemany {base_s:.3f} s")
    return {
        "seconds": rounded(best_s),
        "cpu_s": rounded(best_cpu),
        "rows_per_s": rounded(args.size / best_s, 1),
        "baseline_rows_per_s": rounded(args.size / base_s, 1),
        "ratio": rounded(best_s / base_s, 2),
    }


SCENARIO = Scenario(
    name="outage-import",
    summary="import a dispatch outage CSV (all checks, one transaction) vs a bare executemany",
    size_means="rows in the CSV",
    runs_means="imports into a fresh store (the best is reported)",
    default_size=50_000,
    default_runs=1,
    run=run,
    path="OutageImport.run (read, check, write in one transaction), clock stops when it returns",
)
