"""The sync worker: sync rounds on a thread of their own, for the whole shift.

A round (SyncEngine.run_once) runs every ``interval_s`` while things go well,
at once after ``nudge()`` (the desk saved something), and after a failure
again with exponential backoff and full jitter (a random wait between 0 and
``min(cap, base * 2**failures)``), so a hundred desks coming back after a
central restart do not all knock at the same second. The waits are on the
worker's own event, never on the GUI thread and never by counting ticks.

Between rounds it publishes a ``SyncStatus`` about once a second (the queue
grows while agents work); ``on_status`` is called on the worker thread, so the
UI re-emits it as a Qt signal (callcenter/ui/sync/status.py) and never reads
the database for it.

``fetch_caller(phone, accounts)`` asks for a looked-up caller's tickets from
central (SyncEngine.fetch_caller); the worker runs it on its own thread as soon
as it is not in a round (the same thread as the pulls, so a fetched snapshot
never lands after a newer page), and reports what it stored to
``on_fetched``. Only the latest request is kept: a new call supersedes the
last one's. While offline, the request waits for the next successful round.

``add_periodic(fn)``: ``fn(client)`` runs on the worker thread after every round
and every wake (about once a second) while not offline, with the round's central
client; ``wake()`` runs it soon without a round. The board's desk state publisher
(services/board/presence.py) uses it: one upsert per change over this connection.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import func, select

from callcenter.services.storage.database import Database
from callcenter.services.sync.engine import Cancelled, FetchResult, SchemaTooOld, SyncEngine, SyncReport
from callcenter.store.sync_models import SyncConflict
from callcenter.sync import outbox_reader as reader
from callcenter.sync.push_result import REJECT

T = TypeVar("T")
if TYPE_CHECKING:
    from callcenter.sync.central import CentralClient

log = logging.getLogger(__name__)


class SyncState(Enum):
    CONNECTING = "connecting"  # no round has finished yet
    ONLINE = "online"  # the last round finished
    OFFLINE = "offline"  # the last round failed; retrying with backoff
    SCHEMA_TOO_OLD = "schema_too_old"  # central refuses this desk's schema; not pushing
    STOPPED = "stopped"


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    queue_depth: int = 0  # ops not yet pushed
    queue_transactions: int = 0
    oldest_pending_at: datetime | None = None  # when the oldest unpushed op was made (UTC)
    last_sync_at: datetime | None = None  # end of the last round that finished (UTC)
    open_conflicts: int = 0
    rejected: int = 0  # of them, transactions central refused (kept aside, protocol.py)
    error: str = ""  # why the last round failed
    failures: int = 0  # rounds failed in a row

    def oldest_pending_age_s(self, now: datetime) -> float | None:
        if self.oldest_pending_at is None:
            return None
        return max(0.0, (now - self.oldest_pending_at).total_seconds())


def backoff_s(failures: int, base_s: float, cap_s: float, rng: random.Random) -> float:
    """Full jitter: uniform in [0, min(cap, base * 2**failures)]."""
    return rng.uniform(0.0, min(cap_s, base_s * (2 ** min(failures, 30))))


class SyncWorker:
    def __init__(self, db: Database, engine: SyncEngine, *,
                 on_status: Callable[[SyncStatus], None] = lambda s: None,
                 on_report: Callable[[SyncReport], None] = lambda r: None,
                 on_fetched: Callable[[FetchResult], None] = lambda r: None,
                 interval_s: float = 5.0, status_every_s: float = 1.0,
                 backoff_base_s: float = 1.0, backoff_cap_s: float = 60.0,
                 rng: random.Random | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.db = db
        self.engine = engine
        self._on_status = on_status
        self._on_report = on_report
        self._on_fetched = on_fetched
        self.interval_s = interval_s
        self.status_every_s = status_every_s
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self._rng = rng or random.Random()
        self._now = now
        self._wake = threading.Event()
        self._nudged = False
        self._fetch: tuple[str, tuple[str, ...]] | None = None  # the latest caller asked for
        self._jobs: list[tuple[Callable[[SyncEngine], Any], Future[Any]]] = []
        # run on this thread after each round that reached central (recording uploads)
        self.after_round: list[Callable[[SyncEngine], object]] = []
        self._periodic: list[Callable[[CentralClient], None]] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._status = SyncStatus(SyncState.CONNECTING)
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def nudge(self) -> None:
        """Run a round soon (something was saved)."""
        with self._lock:
            self._nudged = True
        self._wake.set()

    def add_periodic(self, fn: Callable[[CentralClient], None]) -> None:
        """Call ``fn(client)`` on the worker thread after each round and each wake."""
        with self._lock:
            self._periodic.append(fn)

    def wake(self) -> None:
        """Run the periodic calls soon, without a sync round."""
        self._wake.set()

    def _run_periodic(self) -> None:
        with self._lock:
            fns = list(self._periodic)
        for fn in fns:
            try:
                fn(self.engine.client())
            except Exception as exc:  # central unreachable: the next round says so
                log.info("periodic sync call failed: %s", exc)

    def fetch_caller(self, phone: str, accounts: tuple[str, ...] = ()) -> None:
        """Fetch this caller's tickets from central soon (replaces an earlier request
        not yet run); the result goes to ``on_fetched``."""
        with self._lock:
            self._fetch = (phone, tuple(accounts))
        self._wake.set()

    def submit(self, job: Callable[[SyncEngine], T]) -> Future[T]:
        """Run ``job(engine)`` on the worker's thread soon (between rounds, while
        online); its result or error comes back in the Future."""
        fut: Future[T] = Future()
        with self._lock:
            self._jobs.append((job, fut))
        self._wake.set()
        return fut

    def _run_jobs(self) -> None:
        with self._lock:
            jobs, self._jobs = self._jobs, []
        for job, fut in jobs:
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(job(self.engine))
            except Exception as exc:  # the caller says what went wrong
                fut.set_exception(exc)

    def _after_round(self) -> None:
        for hook in self.after_round:
            try:
                hook(self.engine)
            except Exception as exc:  # retried after the next round
                log.info("after the sync round: %s", exc)

    def _run_fetch(self) -> None:
        self._run_jobs()
        with self._lock:
            req, self._fetch = self._fetch, None
        if req is None:
            return
        try:
            result = self.engine.fetch_caller(*req)
        except Exception as exc:  # the next round finds out what is wrong and says so
            log.info("caller fetch failed: %s", exc)
            return
        if result is not None:
            self._on_fetched(result)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self.engine.close()

    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def _publish(self, **changes: object) -> None:
        try:
            q = self.db.read_now(reader.queue_status)
            conflicts, rejected = self.db.read_now(lambda s: s.execute(
                select(func.count(), func.count().filter(SyncConflict.source == REJECT))
                .select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))).one())
            changes.update(queue_depth=q.depth, queue_transactions=q.transactions,
                           oldest_pending_at=q.oldest_at, open_conflicts=int(conflicts),
                           rejected=int(rejected))
        except Exception:  # the local store is the app's business; status is best effort
            log.exception("sync status")
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            status = self._status
        self._on_status(status)

    def _round(self) -> float:
        """One round; returns how long to wait before the next."""
        failures = self.status().failures
        try:
            report = self.engine.run_once(cancel=self._stop)
        except Cancelled:
            return 0.0
        except SchemaTooOld as exc:
            log.error("sync refused: %s", exc)
            self._publish(state=SyncState.SCHEMA_TOO_OLD, error=str(exc), failures=failures + 1)
            return self.backoff_cap_s
        except Exception as exc:  # network, central, local store: retry later
            log.warning("sync round failed: %s", exc, exc_info=True)
            self._publish(state=SyncState.OFFLINE, error=str(exc).strip() or type(exc).__name__,
                          failures=failures + 1)
            return backoff_s(failures + 1, self.backoff_base_s, self.backoff_cap_s, self._rng)
        self._publish(state=SyncState.ONLINE, error="", failures=0, last_sync_at=self._now())
        log.info("sync round: pushed %d ops, pulled %d rows, %d conflicts%s", report.pushed_ops,
                 report.pulled_rows, report.conflicts, ", caught up" if report.caught_up else "")
        self._on_report(report)
        return self.interval_s

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                self._nudged = False
            wait = self._round()
            if self.status().state is SyncState.ONLINE:
                self._after_round()
                self._run_fetch()  # asked for during the round
                self._run_periodic()
            # wait for the next round, publishing the queue as it grows meanwhile
            deadline = time.monotonic() + wait
            while not self._stop.is_set() and (left := deadline - time.monotonic()) > 0:
                if self._wake.wait(min(left, self.status_every_s)):
                    self._wake.clear()
                    if self._stop.is_set():
                        break
                    # while offline the backoff holds (a fetch waits for the next round too)
                    if self.status().state is not SyncState.OFFLINE:
                        self._run_fetch()
                        self._run_periodic()
                        with self._lock:
                            nudged = self._nudged
                        if nudged:
                            break  # a nudge runs a round now
                elif self.status().state is SyncState.ONLINE:
                    self._run_periodic()  # heartbeats are due without a wake
                self._publish()
        with self._lock:
            jobs, self._jobs = self._jobs, []
        for _job, fut in jobs:
            fut.cancel()
        self._publish(state=SyncState.STOPPED)
