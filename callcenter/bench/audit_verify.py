"""audit-verify: ``callcenter audit verify`` over a store holding N audit records
of one desk (issue 12: a million in at most 5 s).

- seconds: median wall-clock time over the runs of ``verify_store`` on the
  store, as the command does it: every desk's rows streamed from SQLite into
  the chain walk (a SHA-256 per record plus the comparisons), a long chain in
  one stretch per core (child processes).
- cpu_seconds: the CPU time that took, this process and its children (on a
  shared machine the wall clock also counts waiting for a core).
- baseline_seconds: the bare loop of the same SHA-256s over the same bytes
  (``prev_hash || payload`` of every record, read into memory a chunk at a
  time beforehand; only the hashing is timed), median over the runs;
  baseline_cpu_seconds its CPU time.
- ratio: seconds / baseline_seconds.
- load_avg_1m: the machine's one-minute load average when the runs ended (the
  figures are wall-clock seconds; on a shared machine both sides slow down).
- broken_seq: the work is checked: the chain must verify whole (N records, no
  break), and a copy with one record changed in the middle (the change made in
  a transaction that is rolled back afterwards) must be reported at that record.

The records are real: each payload is ``canonical_payload`` of its fields and
each hash is chained by ``chain_hash``, written straight into SQLite (raw
sqlite3, not captured for sync: synthetic rows must never reach central).
With ``--data-dir`` a store already holding exactly N records is reused.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import statistics
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from pathlib import Path

from sqlalchemy.orm import Session

from callcenter.domain.audit import ZERO_HASH, AuditAction, AuditEntry, canonical_payload, chain_hash
from callcenter.services.audit.verify import VerifyReport, verify_session, verify_store
from callcenter.services.storage.database import Database, open_database

from .common import BenchArgs, BenchError, Metrics, Scenario, rounded

STORE_FILE = "audit.sqlite3"
DESK = "BENCH-01"
T0 = datetime(2026, 12, 1, tzinfo=UTC)
CHUNK = 50_000
ACTIONS = list(AuditAction)


def _rows(n: int) -> Iterator[tuple[object, ...]]:
    prev = ZERO_HASH
    for seq in range(1, n + 1):
        at = T0 + timedelta(seconds=seq)
        payload = canonical_payload(AuditEntry(
            DESK, seq, at, f"{1000 + seq % 97}", ACTIONS[seq % len(ACTIONS)].value,
            f"工单 20261201-{seq:06d}", {"reason": "客户来电核实身份", "n": str(seq)}))
        h = chain_hash(prev, payload)
        yield (uuid.uuid4().hex, DESK, seq, prev, h, payload, 1,
               at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"), DESK)
        prev = h


def _seed(path: Path, n: int) -> None:
    open_database(path).close()  # the schema
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute("DELETE FROM audit_log")
            rows = _rows(n)
            while True:
                chunk = [r for _, r in zip(range(CHUNK), rows, strict=False)]
                if not chunk:
                    break
                con.executemany(
                    "INSERT INTO audit_log (id, desk, seq, prev_hash, hash, payload, version, updated_at, "
                    "origin_workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def _count(path: Path) -> int:
    if not path.exists():
        return -1
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    except sqlite3.Error:
        return -1
    finally:
        con.close()


def _cpu() -> float:
    """CPU seconds of this process and of its children waited for so far."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _baseline(db: Database) -> tuple[float, float]:
    """Wall and CPU seconds of the bare SHA-256 loop over every record's hashed bytes."""

    def read(s: Session) -> tuple[float, float]:
        wall = cpu = 0.0
        raw = s.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        cur = raw.execute("SELECT CAST(prev_hash || payload AS BLOB) FROM audit_log ORDER BY desk, seq")
        while chunk := cur.fetchmany(CHUNK):
            data = [r[0] for r in chunk]
            c = time.process_time()
            t = time.perf_counter()
            for b in data:
                sha256(b).hexdigest()
            wall += time.perf_counter() - t
            cpu += time.process_time() - c
        return wall, cpu

    return db.read_now(read)


class _RolledBack(Exception):
    pass


def _broken_copy(db: Database, seq: int) -> VerifyReport:
    """Verify with record ``seq`` changed, inside a write transaction rolled back after."""
    found: list[VerifyReport] = []

    def tamper(s: Session) -> None:
        raw = s.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("UPDATE audit_log SET payload = replace(payload, '核实', '核查') WHERE seq = ?", (seq,))
        found.append(verify_session(s))
        raise _RolledBack

    try:
        db.write_now(tamper)
    except _RolledBack:
        pass
    return found[0]


def run(args: BenchArgs) -> Metrics:
    n = args.size
    if n < 3:
        raise BenchError("--size must be at least 3 records")
    path = args.data_dir / STORE_FILE
    seed_s = 0.0
    if _count(path) != n:
        args.progress(f"writing {n:,} chained audit records")
        t = time.perf_counter()
        _seed(path, n)
        seed_s = time.perf_counter() - t
    db = open_database(path)
    try:
        seconds: list[float] = []
        cpu: list[float] = []
        baseline: list[tuple[float, float]] = []
        for i in range(args.runs):
            c = _cpu()
            t = time.perf_counter()
            report = verify_store(db)
            seconds.append(time.perf_counter() - t)
            cpu.append(_cpu() - c)
            if not report.intact or report.records != n:
                raise BenchError(f"the chain did not verify: {report.lines()}")
            baseline.append(_baseline(db))
            args.progress(f"run {i + 1}: verify {seconds[-1]:.3f} s (CPU {cpu[-1]:.3f} s), "
                          f"bare SHA-256 {baseline[-1][0]:.3f} s (CPU {baseline[-1][1]:.3f} s)")
        middle = n // 2
        t = time.perf_counter()
        broken = _broken_copy(db, middle)
        broken_s = time.perf_counter() - t
        if [b.seq for _, b in broken.breaks] != [middle]:
            raise BenchError(f"a record changed at {middle} was not found: {broken.lines()}")
        if not verify_store(db).intact:
            raise BenchError("the store did not come back intact after the rollback")
    finally:
        db.close()
    med, base = statistics.median(seconds), statistics.median(b for b, _ in baseline)
    return {
        "seconds": rounded(med),
        "cpu_seconds": rounded(statistics.median(cpu)),
        "baseline_seconds": rounded(base),
        "baseline_cpu_seconds": rounded(statistics.median(c for _, c in baseline)),
        "ratio": rounded(med / base if base > 0 else 0.0, 2),
        "records": n,
        "records_per_s": round(n / med) if med > 0 else 0,
        "broken_seq": middle,
        "broken_seconds": rounded(broken_s),
        "seed_s": rounded(seed_s),
        "load_avg_1m": rounded(os.getloadavg()[0], 2),
    }


SCENARIO = Scenario(
    name="audit-verify",
    summary="audit verify over N chained records, beside a bare SHA-256 loop over the same bytes",
    size_means="audit records in the store (one desk's chain)",
    runs_means="times the whole chain is verified (median reported)",
    default_size=1_000_000,
    default_runs=3,
    run=run,
    path="verify_store on a store of N chained records, to its report (a broken copy found too)",
)
