"""report-monthly: the monthly 供电优质服务月报表's figures over N tickets, on central
(PostgreSQL, the whole site) and on a desk's SQLite, each beside a raw baseline.

Data (the same rows in both, written in the stored formats: raw ``executemany``
into a migrated SQLite store, text ``COPY`` into a central database at head):
N tickets spread evenly over 14 site-local months (2025-02 to 2026-03), so the
reported month 2026-03 holds about N/14, its previous month and the same month
last year about as many; per ticket its "saved" event, a "dispatch" for 60 %,
a reply for 70 % of those (5 % blank), 0-2 callback events per reply; one call
per ticket (answered, missed, abandoned) with its SLA columns. Central is then
ANALYZEd, as autovacuum soon would be.

Timed (``--runs`` times each, medians): ``services.report.source.from_central``
and ``from_desk``: the whole report (categories against the two base months,
quality findings, callbacks, SLA, top sub-types and addresses) in one
snapshot, connection opened inside the clock.

- seconds / desk_seconds: the report on central / on the desk's SQLite.
- baseline_seconds / desk_baseline_seconds: the bare aggregate SQL, one raw
  connection (psycopg / sqlite3): the month's tickets counted by category and
  the month's events and calls counted, i.e. one pass over each table the
  report reads, with none of the report's joins.
- ratio / desk_ratio: the report over its baseline.
- tickets_in_month: the month's tickets; the report's total and its calls
  offered are checked against the generator's own counts on both databases.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from bisect import bisect
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import Any

import psycopg
from psycopg import sql

from callcenter.domain.report.period import Month
from callcenter.services.report.monthly import MonthlyReport
from callcenter.services.report.source import from_central, from_desk
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database

from .common import DURABLE, BenchArgs, BenchError, Metrics, Scenario, remove_db_files, rounded
from .sync_common import CentralServer

MONTH = Month(2026, 3)
FIRST = Month(2025, 2)
MONTHS = 14
CHUNK = 20_000
TZ = "Asia/Shanghai"
DESKS = tuple(f"R{i:02d}" for i in range(1, 21))
CATEGORIES = (("fault_repair", 40), ("inquiry", 30), ("service_request", 10), ("complaint", 6),
              ("report", 2), ("opinion", 4), ("suggestion", 4), ("praise", 4))
SUBTYPES = ("supply_plan_residential", "connection_residential", "connection_non_residential", "other")
ROADS = ("临江路", "滨江大道", "解放路", "人民路", "建设路", "新华街", "工业园", "东湖路")

TICKET_COLUMNS = ("id", "number", "call_id", "category", "content", "caller_name", "caller_phone",
                  "account_no", "meter_no", "address", "area_type", "priority", "status",
                  "department", "deadline_days", "deadline_at", "backfilled", "call_time",
                  "created_by", "created_at", "subtype", "version", "updated_at", "deleted_at",
                  "origin_workstation")
EVENT_COLUMNS = ("id", "ticket_id", "kind", "actor", "at", "data", "version", "updated_at",
                 "deleted_at", "origin_workstation")
CALL_COLUMNS = ("id", "shift_id", "agent_id", "telephony_call_id", "caller_number", "started_at",
                "outcome", "ring_s", "talk_s", "hold_s", "wrapup_s", "hung_up_by", "late_answer",
                "talk_over", "wrapup_over", "backfilled", "version", "updated_at", "deleted_at",
                "origin_workstation")
Row = tuple[Any, ...]
Chunk = tuple[list[Row], list[Row], list[Row]]


def _stamp(dt: datetime) -> str:
    """As UTCDateTime stores on SQLite (naive UTC); ``dt`` is aware UTC."""
    return dt.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


class Generator:
    """Rows in chunks; counts what the report must find in the month."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.rng = random.Random(15)
        self.start, _ = FIRST.utc_span(TZ)  # aware UTC, as every time below
        _, self.end = FIRST.plus(MONTHS - 1).utc_span(TZ)
        self.span = MONTH.utc_span(TZ)
        self.month_tickets = 0
        self.month_offered = 0

    def _id(self, at: datetime) -> str:
        """A UUIDv7 of the row's time, as the desks make them (keys grow with time)."""
        ms = int(at.timestamp() * 1000)
        return f"{ms:012x}7{self.rng.getrandbits(12):03x}{(0x8 << 60) | self.rng.getrandbits(62):016x}"

    def chunks(self) -> Iterator[Chunk]:
        rng, cats = self.rng, [c for c, _ in CATEGORIES]
        cum = list(accumulate(w for _, w in CATEGORIES))
        total = cum[-1]
        step = (self.end - self.start) / self.n
        tickets: list[Row] = []
        events: list[Row] = []
        calls: list[Row] = []
        for i in range(self.n):
            created = self.start + step * i + timedelta(seconds=rng.random() * step.total_seconds())
            at = _stamp(created)
            desk, agent = rng.choice(DESKS), str(1001 + rng.randrange(40))
            cat = cats[bisect(cum, rng.random() * total)]
            tid = self._id(created)
            in_month = self.span[0] <= created < self.span[1]
            self.month_tickets += in_month
            status, dept, dl_at = "accepted", None, None
            events.append((self._id(created), tid, "saved", agent, at, "{}", 1, at, None, desk))
            if rng.random() < 0.6:
                status, dept = "dispatched", "repair"
                dl_at = _stamp(created + timedelta(days=rng.randrange(1, 6)))
                t = created + timedelta(minutes=10)
                events.append((self._id(t), tid, "dispatch", agent, _stamp(t), '{"department": "repair"}',
                               1, _stamp(t), None, desk))
                if rng.random() < 0.7:
                    status = "replied"
                    t += timedelta(hours=rng.randrange(1, 150))
                    result = "" if rng.random() < 0.05 else "已处理"
                    events.append((self._id(t), tid, "reply", "8001", _stamp(t),
                                   f'{{"reply": {{"result": "{result}"}}}}', 1, _stamp(t), None, desk))
                    for _ in range(rng.randrange(3)):
                        t += timedelta(hours=rng.randrange(1, 30))
                        kind = rng.choice(("callback_satisfied", "callback_not_reached",
                                           "callback_not_satisfied"))
                        events.append((self._id(t), tid, kind, agent, _stamp(t), "{}", 1, _stamp(t),
                                       None, desk))
            address = f"临江市{rng.choice(ROADS)}{rng.randrange(1, 400)}号"
            tickets.append((
                tid, f"LJ-{desk}-{i:09d}", None, cat, "停电报修", "张三", "13800138000",
                f"{rng.randrange(10**9, 10**10)}", "333000111", address, "urban", "soon", status,
                dept, 3 if dept else None, dl_at, int(rng.random() < 0.03), at, agent, at,
                rng.choice(SUBTYPES) if cat == "service_request" else None, 1, at, None, desk))
            r = rng.random()
            outcome = "answered" if r < 0.9 else "missed" if r < 0.96 else "abandoned"
            answered = outcome == "answered"
            talk = rng.uniform(30, 300) if answered else None
            wrap = rng.uniform(10, 100) if answered else None
            self.month_offered += in_month and outcome != "abandoned"
            calls.append((self._id(created), None, agent, None, "13800138000", at, outcome,
                          rng.uniform(1, 25) if answered else None, talk, 0.0 if answered else None,
                          wrap, "customer" if answered else None,
                          int(answered and rng.random() < 0.1), int(talk is not None and talk > 150),
                          int(wrap is not None and wrap > 60), 0, 1, at, None, desk))
            if len(tickets) >= CHUNK:
                yield tickets, events, calls
                tickets, events, calls = [], [], []
        if tickets:
            yield tickets, events, calls


def _insert(table: str, cols: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def _fill(desk: sqlite3.Connection, central: psycopg.Connection[Any], gen: Generator,
          progress: Callable[[str], None]) -> tuple[int, int]:
    central.execute("SET TIME ZONE 'UTC'")
    n_events = n_calls = 0
    for k, (tickets, events, calls) in enumerate(gen.chunks()):
        with desk:
            desk.executemany(_insert("tickets", TICKET_COLUMNS), tickets)
            desk.executemany(_insert("ticket_events", EVENT_COLUMNS), events)
            desk.executemany(_insert("call_sessions", CALL_COLUMNS), calls)
        with central.transaction(), central.cursor() as cur:
            for table, cols, rows in (("tickets", TICKET_COLUMNS, tickets),
                                      ("ticket_events", EVENT_COLUMNS, events),
                                      ("call_sessions", CALL_COLUMNS, calls)):
                with cur.copy(sql.SQL("COPY public.{} ({}) FROM STDIN").format(
                        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, cols)))) as cp:
                    for r in rows:
                        cp.write_row(r)
        n_events += len(events)
        n_calls += len(calls)
        if k % 10 == 9:
            progress(f"  {(k + 1) * CHUNK:,} tickets written")
    return n_events, n_calls


def _check(report: MonthlyReport, gen: Generator, where: str) -> None:
    if report.total.current != gen.month_tickets or report.sla.offered != gen.month_offered:
        raise BenchError(f"{where}: the report found {report.total.current} tickets and "
                         f"{report.sla.offered} calls offered; the month holds {gen.month_tickets} "
                         f"and {gen.month_offered}")


BASELINE_SQL = (
    "SELECT category, count(*) FROM tickets WHERE created_at >= {a} AND created_at < {b} "
    "GROUP BY category",
    "SELECT count(*) FROM ticket_events WHERE at >= {a} AND at < {b}",
    "SELECT count(*) FROM call_sessions WHERE started_at >= {a} AND started_at < {b}",
)


def _timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def run(args: BenchArgs) -> Metrics:
    if args.size < MONTHS:
        raise BenchError(f"--size must be at least {MONTHS} tickets")
    profile = load_profile()
    if profile.timezone != TZ:
        raise BenchError(f"the shipped profile's time zone is not {TZ}")
    gen = Generator(args.size)
    desk_path = args.data_dir / "report-desk.sqlite3"
    remove_db_files(desk_path)
    open_database(desk_path).close()
    now = datetime(2026, 4, 2, tzinfo=UTC)
    a, b = (_stamp(x) for x in gen.span)
    with CentralServer(args.data_dir, args.central, progress=args.progress,
                       durable=args.durable) as server:
        url = server.new_database("report")
        con = sqlite3.connect(desk_path)
        con.execute("PRAGMA synchronous=OFF")
        t0 = time.perf_counter()
        try:
            with psycopg.connect(url) as pg:
                n_events, n_calls = _fill(con, pg, gen, args.progress)
            with psycopg.connect(url, autocommit=True) as pg:
                pg.execute("ANALYZE public.tickets, public.ticket_events, public.call_sessions")
            con.execute("ANALYZE")
            con.execute("PRAGMA synchronous=FULL")
        finally:
            con.close()
        args.progress(f"{args.size:,} tickets, {n_events:,} events, {n_calls:,} calls on both "
                      f"({time.perf_counter() - t0:.1f} s); {gen.month_tickets:,} in {MONTH}")

        def central_report() -> None:
            _check(from_central(url, profile, MONTH, now), gen, "central")

        def central_base() -> None:
            with psycopg.connect(url) as pg:
                for q in BASELINE_SQL:
                    pg.execute(q.format(a="%s", b="%s"), (a, b)).fetchall()

        central_s, base_s = [], []
        for _ in range(args.runs):  # interleaved: both sides see the same machine
            central_s += _timed(central_report, 1)
            base_s += _timed(central_base, 1)
        durable = server.durable
    db = open_database(desk_path)

    def desk_report() -> None:
        _check(from_desk(db, profile, MONTH, now), gen, "desk")

    def desk_base() -> None:
        raw = sqlite3.connect(desk_path)
        try:
            for q in BASELINE_SQL:
                raw.execute(q.format(a="?", b="?"), (a, b)).fetchall()
        finally:
            raw.close()

    desk_s, desk_base_s = [], []
    try:
        for _ in range(args.runs):
            desk_s += _timed(desk_report, 1)
            desk_base_s += _timed(desk_base, 1)
    finally:
        db.close()
    med = statistics.median
    return {
        DURABLE: durable,
        "seconds": rounded(med(central_s)),
        "baseline_seconds": rounded(med(base_s)),
        "ratio": rounded(med(central_s) / med(base_s), 2),
        "desk_seconds": rounded(med(desk_s)),
        "desk_baseline_seconds": rounded(med(desk_base_s)),
        "desk_ratio": rounded(med(desk_s) / med(desk_base_s), 2),
        "tickets_in_month": gen.month_tickets,
        "events": n_events,
    }


SCENARIO = Scenario(
    name="report-monthly",
    summary="the monthly report's figures on central and on a desk's SQLite",
    size_means="tickets on central and in the desk's store (over 14 months)",
    runs_means="timed reports per database (medians)",
    default_size=1_000_000,
    default_runs=3,
    run=run,
    path="services.report.source.from_central / from_desk: every figure of one month, in one "
         "snapshot, connection opened inside the clock",
    central=True,
)
