"""Sync rounds reach the diagnostic log: each round's counts, and a failed round
with its traceback (and no caller number from the fetch it was asked for)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from callcenter.services.diagnostics.logfile import close_logging, setup_logging
from callcenter.services.storage.database import open_database
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.sync.worker import SyncState, SyncStatus, SyncWorker
from callcenter.sync.central import CentralClient


@pytest.fixture
def log_path(tmp_path: Path) -> Iterator[Path]:
    yield setup_logging("DEBUG", tmp_path / "logs")
    close_logging()


def _one_round(tmp_path: Path, connect: object, state: SyncState) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    engine = SyncEngine(db, "L01", connect)  # type: ignore[arg-type]
    seen = threading.Event()

    def status(s: SyncStatus) -> None:
        if s.state is state:
            seen.set()

    worker = SyncWorker(db, engine, on_status=status, interval_s=3600, status_every_s=0.05,
                        backoff_base_s=3600, backoff_cap_s=3600)
    worker.fetch_caller("13812341234", ("3100123456",))
    worker.start()
    try:
        assert seen.wait(30)
    finally:
        worker.stop()
        engine.close()
        db.close()


def test_a_round_is_logged_with_its_counts(tmp_path: Path, central_url: str, log_path: Path) -> None:
    _one_round(tmp_path, lambda: CentralClient(central_url), SyncState.ONLINE)
    text = log_path.read_text(encoding="utf-8")
    assert "sync round: pushed 0 ops, pulled" in text
    assert "13812341234" not in text and "3100123456" not in text


def test_a_failed_round_is_logged_with_its_traceback(tmp_path: Path, log_path: Path) -> None:
    def refused() -> CentralClient:
        raise ConnectionRefusedError("central at 127.0.0.1:1 refused the connection")

    _one_round(tmp_path, refused, SyncState.OFFLINE)
    text = log_path.read_text(encoding="utf-8")
    assert "WARNING" in text and "sync round failed: central at 127.0.0.1:1 refused" in text
    assert "Traceback" in text and "ConnectionRefusedError" in text
