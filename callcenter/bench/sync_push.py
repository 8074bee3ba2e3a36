"""sync-push: a desk pushes a queue of N ticket saves to central while the GUI
thread keeps ticking, against a psycopg ``COPY`` of the same rows.

The desk store: two real ``Tickets.save`` calls (one dispatched) go through
the ORM with the outbox installed; their captured ops are checked byte for
byte against what the bench makes of the same stored rows
(sync_common.check_capture). Then N - 2 more saves (tickets with their "saved"
and, for about a third, "dispatched" events) are written with raw executemany
in big transactions, each save with the ops a real save captures (one
``tx_id`` per save, ticket first). So the queue holds N local transactions,
about 2.35 N ops.

Timed: ``SyncEngine.push_all`` on a plain thread (as the sync worker runs it:
reads and ``record_push`` through the Database, on its reader and writer
threads while central applies the batch before, pushes through one
``CentralClient`` as the desk's own SCRAM login), from the queue full to the
queue empty, into a fresh central database. Meanwhile the Qt event loop of the
process's QApplication (offscreen, from callcenter/ui) runs a 5 ms
PreciseTimer; ``max_gui_stall_ms`` is the longest gap between two ticks
(``time.monotonic``) minus the 5 ms period. For comparison,
``idle_max_gui_stall_ms`` is the same for 2 s before the push with nothing
running (what the shared machine alone costs), and ``max_gc_pause_ms`` the
longest garbage collection during the push (a collection holds the GIL).

Baseline, same run, same server: ``COPY`` of the same ticket and event rows
(read back from the desk store, central's ``sync_seen`` included) into the
same tables of a second fresh central database, one transaction.
``ops_per_s`` counts outbox ops (rows) pushed per second and
``baseline_copy_rows_per_s`` rows copied per second, so ``ratio_copy`` compares
like with like.

Heap: before the idle measurement the bench calls ``qt_app.settle_heap()``, as
the app does once its window is up (``gc.collect(); gc.freeze()``): a full
collection then skips everything made at start-up (imports, the UI, the
bench's own set-up). On this machine a full collection of that heap took
150-400 ms, holding the GIL, and was what the GUI's longest stall during a
push was made of.

Knobs: ``CALLCENTER_BENCH_PUSH_OPS`` sets SyncEngine's ``push_ops`` (ops per
push call; default the engine's 2000). ``CALLCENTER_BENCH_GC_FREEZE=0`` skips
``settle_heap`` (to see what it saves).
"""

from __future__ import annotations

import gc
import os
import sqlite3
import statistics
import threading
import time
from datetime import UTC, datetime

import psycopg

from callcenter.domain.clock import SystemClock
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.services.sync.engine import SyncEngine, SyncReport
from callcenter.services.tickets.entry import DispatchRequest, Tickets
from callcenter.sync import outbox_reader
from callcenter.sync.central import CentralClient

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
from .seed import EVENT_COLUMNS, TICKET_COLUMNS, sample_drafts
from .sync_common import (
    CentralServer,
    central_tickets,
    check_capture,
    copy_rows,
    count_central,
    env_int,
    insert_saves,
    make_saves,
)

DESK = "BENCHPUSH"
AGENT_ID = "1024"
TICK_MS = 5
REAL_SAVES = 2
IDLE_S = 2.0  # the GUI ticking with nothing else running, before the push


def _real_saves(tickets: Tickets) -> None:
    drafts = sample_drafts(REAL_SAVES)
    dept = tickets.profile.departments[0].code if tickets.profile.departments else None
    for i, draft in enumerate(drafts):
        dispatch = DispatchRequest(department=dept, deadline_days=1) if i == 1 and dept else None
        if errors := tickets.validate(draft, dispatch):
            raise BenchError(f"sample draft does not validate: {errors}")
        tickets.save(draft, agent_id=AGENT_ID, dispatch=dispatch).result()


def _tick_gaps(worker: threading.Thread) -> list[float]:
    """Run the Qt loop with a 5 ms timer until ``worker`` (started here) ends; the gaps
    between ticks in ms."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from callcenter.ui.shared.qt_app import application

    application()
    gaps: list[float] = []
    loop = QEventLoop()
    last = time.monotonic()

    def tick() -> None:
        nonlocal last
        now = time.monotonic()
        gaps.append((now - last) * 1000)
        last = now
        if not worker.is_alive():
            loop.quit()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    last = time.monotonic()
    worker.start()
    loop.exec()
    timer.stop()
    worker.join()
    return gaps


def _push_with_gui_ticking(engine: SyncEngine) -> tuple[float, SyncReport, list[float], float]:
    """Push on a thread while the Qt loop ticks; (seconds, report, gaps between ticks in ms,
    the longest garbage collection meanwhile in ms)."""
    report = SyncReport()
    box: dict[str, object] = {}
    gc_ms = [0.0]
    gc_start = [0.0]

    def on_gc(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            gc_start[0] = time.perf_counter()
        else:
            gc_ms[0] = max(gc_ms[0], (time.perf_counter() - gc_start[0]) * 1000)

    def push() -> None:
        try:
            t = time.perf_counter()
            engine.push_all(report)
            box["seconds"] = time.perf_counter() - t
        except BaseException as exc:  # reported on the main thread
            box["error"] = exc

    gc.callbacks.append(on_gc)
    try:
        gaps = _tick_gaps(threading.Thread(target=push, name="bench-push", daemon=True))
    finally:
        gc.callbacks.remove(on_gc)
    if "error" in box:
        err = box["error"]
        raise BenchError(f"the push failed: {err!r}") from err  # type: ignore[misc]
    return float(box["seconds"]), report, gaps, gc_ms[0]  # type: ignore[arg-type]


def _local_rows(path: object) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    con = sqlite3.connect(path)  # type: ignore[arg-type]
    try:
        t = con.execute(f"SELECT {', '.join(TICKET_COLUMNS)} FROM tickets").fetchall()
        e = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM ticket_events").fetchall()
    finally:
        con.close()
    return t, e


def run(args: BenchArgs) -> Metrics:
    if args.size < REAL_SAVES:
        raise BenchError(f"--size must be at least {REAL_SAVES} saves")
    push_ops = env_int("CALLCENTER_BENCH_PUSH_OPS", 2000)
    profile = load_profile()
    path = args.data_dir / "desk-push.sqlite3"
    remove_db_files(path)
    db = open_database(path)
    try:
        _real_saves(Tickets(db, profile, SystemClock(), DESK, user=signed_in_agent(AGENT_ID)))
        db.flush()
        real_ops = check_capture(path)
        args.progress(f"{REAL_SAVES} real saves captured {real_ops} ops, as the bench makes them; "
                      f"queueing {args.size - REAL_SAVES:,} more saves")
        t0 = time.perf_counter()
        saves = make_saves(args.size - REAL_SAVES, DESK, profile, datetime.now(UTC),
                           first_seq=REAL_SAVES + 1)
        ops = real_ops + insert_saves(path, saves, outbox=True, progress=args.progress)
        del saves
        queued = db.read_now(outbox_reader.queue_status)
        if (queued.depth, queued.transactions) != (ops, args.size):
            raise BenchError(f"queue holds {queued.depth} ops in {queued.transactions} transactions, "
                             f"expected {ops} in {args.size}")
        args.progress(f"queued {ops:,} ops in {args.size:,} transactions in {time.perf_counter() - t0:.1f} s")
        gc.collect()  # the generated rows are gone: no full collection of them mid-push

        with CentralServer(args.data_dir, args.central, progress=args.progress,
                       durable=args.durable) as server:
            central_url = server.new_database("push")
            desk_url = server.desk_url(central_url, DESK)
            copy_url = server.new_database("copy")
            engine = SyncEngine(db, DESK, lambda: CentralClient(desk_url), push_ops=push_ops)
            try:
                engine.client()  # connect and check the schema before the clock starts
                if os.environ.get("CALLCENTER_BENCH_GC_FREEZE", "").strip() != "0":
                    from callcenter.ui.shared.qt_app import settle_heap

                    settle_heap()  # as the app does once its window is up
                idle = _tick_gaps(threading.Thread(target=time.sleep, args=(IDLE_S,), daemon=True))
                args.progress(f"pushing {ops:,} ops ({push_ops} per call) while the GUI ticks")
                push_s, report, gaps, gc_ms = _push_with_gui_ticking(engine)
            finally:
                engine.close()
            left = db.read_now(outbox_reader.queue_status).depth
            got = count_central(central_url)
            tickets, events = _local_rows(path)  # the rows pushed, for the baseline
            if left or report.pushed_ops != ops or got != (len(tickets), len(events)):
                raise BenchError(f"after the push: {left} ops left, {report.pushed_ops} pushed of {ops}, "
                                 f"central holds {got}, expected {(len(tickets), len(events))}")
            args.progress(f"pushed in {push_s:.2f} s ({report.push_calls} calls); COPY baseline")
            rows = central_tickets(tickets, DESK)
            with psycopg.connect(copy_url) as conn:
                t = time.perf_counter()
                with conn.transaction():
                    copy_rows(conn, rows, events)
                copy_s = time.perf_counter() - t
            if count_central(copy_url) != got:
                raise BenchError("the COPY baseline did not store the same rows")
    finally:
        db.close()

    ops_per_s = ops / push_s
    base = (len(tickets) + len(events)) / copy_s
    gaps.sort()
    args.progress(f"COPY {copy_s:.2f} s; {len(gaps)} GUI ticks, longest gap {gaps[-1]:.1f} ms")
    return {
        DURABLE: server.durable,
        "ops_per_s": rounded(ops_per_s, 1),
        "baseline_copy_rows_per_s": rounded(base, 1),
        "ratio_copy": rounded(ops_per_s / base, 3),
        "max_gui_stall_ms": rounded(max(0.0, gaps[-1] - TICK_MS)),
        "p99_gui_stall_ms": rounded(max(0.0, percentile(gaps, 99) - TICK_MS)),
        "median_tick_gap_ms": rounded(statistics.median(gaps)),
        "idle_max_gui_stall_ms": rounded(max(0.0, max(idle) - TICK_MS)),
        "max_gc_pause_ms": rounded(gc_ms),
        "saves_per_s": rounded(args.size / push_s, 1),
        "ops": ops,
        "push_calls": report.push_calls,
        "push_s": rounded(push_s),
        "copy_s": rounded(copy_s),
        "push_ops_per_call": push_ops,
    }


SCENARIO = Scenario(
    name="sync-push",
    summary="push a queue of ticket saves to central (GUI ticking) vs a COPY of the same rows",
    size_means="ticket saves queued (each a ticket and its events, ~2.35 ops)",
    runs_means="unused",
    default_size=100_000,
    default_runs=1,
    run=run,
    path="SyncEngine push of the queued outbox to central, clock stops when the queue is empty",
    central=True,
)
