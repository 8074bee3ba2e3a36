"""Recordings to and from central, on the sync worker's thread.

Upload: after each sync round that reached central (so the call's rows went
first: "behind the tickets"), every recording of this desk not yet uploaded goes
to central (``sync.put_recording``, c0015); a ``<name>.uploaded`` marker beside
the file says it is there. A call central does not have yet (its rows are still
queued) waits for the next round. Fetch: a reviewer's desk asks central for a
call's recording when it replays a call it has no recording of, and keeps it
as an owner-only file in its own recordings folder.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from pathlib import Path
from typing import Protocol

import psycopg

from callcenter.services.replay.loading import recording_path
from callcenter.services.replay.sim_recording import write_private_bytes

log = logging.getLogger("callcenter.replay")
UPLOADED = ".uploaded"
RECORDINGS_SINCE_SCHEMA = 12


class RecordingClient(Protocol):
    def put_recording(self, desk: str, call_id: uuid.UUID, audio: bytes, sha256: str) -> bool: ...

    def get_recording(self, desk: str, call_id: uuid.UUID) -> bytes | None: ...

    def schema_version(self) -> int: ...


class EngineLike(Protocol):
    desk: str

    def client(self) -> RecordingClient: ...


def _call_id(path: Path) -> uuid.UUID | None:
    try:
        return uuid.UUID(path.stem)
    except ValueError:
        return None


class RecordingSync:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def pending(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.glob("*.wav")
                      if _call_id(p) is not None and not p.with_name(p.name + UPLOADED).exists())

    def upload_pending(self, engine: EngineLike) -> int:
        """Upload what is waiting; returns how many central now has."""
        todo = self.pending()
        if not todo:
            return 0
        client = engine.client()
        if client.schema_version() < RECORDINGS_SINCE_SCHEMA:
            return 0
        done = 0
        for path in todo:
            call_id = _call_id(path)
            assert call_id is not None
            data = path.read_bytes()
            try:
                client.put_recording(engine.desk, call_id, data, hashlib.sha256(data).hexdigest())
            except psycopg.errors.NoDataFound:
                continue  # the call's rows are not on central yet: after the next push
            except psycopg.errors.InsufficientPrivilege as exc:  # not this desk's call: never
                log.warning("recording %s refused by central: %s", path.name, exc)
            write_private_bytes(path.with_name(path.name + UPLOADED), b"")
            done += 1
        return done

    def fetch(self, engine: EngineLike, call_id: uuid.UUID) -> Path | None:
        """The call's recording from central, stored here; None when central has none."""
        client = engine.client()
        if client.schema_version() < RECORDINGS_SINCE_SCHEMA:
            return None
        data = client.get_recording(engine.desk, call_id)
        if data is None:
            return None
        path = recording_path(self.directory, call_id)
        write_private_bytes(path, data)
        write_private_bytes(path.with_name(path.name + UPLOADED), b"")  # it came from central
        return path
