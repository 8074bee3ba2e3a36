"""A month of synthetic calls and tickets for the board benches (raw sqlite3, not
captured for sync: synthetic rows must never reach central).

Calls are spread evenly over November 2026 across 60 agents of 3 teams, with a
deterministic mix of outcomes and durations; one ticket per 10 calls."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from callcenter.services.storage.database import open_database

MONTH_START = datetime(2026, 11, 1, tzinfo=UTC) - timedelta(hours=8)  # site-local 11-01 00:00
MONTH_END = datetime(2026, 12, 1, tzinfo=UTC) - timedelta(hours=8)
AGENTS = [(f"{1000 + i}", f"T{i % 3 + 1}") for i in range(60)]
CHUNK = 50_000
CATEGORIES = ("fault_repair", "inquiry", "complaint", "report", "suggestion")


def _ts(d: datetime) -> str:
    return d.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _calls(n: int, rng: random.Random) -> Iterator[tuple[object, ...]]:
    span = (MONTH_END - MONTH_START).total_seconds()
    for i in range(n):
        at = MONTH_START + timedelta(seconds=span * (i + 0.5) / n)
        agent = AGENTS[i % len(AGENTS)][0]
        r = rng.random()
        if r < 0.85:
            outcome, ring, talk = "answered", rng.uniform(1, 25), rng.uniform(30, 300)
            hold, wrap = (rng.uniform(0, 60) if r < 0.2 else 0.0), rng.uniform(10, 110)
        else:
            outcome = "missed" if r < 0.93 else "abandoned"
            ring = talk = hold = wrap = None
        late = ring is not None and ring > 15
        yield (uuid.uuid4().hex, 1, _ts(at), None, "BENCH", None, agent, None, "13800138000",
               _ts(at), outcome, ring, talk, hold, wrap, None, late, False,
               wrap is not None and wrap > 60, False)


def _tickets(n: int, rng: random.Random) -> Iterator[tuple[object, ...]]:
    span = (MONTH_END - MONTH_START).total_seconds()
    for i in range(n):
        at = MONTH_START + timedelta(seconds=span * (i + 0.5) / n)
        status = "archived" if rng.random() < 0.9 else "dispatched"
        deadline = at + timedelta(days=rng.choice((1, 3, 5, 10)))
        yield (uuid.uuid4().hex, 1, _ts(at), None, "BENCH", f"B{i:08d}", None,
               CATEGORIES[i % len(CATEGORIES)], "内容", "张三", "13912345678", "3100000001",
               "M1", "地址", "urban", "normal", status, None, None, _ts(deadline), False, None,
               AGENTS[i % len(AGENTS)][0], _ts(at), None)


def seed(path: Path, calls: int, seed_value: int = 15) -> None:
    open_database(path).close()  # the schema
    rng = random.Random(seed_value)
    con = sqlite3.connect(path)
    try:
        with con:
            for table in ("call_sessions", "tickets", "users"):
                con.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
            con.executemany(
                "INSERT INTO users (id, version, updated_at, deleted_at, origin_workstation, user_id,"
                " name, role, team, department, disabled, password_hash, must_change_password,"
                " password_set_at) VALUES (?, 1, ?, NULL, 'BENCH', ?, ?, 'agent', ?, NULL, 0, 'x',"
                " 0, ?)",
                [(uuid.uuid4().hex, _ts(MONTH_START), a, a, t, _ts(MONTH_START)) for a, t in AGENTS])
            for sql, rows in (
                ("INSERT INTO call_sessions (id, version, updated_at, deleted_at, origin_workstation,"
                 " shift_id, agent_id, telephony_call_id, caller_number, started_at, outcome, ring_s,"
                 " talk_s, hold_s, wrapup_s, hung_up_by, late_answer, talk_over, wrapup_over,"
                 " backfilled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 _calls(calls, rng)),
                ("INSERT INTO tickets (id, version, updated_at, deleted_at, origin_workstation, number,"
                 " call_id, category, content, caller_name, caller_phone, account_no, meter_no,"
                 " address, area_type, priority, status, department, deadline_days, deadline_at,"
                 " backfilled, call_time, created_by, created_at, subtype) VALUES"
                 " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 _tickets(calls // 10, rng)),
            ):
                while chunk := [r for _, r in zip(range(CHUNK), rows, strict=False)]:
                    con.executemany(sql, chunk)
        con.execute("ANALYZE")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def count_calls(path: Path) -> int:
    if not path.exists():
        return -1
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM call_sessions").fetchone()[0])
    except sqlite3.Error:
        return -1
    finally:
        con.close()
