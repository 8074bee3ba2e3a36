"""timer-lag: how far the talk timer on screen trails the monotonic truth while
tickets are being saved in the background.

The real app is built offscreen (``callcenter.app.build``) on a one-call
scenario; the agent signs in, goes ready and answers. Then a plain thread opens
its own ``Database`` on the same file and saves N validated tickets, one
``write_now`` transaction each, as the app's writer thread would, while the Qt
event loop runs. Every time the talk timer's displayed second changes it emits
``secondShown(n)``; its lag is ``monotonic_ns() - (start_mono_ns + n s)``.

The loaded phase lasts until the thread is done (at least 5 s); the baseline
phase then runs as long again with nothing saving, on the same call.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from callcenter.domain.agent_state import AgentState
from callcenter.domain.clock import SystemClock
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database
from callcenter.services.tickets.entry import Tickets

from .common import (
    NS_PER_MS,
    NS_PER_S,
    BenchArgs,
    BenchError,
    Metrics,
    Scenario,
    percentile,
    rounded,
    signed_in_agent,
)
from .seed import sample_drafts

MIN_PHASE_S = 5.0
AGENT_ID = "1024"
CALLER = "13800138001"
BACKGROUND_DESK = "W02"

SCENARIO_TOML = f"""\
# timer-lag benchmark: one caller who never hangs up, arriving at once
loop = false

[[calls]]
at_s = 0
caller = "{CALLER}"
"""


def _import_app() -> tuple[Any, Any]:
    try:
        from callcenter.app import AppOptions, build
    except ModuleNotFoundError as exc:
        if exc.name is not None and exc.name.startswith("callcenter.app"):
            raise BenchError("timer-lag drives the real app and needs callcenter.app "
                             "(AppOptions, build), which is not there yet") from exc
        raise
    except ImportError as exc:
        raise BenchError(f"timer-lag needs callcenter.app.AppOptions and .build: {exc}") from exc
    return AppOptions, build


class _Saver(threading.Thread):
    """Saves ``count`` tickets through its own Database on the app's file."""

    def __init__(self, db_path: Path, count: int) -> None:
        super().__init__(name="bench-saver", daemon=True)
        self.db_path = db_path
        self.count = count
        self.elapsed_s = 0.0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            db = Database(self.db_path)
            try:
                tickets = Tickets(db, load_profile(), SystemClock(), BACKGROUND_DESK,
                                  user=signed_in_agent(AGENT_ID))
                drafts = sample_drafts(256)
                t0 = time.perf_counter()
                for i in range(self.count):
                    draft = drafts[i % len(drafts)]
                    if errors := tickets.validate(draft):
                        raise BenchError(f"draft does not validate: {errors}")
                    db.write_now(lambda s, d=draft: tickets.save_in(s, d, agent_id=AGENT_ID))
                self.elapsed_s = time.perf_counter() - t0
            finally:
                db.close()
        except BaseException as exc:  # reported on the main thread
            self.error = exc


def run(args: BenchArgs) -> Metrics:
    app_options, build = _import_app()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from callcenter.ui.shared.qt_app import application

    qapp = application()

    def pump_until(done: Callable[[], bool], timeout_s: float, what: str) -> None:
        """Run a real Qt event loop until ``done()`` holds (checked every 10 ms)."""
        loop = QEventLoop()
        deadline = time.monotonic() + timeout_s
        timed_out = False

        def check() -> None:
            nonlocal timed_out
            if done():
                loop.quit()
            elif time.monotonic() > deadline:
                timed_out = True
                loop.quit()

        poll = QTimer()
        poll.setInterval(10)
        poll.timeout.connect(check)
        poll.start()
        if not done():
            loop.exec()
        poll.stop()
        if timed_out:
            raise BenchError(f"timed out after {timeout_s:.0f} s waiting for {what}")

    app_dir = args.data_dir / "timer-lag-app"
    app_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="timer-lag-", suffix=".toml", dir=args.data_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(SCENARIO_TOML)

    ctx = build(app_options(data_dir=app_dir, demo=False, lang="zh", scenario=Path(name)))
    try:
        ctx.window.show()
        ctx.desk.sign_in(AGENT_ID)
        ctx.desk.set_ready()
        pump_until(lambda: ctx.desk.status.state is AgentState.RINGING, 30, "the call to ring")
        ctx.desk.answer()
        timer = ctx.window.softphone.talk_timer

        phase = "loaded"
        lags: dict[str, list[int]] = {"loaded": [], "baseline": []}

        def on_second(n: int) -> None:
            now = time.monotonic_ns()
            lags[phase].append(now - (int(timer.start_mono_ns) + n * NS_PER_S))

        timer.secondShown.connect(on_second)
        saver = _Saver(Path(ctx.db.path), args.size)
        args.progress(f"saving {args.size:,} tickets in the background while the call runs")
        t0 = time.monotonic()
        saver.start()
        pump_until(lambda: not saver.is_alive() and time.monotonic() - t0 >= MIN_PHASE_S,
                   3600, "the background saves")
        loaded_s = time.monotonic() - t0
        if saver.error is not None:
            raise BenchError(f"background saving failed: {saver.error!r}") from saver.error
        args.progress(f"loaded phase {loaded_s:.1f} s; baseline phase as long, nothing saving")
        phase = "baseline"
        t1 = time.monotonic()
        pump_until(lambda: time.monotonic() - t1 >= loaded_s, loaded_s + 60, "the baseline phase")
        timer.secondShown.disconnect(on_second)
    finally:
        ctx.shutdown()
        qapp.processEvents()

    loaded, base = sorted(lags["loaded"]), sorted(lags["baseline"])
    if not loaded or not base:
        raise BenchError(f"the talk timer emitted secondShown {len(loaded)} times under load and "
                         f"{len(base)} times at rest; expected about one a second")
    return {
        "max_lag_ms": rounded(loaded[-1] / NS_PER_MS),
        "p99_lag_ms": rounded(percentile(loaded, 99) / NS_PER_MS),
        "p50_lag_ms": rounded(percentile(loaded, 50) / NS_PER_MS),
        "samples": len(loaded),
        "saves_per_s": rounded(args.size / saver.elapsed_s if saver.elapsed_s else 0.0, 1),
        "loaded_s": rounded(loaded_s, 1),
        "baseline_max_lag_ms": rounded(base[-1] / NS_PER_MS),
        "baseline_p99_lag_ms": rounded(percentile(base, 99) / NS_PER_MS),
        "baseline_p50_lag_ms": rounded(percentile(base, 50) / NS_PER_MS),
        "baseline_samples": len(base),
    }


SCENARIO = Scenario(
    name="timer-lag",
    summary="talk-timer lag on screen while tickets save in the background vs at rest",
    size_means="tickets saved in the background during the call",
    runs_means="unused",
    default_size=10_000,
    default_runs=1,
    run=run,
)
