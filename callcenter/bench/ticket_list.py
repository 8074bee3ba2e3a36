"""ticket-list: the team ticket list over N tickets, offscreen, as an agent uses it.

- first_rows_ms: from showing the list (search bar + table, Chinese UI) until
  the first page of rows is in the table and painted.
- scroll_to_end_ms: the table is scrolled to the bottom again and again (each
  time the view asks the model for more, which loads the next keyset page on
  the search thread) until the last of the N tickets is in the table.
- rss_growth_mb: the process's resident memory at its highest during the
  scroll, minus before the list was made (read from /proc/self/statm).

first_rows_ms is measured first, on a store the list's Database has just
opened (no query has run on its connections: nothing warmed for it; the
operating system's file cache is whatever the machine has, as on a desk).
Baseline figures measured afterwards in the same run, through a second store
opened afresh: ``baseline_first_page_ms`` is the service's first page queried
bare on this thread (no Qt), and ``baseline_page_ms_p50`` a page fetched deep
in the list the same way.
With ``--data-dir`` a store already seeded with exactly N tickets is reused.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from pathlib import Path

from callcenter.domain.clock import SystemClock
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database
from callcenter.services.tickets.search import TicketQuery, TicketSearch

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, rounded
from .ticket_search import STORE_FILE, prepare_store

MB = 1024 * 1024


def rss_bytes() -> int:
    """Resident set size now (Linux /proc; peak RSS elsewhere as a fallback)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _baselines(path: Path, runs: int) -> tuple[float, list[int]]:
    """The first page and deep pages queried bare on this thread, through a store
    opened afresh (its own connections: nothing the list read is in their caches)."""
    from callcenter.ui.tickets.list_model import PAGE_SIZE

    db = Database(path)
    search = TicketSearch(db, SystemClock())
    try:
        t = time.perf_counter_ns()
        first = search.page(TicketQuery(), limit=PAGE_SIZE)
        base_first_ms = (time.perf_counter_ns() - t) / NS_PER_MS
        deep: list[int] = []
        page = first
        for _ in range(min(50, runs * 10)):
            if page.next is None:
                break
            t = time.perf_counter_ns()
            page = search.page(TicketQuery(), page.next, PAGE_SIZE)
            deep.append(time.perf_counter_ns() - t)
    finally:
        search.close()
        db.close()
    deep.sort()
    return base_first_ms, deep


def run(args: BenchArgs) -> Metrics:
    path, seed_s = prepare_store(args, STORE_FILE)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from callcenter.ui.shared.fonts import install_cjk_font
    from callcenter.ui.shared.i18n import install_translator
    from callcenter.ui.shared.qt_app import application
    from callcenter.ui.tickets.list_view import TicketListView

    app = application()
    install_cjk_font(app)
    translator = install_translator(app, "zh")
    profile = load_profile()
    db = Database(path)
    search = TicketSearch(db, SystemClock())

    def pump_until(done: Callable[[], bool], timeout_s: float, what: str) -> None:
        deadline = time.monotonic() + timeout_s
        while not done():
            app.processEvents()
            if time.monotonic() > deadline:
                raise BenchError(f"timed out after {timeout_s:.0f} s waiting for {what}")
            time.sleep(0.0002)  # let the search thread run; the GUI thread has nothing to do

    try:
        app.processEvents()
        rss0 = rss_bytes()

        view = TicketListView(search, profile, SystemClock(), "zh")
        view.resize(1280, 800)
        model = view.model
        t0 = time.perf_counter_ns()
        view.show()
        pump_until(lambda: model.rowCount() > 0 and not model.loading, 60, "the first rows")
        view.table.viewport().repaint()
        first_rows_ms = (time.perf_counter_ns() - t0) / NS_PER_MS
        args.progress(f"first rows after {first_rows_ms:.1f} ms; scrolling to the end")

        peak = rss_bytes()
        t1 = time.perf_counter_ns()
        last_report = time.monotonic()
        while model.has_more() or model.loading:
            view.table.scrollToBottom()
            app.processEvents()
            if model.canFetchMore():
                model.fetchMore()  # the view asks when the bar hits the bottom; belt and braces
            pump_until(lambda: not model.loading, 60, "a page")
            peak = max(peak, rss_bytes())
            if time.monotonic() - last_report > 5:
                last_report = time.monotonic()
                args.progress(f"{model.rowCount():,} rows, RSS +{(peak - rss0) / MB:.0f} MB")
        view.table.viewport().repaint()
        scroll_ms = (time.perf_counter_ns() - t1) / NS_PER_MS
        rows = model.rowCount()
        if rows != args.size:
            raise BenchError(f"the list ended at {rows:,} rows, expected {args.size:,}")
        peak = max(peak, rss_bytes())
        view.close()
        view.deleteLater()
        app.processEvents()
        base_first_ms, deep = _baselines(path, args.runs)
    finally:
        search.close()
        db.close()
        if translator is not None:
            app.removeTranslator(translator)
    return {
        "first_rows_ms": rounded(first_rows_ms),
        "scroll_to_end_ms": rounded(scroll_ms),
        "rss_growth_mb": rounded((peak - rss0) / MB, 1),
        "baseline_first_page_ms": rounded(base_first_ms),
        "baseline_page_ms_p50": rounded(percentile(deep, 50) / NS_PER_MS) if deep else 0.0,
        "rows": rows,
        "seed_s": rounded(seed_s),
    }


SCENARIO = Scenario(
    name="ticket-list",
    summary="team ticket list: first rows shown, scroll to the end, memory growth (offscreen)",
    size_means="tickets in the store (all of them are scrolled through)",
    runs_means="scales the deep-page baseline samples (10 pages per run, at most 50)",
    default_size=1_000_000,
    default_runs=1,
    run=run,
    path="TicketListView shown on a freshly opened store, clock stops when the first page is painted",
)
