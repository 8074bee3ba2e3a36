"""replay-open: open the QA replay of a call with N events and a 5-minute
recording, offscreen, and seek in it.

The call is written into a fresh store (ring, answer, form edits and scripts
over 300 s of talk, a hold, hang-up, save) with the simulator's recording of it
(8 kHz 16-bit WAV, 300 s). ``open_ms`` runs ``open_replay`` to the dialog's
first paint with everything in place: the events read on the reader thread, the
timeline and its marks built and drawn, the event list, the form at 0 s, and
the recording loaded by QtMultimedia (media status LoadedMedia). ``seek_p95_ms``
moves the playhead to a random position (plot, list, form, the recording's
position) and runs the event loop once, painting what changed: the next frame. Baselines in the same run,
interleaved: ``baseline_open_ms`` reads the same rows with raw sqlite3 (JSON
decoded) and the WAV's bytes; ``baseline_seek_p95_ms`` replays the form from the
first event to the position in a plain loop, no UI.

``open_cpu_ms`` and ``seek_cpu_p95_ms``: the CPU time this process (all its
threads: the reader's, Qt's, the media backend's) spent over the same spans; on
a shared machine the wall clock also counts waiting for a core.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime

from callcenter.services.site.profile import load_profile

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, rounded

TALK_S = 300.0  # a 5-minute recording
SEEKS_PER_RUN = 20


def run(args: BenchArgs) -> Metrics:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtMultimedia import QMediaPlayer

    from callcenter.domain.auth.roles import Actor, Role
    from callcenter.services.auth.current_user import CurrentUser
    from callcenter.services.replay.loading import Replays, recording_path
    from callcenter.services.replay.sample_call import long_call, write_call
    from callcenter.services.replay.sim_recording import recording_of, write_private_bytes
    from callcenter.services.storage.database import open_database
    from callcenter.ui.replay.open import open_replay
    from callcenter.ui.replay.replay_dialog import ReplayDialog
    from callcenter.ui.shared.first_paint import FirstPaint
    from callcenter.ui.shared.fonts import install_cjk_font
    from callcenter.ui.shared.i18n import install_translator
    from callcenter.ui.shared.qt_app import application

    if args.size < 10:
        raise BenchError("--size: at least 10 events")
    app = application()
    install_cjk_font(app)
    translator = install_translator(app, "zh")
    profile = load_profile()
    store = args.data_dir / "replay.sqlite3"
    if store.exists():
        store.unlink()
    db = open_database(store)
    recordings = args.data_dir / "recordings"
    events = long_call(args.size, TALK_S, datetime(2026, 12, 6, 2, 0, tzinfo=UTC))
    call_id = db.write_now(lambda s: write_call(s, events))
    wav = recording_of(events, profile.cadence, profile.targets)
    if wav is None:
        raise BenchError("the sample call has no recording")
    wav_path = recording_path(recordings, call_id)
    write_private_bytes(wav_path, wav)
    replays = Replays(db, user=CurrentUser(Actor("7001", Role.QA)), recordings=recordings)
    args.progress(f"call with {len(events):,} events, recording {len(wav) / 1e6:.2f} MB")

    def pump_until(done: Callable[[], bool], what: str, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not done():
            app.processEvents()
            if time.monotonic() > deadline:
                raise BenchError(f"timed out waiting for {what}")
            time.sleep(0.0002)  # the reader and media threads run meanwhile

    def ready(dlg: ReplayDialog) -> bool:
        return dlg.timeline is not None and dlg.audio is not None and \
            dlg.audio.player.mediaStatus() is QMediaPlayer.MediaStatus.LoadedMedia

    def open_once() -> tuple[float, float, ReplayDialog]:
        painted: list[tuple[int, int]] = []
        c0 = time.process_time_ns()
        t0 = time.perf_counter_ns()
        dlg = open_replay(None, call_id, replays, profile=profile, show=False)
        pump_until(lambda: ready(dlg), "the replay")
        FirstPaint(dlg, lambda: painted.append((time.perf_counter_ns(), time.process_time_ns())))
        dlg.show()
        pump_until(lambda: bool(painted), "the first paint")
        return (painted[0][0] - t0) / NS_PER_MS, (painted[0][1] - c0) / NS_PER_MS, dlg

    def baseline_open() -> float:
        t0 = time.perf_counter_ns()
        con = sqlite3.connect(store)
        rows = con.execute("SELECT kind, mono_ns, at, data FROM call_events WHERE call_id = ? "
                           "ORDER BY seq", (call_id.hex,)).fetchall()
        decoded = [(k, m, at, json.loads(d)) for k, m, at, d in rows]
        con.close()
        data = wav_path.read_bytes()
        ms = (time.perf_counter_ns() - t0) / NS_PER_MS
        if len(decoded) != len(events) or len(data) != len(wav):
            raise BenchError(f"baseline read {len(decoded)} rows, {len(data)} bytes")
        return ms

    def baseline_seek(t_s: float) -> float:
        t0 = time.perf_counter_ns()
        form: dict[str, str] = {}
        origin = events[0].mono_ns or 0
        for e in events:
            if ((e.mono_ns or 0) - origin) / 1e9 > t_s:
                break
            if e.kind.value == "form_edited":
                form[str(e.data["field"])] = str(e.data["value"])
        return (time.perf_counter_ns() - t0) / NS_PER_MS

    rng = random.Random(95598)
    opens, base_opens, seeks, base_seeks = [], [], [], []
    open_cpu: list[float] = []
    seek_cpu: list[float] = []
    try:
        for i in range(max(1, args.runs)):
            base_opens.append(baseline_open())
            ms, cpu_ms, dlg = open_once()
            opens.append(ms)
            open_cpu.append(cpu_ms)
            if dlg.events.count() != len(events):
                raise BenchError(f"the replay lists {dlg.events.count()} events of {len(events)}")
            duration = dlg.timeline.duration_s if dlg.timeline else 0.0
            for _ in range(SEEKS_PER_RUN):
                t = rng.uniform(0.0, duration)
                base_seeks.append(baseline_seek(t))
                c0 = time.process_time_ns()
                t0 = time.perf_counter_ns()
                dlg.seek(t)
                app.processEvents()  # the updates it asked for: the next frame painted
                seeks.append((time.perf_counter_ns() - t0) / NS_PER_MS)
                seek_cpu.append((time.process_time_ns() - c0) / NS_PER_MS)
            dlg.close()
            dlg.deleteLater()
            app.processEvents()
            args.progress(f"open {i + 1}: {ms:.1f} ms")
    finally:
        db.close()
        if translator is not None:
            app.removeTranslator(translator)
    opens.sort()
    open_cpu.sort()
    seek_cpu.sort()
    base_opens.sort()
    seeks.sort()
    base_seeks.sort()
    return {
        "open_ms": rounded(percentile(opens, 50)),
        "open_max_ms": rounded(opens[-1]),
        "seek_p95_ms": rounded(percentile(seeks, 95)),
        "seek_median_ms": rounded(percentile(seeks, 50)),
        "open_cpu_ms": rounded(percentile(open_cpu, 50)),
        "seek_cpu_p95_ms": rounded(percentile(seek_cpu, 95)),
        "baseline_open_ms": rounded(percentile(base_opens, 50)),
        "baseline_seek_p95_ms": rounded(percentile(base_seeks, 95)),
        "ratio_open": rounded(percentile(opens, 50) / max(1e-6, percentile(base_opens, 50))),
        "recording_mb": rounded(len(wav) / 1e6),
        "events": len(events),
    }


SCENARIO = Scenario(
    name="replay-open",
    summary="open the QA replay of a call with N events and a 5-minute recording, then seek",
    size_means="events in the call",
    runs_means=f"timed opens, each followed by {SEEKS_PER_RUN} timed seeks",
    default_size=2_000,
    default_runs=10,
    run=run,
    path="open_replay (read, timeline, plot, list, form, recording loaded) to the first paint; "
         "ReplayDialog.seek to the next frame painted",
)
