"""Moves new tickets into the full-text index ``ticket_fts`` on its own thread,
so a ticket save never pays for trigram tokenizing or FTS5 segment merges.

Which tickets are indexed is one number, ``ticket_fts_state.indexed_upto``
(see callcenter/store/search_schema.py and migration 0009); search scans the
tickets above it with LIKE, so results are exact however far behind this is.

How it keeps out of the saves' way (the Database's ``WriteLock``, write_lock.py):
- it starts ``interval_s`` after a write, so a burst of saves is indexed in one
  go rather than one transaction each;
- it takes the store's write lock only when the store is idle: no write is
  waiting for the lock or queued on the writer thread (``WriteLock.idle_turn``);
- a transaction indexes at most ``batch`` tickets (a millisecond or two) with a
  fixed handful of statements (``INSERT ... SELECT``, not a Python loop over the
  rows): each statement gives the GIL away and has to get it back, and in a
  process short of CPU every such hand-back can take tens of milliseconds, so
  the lock is held for a few of them whatever the batch size;
- it asks for the lock again for every batch, so a save that arrives during a
  backlog waits for one batch at most, and goes first;
- its connection commits with synchronous=NORMAL: a power cut can only lose
  whole batches, each together with its raise of the mark, and those tickets
  are simply indexed again. The tickets themselves are the savers' durable
  commits. It never checkpoints either (the Database's Checkpointer does).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from callcenter.services.storage.write_lock import WriteLock
from callcenter.store.search_schema import FTS_STATE_TABLE, FTS_TABLE, INDEXED_UPTO_SQL

# Small, short transactions: a save that meets one waits a millisecond or two
# and its fsync carries few extra WAL pages. Batches of 1,000 every 2 s measured
# a worse save p99 (ticket-save bench at 1,000,000 tickets, quiet disk).
BATCH = 200  # tickets per transaction: ~1-2 ms on 1,000,000 tickets
INTERVAL_S = 0.5
YIELD_S = 0.002  # between transactions of a backlog
TURN_WAIT_S = 1.0  # how long the thread waits for an idle store before trying again later

_ANY_PENDING = f"SELECT EXISTS (SELECT 1 FROM tickets WHERE rowid > ({INDEXED_UPTO_SQL}))"
# the next ``limit`` tickets above the mark, in one statement
_INDEX = (f"INSERT INTO {FTS_TABLE}(rowid, content, address) "
          f"SELECT rowid, content, address FROM tickets WHERE rowid > ({INDEXED_UPTO_SQL}) "
          "ORDER BY rowid LIMIT ?")
# ... and the mark raised to the last of them (the same rows: same transaction, before the mark moves)
_MARK = (f"UPDATE {FTS_STATE_TABLE} SET indexed_upto = coalesce("
         f"(SELECT max(r) FROM (SELECT rowid AS r FROM tickets WHERE rowid > ({INDEXED_UPTO_SQL}) "
         "ORDER BY rowid LIMIT ?)), indexed_upto)")


def index_batch(con: sqlite3.Connection, limit: int) -> int:
    """Index up to ``limit`` tickets above the mark, oldest first, and raise the
    mark, in one transaction of four statements; returns how many. ``con`` is in
    autocommit mode (``isolation_level=None``)."""
    con.execute("BEGIN IMMEDIATE")
    try:
        n = con.execute(_INDEX, (limit,)).rowcount
        if n:
            con.execute(_MARK, (limit,))
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    return max(n, 0)


def has_pending(con: sqlite3.Connection) -> bool:
    """Whether any ticket waits above the mark: a read, no write lock taken."""
    return bool(con.execute(_ANY_PENDING).fetchone()[0])


def catch_up(con: sqlite3.Connection, batch: int = 50_000) -> int:
    """Index every ticket above the mark (bulk loads: the benchmark seeding)."""
    total = 0
    while n := index_batch(con, batch):
        total += n
    return total


def _missing_schema(exc: sqlite3.Error) -> bool:
    """The store is not migrated (yet): nothing to do until the next write."""
    return "no such table" in str(exc)


class SearchIndexer:
    """The indexing thread of one store. ``write_lock`` is the store's
    WriteLock (Database), which every in-process write transaction holds."""

    def __init__(self, path: Path, write_lock: WriteLock, *,
                 interval_s: float = INTERVAL_S, batch: int = BATCH) -> None:
        self._path = path
        self._write_lock = write_lock
        self._interval = interval_s
        self._batch = batch
        self._con: sqlite3.Connection | None = None
        self._con_lock = threading.Lock()  # the thread and drain() share the connection
        self._dirty = threading.Event()
        self._dirty.set()  # tickets an earlier session saved and did not index
        self._idle = threading.Event()  # a pass found nothing more and no write came since
        self._idle_lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="search-indexer", daemon=True)
        self._thread.start()

    def wrote(self) -> None:
        """Something was written: index it soon."""
        with self._idle_lock:
            self._dirty.set()
            self._idle.clear()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until the thread has indexed everything written so far (tests)."""
        return self._idle.wait(timeout)

    def drain(self) -> int:
        """Index everything above the mark now, on the calling thread; returns
        how many tickets (tests and benchmarks wait on this, never on time).
        It waits for the store to be idle before each batch, as the thread does."""
        total = 0
        while n := self._step(wait_s=None):
            total += n
        return total

    def stop(self) -> None:
        """Stop the thread; what is not indexed yet waits for the next start."""
        self._stopping.set()
        self._dirty.set()
        self._thread.join(timeout=5)
        with self._con_lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def _step(self, wait_s: float | None) -> int | None:
        """One batch; how many tickets, or None if the store did not become idle
        within ``wait_s`` seconds (None: wait as long as it takes)."""
        with self._con_lock:
            if self._con is None:
                self._con = sqlite3.connect(self._path, isolation_level=None,
                                            check_same_thread=False, timeout=1.0)
                self._con.execute("PRAGMA synchronous=NORMAL")
                # checkpoints are the Checkpointer's (off any lock); one run from
                # here would hold up the saves waiting for the write lock
                self._con.execute("PRAGMA wal_autocheckpoint=0")
            # most writes are not new tickets (call and agent events): look first,
            # so those never make a save wait for the lock
            if not has_pending(self._con):
                return 0
            while True:
                with self._write_lock.idle_turn(TURN_WAIT_S if wait_s is None else wait_s) as got:
                    if got:
                        return index_batch(self._con, self._batch)
                if wait_s is not None:
                    return None

    def _run(self) -> None:
        while not self._stopping.is_set():
            if not self._dirty.wait(timeout=1.0):
                continue
            if self._stopping.wait(self._interval):
                break
            self._dirty.clear()
            try:
                while (done := self._step(TURN_WAIT_S)) == self._batch:
                    if self._stopping.wait(YIELD_S):
                        return
            except sqlite3.Error as exc:
                if not _missing_schema(exc):
                    self._dirty.set()  # locked by another program: try again next round
                continue
            with self._idle_lock:
                if done is None:
                    self._dirty.set()  # the store was never idle: try again next round
                elif done < self._batch and not self._dirty.is_set():
                    self._idle.set()
