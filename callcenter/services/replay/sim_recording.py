"""Recordings of the simulator's calls: one owner-only WAV per answered call.

Without a phone system there is no audio, so when a simulated call ends this
writes what its recording would be (``audio.synthesize``) from the call's own
events: talk from the answer to the hang-up, hold music while held, silence
where the agent paused the recording (secure pause), and a short beep at each
event so the replay can be checked by ear. The file is written on its own
thread (never the GUI's), through a temporary owner-only file renamed into
place: a crash leaves no half-written recording under the call's name.
"""

from __future__ import annotations

import logging
import os
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.replay.timeline import Timeline
from callcenter.domain.ring_counter import RingCadence
from callcenter.domain.sla import SlaTargets
from callcenter.services.calls.desk_types import DeskListener, DeskSnapshot
from callcenter.services.privacy.files import FILE_MODE, ensure_private_dir
from callcenter.services.replay.audio import synthesize, wav_bytes
from callcenter.services.replay.loading import recording_path

log = logging.getLogger("callcenter.replay")


class EventSource(Protocol):
    def call_events(self) -> list[CallEvent]: ...


def write_private_bytes(path: Path, data: bytes) -> None:
    ensure_private_dir(path.parent)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            fd = -1
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    finally:
        if fd >= 0:
            os.close(fd)
    os.replace(tmp, path)


def recording_of(events: list[CallEvent], cadence: RingCadence, targets: SlaTargets) -> bytes | None:
    """The call's recording as WAV bytes; None for a call never answered."""
    tl = Timeline(events, cadence, targets)
    answer = next((e for e in tl.events if e.kind is EventKind.ANSWERED), None)
    if answer is None:
        return None
    end = next((e.t_s for e in tl.events
                if e.kind in (EventKind.HUNG_UP, EventKind.CLOSED_BY_RECOVERY)), tl.duration_s)
    a = answer.t_s
    samples = synthesize(
        max(0.0, end - a),
        holds=[(s.start_s - a, s.end_s - a) for s in tl.spans if s.kind == "hold"],
        gaps=[(s.start_s - a, s.end_s - a) for s in tl.spans if s.kind == "secure_pause"],
        marks=[e.t_s - a for e in tl.events if a < e.t_s < end],
        seed=len(events))
    return wav_bytes(samples)


class SimulatedRecordings(DeskListener):
    """Listens to the desk; when an answered call ends, writes its recording."""

    def __init__(self, desk: EventSource, directory: Path, cadence: RingCadence,
                 targets: SlaTargets) -> None:
        self._desk = desk
        self.directory = directory
        self._cadence, self._targets = cadence, targets
        self._call: uuid.UUID | None = None
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="recordings")
        self.written: list[Future[Path | None]] = []

    def desk_changed(self, snap: DeskSnapshot) -> None:
        if snap.call is not None:
            self._call = snap.call.id
            return
        if self._call is None:
            return
        call_id, self._call = self._call, None
        events = self._desk.call_events()
        self.written.append(self._pool.submit(self._write, call_id, events))

    def _write(self, call_id: uuid.UUID, events: list[CallEvent]) -> Path | None:
        try:
            data = recording_of(events, self._cadence, self._targets)
            if data is None:
                return None
            path = recording_path(self.directory, call_id)
            write_private_bytes(path, data)
            return path
        except OSError as exc:  # a full disk: the call and its ticket are kept, said in the log
            log.error("recording of call %s not written: %s", call_id, exc)
            return None

    def close(self) -> None:
        self._pool.shutdown(wait=True)
