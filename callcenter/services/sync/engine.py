"""One sync round between this desk and central: push everything queued, then
pull until caught up. Used by the worker (callcenter/services/sync/worker.py)
and by ``callcenter sync --once``; it blocks, so it never runs on the GUI thread.

Local writes go through the Database's writer thread (in order with the
desk's own saves); central calls go through one ``CentralClient`` kept open
between rounds and dropped on any error, so the next round reconnects.

Schema check: on every new connection the desk compares its local schema
(the head of its Alembic chain, as a number) with central's
``sync.min_desk_schema()``; an older desk raises ``SchemaTooOld`` and pushes
nothing (it would send rows central can no longer take) until it is upgraded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from callcenter.services.outages import records as outage_store
from callcenter.services.storage.database import Database
from callcenter.store import migrate
from callcenter.sync import resync
from callcenter.sync.outbox_reader import CURSOR, get_state
from callcenter.sync.outbox_reader import set_state as set_state_value
from callcenter.sync.pull_apply import (
    PageResult,
    Prepared,
    apply_prepared,
    merge_prepared,
    prepare_page,
    prepare_rows,
)
from callcenter.sync.push_result import (
    RESOLUTIONS_SENT_UNTIL,
    next_batch,
    record_push,
    resolved_since,
)
from callcenter.sync.resync import RESYNC

if TYPE_CHECKING:  # psycopg stays out of the desk's startup until it syncs
    from callcenter.sync.central import CentralClient

Connect = Callable[[], "CentralClient"]


FETCH_SINCE_SCHEMA = 6  # central's sync.fetch_caller came with c0006


class SchemaTooOld(Exception):
    """This desk's schema is older than central's minimum: upgrade the app."""

    def __init__(self, local: int, minimum: int) -> None:
        super().__init__(f"desk schema {local} is older than central's minimum {minimum}")
        self.local = local
        self.minimum = minimum


class Cancelled(Exception):
    pass


def local_schema_version() -> int:
    head = migrate.head_revision()
    return int(head) if head and head.isdigit() else 0


@dataclass
class SyncReport:
    pushed_ops: int = 0
    pushed_txs: int = 0
    push_calls: int = 0
    conflicts: int = 0
    pulled_rows: int = 0
    kept_local: int = 0
    clashes: int = 0
    pages: int = 0
    resync: bool = False
    retired: int = 0  # local rows a finished full re-sync retired (sync/resync.py)
    resolutions_sent: int = 0
    caught_up: bool = False
    tables: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        d = dict(vars(self))
        d["tables"] = sorted(self.tables)
        return d


@dataclass(frozen=True)
class FetchResult:
    """What a caller fetch stored: ``tickets`` found on central, ``applied`` rows
    written locally (tickets and their children), ``tables`` written."""

    phone: str
    accounts: tuple[str, ...]
    tickets: int
    applied: int
    kept_local: int
    tables: frozenset[str]


def _count_pages(report: SyncReport, res: PageResult, pages: int) -> None:
    report.pages += pages
    report.pulled_rows += res.applied
    report.kept_local += res.kept_local
    report.clashes += res.clashes
    report.retired += getattr(res, "retired", 0)
    report.tables |= res.tables


class SyncEngine:
    def __init__(self, db: Database, desk: str, connect: Connect, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 page_rows: int = 2000, push_ops: int = 2000, apply_rows: int = 20_000,
                 fetch_tickets: int = 50) -> None:
        self.db = db
        self.desk = desk
        self._connect = connect
        self._now = now
        # rows per pull call, and most rows fetched ahead of the store (pull_all):
        # `callcenter bench sync-pull` (100,000 rows) is about 4% faster at 2,000 and
        # 20,000 than at 1,000 and 10,000, and slower with 5,000-row pages
        self.page_rows = page_rows
        self.apply_rows = apply_rows
        # ops per push call: `callcenter bench sync-push` (235k ops) pushes about 8% more
        # per second at 2,000 than at 1,000, and no more at 4,000
        self.push_ops = push_ops
        self.fetch_tickets = fetch_tickets  # a caller's newest tickets per fetch (the pop lists 50)
        self._client: CentralClient | None = None
        self._central_schema = 0  # central's sync.schema_version() on this connection
        # local state derived from pulled rows (the outage address keys) must be
        # maintained whoever runs the pull: the app, `callcenter sync`, a test
        outage_store.install_pull_hooks()

    def close(self) -> None:
        if self._client is not None:
            try:
                self._client.close()
            finally:
                self._client = None
                self._central_schema = 0

    def client(self) -> CentralClient:
        if self._client is None:
            client = self._connect()
            try:
                minimum = client.min_desk_schema()
                local = local_schema_version()
                if local < minimum:
                    raise SchemaTooOld(local, minimum)
            except BaseException:
                client.close()
                raise
            self._client = client
        return self._client

    def run_once(self, cancel: threading.Event | None = None) -> SyncReport:
        """Push all that is queued, then pull until caught up. Any error from
        central (or the network) closes the connection and propagates; what
        was done before it stays done."""
        report = SyncReport()
        try:
            self.push_all(report, cancel)
            self.send_resolutions(report)
            self.pull_all(report, cancel)
        except BaseException:
            self.close()
            raise
        return report

    def fetch_caller(self, phone: str, accounts: tuple[str, ...] = ()) -> FetchResult | None:
        """Fetch the caller's newest tickets (and their children) from central and
        store them as a pull page is stored, the cursor untouched: a looked-up
        caller's history with other teams (central revision c0006). None when central
        is older than c0006 and cannot answer. Run it on the thread that pulls
        (the worker's), so a fetched snapshot is never stored after a newer page."""
        client = self.client()
        try:
            if not self._central_schema:  # once per connection: central may be upgraded between
                self._central_schema = client.schema_version()
            if self._central_schema < FETCH_SINCE_SCHEMA:
                return None
            answer = client.fetch_caller(self.desk, phone, accounts, self.fetch_tickets)
        except BaseException:
            self.close()
            raise
        rows = list(answer.get("rows") or [])
        dialect = self.db.write_engine.dialect
        res: PageResult = self.db.write_unchecked(partial(
            apply_prepared, prepared=prepare_rows(rows, dialect), cursor=None, now=self._now(),
            caught_up=False)).result()
        return FetchResult(phone, accounts, int(answer.get("tickets") or 0), res.applied,
                           res.kept_local, frozenset(res.tables))

    def push_all(self, report: SyncReport, cancel: threading.Event | None = None) -> None:
        """Push until the queue is empty, one batch (whole transactions) per call.

        Pipelined, so the desk's own work overlaps central's: while central
        applies a batch, the next one is read (on the Database's reader thread: a
        batch ends where a transaction ends, so the next one starts after its
        last seq and needs no marks), and an answer is recorded (on the writer
        thread) while the next push is in flight (about a third more ops per
        second in `callcenter bench sync-push`). A push is sent only once every
        answer but the last is recorded, so the pushes central committed and the
        desk did not record are at most the last two; if anything fails, nothing
        after it is pushed (an unrecorded push is simply sent again next round,
        and central answers it as a duplicate, protocol.py)."""
        client = self.client()
        # grouped: a batch of nothing but inserts also carries its rows grouped for
        # central's sync.push_rows (CentralClient.push chooses, and falls back)
        batch = self.db.read_now(lambda s: next_batch(s, self.push_ops, grouped=True))
        recording: Future[int] | None = None
        try:
            while batch is not None:
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                coming = self.db.read(partial(next_batch, max_ops=self.push_ops, after=batch.last_seq,
                                              grouped=True))
                answer = client.push(self.desk, batch.ops)
                if recording is not None:  # the answer before this one, recorded meanwhile
                    report.conflicts += recording.result()
                    recording = None
                recording = self.db.write(
                    partial(record_push, batch=batch, answer=answer, now=self._now(), desk=self.desk))
                report.push_calls += 1
                report.pushed_ops += len(batch.ops)
                report.pushed_txs += len(batch.tx_ids)
                batch = coming.result()
                if batch is None:
                    # the read-ahead ran while central applied the last batch: what
                    # the desk saved meanwhile is only seen by a read after it
                    report.conflicts += recording.result()
                    recording = None
                    batch = self.db.read_now(lambda s: next_batch(s, self.push_ops, grouped=True))
        finally:
            if recording is not None:
                report.conflicts += recording.result()

    def send_resolutions(self, report: SyncReport) -> None:
        """Tell central how this desk's users resolved its push conflicts (central
        keeps its own list of them, for leads and for a re-synced desk)."""
        client = self.client()
        since = self.db.read_now(lambda s: get_state(s, RESOLUTIONS_SENT_UNTIL))
        todo = self.db.read_now(lambda s: resolved_since(s, since))
        for op_id, resolution, resolved_at in todo:
            client.resolve_conflict(self.desk, op_id, resolution)
            self.db.write(partial(set_state_value, key=RESOLUTIONS_SENT_UNTIL,
                                  value=resolved_at.isoformat())).result()
            report.resolutions_sent += 1

    def pull_all(self, report: SyncReport, cancel: threading.Event | None = None) -> None:
        """Pull pages until caught up, in three overlapping steps: this thread
        fetches the pages (a page is asked for with the cursor central gave with
        the one before, so fetching never waits for the store), a helper thread
        converts each to stored values (no transaction needed), and the
        Database's writer thread stores them.

        Pages fetched while the writer is still busy are stored together, with
        the cursor after the last of them, in one local transaction (up to
        ``apply_rows`` rows; then the fetching waits): a desk catching up commits
        fewer, bigger transactions, and the rows and their cursor still land
        together or not at all. Pages go to the writer one group at a time, the
        next only after the last one was stored: if one fails, nothing after it
        is stored (its cursor would skip the failed rows)."""
        client = self.client()
        dialect = self.db.write_engine.dialect
        cursor: dict[str, Any] | None = self.db.read_now(lambda s: get_state(s, CURSOR))
        # a full re-sync under way (begun in an earlier round) keeps its bookkeeping
        resyncing = self.db.read_now(lambda s: get_state(s, RESYNC)) is not None
        resync_start = False
        storing: Future[PageResult] | None = None  # the group on the writer
        storing_pages = 0
        held: list[Future[Prepared]] = []  # pages fetched and not handed to the writer
        held_rows = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull-prepare") as prepare:
            try:
                while True:
                    if cancel is not None and cancel.is_set():
                        raise Cancelled()
                    # stored: rows in their stored form when central has sync.pull_rows
                    page = client.pull(self.desk, cursor, self.page_rows, stored=True)
                    if page.get("resync"):
                        # central pruned tombstones newer than this cursor: start over
                        # (central sends the pages held so far again)
                        report.resync = True
                        resync_start = True
                        cursor = None
                        held, held_rows = [], 0
                        page = client.pull(self.desk, None, self.page_rows, stored=True)
                    held.append(prepare.submit(prepare_page, page, dialect))
                    held_rows += len(page.get("rows") or [])
                    cursor = page.get("cursor") or cursor
                    more = bool(page.get("more"))
                    if more and storing is not None and not storing.done() and held_rows < self.apply_rows:
                        continue  # the writer is busy: fetch on, store these pages together
                    group = merge_prepared([f.result() for f in held], dialect)
                    if storing is not None:
                        _count_pages(report, storing.result(), storing_pages)
                        storing = None
                    apply: Callable[..., PageResult]
                    if resync_start or resyncing:
                        apply = partial(resync.apply_group, start=resync_start)
                        resyncing, resync_start = True, False
                    else:
                        apply = apply_prepared
                    storing, storing_pages = self.db.write_unchecked(partial(
                        apply, prepared=group, cursor=cursor, now=self._now(),
                        caught_up=not more)), len(held)
                    held, held_rows = [], 0
                    if not more:
                        _count_pages(report, storing.result(), storing_pages)
                        storing = None
                        report.caught_up = True
                        return
            finally:
                if storing is not None:  # leaving on an error: the group on the writer still counts
                    try:
                        _count_pages(report, storing.result(), storing_pages)
                    except Exception:  # the error already on its way is the one to report
                        pass
