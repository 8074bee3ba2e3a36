"""Engine setup for the local SQLite file.

WAL + synchronous=FULL: a ticket the agent saw saved survives a power cut.
The file is created 0600 because it holds customers' personal data; an
existing file loses any group or other access, but one its owner made
read-only is refused, never changed (issue 19), and so is a data folder the
store cannot write in (SQLite writes its WAL and shared-memory files beside
the store): ``StoreOpenError`` says which and why, in one line.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 3000


class StoreOpenError(Exception):
    """The store cannot be opened for writing; the message names the file and why."""


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _ensure_private_file(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreOpenError(f"{path.parent}: cannot create the data folder: {_why(exc)}") from exc
    if not os.access(path.parent, os.W_OK):
        raise StoreOpenError(
            f"{path.parent}: the data folder is read-only; the store {path.name} needs to write "
            "its journal beside it (choose a writable --data-dir)")
    if not path.exists():
        try:
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        except OSError as exc:
            raise StoreOpenError(f"{path}: cannot create the store: {_why(exc)}") from exc
        os.close(fd)
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise StoreOpenError(
            f"{path}: the store is read-only (mode {mode:04o}); it was left as it is. "
            f"Make it writable (chmod 600) to use it")
    if mode & 0o077:  # customers' personal data: the owner only
        os.chmod(path, mode & 0o700)


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
