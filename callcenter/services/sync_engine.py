"""One sync round between this desk and central: push everything queued, then
pull until caught up. Used by the worker (callcenter/services/sync_worker.py)
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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from callcenter.store import migrate
from callcenter.sync.central import CentralClient
from callcenter.sync.outbox_reader import CURSOR, get_state
from callcenter.sync.outbox_reader import set_state as set_state_value
from callcenter.sync.pull_apply import apply_page
from callcenter.sync.push_result import (
    RESOLUTIONS_SENT_UNTIL,
    next_batch,
    record_push,
    resolved_since,
)

from . import outage_store
from .database import Database

Connect = Callable[[], CentralClient]


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
    resolutions_sent: int = 0
    caught_up: bool = False
    tables: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        d = dict(vars(self))
        d["tables"] = sorted(self.tables)
        return d


class SyncEngine:
    def __init__(self, db: Database, desk: str, connect: Connect, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 page_rows: int = 1000, push_ops: int = 1000) -> None:
        self.db = db
        self.desk = desk
        self._connect = connect
        self._now = now
        self.page_rows = page_rows
        self.push_ops = push_ops
        self._client: CentralClient | None = None
        # local state derived from pulled rows (the outage address keys) must be
        # maintained whoever runs the pull: the app, `callcenter sync`, a test
        outage_store.install_pull_hooks()

    def close(self) -> None:
        if self._client is not None:
            try:
                self._client.close()
            finally:
                self._client = None

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

    def push_all(self, report: SyncReport, cancel: threading.Event | None = None) -> None:
        client = self.client()
        while True:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            batch = self.db.read_now(lambda s: next_batch(s, self.push_ops))
            if batch is None:
                return
            answer = client.push(self.desk, batch.ops)
            report.conflicts += self.db.write(
                partial(record_push, batch=batch, answer=answer, now=self._now())).result()
            report.push_calls += 1
            report.pushed_ops += len(batch.ops)
            report.pushed_txs += len(batch.tx_ids)

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
        client = self.client()
        cursor: dict[str, Any] | None = self.db.read_now(lambda s: get_state(s, CURSOR))
        while True:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            page = client.pull(self.desk, cursor, self.page_rows)
            if page.get("resync"):
                # central pruned tombstones newer than this cursor: start over
                report.resync = True
                cursor = None
                page = client.pull(self.desk, None, self.page_rows)
            rows = list(page.get("rows") or [])
            cursor = page.get("cursor") or cursor
            more = bool(page.get("more"))
            res = self.db.write_unchecked(partial(
                apply_page, rows=rows, cursor=cursor, now=self._now(), caught_up=not more)).result()
            report.pages += 1
            report.pulled_rows += res.applied
            report.kept_local += res.kept_local
            report.clashes += res.clashes
            report.tables |= res.tables
            if not more:
                report.caught_up = True
                return
