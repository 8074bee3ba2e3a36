"""Call recordings go to central behind their call (the sync worker, after a
round) and a reviewer's desk fetches one on demand; a real PostgreSQL at head."""

from __future__ import annotations

import hashlib
import stat
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from callcenter.domain.clock import FakeClock
from callcenter.services.replay.loading import recording_path
from callcenter.services.replay.recording_sync import UPLOADED, RecordingSync
from callcenter.services.replay.sample_call import long_call, write_call
from callcenter.services.replay.sim_recording import recording_of, write_private_bytes
from callcenter.services.site.profile import load_profile
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.sync.worker import SyncWorker
from callcenter.sync import central
from callcenter.sync.central import CentralClient

from .conftest import with_db
from .desk_sim import Desk, open_desk


def _desk(tmp_path: Path, central_url: str, name: str, kind: str, team: str | None,
          clock: FakeClock) -> Desk:
    password = f"pw-{name.lower()}"
    role = central.create_desk_role(central_url, name, password, team=team, kind=kind)
    url = with_db(central_url, urlsplit(central_url).path.lstrip("/"), role, password)
    (tmp_path / name).mkdir()
    return open_desk(tmp_path / name / "desk.sqlite3", name, lambda: CentralClient(url), clock)


def test_upload_behind_the_call_and_fetch_on_demand(tmp_path: Path, central_url: str) -> None:
    clock = FakeClock()
    agent = _desk(tmp_path, central_url, "A1", "agent", "T1", clock)
    qa = _desk(tmp_path, central_url, "Q1", "qa", None, clock)
    other = _desk(tmp_path, central_url, "A9", "agent", "T9", clock)
    dept = _desk(tmp_path, central_url, "D1", "department", "repair", clock)
    profile = load_profile()
    events = long_call(40, 30.0, datetime(2026, 12, 6, 4, 0, tzinfo=UTC))
    call_id = agent.db.write_now(lambda s: write_call(s, events, workstation="A1"))
    wav = recording_of(events, profile.cadence, profile.targets)
    assert wav is not None
    sent = RecordingSync(tmp_path / "A1" / "recordings")
    write_private_bytes(recording_path(sent.directory, call_id), wav)

    # before the call's rows are pushed, central refuses it: it waits for the next round
    assert sent.upload_pending(agent.engine) == 0
    assert len(sent.pending()) == 1

    worker = SyncWorker(agent.db, agent.engine, interval_s=0.2, status_every_s=0.05)
    uploaded = threading.Event()

    def upload(engine: SyncEngine) -> int:  # the worker's own hook, and a word when all is up
        n = sent.upload_pending(engine)
        if not sent.pending():
            uploaded.set()
        return n

    worker.after_round.append(upload)
    worker.start()
    try:
        assert uploaded.wait(timeout=30), "the recording was never uploaded"
    finally:
        worker.stop()
    marker = recording_path(sent.directory, call_id).with_name(f"{call_id}.wav{UPLOADED}")
    assert marker.exists()
    with psycopg.connect(central_url) as conn:
        row = conn.execute("SELECT desk, size_bytes, sha256 FROM sync.call_recordings "
                           "WHERE call_id = %s", (call_id,)).fetchone()
    assert row == ("A1", len(wav), hashlib.sha256(wav).hexdigest())

    # the reviewer's desk fetches it through its own worker, on demand
    got = RecordingSync(tmp_path / "Q1" / "recordings")
    qa_worker = SyncWorker(qa.db, qa.engine, interval_s=0.2, status_every_s=0.05)
    qa_worker.start()
    try:
        path = qa_worker.submit(lambda e: got.fetch(e, call_id)).result(timeout=30)
    finally:
        qa_worker.stop()
    assert path is not None and path.read_bytes() == wav
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert got.pending() == []  # fetched, not this desk's to upload

    # an agent of another team and a department desk may not have it
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        RecordingSync(tmp_path / "A9" / "rec").fetch(other.engine, call_id)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        RecordingSync(tmp_path / "D1" / "rec").fetch(dept.engine, call_id)
    other.engine.close()
    dept.engine.close()
    # a call central has no recording of: None
    assert RecordingSync(tmp_path / "Q1" / "x").fetch(qa.engine, uuid.UUID(int=1)) is None

    # another desk may not upload a recording of A1's call, nor a corrupted one
    client = qa.engine.client()
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        client.put_recording("Q1", call_id, wav, hashlib.sha256(wav).hexdigest())
    with pytest.raises(psycopg.errors.DataCorrupted):
        agent.engine.client().put_recording("A1", call_id, wav + b"x", hashlib.sha256(wav).hexdigest())
    # a second upload of the same call changes nothing
    assert agent.engine.client().put_recording("A1", call_id, wav,
                                               hashlib.sha256(wav).hexdigest()) is False
    for d in (agent, qa, other, dept):
        d.close()
