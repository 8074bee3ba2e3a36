"""The in-process write lock of one store: one write transaction at a time,
and the user's writes before background work.

Every in-process write transaction holds it (``Database.write_now`` and
friends, the search indexer's batches), so the indexer, which has its own
SQLite connection, takes turns with the writer instead of meeting it in
SQLite's sleeping busy handler.

Who goes first:

* A *write* (``acquire``) is anything the Database runs: a save, a ticket action,
  a push acknowledgement, a page of pulled rows. Writes are taken in whatever
  order they reach the lock (most come from the one writer thread anyway).
  A write that waits ``timeout`` seconds behind other writes gives up, as
  SQLite's own busy timeout would, and the caller reports the store as locked.
* Some writes are *background* work (``background=True``: pulled pages), and
  the indexer's turns (``idle_turn``) always are. Waiting behind background
  work does not use up a write's timeout: a user's save must not fail because a
  background job happened to hold the lock when the machine was short of CPU.
  It is still bounded (``background_grace_s`` more in all), so a background
  job that never lets go cannot hang a save either.
* The indexer runs only when the store is idle: the lock is free, no write is
  waiting for it and none is queued on the writer thread (``queued``). It
  holds the lock for one short transaction at a time and asks again for the
  next, so a save that arrives meanwhile goes first.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# how much longer than its timeout a write may wait in all when it is background
# work that holds the lock (see the module docstring)
BACKGROUND_GRACE_S = 10.0


class WriteLock:
    def __init__(self, *, background_grace_s: float = BACKGROUND_GRACE_S) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._owner: int | None = None  # thread ident of the holder
        self._depth = 0  # re-entry count of the holder
        self._owner_background = False
        self._waiting = 0  # writes blocked in acquire()
        self._queued = 0  # writes queued on (or running on) the writer thread
        self._grace = background_grace_s
        self.longest_write_wait_s = 0.0  # the longest a write has waited for the lock (benches)

    # -- writes -------------------------------------------------------------

    def acquire(self, timeout: float, *, background: bool = False) -> bool:
        """Take the lock for a write; False if it could not within ``timeout``
        seconds of waiting behind other writes (see the module docstring).
        Re-entrant for the holder."""
        me = threading.get_ident()
        with self._cond:
            if self._owner == me:
                self._depth += 1
                return True
            self._waiting += 1
            try:
                now = last = start = time.monotonic()
                hard = now + timeout + self._grace
                counted = 0.0  # time spent behind writes that are not background
                while self._owner is not None:
                    behind_background = self._owner_background
                    left = hard - now if behind_background else min(timeout - counted, hard - now)
                    if left <= 0:
                        return False
                    self._cond.wait(left)
                    now = time.monotonic()
                    if not behind_background:
                        counted += now - last
                    last = now
                self._take(me, background)
                self.longest_write_wait_s = max(self.longest_write_wait_s, now - start)
                return True
            finally:
                self._waiting -= 1
                if not self._waiting:
                    self._cond.notify_all()  # the indexer may be waiting for this

    # -- the indexer --------------------------------------------------------

    def acquire_idle(self, timeout: float) -> bool:
        """Take the lock for background work that must not delay any write: only
        when it is free and no write is waiting or queued. False if that did not
        happen within ``timeout`` seconds (try again later)."""
        me = threading.get_ident()
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._owner == me:
                self._depth += 1
                return True
            while self._owner is not None or self._waiting or self._queued:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            self._take(me, True)
            return True

    @contextmanager
    def idle_turn(self, timeout: float) -> Iterator[bool]:
        """``acquire_idle`` as a context manager: yields whether the lock was
        taken, and releases it on leaving if it was."""
        got = self.acquire_idle(timeout)
        try:
            yield got
        finally:
            if got:
                self.release()

    # -- both ---------------------------------------------------------------

    def release(self) -> None:
        with self._cond:
            if self._owner != threading.get_ident():
                raise RuntimeError("release of a write lock this thread does not hold")
            self._depth -= 1
            if not self._depth:
                self._owner = None
                self._owner_background = False
                self._cond.notify_all()

    def _take(self, me: int, background: bool) -> None:
        self._owner = me
        self._depth = 1
        self._owner_background = background

    # -- the writer thread's queue -----------------------------------------

    def queued(self) -> None:
        """A write was queued on the writer thread: the indexer waits for it."""
        with self._cond:
            self._queued += 1

    def done(self) -> None:
        """A queued write has finished (or failed)."""
        with self._cond:
            self._queued -= 1
            if not self._queued:
                self._cond.notify_all()

    def writes_pending(self) -> bool:
        """Whether a write is waiting for the lock or queued for the writer thread."""
        with self._cond:
            return bool(self._waiting or self._queued)
