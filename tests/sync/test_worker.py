"""The sync worker on a real desk and a real central: it syncs on its own,
reports offline with backoff while central is unreachable, and catches up when
central is back; the jittered backoff stays inside its bounds."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.sync.worker import SyncState, SyncStatus, SyncWorker, backoff_s
from callcenter.sync import outbox_reader as reader
from callcenter.sync.central import CentralClient

from .test_outbox_replay import run_shift


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


class Watch:
    """Collects statuses from the worker thread; waits for one that matches."""

    def __init__(self) -> None:
        self.seen: list[SyncStatus] = []
        self._cond = threading.Condition()

    def __call__(self, status: SyncStatus) -> None:
        with self._cond:
            self.seen.append(status)
            self._cond.notify_all()

    def wait_for(self, pred: object, timeout: float = 30.0) -> SyncStatus:
        assert callable(pred)
        with self._cond:
            ok = self._cond.wait_for(lambda: any(pred(s) for s in self.seen), timeout)
            assert ok, self.seen[-3:]
            return next(s for s in self.seen if pred(s))


def test_backoff_is_jittered_below_an_exponential_cap() -> None:
    rng = random.Random(7)
    for failures in range(1, 12):
        waits = [backoff_s(failures, 1.0, 60.0, rng) for _ in range(200)]
        assert all(0.0 <= w <= min(60.0, 2.0 ** failures) for w in waits)
        assert len({round(w, 6) for w in waits}) > 150  # spread, not one value


def test_worker_pushes_on_its_own_and_reports_online(db: Database, central_url: str) -> None:
    run_shift(db)
    watch = Watch()
    engine = SyncEngine(db, "WA", lambda: CentralClient(central_url))
    worker = SyncWorker(db, engine, on_status=watch, interval_s=0.2, status_every_s=0.05)
    worker.start()
    try:
        s = watch.wait_for(lambda s: s.state is SyncState.ONLINE and s.queue_depth == 0)
        assert s.last_sync_at is not None and s.error == "" and s.oldest_pending_at is None
    finally:
        worker.stop()
    assert worker.status().state is SyncState.STOPPED
    assert db.read_now(reader.queue_status).depth == 0


def test_worker_goes_offline_keeps_the_queue_and_recovers(db: Database, central_url: str) -> None:
    run_shift(db)
    reachable = threading.Event()

    def connect() -> CentralClient:
        if not reachable.is_set():
            return CentralClient("postgresql://nobody@127.0.0.1:1/none", connect_timeout=1)
        return CentralClient(central_url)

    watch = Watch()
    worker = SyncWorker(db, SyncEngine(db, "WA", connect), on_status=watch, interval_s=0.2,
                        status_every_s=0.05, backoff_base_s=0.01, backoff_cap_s=0.1)
    worker.start()
    try:
        off = watch.wait_for(lambda s: s.state is SyncState.OFFLINE and s.failures >= 2)
        assert off.queue_depth > 0 and off.oldest_pending_at is not None and off.error
        reachable.set()
        worker.nudge()
        watch.wait_for(lambda s: s.state is SyncState.ONLINE and s.queue_depth == 0)
    finally:
        worker.stop()
