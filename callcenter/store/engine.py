"""Engine setup for the local SQLite file.

WAL + synchronous=FULL: a ticket the agent saw saved survives a power cut.
The file is created 0600 because it holds customers' personal data.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 3000


def _ensure_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    os.chmod(path, 0o600)


def make_engine(
    path: Path,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    immediate: bool = True,
    checkpoint_in_background: bool = False,
) -> Engine:
    """``immediate`` engines take the write lock at BEGIN (for the one writer, so a
    read-then-write transaction never fails on a stale snapshot); readers use
    deferred transactions and never block on the writer under WAL."""
    path = Path(path)
    _ensure_private_file(path)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # let SQLAlchemy manage transactions, but make BEGIN take the write lock
        # up front (IMMEDIATE) so two writers never deadlock mid-transaction
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        if checkpoint_in_background:
            # a checkpoint inside a save costs ~8 ms on a 1 GB file; the
            # Database's checkpointer thread does it off the save path instead
            cur.execute("PRAGMA wal_autocheckpoint=0")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
