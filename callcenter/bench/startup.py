"""startup: process start to the main window's first paint, offscreen, with a
central URL configured, on a store of N tickets.

The app runs as ``python -m callcenter --exit-when-shown --data-dir DIR`` with
``QT_QPA_PLATFORM=offscreen`` and ``CALLCENTER_CENTRAL_URL`` set (so the sync
worker is built and psycopg imported, as at every site; the URL points at a
closed local port, so the worker just finds central offline in the background);
right after its main window's first paint event has been delivered it prints
``SHOWN <time.monotonic_ns()>`` and quits (callcenter/ui/shared/first_paint.py).
CLOCK_MONOTONIC is system-wide on Linux, so ``shown_ns - t0_ns`` (t0 taken just
before the process is spawned) is the start-up time. The baseline
(``baseline_s``) is the same measurement of a bare PySide6 program:
QApplication, an empty QMainWindow, show, print after its first paint, quit.

The data directory is created (migrations, demo seed) by one untimed run first,
so the timed runs start a warm data dir, as an agent's desk does every morning.
With ``--size N`` the app's store gets N extra tickets before the timed runs.
Runs alternate app / baseline (and swap order every other run).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from callcenter.services.site.profile import load_profile

from .common import NS_PER_S, BenchArgs, BenchError, Metrics, Scenario, rounded
from .seed import seed_tickets

TIMEOUT_S = 120.0
TAIL_CHARS = 2000

BASELINE_SCRIPT = """\
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6 import QtWidgets
app = QtWidgets.QApplication(sys.argv)
window = QtWidgets.QMainWindow()
window.resize(1280, 800)
def shown():
    print("SHOWN", time.monotonic_ns(), flush=True)
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""
# a central nobody listens on (port 9, discard): the desk's sync worker finds it offline
CENTRAL_URL = "postgresql://desk_bench@127.0.0.1:9/central"


def app_command(data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "callcenter", "--exit-when-shown", "--data-dir", str(data_dir)]


def baseline_command() -> list[str]:
    return [sys.executable, "-c", BASELINE_SCRIPT]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["CALLCENTER_CENTRAL_URL"] = CENTRAL_URL
    return env


def _tail(text: str) -> str:
    text = text.strip()
    return text if len(text) <= TAIL_CHARS else "..." + text[-TAIL_CHARS:]


def time_to_shown(label: str, cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from just before spawning ``cmd`` to the ``SHOWN <ns>`` it prints."""
    t0 = time.monotonic_ns()
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr
        raise BenchError(f"{label} did not exit within {TIMEOUT_S:.0f} s: {' '.join(cmd)}\n"
                         f"stderr tail:\n{_tail(err or '')}") from exc
    if proc.returncode != 0:
        raise BenchError(f"{label} exited with status {proc.returncode}: {' '.join(cmd)}\n"
                         f"stderr tail:\n{_tail(proc.stderr)}")
    shown = [line.split() for line in proc.stdout.splitlines() if line.startswith("SHOWN ")]
    if not shown or len(shown[0]) != 2 or not shown[0][1].isdigit():
        raise BenchError(f"{label} exited without printing 'SHOWN <monotonic_ns>' "
                         f"(does it support --exit-when-shown?): {' '.join(cmd)}\n"
                         f"stdout tail:\n{_tail(proc.stdout)}\nstderr tail:\n{_tail(proc.stderr)}")
    shown_ns = int(shown[0][1])
    if shown_ns <= t0:
        raise BenchError(f"{label} reported SHOWN {shown_ns}, before it was started ({t0})")
    return (shown_ns - t0) / NS_PER_S


def _find_store(data_dir: Path) -> Path:
    found: list[Path] = []
    for p in sorted(data_dir.rglob("*")):
        if not p.is_file() or p.name.endswith(("-wal", "-shm", "-journal")):
            continue
        try:
            with p.open("rb") as f:
                if f.read(16) != b"SQLite format 3\x00":
                    continue
            conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
            try:
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'tickets'").fetchone():
                    found.append(p)
            finally:
                conn.close()
        except (OSError, sqlite3.Error):
            continue
    if len(found) != 1:
        raise BenchError(f"expected one SQLite store with a tickets table in {data_dir}, found "
                         f"{[str(p) for p in found]}")
    return found[0]


def _tickets_in(store: Path) -> int:
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM tickets").fetchone()[0])
    finally:
        conn.close()


def run(args: BenchArgs) -> Metrics:
    env = _env()
    app_dir = args.data_dir / "startup-app"
    app_cmd, base_cmd = app_command(app_dir), baseline_command()
    args.progress(f"first run creates {app_dir} (untimed)")
    time_to_shown("the app", app_cmd, env)
    time_to_shown("the baseline", base_cmd, env)
    store = _find_store(app_dir)
    have = _tickets_in(store)
    if have >= args.size:
        args.progress(f"reusing {store} ({have:,} tickets)")
    else:
        args.progress(f"seeding {args.size - have:,} tickets into {store}")
        seed_s = seed_tickets(store, args.size - have, load_profile(), progress=args.progress)
        args.progress(f"seeded in {seed_s:.1f} s")
    tickets = _tickets_in(store)
    app_s: list[float] = []
    base_s: list[float] = []
    for i in range(args.runs):
        if i % 2 == 0:
            app_s.append(time_to_shown("the app", app_cmd, env))
            base_s.append(time_to_shown("the baseline", base_cmd, env))
        else:
            base_s.append(time_to_shown("the baseline", base_cmd, env))
            app_s.append(time_to_shown("the app", app_cmd, env))
        args.progress(f"run {i + 1}/{args.runs}: app {app_s[-1]:.3f} s, baseline {base_s[-1]:.3f} s")
    median, base_median = statistics.median(app_s), statistics.median(base_s)
    return {
        "median_s": rounded(median),
        "min_s": rounded(min(app_s)),
        "max_s": rounded(max(app_s)),
        "baseline_s": rounded(base_median),
        "baseline_min_s": rounded(min(base_s)),
        "ratio": rounded(median / base_median, 2),
        "runs": len(app_s),
        "tickets": tickets,
    }


SCENARIO = Scenario(
    name="startup",
    summary="process start to the main window's first paint (central configured) vs a bare window",
    size_means="tickets seeded into the app's store before timing",
    runs_means="timed starts of the app (and as many of the baseline)",
    default_size=1_000_000,
    default_runs=7,
    run=run,
    path="launch to first paint of the main window",
)
