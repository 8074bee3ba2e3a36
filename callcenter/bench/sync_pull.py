"""sync-pull: a fresh desk pulls N changed rows from central, against a bare
``executemany`` of the same rows into the same local tables.

Central holds N rows of tickets and ticket events (about 2.35 rows per ticket:
its "saved" event and, for about a third, a "dispatched" one) as another desk's
pushes leave them: written with ``COPY`` in transactions of 1,000 rows (a push
call's worth, so the rows carry a thousand-odd distinct ``sync_xid``s, as
pushed rows do), with the ``sync_seen`` a push sets on a merge table; the
trigger stamps ``sync_xid``. Then the two tables are ANALYZEd, as autovacuum
would soon do on a real central: without statistics the planner picks a sort
of every row past the cursor for each page (about 240 ms per 1,000-row page at
100,000 rows instead of about 45 ms, measured while writing this bench).

Timed: ``SyncEngine.pull_all`` on a fresh desk store (a copy of a migrated
empty store), as the desk's own SCRAM login (an agent desk of the source
desk's team, so its subset is every row), from an empty cursor until caught
up: pages fetched with ``sync.pull`` while the Database's writer thread stores
the ones before (pages fetched while it is busy go in one local transaction
with the last one's cursor). The connection is opened (and the schema
checked) before the clock starts. Where the time went: ``central_s``, the
time spent in ``sync.pull`` calls (the server's work, the transfer and the
parse of the answer), and ``store_s``, the writer's time storing them
(conversion, SQL, commits); the two overlap, so ``pull_s`` is about the larger
plus what cannot overlap (the first fetch, the last store).

Baseline, same run: the same rows in the local formats, ``executemany`` into
tickets and ticket_events of another copy of the fresh store, one
transaction, with the store's pragmas (WAL, synchronous=FULL, busy_timeout,
foreign keys off as the pull's writes have them). Both fire the same
triggers on tickets (callcenter/store/search_schema.py says how pulled tickets
reach the text index); the pull's Database also runs its own background
threads as the app's does. ``ratio`` is pull rows/s over baseline rows/s.

Knobs: ``CALLCENTER_BENCH_PAGE_ROWS`` sets SyncEngine's ``page_rows`` (rows per
pull call) and ``CALLCENTER_BENCH_APPLY_ROWS`` its ``apply_rows`` (most rows
fetched ahead of the store, so most rows per local transaction); both default
to the engine's own defaults.
"""

from __future__ import annotations

import inspect
import shutil
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.engine import SyncEngine, SyncReport
from callcenter.store.engine import BUSY_TIMEOUT_MS
from callcenter.sync.central import CentralClient

from .common import DURABLE, BenchArgs, BenchError, Metrics, Scenario, remove_db_files, rounded
from .seed import EVENT_COLUMNS, TICKET_COLUMNS
from .sync_common import CentralServer, Row, central_tickets, copy_rows, count_central, env_int, make_saves

SOURCE_DESK = "BENCHSRC"  # the desk whose pushes central holds
DESK = "BENCHPULL"
TEAM = "BENCH"  # both agent desks of one team: the puller's subset holds every row
TX_ROWS = 1000  # rows per central transaction when filling central


def _rows(n: int) -> tuple[list[Row], list[Row], list[tuple[str, int]]]:
    """(tickets, events, [(table, index)...] in the order they are written) for ``n`` rows."""
    saves = make_saves(n // 2 + 1, SOURCE_DESK, load_profile(), datetime.now(UTC))
    tickets: list[Row] = []
    events: list[Row] = []
    order: list[tuple[str, int]] = []
    for t, evs in saves:
        for table, row in (("tickets", t), *(("ticket_events", e) for e in evs)):
            if len(order) == n:
                return tickets, events, order
            out = tickets if table == "tickets" else events
            order.append((table, len(out)))
            out.append(row)
    if len(order) < n:
        raise BenchError("not enough rows generated")
    return tickets, events, order


def _fill_central(url: str, tickets: list[Row], events: list[Row], order: list[tuple[str, int]]) -> None:
    central = central_tickets(tickets, SOURCE_DESK)
    with psycopg.connect(url) as conn:
        for i in range(0, len(order), TX_ROWS):
            part = order[i:i + TX_ROWS]
            with conn.transaction():
                copy_rows(conn, [central[j] for t, j in part if t == "tickets"],
                          [events[j] for t, j in part if t == "ticket_events"])
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE public.tickets, public.ticket_events")  # as autovacuum soon would


def _baseline(path: Path, tickets: list[Row], events: list[Row]) -> float:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        ins_t = (f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(TICKET_COLUMNS))})")
        ins_e = (f"INSERT INTO ticket_events ({', '.join(EVENT_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})")
        t = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.executemany(ins_t, tickets)
        con.executemany(ins_e, events)
        con.execute("COMMIT")
        dt = time.perf_counter() - t
        got = con.execute("SELECT (SELECT count(*) FROM tickets), "
                          "(SELECT count(*) FROM ticket_events)").fetchone()
    finally:
        con.close()
    if tuple(got) != (len(tickets), len(events)):
        raise BenchError(f"the baseline stored {got}, expected {(len(tickets), len(events))}")
    return dt


def _local_counts(db: Database) -> tuple[int, int]:
    from sqlalchemy import text

    return db.read_now(lambda s: tuple(s.execute(text(
        "SELECT (SELECT count(*) FROM tickets), (SELECT count(*) FROM ticket_events)")).one()))


def run(args: BenchArgs) -> Metrics:
    if args.size < 1:
        raise BenchError("--size must be at least 1 row")
    defaults = inspect.signature(SyncEngine).parameters
    page_rows = env_int("CALLCENTER_BENCH_PAGE_ROWS", defaults["page_rows"].default)
    apply_rows = env_int("CALLCENTER_BENCH_APPLY_ROWS", defaults["apply_rows"].default)
    template = args.data_dir / "fresh-store.sqlite3"
    remove_db_files(template)
    open_database(template).close()
    desk_path = args.data_dir / "desk-pull.sqlite3"
    base_path = args.data_dir / "baseline.sqlite3"
    for p in (desk_path, base_path):
        remove_db_files(p)
        shutil.copyfile(template, p)
    tickets, events, order = _rows(args.size)
    with CentralServer(args.data_dir, args.central, progress=args.progress,
                       durable=args.durable) as server:
        url = server.new_database("pull")
        t0 = time.perf_counter()
        _fill_central(url, tickets, events, order)
        if count_central(url) != (len(tickets), len(events)):
            raise BenchError("central does not hold the rows written")
        args.progress(f"central holds {len(tickets):,} tickets and {len(events):,} events "
                      f"({time.perf_counter() - t0:.1f} s); pulling {page_rows} rows per call")
        server.desk_url(url, SOURCE_DESK, TEAM)
        desk_url = server.desk_url(url, DESK, TEAM)
        db = open_database(desk_path)
        spent = {"central": 0.0, "store": 0.0}
        db.write_unchecked_now = _timed(db.write_unchecked_now, spent, "store")  # type: ignore[method-assign]
        engine = SyncEngine(db, DESK, lambda: _TimedClient(desk_url, spent),
                            page_rows=page_rows, apply_rows=apply_rows)
        try:
            engine.client()
            report = SyncReport()
            t = time.perf_counter()
            engine.pull_all(report)
            pull_s = time.perf_counter() - t
            got = _local_counts(db)
        finally:
            engine.close()
            db.close()
    if report.pulled_rows != args.size or got != (len(tickets), len(events)) or not report.caught_up:
        raise BenchError(f"pulled {report.pulled_rows} rows (caught up: {report.caught_up}), the store "
                         f"holds {got}; expected {args.size} = {(len(tickets), len(events))}")
    args.progress(f"pulled in {pull_s:.2f} s ({report.pages} pages); bare executemany baseline")
    base_s = _baseline(base_path, tickets, events)
    ops_per_s = args.size / pull_s
    base = args.size / base_s
    return {
        DURABLE: server.durable,
        "ops_per_s": rounded(ops_per_s, 1),
        "baseline_rows_per_s": rounded(base, 1),
        "ratio": rounded(ops_per_s / base, 3),
        "pull_s": rounded(pull_s),
        "central_s": rounded(spent["central"]),
        "store_s": rounded(spent["store"]),
        "baseline_s": rounded(base_s),
        "pages": report.pages,
        "page_rows": page_rows,
        "apply_rows": apply_rows,
    }


def _timed(fn: Any, spent: dict[str, float], key: str) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - t
    return timed


class _TimedClient(CentralClient):
    """The desk's client, counting the time spent in pull calls."""

    def __init__(self, url: str, spent: dict[str, float]) -> None:
        super().__init__(url)
        self._spent = spent

    def pull(self, desk: str, cursor: dict[str, Any] | None, max_rows: int, **kw: Any) -> dict[str, Any]:
        t = time.perf_counter()
        try:
            return super().pull(desk, cursor, max_rows, **kw)
        finally:
            self._spent["central"] += time.perf_counter() - t


SCENARIO = Scenario(
    name="sync-pull",
    summary="a fresh desk pulls central's changed rows vs a bare executemany of the same rows",
    size_means="rows on central (tickets and ticket events)",
    runs_means="unused",
    default_size=100_000,
    default_runs=1,
    run=run,
    path="SyncEngine.pull_all of central rows into a fresh desk, clock stops when all are applied",
    central=True,
)
