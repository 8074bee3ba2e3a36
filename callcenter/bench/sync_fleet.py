"""sync-fleet: N desks (default 200) syncing with one central PostgreSQL at once
for S seconds (``--seconds``, default 60); the latency of each round trip.

Each desk is what the app runs: its own SQLite store (a copy of one migrated
empty store), its own ``Database`` (writer, reader and checkpoint threads), its
own ``SyncEngine`` holding its own connection to central as its own SCRAM
login role, driven by its own ``SyncWorker`` (started at a random moment of
the first 5 s, or the first quarter of a shorter run, so desks come online
over one round interval rather than in one burst; rounds every 5 s, at once after
a save's nudge, backoff after failures). Each desk saves a validated ticket
every 2-6 s (uniformly random, knob ``CALLCENTER_BENCH_FLEET_SAVE_S=2-6``; the
first after a random 0-6 s so desks do not start in step) through
``Tickets.save`` and nudges its worker when the save has committed, as the app
does.

The desks run in ``CALLCENTER_BENCH_FLEET_PROCS`` worker processes (default 4:
the GIL would serialise 200 desks' Python in one process; the machine has 2
cores), each running its share of desks on threads. Central gets one
connection per desk (as in production: a desk keeps its connection between
rounds), so the server's ``max_connections`` is raised to desks + 30 with
ALTER SYSTEM and a restart of the pgserver server; a pool shared by desks
would measure a different system (desks never share a process in production).

Timed: every ``CentralClient.push`` (one push call: the desk's queued
transactions, usually one save's) and ``CentralClient.pull`` (one page), on the
desk's side, from the call to the parsed answer. ``errors`` counts failed
central calls, failed connects, failed rounds (the worker going offline) and
failed saves; ``save_errors`` and ``sync_errors`` split it (the kinds go to
the progress output). ``write_lock_wait_max_ms`` is the longest any desk's
write (a save, a pulled page, a push acknowledgement) waited for its store's
write lock (callcenter/services/storage/write_lock.py): what a save meets when the
search indexer or another write holds it. ``server_connections_max`` is the
most client backends seen in ``pg_stat_activity`` (sampled every 0.25 s). The server tracks its PL/pgSQL
functions (``track_functions = pl``) so the report also has the mean time
central spent inside ``sync.push``/``sync.pull``, and the CPU seconds the
server and the desks' processes used (what the 2 cores were busy with).

Desks are agent desks in teams of ``CALLCENTER_BENCH_FLEET_TEAM`` (default
20): an agent desk pulls its team's tickets and their events (central's
per-desk subsets), so each save reaches the 20 desks of its team and the
fleet's local apply work grows with team size x saves. On 2 shared cores the
desks' own work (saves, status, applying pulled pages) competes with central
for the CPU, which a real fleet (one PC per desk) would not: ``desks_cpu_s``
and ``server_cpu_s`` say how the CPU was shared.
"""

from __future__ import annotations

import heapq
import os
import queue
import random
import shutil
import sqlite3
import statistics
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg

from .common import (
    DURABLE,
    BenchArgs,
    BenchError,
    Metrics,
    Scenario,
    percentile,
    remove_db_files,
    rounded,
    signed_in_agent,
)
from .sync_common import CentralServer, env_int

DEFAULT_SECONDS = 60.0
SAVE_EVERY_S = (2.0, 6.0)
ROUND_INTERVAL_S = 5.0
AGENT_ID = "1024"
SAMPLE_EVERY_S = 0.25


@dataclass
class DeskPlan:
    desk: str
    url: str
    path: str


@dataclass
class ProcResult:
    push_ms: list[float] = field(default_factory=list)
    pull_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    saves: int = 0
    rounds: int = 0
    pulled_rows: int = 0
    pushed_ops: int = 0
    left_in_queue: int = 0
    cpu_s: float = 0.0
    write_lock_wait_max_s: float = 0.0


def _save_every_s() -> tuple[float, float]:
    raw = os.environ.get("CALLCENTER_BENCH_FLEET_SAVE_S", "").strip()
    if not raw:
        return SAVE_EVERY_S
    try:
        lo, hi = (float(x) for x in raw.split("-", 1))
    except ValueError:
        raise BenchError(f"CALLCENTER_BENCH_FLEET_SAVE_S must be like 2-6, got {raw!r}") from None
    if not 0 < lo <= hi:
        raise BenchError(f"CALLCENTER_BENCH_FLEET_SAVE_S must be like 2-6, got {raw!r}")
    return lo, hi


def _desk_process(plans: list[DeskPlan], ready: Any, go: Any, seconds: float, seed: int) -> ProcResult:
    """One worker process: opens its desks, says ``ready``, waits for ``go`` and runs
    them for ``seconds``."""
    from callcenter.domain.clock import SystemClock
    from callcenter.services.site.profile import load_profile
    from callcenter.services.storage.database import open_database
    from callcenter.services.sync.engine import SyncEngine
    from callcenter.services.sync.worker import SyncState, SyncStatus, SyncWorker
    from callcenter.services.tickets.entry import Tickets
    from callcenter.sync import outbox_reader
    from callcenter.sync.central import CentralClient
    from callcenter.sync.protocol import Op

    from .seed import sample_drafts

    res = ProcResult()
    lock = threading.Lock()

    def error(kind: str) -> None:
        with lock:
            res.errors += 1
            res.error_kinds[kind] = res.error_kinds.get(kind, 0) + 1

    class TimedClient(CentralClient):
        def push(self, desk: str, ops: list[Op]) -> dict[str, Any]:
            t = time.perf_counter()
            try:
                out = super().push(desk, ops)
            except Exception:
                error("push")
                raise
            res.push_ms.append((time.perf_counter() - t) * 1000)
            return out

        def pull(self, desk: str, cursor: dict[str, Any] | None, max_rows: int,
                 **kw: Any) -> dict[str, Any]:
            t = time.perf_counter()
            try:
                out = super().pull(desk, cursor, max_rows, **kw)
            except Exception:
                error("pull")
                raise
            res.pull_ms.append((time.perf_counter() - t) * 1000)
            return out

    def connector(url: str) -> Any:
        def connect() -> CentralClient:
            try:
                return TimedClient(url)
            except Exception:
                error("connect")
                raise
        return connect

    rng = random.Random(seed)
    profile = load_profile()
    drafts = sample_drafts(64, seed=seed)
    desks: list[tuple[Any, Any, Any]] = []
    failures: dict[str, int] = {}
    for p in plans:
        db = open_database(Path(p.path))
        engine = SyncEngine(db, p.desk, connector(p.url))

        def on_status(s: SyncStatus, desk: str = p.desk) -> None:
            # a round failed (the worker publishes OFFLINE once per failed round)
            if s.state in (SyncState.OFFLINE, SyncState.SCHEMA_TOO_OLD) and \
                    s.failures != failures.get(desk, 0):
                error(f"round: {s.error[:80]}")
            failures[desk] = s.failures

        def on_report(r: Any) -> None:
            with lock:
                res.rounds += 1
                res.pulled_rows += r.pulled_rows
                res.pushed_ops += r.pushed_ops

        worker = SyncWorker(db, engine, on_status=on_status, on_report=on_report,
                            interval_s=ROUND_INTERVAL_S, rng=random.Random(rng.random()))
        user = signed_in_agent(AGENT_ID)
        desks.append((db, Tickets(db, profile, SystemClock(), p.desk, user=user), worker))

    ready.put(len(desks))
    if not go.wait(600):
        raise BenchError("the coordinator never said go")
    cpu0 = time.process_time()
    t0 = time.monotonic()
    end = t0 + seconds
    ramp_s = min(ROUND_INTERVAL_S, seconds / 4)  # desks come online over one round interval
    starters = [threading.Timer(rng.uniform(0, ramp_s), worker.start) for _db, _t, worker in desks]
    for starter in starters:
        starter.start()
    every = _save_every_s()
    due = [(t0 + rng.uniform(0, every[1]), i) for i in range(len(desks))]
    heapq.heapify(due)

    def saved(fut: Future[Any], worker: Any) -> None:
        if (exc := fut.exception()) is not None:
            error(f"save: {type(exc).__name__}: {str(exc)[:80]}")
        else:
            with lock:
                res.saves += 1
            worker.nudge()

    while due:
        at, i = due[0]
        if at >= end:
            break
        time.sleep(max(0.0, at - time.monotonic()))
        heapq.heapreplace(due, (at + rng.uniform(*every), i))
        _db, tickets, worker = desks[i]
        try:
            fut = tickets.save(drafts[rng.randrange(len(drafts))], agent_id=AGENT_ID)
        except Exception as exc:
            error(f"save: {type(exc).__name__}: {str(exc)[:80]}")
            continue
        fut.add_done_callback(lambda f, w=worker: saved(f, w))
    time.sleep(max(0.0, end - time.monotonic()))
    for starter in starters:
        starter.cancel()  # (all fired long ago, but for a run shorter than the ramp)
        starter.join()
    with ThreadPoolExecutor(len(desks)) as stopping:  # all at once: each may be mid-round
        list(stopping.map(lambda d: d[2].stop(), desks))
    for db, _t, _worker in desks:
        res.left_in_queue += db.read_now(outbox_reader.queue_status).depth
        res.write_lock_wait_max_s = max(res.write_lock_wait_max_s, db.write_lock.longest_write_wait_s)
        db.close()
    res.cpu_s = time.process_time() - cpu0
    return res


def _template(path: Path) -> None:
    from callcenter.services.storage.database import open_database

    remove_db_files(path)
    open_database(path).close()
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def _server_cpu_s(url: str) -> float | None:
    """CPU seconds the server has used so far: the postmaster's own, those of the
    children it has reaped (backends of closed connections), and those of its live
    children. A backend that exits between two readings moves from the last sum to
    the second, so the total only grows. None without psutil (pgserver needs it)."""
    try:
        import psutil
    except ModuleNotFoundError:
        return None
    try:
        with psycopg.connect(url) as conn:  # its backend lives until the connection closes
            row = conn.execute("SELECT pg_backend_pid()").fetchone()
            postmaster = psutil.Process(int(row[0]) if row else 0).parent()
        if postmaster is None:
            return None
        own = postmaster.cpu_times()
        total = own.user + own.system + own.children_user + own.children_system
        children = postmaster.children()
    except psutil.Error:
        return None
    for p in children:
        try:
            c = p.cpu_times()
        except psutil.Error:
            continue  # exited just now: its time is in the postmaster's children_* next time
        total += c.user + c.system
    return total


def run(args: BenchArgs) -> Metrics:
    n = args.size
    seconds = DEFAULT_SECONDS if args.seconds is None else float(args.seconds)
    if n < 1 or seconds <= 0:
        raise BenchError("--size (desks) must be at least 1 and --seconds positive")
    procs = min(n, env_int("CALLCENTER_BENCH_FLEET_PROCS", 4))
    team_size = env_int("CALLCENTER_BENCH_FLEET_TEAM", 20)
    template = args.data_dir / "fresh-store.sqlite3"
    _template(template)
    desk_dir = args.data_dir / "desks"
    desk_dir.mkdir(exist_ok=True)
    with CentralServer(args.data_dir, args.central, max_connections=n + 30,
                       progress=args.progress,
                       durable=args.durable) as server:
        url = server.new_database("fleet")
        with psycopg.connect(url, autocommit=True) as conn:
            # the desks' sessions time central's PL/pgSQL functions (a superuser sets it)
            conn.execute(psycopg.sql.SQL("ALTER DATABASE {} SET track_functions = 'pl'").format(
                psycopg.sql.Identifier(urlsplit(url).path.lstrip("/"))))
        args.progress(f"registering {n} desks and copying their stores")
        plans: list[DeskPlan] = []
        for i in range(n):
            desk = f"F{i + 1:03d}"
            path = desk_dir / f"{desk}.sqlite3"
            shutil.copyfile(template, path)
            team = f"T{i // team_size + 1:02d}"
            plans.append(DeskPlan(desk, server.desk_url(url, desk, team), str(path)))
        chunks = [plans[k::procs] for k in range(procs)]
        args.progress(f"{n} desks in {procs} processes for {seconds:.0f} s")
        cpu_before = _server_cpu_s(url)
        samples: list[int] = []
        ctx = get_context("spawn")
        with ctx.Manager() as manager, \
                ProcessPoolExecutor(max_workers=procs, mp_context=ctx) as pool, \
                psycopg.connect(url, autocommit=True) as admin:
            ready, go = manager.Queue(), manager.Event()
            futs = [pool.submit(_desk_process, c, ready, go, seconds, 1000 + k) for k, c in enumerate(chunks)]
            opened = 0
            while opened < n:  # every process has imported the app and opened its stores
                try:
                    opened += ready.get(timeout=1.0)
                except queue.Empty:
                    for f in futs:
                        if f.done():
                            f.result()  # raises what failed
            go.set()
            while not all(f.done() for f in futs):
                row = admin.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
                    "AND datname = current_database() AND pid <> pg_backend_pid()").fetchone()
                samples.append(int(row[0]) if row else 0)
                time.sleep(SAMPLE_EVERY_S)
            results = [f.result() for f in futs]
            fn = {r[0]: (int(r[1]), float(r[2]), float(r[3])) for r in admin.execute(
                "SELECT funcname, calls, total_time, self_time FROM pg_stat_user_functions "
                "WHERE schemaname = 'sync'").fetchall()}
        cpu_after = _server_cpu_s(url)
    cpu_server = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    push = sorted(x for r in results for x in r.push_ms)
    pull = sorted(x for r in results for x in r.pull_ms)
    both = sorted(push + pull)
    if not both:
        raise BenchError("no round trips were timed")
    errors = sum(r.errors for r in results)
    kinds: dict[str, int] = {}
    for r in results:
        for k, v in r.error_kinds.items():
            kinds[k] = kinds.get(k, 0) + v
    save_errors = sum(v for k, v in kinds.items() if k.startswith("save"))
    if kinds:
        args.progress(f"errors: {kinds}")

    def mean_ms(*names: str) -> float | None:
        """Mean ms central spent in a call of the function the client calls (push or
        push_rows...); None when PostgreSQL tracked none of them."""
        calls = sum(fn.get(name, (0, 0.0, 0.0))[0] for name in names)
        total = sum(fn.get(name, (0, 0.0, 0.0))[1] for name in names)
        return rounded(total / calls) if calls else None

    args.progress("central functions (calls, total ms, self ms): "
                  + ", ".join(f"{k} {v[0]} {v[1]:.0f} {v[2]:.0f}" for k, v in sorted(fn.items())))
    metrics: Metrics = {
        DURABLE: server.durable,
        "p95_round_trip_ms": rounded(percentile(both, 95)),
        "p50_round_trip_ms": rounded(percentile(both, 50)),
        "p99_round_trip_ms": rounded(percentile(both, 99)),
        "max_round_trip_ms": rounded(both[-1]),
        "p95_push_ms": rounded(percentile(push, 95)) if push else 0.0,
        "p95_pull_ms": rounded(percentile(pull, 95)) if pull else 0.0,
        "errors": errors,
        "save_errors": save_errors,
        "sync_errors": errors - save_errors,
        "write_lock_wait_max_ms": rounded(max(r.write_lock_wait_max_s for r in results) * 1000),
        "server_connections_max": max(samples, default=0),
        "round_trips": len(both),
        "rounds": sum(r.rounds for r in results),
        "saves": sum(r.saves for r in results),
        "pushed_ops": sum(r.pushed_ops for r in results),
        "pulled_rows": sum(r.pulled_rows for r in results),
        "left_in_queue": sum(r.left_in_queue for r in results),
        "desks_cpu_s": rounded(sum(r.cpu_s for r in results), 1),
        "seconds": rounded(seconds, 1),
        "desks": n,
        "processes": procs,
        "median_connections": int(statistics.median(samples)) if samples else 0,
    }
    measured = {"server_push_mean_ms": mean_ms("push", "push_rows"),
                "server_pull_mean_ms": mean_ms("pull", "pull_rows"),
                "server_cpu_s": None if cpu_server is None else rounded(cpu_server, 3)}
    pushes, pulls = len(push), len(pull)
    for key, value in measured.items():
        if value is None:
            args.progress(f"{key} could not be measured; left out")
            continue
        calls = pushes if "push" in key else pulls
        if value < 0 or (value == 0 and (calls if "mean" in key else len(both))):
            raise BenchError(f"impossible figure {key} = {value} after {len(both)} round trips")
        metrics[key] = value
    return metrics


SCENARIO = Scenario(
    name="sync-fleet",
    summary="N desks saving and syncing with one central at once: round-trip latency (--seconds)",
    size_means="desks, each its own store, engine, worker and connection",
    runs_means="unused",
    default_size=200,
    default_runs=1,
    run=run,
    path="CentralClient.push/pull round trips of N desks' SyncWorkers, per call",
    central=True,
)
