"""The local database as the services see it: one writer thread, readers on demand.

All writes go through ``Database.write`` which runs them in order on a single
thread (SQLite has one writer anyway), so the GUI thread never waits on a lock.
Two threads of its own keep work off the save path: the Checkpointer (WAL back
into the file) and the SearchIndexer (new tickets into the text index,
search_indexer.py). Every write transaction in the process holds the store's
WriteLock (write_lock.py), which puts the user's writes before background work.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from callcenter.services.storage.write_lock import WriteLock
from callcenter.services.tickets.indexer import SearchIndexer
from callcenter.store import migrate
from callcenter.store.engine import StoreOpenError, make_engine, make_sessionmaker
from callcenter.sync.outbox import install_outbox

T = TypeVar("T")


class StoreFailureKind(Enum):
    LOCKED = "locked"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    OTHER = "other"


class StoreFailure(Exception):
    """A write that did not happen; the transaction was rolled back whole."""

    def __init__(self, kind: StoreFailureKind, detail: str) -> None:
        super().__init__(f"{kind.value}: {detail}")
        self.kind = kind
        self.detail = detail


def classify(exc: BaseException) -> StoreFailure:
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return StoreFailure(StoreFailureKind.DISK_FULL, str(exc))
    if "locked" in text or "busy" in text:
        return StoreFailure(StoreFailureKind.LOCKED, str(exc))
    if "readonly" in text or "read-only" in text or "attempt to write" in text:
        return StoreFailure(StoreFailureKind.READ_ONLY, str(exc))
    if "disk is full" in text or "database or disk is full" in text:
        return StoreFailure(StoreFailureKind.DISK_FULL, str(exc))
    return StoreFailure(StoreFailureKind.OTHER, str(exc))


def as_failure(exc: BaseException) -> StoreFailure:
    """Any exception from a write, as the StoreFailure the UI knows how to explain."""
    return exc if isinstance(exc, StoreFailure) else classify(exc)


class Checkpointer:
    """Moves WAL pages back into the database file on its own thread.

    The writer's connections run with wal_autocheckpoint=0, so no save pays for
    a checkpoint; this thread runs a PASSIVE one (it never blocks the writer)
    at most every ``interval_s`` after something was written.
    """

    def __init__(self, path: Path, interval_s: float = 0.5) -> None:
        self._path = path
        self._interval = interval_s
        self._dirty = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="db-checkpoint", daemon=True)
        self._thread.start()

    def wrote(self) -> None:
        self._dirty.set()

    def _run(self) -> None:
        con = sqlite3.connect(self._path, check_same_thread=False, timeout=1.0)
        try:
            while not self._stopping.is_set():
                if not self._dirty.wait(timeout=1.0):
                    continue
                if self._stopping.wait(self._interval):
                    break
                self._dirty.clear()
                try:
                    con.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:
                    self._dirty.set()  # try again next round
            con.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass
        finally:
            con.close()

    def stop(self) -> None:
        self._stopping.set()
        self._dirty.set()
        self._thread.join(timeout=5)


MIGRATION_WAIT_S = 120.0  # another start's migration of a large store may take a while


@contextmanager
def migration_lock(path: Path, wait_s: float) -> Iterator[None]:
    """An exclusive OS lock on ``<store>.migrate-lock`` for one migration; raises
    ``StoreOpenError`` after ``wait_s``. Where the OS has no ``fcntl`` (Windows)
    it does not lock: SQLite's own lock still refuses the second migration."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the platforms we test
        yield
        return
    lock_path = path.with_name(path.name + ".migrate-lock")
    try:
        fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o600)
    except OSError as exc:
        raise StoreOpenError(f"{lock_path}: cannot create the migration lock: "
                             f"{exc.strerror or exc}") from exc
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreOpenError(
                        f"{path}: another start of the app is still upgrading this store; "
                        "try again when it has finished") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class Database:
    def __init__(self, path: Path, *, busy_timeout_ms: int = 3000) -> None:
        self.path = Path(path)
        self.write_engine: Engine = make_engine(
            self.path, busy_timeout_ms=busy_timeout_ms, checkpoint_in_background=True
        )
        self.read_engine: Engine = make_engine(
            self.path, busy_timeout_ms=busy_timeout_ms, immediate=False
        )
        self._writer_sessions: sessionmaker[Session] = make_sessionmaker(self.write_engine)
        self._reader_sessions: sessionmaker[Session] = make_sessionmaker(self.read_engine)
        install_outbox(self._writer_sessions)  # every write leaves its sync ops (issue 6)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-reader")
        self._checkpointer = Checkpointer(self.path)
        # every in-process write transaction holds this, so the search indexer
        # (its own connection) takes turns with the writer instead of meeting
        # it in SQLite's sleeping busy handler, and only when no write waits.
        # Re-entrant: a write nested in a write still fails in SQLite (busy), as
        # before, instead of hanging here.
        self._write_lock = WriteLock()
        self._busy_timeout_s = busy_timeout_ms / 1000
        self.search_indexer = SearchIndexer(self.path, self._write_lock)

    @property
    def write_lock(self) -> WriteLock:
        """The lock every in-process write transaction of this store holds."""
        return self._write_lock

    def upgrade(self) -> None:
        """Bring the store to the head revision. Two first starts on one data
        folder take turns (an OS lock on a file beside the store): the second
        waits for the first's migration, finds the store current and does
        nothing, instead of running the same migration again (issue 19)."""
        if migrate.is_current(self.path):
            return
        with migration_lock(self.path, MIGRATION_WAIT_S):
            if not migrate.is_current(self.path):
                with self._write_turn():
                    migrate.upgrade(self.write_engine)
        self.search_indexer.wrote()  # the indexer may have found no schema yet

    @contextmanager
    def _write_turn(self, *, background: bool = False) -> Iterator[None]:
        """The in-process write lock, given up after the busy timeout as SQLite's
        own would be, so a write behind a long one still fails as locked. Time
        behind background work (the indexer, pulled pages) is not counted, up to
        a bound (write_lock.py): a save does not fail because of them."""
        if not self._write_lock.acquire(self._busy_timeout_s, background=background):
            raise StoreFailure(StoreFailureKind.LOCKED, "another write is still running")
        try:
            yield
        finally:
            self._write_lock.release()

    def write_now(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in one write transaction on the calling thread (CLI, benchmarks)."""
        try:
            with self._write_turn(), self._writer_sessions.begin() as session:
                result = fn(session)
            self._checkpointer.wrote()
            self.search_indexer.wrote()
            return result
        except (DBAPIError, sqlite3.Error, OSError) as exc:
            raise classify(getattr(exc, "orig", None) or exc) from exc

    def write_unchecked_now(self, fn: Callable[[Session], T]) -> T:
        """Like ``write_now`` with foreign keys off and nothing captured for sync.

        For rows applied from central (the pull): they arrive in central's commit
        order, not parent-first, a page may end between a parent and its child,
        and a desk's subset can hold a child whose parent it does not see.
        Central has no foreign keys either (central_schema.py). Foreign keys can
        only be switched outside a transaction, so this uses its own connection
        setting around one transaction, and the session is not the outbox's."""
        try:
            with self._write_turn(background=True), self.write_engine.connect() as conn:
                raw = conn.connection.dbapi_connection
                assert raw is not None
                raw.execute("PRAGMA foreign_keys=OFF")  # autocommit mode: before BEGIN
                try:
                    with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                        result = fn(session)
                finally:
                    raw.execute("PRAGMA foreign_keys=ON")
            self._checkpointer.wrote()
            self.search_indexer.wrote()
            return result
        except (DBAPIError, sqlite3.Error, OSError) as exc:
            raise classify(getattr(exc, "orig", None) or exc) from exc

    def write_unchecked(self, fn: Callable[[Session], T]) -> Future[T]:
        """``write_unchecked_now`` queued on the writer thread, in order with other writes."""
        return self._queue(self.write_unchecked_now, fn)

    def write(self, fn: Callable[[Session], T], *, retry_locked_s: float = 0.0) -> Future[T]:
        """Queue ``fn`` to run in one write transaction on the writer thread, in order.

        With ``retry_locked_s`` a write that finds the file locked by another
        program is tried again (with backoff) for that long; later writes wait
        behind it, so append-only events keep their order and are not lost.
        """
        if retry_locked_s <= 0:
            return self._queue(self.write_now, fn)
        return self._queue(self._write_retrying, fn, retry_locked_s)

    def _queue(self, job: Callable[..., T], *args: object) -> Future[T]:
        """Submit a write to the writer thread; the search indexer keeps off the
        write lock while any is queued (write_lock.py)."""
        lock = self._write_lock

        def run() -> T:
            try:
                return job(*args)
            finally:
                lock.done()

        lock.queued()
        try:
            return self._writer.submit(run)
        except RuntimeError:  # shut down: the store is closed
            lock.done()
            return _closed_future()
        except BaseException:
            lock.done()
            raise

    def _write_retrying(self, fn: Callable[[Session], T], budget_s: float) -> T:
        deadline = time.monotonic() + budget_s
        pause = 0.05
        while True:
            try:
                return self.write_now(fn)
            except StoreFailure as failure:
                if failure.kind is not StoreFailureKind.LOCKED or time.monotonic() >= deadline:
                    raise
                time.sleep(pause)  # on the writer thread; nothing else may write meanwhile
                pause = min(pause * 2, 1.0)

    def read_now(self, fn: Callable[[Session], T]) -> T:
        with self._reader_sessions() as session:
            return fn(session)

    def read(self, fn: Callable[[Session], T]) -> Future[T]:
        try:
            return self._reader.submit(self.read_now, fn)
        except RuntimeError:  # shut down: a late refresh after the store closed
            return _closed_future()

    def flush(self) -> None:
        """Wait until every write queued so far has finished."""
        self._writer.submit(lambda: None).result()

    def close(self) -> None:
        self.search_indexer.stop()
        self._checkpointer.stop()
        self._writer.shutdown(wait=True)
        self._reader.shutdown(wait=True)
        self.write_engine.dispose()
        self.read_engine.dispose()


def _closed_future() -> Future[T]:
    """What a read or write asked for after ``close`` gets: a StoreFailure, not a
    RuntimeError raised into whatever Qt slot asked (a late timer or signal)."""
    fut: Future[T] = Future()
    fut.set_exception(StoreFailure(StoreFailureKind.OTHER, "the store is closed"))
    return fut


def open_database(path: Path, *, busy_timeout_ms: int = 3000) -> Database:
    """The store at ``path``, at the head revision. A store that cannot be opened
    or upgraded raises ``StoreOpenError`` naming the file and why (read-only,
    disk full, locked by another start), never half open."""
    db = Database(path, busy_timeout_ms=busy_timeout_ms)
    try:
        db.upgrade()
    except StoreOpenError:
        db.close()
        raise
    except (sqlite3.Error, DBAPIError, OSError) as exc:
        db.close()
        failure = classify(exc)
        raise StoreOpenError(f"{path}: cannot open the store ({failure.kind.value}): "
                             f"{str(getattr(exc, 'orig', None) or exc).splitlines()[0]}") from exc
    return db
