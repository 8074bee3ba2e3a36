"""timer-lag: how far the talk timer on screen trails the monotonic truth while
tickets are being saved through the app's own writer, and at rest.

The real app is built offscreen (``callcenter.app.build``) on a one-call
scenario; the agent signs in, goes ready and answers. Then N validated tickets
are saved through the app's ``Tickets.save`` (the desk's own service on the
app's ``Database``, so each runs on the app's writer thread, with its indexer
and checkpointer), one after another (each save queues the next when it has
committed), while the Qt event loop runs. Each time the talk timer's displayed
second changes (``secondShown(n)``), the lag is taken when the label's next
paint event has been handled (an event filter on the label): the moment the
new second is on screen. Lag = ``monotonic_ns() - (start_mono_ns + n s)``.

The loaded phase lasts until the saves are done (at least ``--seconds``,
default 5 s); the baseline phase then runs as long again with nothing saving,
on the same call.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from callcenter.domain.agent_state import AgentState
from callcenter.services.tickets.entry import Tickets

from .common import NS_PER_MS, NS_PER_S, BenchArgs, BenchError, Metrics, Scenario, percentile, rounded
from .seed import sample_drafts

MIN_PHASE_S = 5.0
AGENT_ID = "1024"
CALLER = "13800138001"

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


class _Saver:
    """Saves ``count`` tickets through the app's ``Tickets`` (its writer thread),
    one after another: each committed save queues the next (no thread of its own)."""

    def __init__(self, tickets: Tickets, count: int) -> None:
        self.tickets = tickets
        self.count = count
        self.drafts = sample_drafts(min(count, 5000) or 1, seed=77)
        self.done = 0
        self.elapsed_s = 0.0
        self.error: BaseException | None = None
        self.finished = threading.Event()
        self._t0 = 0.0

    def start(self) -> None:
        self._t0 = time.perf_counter()
        self._next()

    def _next(self) -> None:
        if self.done >= self.count:
            self.elapsed_s = time.perf_counter() - self._t0
            self.finished.set()
            return
        try:
            fut = self.tickets.save(self.drafts[self.done % len(self.drafts)], agent_id=AGENT_ID)
        except BaseException as exc:  # reported on the main thread
            self.error = exc
            self.finished.set()
            return
        fut.add_done_callback(self._saved)

    def _saved(self, fut: Future[Any]) -> None:
        if (exc := fut.exception()) is not None:
            self.error = exc
            self.finished.set()
            return
        self.done += 1
        self._next()


class _PaintLag(QObject):
    """After ``secondShown(n)``, the lag when the label's next paint has been done."""

    def __init__(self, label: Any, lags: dict[str, list[int]]) -> None:
        super().__init__(label)
        self.label = label
        self.lags = lags
        self.phase = "loaded"
        self.pending: int | None = None
        label.secondShown.connect(self.on_second)
        label.installEventFilter(self)

    def on_second(self, n: int) -> None:
        self.pending = n

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.label and event.type() == QEvent.Type.Paint and self.pending is not None:
            self.label.event(event)  # paint now, then take the time
            now = time.monotonic_ns()
            self.lags[self.phase].append(now - (int(self.label.start_mono_ns) + self.pending * NS_PER_S))
            self.pending = None
            return True
        return False

    def stop(self) -> None:
        self.label.removeEventFilter(self)
        self.label.secondShown.disconnect(self.on_second)


def run(args: BenchArgs) -> Metrics:
    app_options, build = _import_app()
    min_phase_s = MIN_PHASE_S if args.seconds is None else args.seconds
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
        lags: dict[str, list[int]] = {"loaded": [], "baseline": []}
        watch = _PaintLag(ctx.window.softphone.talk_timer, lags)
        saver = _Saver(ctx.desk.tickets, args.size)
        args.progress(f"saving {args.size:,} tickets through the app's writer while the call runs")
        t0 = time.monotonic()
        saver.start()
        pump_until(lambda: saver.finished.is_set() and time.monotonic() - t0 >= min_phase_s,
                   3600, "the background saves")
        loaded_s = time.monotonic() - t0
        if saver.error is not None:
            raise BenchError(f"background saving failed: {saver.error!r}") from saver.error
        args.progress(f"loaded phase {loaded_s:.1f} s; baseline phase as long, nothing saving")
        if saver.done != args.size:
            raise BenchError(f"{saver.done} of {args.size} saves done")
        watch.phase = "baseline"
        t1 = time.monotonic()
        pump_until(lambda: time.monotonic() - t1 >= loaded_s, loaded_s + 60, "the baseline phase")
        watch.stop()
    finally:
        ctx.shutdown()
        # what the shutdown posted for the GUI thread (desk changes) would reach the
        # closed store in a later event loop: delete its receivers now, calls and all
        ctx.window.close()
        for obj in (ctx.window, *ctx.keep):
            obj.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()

    loaded, base = sorted(lags["loaded"]), sorted(lags["baseline"])
    if not loaded or not base:
        raise BenchError(f"the talk timer painted a new second {len(loaded)} times under load and "
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
    summary="talk-timer lag to the paint while tickets save through the app's writer vs at rest",
    size_means="tickets saved through the app's writer during the call (--seconds: least phase length)",
    runs_means="unused",
    default_size=10_000,
    default_runs=1,
    run=run,
    path="talk timer second painted on the main window",
)
