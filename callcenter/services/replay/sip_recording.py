"""Recordings of real calls (the SIP adapter's WAVs) kept the same way as the
simulator's: when the call ends and pjmedia has closed its file, the file is
moved to ``<recordings>/<call id>.wav`` (owner-only, as the adapter made it), so
the replay finds it and the sync worker uploads it behind the call's rows.

pjmedia closes the file a few milliseconds after the call ends, on its own
thread; the move is tried again every ``RETRY_S`` until the adapter says it is
closed (``recorded`` answers), at most ``TRIES`` times. The recording starts
when the call is answered, as the replay expects.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from callcenter.domain.clock import Scheduler
from callcenter.services.calls.desk_types import DeskListener, DeskSnapshot
from callcenter.services.privacy.files import FILE_MODE, ensure_private_dir
from callcenter.services.replay.loading import recording_path

log = logging.getLogger("callcenter.replay")
RETRY_S = 0.5
TRIES = 20


class SipRecordings(DeskListener):
    def __init__(self, recorded: Callable[[str], Path | None], directory: Path,
                 scheduler: Scheduler) -> None:
        """``recorded(telephony call id)``: the closed recording's path, or None
        while it is still open (or the call was not recorded)."""
        self._recorded = recorded
        self.directory = directory
        self._scheduler = scheduler
        self._call: tuple[uuid.UUID, str] | None = None
        self.moved: list[Path] = []

    def desk_changed(self, snap: DeskSnapshot) -> None:
        if snap.call is not None:
            if snap.call.answered_mono_ns is not None:
                self._call = (snap.call.id, snap.call.telephony_id)
            return
        if self._call is not None:
            call, self._call = self._call, None
            self._try(call[0], call[1], TRIES)

    def _try(self, call_id: uuid.UUID, telephony_id: str, left: int) -> None:
        path = self._recorded(telephony_id)
        if path is None:
            if left > 1:
                self._scheduler.call_later(RETRY_S, lambda: self._try(call_id, telephony_id, left - 1))
            else:
                log.warning("call %s: no closed recording to keep", call_id)
            return
        target = recording_path(ensure_private_dir(self.directory), call_id)
        try:
            shutil.move(path, target)
            target.chmod(FILE_MODE)
        except OSError as exc:
            log.error("call %s: recording %s not kept: %s", call_id, path.name, exc)
            return
        self.moved.append(target)
