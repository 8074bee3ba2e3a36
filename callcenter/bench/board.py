"""board: the shift lead's board over a month of N calls, offscreen, as a lead opens it.

- first_draw_ms: from opening the board tab on "this month" to its figures,
  charts and tables painted, as the tab does it (ui/board/integration.py): the
  figures asked for, then the view made and shown (Chinese UI) while they are
  read on the store's reader thread (BoardFigures.load: the hourly roll-ups of
  migration 0019 for the month's whole hours and the deadline counts, each
  answered from a covering index of migration 0020), then drawn
  (show_data, then the whole tab rendered into an image, pyqtgraph included).
  Median over the runs.
- refresh_ms: the board's periodic refresh after a new call was saved: the last
  two hours re-read and merged into what is shown, the deadline counts re-read,
  drawn and painted (BoardFigures.refresh). Median over the runs.
- baseline_ms: the bare aggregate SQL the board stands in for: the month's call
  totals (the same sums as the board's) straight over call_sessions with raw
  sqlite3, no roll-up, no Python objects. Median over the runs.
- ratio_first_draw: first_draw_ms / baseline_ms.
- first_view_ms, first_wait_ms: of the first draw, the tab's widgets made and
  shown (and its first events handled) while the query runs on the reader
  thread, then the time still spent waiting for the figures; the rest is
  drawing and painting.
- first_draw_cpu_ms, refresh_cpu_ms: the CPU time the process spent (all its
  threads: the GUI and the store's reader) over the same spans; on a machine
  shared with other work these move less than the wall-clock figures.
- refresh_wait_ms: of the refresh, the time waiting for the re-read figures.
- calls: the calls the month's figures counted (checked to be N, and the
  calls chart's offered curve checked to add up to the same after the first
  draw and after each refresh: the work shown, not only read).
- load_avg_1m: the machine's one-minute load average at the end.

The calls (60 agents, 3 teams, over November 2026 site time, one ticket per 10
calls) are written straight into SQLite before the store opens (raw sqlite3, not
captured for sync: synthetic rows must never reach central); the roll-ups fill
when migration 0019 runs on that store. With ``--data-dir`` a store already
holding exactly N calls is reused: the calls a run saves (one per refresh) are
deleted through the store when it ends, so the roll-ups and the count are back
to N for the next run.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects import sqlite as sqlite_dialect

from callcenter.domain.auth.roles import Actor, Role
from callcenter.services.auth.current_user import CurrentUser

from .board_seed import MONTH_END, MONTH_START, count_calls, seed
from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, rounded

STORE_FILE = "board.sqlite3"


def _baseline_sql() -> str:
    from callcenter.services.board.figures import CALLS, _totals_columns

    stmt = select(*_totals_columns()).where(CALLS.c.started_at >= MONTH_START,
                                            CALLS.c.started_at < MONTH_END)
    return str(stmt.compile(dialect=sqlite_dialect.dialect(),
                            compile_kwargs={"literal_binds": True}))


def _baseline_ms(path: Path, text: str) -> tuple[float, int]:
    con = sqlite3.connect(path)
    try:
        t = time.perf_counter_ns()
        row = con.execute(text).fetchone()
        return (time.perf_counter_ns() - t) / NS_PER_MS, int(row[0])
    finally:
        con.close()


def _drawn_offered(view: Any) -> int:
    """The calls the calls chart's first curve (offered per hour) adds up to."""
    curve = next(iter(view.calls_chart.curves.values()))
    ys = curve.getData()[1]
    return 0 if ys is None else int(round(float(sum(y for y in ys if y == y))))


def run(args: BenchArgs) -> Metrics:
    n = args.size
    if n < 100:
        raise BenchError("--size must be at least 100 calls")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from callcenter.services.board.figures import BoardFigures, BoardQuery
    from callcenter.services.site.profile import load_profile
    from callcenter.services.storage.database import open_database
    from callcenter.store.models import CallSession
    from callcenter.ui.board.view import BoardView
    from callcenter.ui.shared.fonts import install_cjk_font
    from callcenter.ui.shared.i18n import install_translator
    from callcenter.ui.shared.qt_app import application

    path = args.data_dir / STORE_FILE
    if count_calls(path) != n:
        args.progress(f"writing a month of {n:,} calls and {n // 10:,} tickets")
        seed(path, n)
    app = application()
    install_cjk_font(app)
    tr = install_translator(app, "zh")
    db = open_database(path)  # migration 0019 fills the roll-ups on a fresh store
    profile = load_profile()
    figures = BoardFigures(db, profile.targets, profile.board, profile.timezone,
                           user=CurrentUser(Actor("9001", Role.SHIFT_LEAD)))
    now = MONTH_END - timedelta(minutes=30)
    q = BoardQuery(MONTH_START, MONTH_END, now)
    text = _baseline_sql()
    first: list[float] = []
    refresh: list[float] = []
    added: list[uuid.UUID] = []  # the calls this run saves, deleted at the end
    first_cpu: list[float] = []
    refresh_cpu: list[float] = []
    refresh_wait: list[float] = []
    base: list[float] = []
    view_ms: list[float] = []  # the tab's widgets made and shown
    wait_ms: list[float] = []  # then still waiting for the figures
    try:
        for i in range(args.runs):
            t, c = time.perf_counter_ns(), time.process_time_ns()
            fut = figures.load(q)  # as the tab does: the figures asked for, then its view made
            view = BoardView(profile, profile.board, "zh", ["T1", "T2", "T3"], None)
            view.resize(1500, 900)
            view.show()
            app.processEvents()  # the view's first events while the reader thread works
            made = time.perf_counter_ns()
            data = fut.result()  # the GUI thread idles here as its event loop would (no spin)
            got = time.perf_counter_ns()
            view.show_data(data)
            view.grab()  # painted: the whole tab rendered, charts included
            first.append((time.perf_counter_ns() - t) / NS_PER_MS)
            first_cpu.append((time.process_time_ns() - c) / NS_PER_MS)
            view_ms.append((made - t) / NS_PER_MS)
            wait_ms.append((got - made) / NS_PER_MS)
            if data.figures.offered != n + i or _drawn_offered(view) != n + i:
                raise BenchError(f"the board counted {data.figures.offered} calls and drew "
                                 f"{_drawn_offered(view)}, not {n + i}")
            # a call is saved (through the store, its roll-up trigger runs), then the refresh
            row = {c.name: None for c in CallSession.__table__.c}
            added.append(row_id := uuid.uuid4())
            row.update(id=row_id, version=1, updated_at=now,
                       origin_workstation="BENCH", agent_id="1000", caller_number="13800138000",
                       started_at=now - timedelta(minutes=1), outcome="answered", ring_s=3.0,
                       talk_s=90.0, hold_s=0.0, wrapup_s=30.0, late_answer=False,
                       talk_over=False, wrapup_over=False, backfilled=False)
            db.write_now(lambda s, r=row: s.execute(insert(CallSession.__table__), [r]))
            t, c = time.perf_counter_ns(), time.process_time_ns()
            fut = figures.refresh(data, now)
            fresh = fut.result()
            got = time.perf_counter_ns()
            view.show_data(fresh)
            view.grab()  # painted: the whole tab rendered, charts included
            refresh.append((time.perf_counter_ns() - t) / NS_PER_MS)
            refresh_cpu.append((time.process_time_ns() - c) / NS_PER_MS)
            refresh_wait.append((got - t) / NS_PER_MS)
            if fresh.figures.offered != n + i + 1 or _drawn_offered(view) != n + i + 1:
                raise BenchError(f"the refresh counted {fresh.figures.offered} and drew "
                                 f"{_drawn_offered(view)}, not {n + i + 1}")
            b, counted = _baseline_ms(path, text)
            base.append(b)
            if counted != n + i + 1:
                raise BenchError(f"the bare SQL counted {counted} calls, not {n + i + 1}")
            view.close()
            view.deleteLater()
            app.processEvents()
            args.progress(f"run {i + 1}: first draw {first[-1]:.0f} ms, refresh {refresh[-1]:.0f} ms, "
                          f"bare aggregate SQL {b:.0f} ms")
    finally:
        if added:  # the roll-up triggers take them out again
            calls = CallSession.__table__
            db.write_now(lambda s: s.execute(delete(calls).where(calls.c.id.in_(added))))
        db.close()
        if tr is not None:
            app.removeTranslator(tr)
    fd, bm = statistics.median(first), statistics.median(base)
    return {
        "first_draw_ms": rounded(fd, 1),
        "refresh_ms": rounded(statistics.median(refresh), 1),
        "baseline_ms": rounded(bm, 1),
        "ratio_first_draw": rounded(fd / bm if bm > 0 else 0.0, 2),
        "first_view_ms": rounded(statistics.median(view_ms), 1),
        "first_wait_ms": rounded(statistics.median(wait_ms), 1),
        "first_draw_cpu_ms": rounded(statistics.median(first_cpu), 1),
        "refresh_cpu_ms": rounded(statistics.median(refresh_cpu), 1),
        "refresh_wait_ms": rounded(statistics.median(refresh_wait), 1),
        "calls": n,
        "load_avg_1m": rounded(os.getloadavg()[0], 2),
    }


SCENARIO = Scenario(
    name="board",
    summary="the lead's board over a month of N calls: first draw and refresh, beside the bare SQL",
    size_means="calls in the month",
    runs_means="times the board is opened and refreshed (median reported)",
    default_size=1_000_000,
    default_runs=5,
    run=run,
    path="board tab opened on this month to figures and charts painted; refresh after a save "
         "to painted",
)
