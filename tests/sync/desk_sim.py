"""Desks and central for the sync proofs (test_convergence.py, test_faults.py).

A ``Desk`` is what a workstation runs: its own SQLite file (``open_database``,
so every ORM write leaves its ops in the outbox), the real ``Tickets`` service,
and a ``SyncEngine`` that logs in to central as the desk's own role. Its
client records every push central answered, in the order central answered
them, so a test can replay central's merge decisions and check that no edit
was lost.

Rows are compared as values: every synced column of every row, each turned
into its wire form (UUIDs and UTC times as strings, JSON as JSON), on the desk
(SQLite, through SQLAlchemy) and on central (PostgreSQL, through psycopg).
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.clock import FakeClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.tickets.entry import DispatchRequest, Tickets
from callcenter.store.all_models import Base
from callcenter.store.sync_models import SyncConflict, SyncOutbox
from callcenter.sync import central
from callcenter.sync import outbox_reader as reader
from callcenter.sync.central import CentralClient
from callcenter.sync.protocol import Op, to_wire
from callcenter.sync.registry import SYNCED
from tests.fakes import signed_in

from .conftest import with_db

Rows = dict[str, dict[str, dict[str, Any]]]  # table -> id -> column -> wire value
SYNC_ONLY = ("sync_xid", "sync_fver", "sync_seen")  # central's own columns

DRAFT = TicketDraft(
    category="fault_repair", content="家里停电了，邻居家有电", caller_name="张三",
    caller_phone="13800138001", account_no="3100000001", meter_no="3330000000000000000001",
    address="临江市江城区幸福路12号", area_type="urban", priority="soon",
)


def desk_url(central_url: str, desk: str, team: str = "T1") -> str:
    """Make the desk's login role on central (an agent desk of ``team``: it pulls its
    team's tickets); the URL it connects with (its own password)."""
    password = f"pw-{desk.lower()}"
    role = central.create_desk_role(central_url, desk, password, team=team)
    return with_db(central_url, urlsplit(central_url).path.lstrip("/"), role, password)


@dataclass
class Push:
    desk: str
    ops: list[Op]
    answer: dict[str, Any]


@dataclass
class PushLog:
    """Every push central answered, in the order it answered (tests are one thread)."""
    pushes: list[Push] = field(default_factory=list)

    def applied_first_time(self) -> Iterable[tuple[Op, set[str]]]:
        """(op, its conflicting fields) in central's order of application; a retry
        answered as a duplicate changed nothing and is skipped."""
        for p in self.pushes:
            if p.answer.get("duplicate"):
                continue
            conflicted = {str(c["op_id"]): set(c["fields"]) for c in p.answer.get("conflicts") or []}
            applied = {str(a) for a in p.answer.get("applied") or []}
            for op in sorted(p.ops, key=lambda o: o.seq):
                assert op.op_id in applied, ("central did not apply", op)
                yield op, conflicted.get(op.op_id, set())


class RecordingClient(CentralClient):
    """The real client; pushes are logged with central's answer."""

    def __init__(self, url: str, log: PushLog, **kw: Any) -> None:
        super().__init__(url, **kw)
        self._log = log

    def push(self, desk: str, ops: list[Op]) -> dict[str, Any]:
        answer = super().push(desk, ops)
        self._log.pushes.append(Push(desk, list(ops), answer))
        return answer


@dataclass
class Desk:
    name: str
    path: Path
    db: Database
    engine: SyncEngine
    tickets: Tickets

    def close(self) -> None:
        self.engine.close()
        self.db.close()


_template: list[Path] = []


def blank_store(path: Path) -> None:
    """A new desk file at the local schema head: a copy of one migrated once per
    process (migrating costs ~0.7 s a desk; the copy is the same bytes)."""
    if not _template:
        tmp = Path(tempfile.mkdtemp(prefix="desk-template-"))
        atexit.register(shutil.rmtree, tmp, True)
        db = open_database(tmp / "blank.sqlite3")
        db.close()
        con = sqlite3.connect(tmp / "blank.sqlite3")
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()
        _template.append(tmp / "blank.sqlite3")
    shutil.copyfile(_template[0], path)
    path.chmod(0o600)


def open_desk(path: Path, name: str, connect: Callable[[], CentralClient], clock: FakeClock, *,
              page_rows: int = 50, push_ops: int = 50) -> Desk:
    if not path.exists():
        blank_store(path)
    db = open_database(path)
    engine = SyncEngine(db, name, connect, page_rows=page_rows, push_ops=push_ops,
                        now=clock.utc_now)
    return Desk(name, path, db, engine, Tickets(db, load_profile(), clock, name, user=signed_in()))


def save_ticket(desk: Desk, n: int, dispatch: bool = False) -> uuid.UUID:
    """One ticket through the real service (ticket + its events, one transaction)."""
    draft = TicketDraft(**{**vars(DRAFT), "content": f"{desk.name} 的工单 {n}"})
    saved = desk.db.write_now(lambda s: desk.tickets.save_in(
        s, draft, agent_id="1024", dispatch=DispatchRequest("repair", 2) if dispatch else None))
    return saved.id


def save_many(desk: Desk, count: int, clock: FakeClock, *, per_tx: int = 1,
              step_s: float = 0.0) -> list[uuid.UUID]:
    """``count`` tickets, ``per_tx`` to a local transaction, the clock moving ``step_s`` each."""
    ids: list[uuid.UUID] = []

    def batch(s: Session, k: int) -> None:
        for i in range(k):
            draft = TicketDraft(**{**vars(DRAFT), "content": f"{desk.name} 的工单 {len(ids)}"})
            ids.append(desk.tickets.save_in(s, draft, agent_id="1024",
                                            dispatch=DispatchRequest("repair", 2) if i % 2 else None).id)
            clock.advance(step_s)

    while len(ids) < count:
        k = min(per_tx, count - len(ids))
        desk.db.write_now(lambda s, k=k: batch(s, k))  # type: ignore[misc]
    return ids


def last_op_id(db: Database, row_id: uuid.UUID) -> str:
    return str(db.read_now(lambda s: s.scalars(
        select(SyncOutbox.op_id).where(SyncOutbox.row_id == row_id)
        .order_by(SyncOutbox.seq.desc()).limit(1)).one()))


def _wire(row: dict[str, Any]) -> dict[str, Any]:
    return {k: to_wire(v) for k, v in row.items() if k != "id" and k not in SYNC_ONLY}


def local_rows(db: Database) -> Rows:
    def read(s: Session) -> Rows:
        return {name: {str(r["id"]): _wire(dict(r))
                       for r in s.execute(select(Base.metadata.tables[name])).mappings()}
                for name in SYNCED}
    return db.read_now(read)


def central_rows(url: str, desk: str | None = None) -> Rows:
    """Central's rows (admin ``url``); with ``desk``, only those central's own
    ``sync.visible`` gives that desk (its pull subset)."""
    out: Rows = {}
    with psycopg.connect(url) as conn:
        conn.execute("SET timezone = 'UTC'")
        for name in SYNCED:
            if desk is None:
                cur = conn.execute(f'SELECT * FROM public."{name}"')
            else:
                cur = conn.execute(f'SELECT * FROM public."{name}" t '
                                   "WHERE sync.visible(%s, %s, to_jsonb(t))", (desk, name))
            cols = [d.name for d in cur.description or ()]
            rows = [dict(zip(cols, r, strict=True)) for r in cur]
            out[name] = {str(r["id"]): _wire(r) for r in rows}
    return out


def central_scalar(url: str, query: str, *args: Any) -> Any:
    with psycopg.connect(url) as conn:
        row = conn.execute(query, args).fetchone()
    assert row is not None
    return row[0]


def central_conflicts(url: str) -> list[tuple[str, str, str, list[str], dict[str, Any]]]:
    """(op_id, desk, row_id, fields, desk_values) of every conflict central kept."""
    with psycopg.connect(url) as conn:
        return [(str(o), d, str(r), list(f), v) for o, d, r, f, v in conn.execute(
            "SELECT op_id, desk, row_id, fields, desk_values FROM sync.conflicts")]


def push_conflicts(db: Database) -> list[SyncConflict]:
    return db.read_now(lambda s: list(s.scalars(
        select(SyncConflict).where(SyncConflict.source == "push"))))


def queue_depth(db: Database) -> int:
    return db.read_now(reader.queue_status).depth


def sync_until_quiet(desks: list[Desk], max_passes: int = 12) -> int:
    """Every desk syncs, in turn, until two passes in a row push nothing; returns passes."""
    quiet = 0
    for n in range(1, max_passes + 1):
        pushed = sum(d.engine.run_once().pushed_ops for d in desks)
        quiet = quiet + 1 if pushed == 0 else 0
        if quiet == 2:
            return n
    raise AssertionError(f"still pushing after {max_passes} passes")


def integrity_ok(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


def assert_caught_up(desk: Desk, url: str) -> None:
    """The desk has nothing queued and holds exactly the central rows it may see
    (every column; all of central's while every desk sees everything)."""
    assert queue_depth(desk.db) == 0, desk.name
    mine, theirs = local_rows(desk.db), central_rows(url, desk.name)
    for table in SYNCED:
        assert mine[table] == theirs[table], (desk.name, table, _diff(mine[table], theirs[table]))


def assert_tickets_once(url: str, ids: Iterable[uuid.UUID]) -> None:
    """Every ticket is on central once: by id and by its human number."""
    want = {str(i) for i in ids}
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT id, number FROM public.tickets").fetchall()
    have = [str(r[0]) for r in rows]
    assert len(have) == len(set(have)) and want <= set(have), len(want - set(have))
    numbers = [r[1] for r in rows]
    assert len(numbers) == len(set(numbers)), "a ticket number twice on central"


def _diff(a: dict[str, Any], b: dict[str, Any]) -> Any:
    only_a, only_b = set(a) - set(b), set(b) - set(a)
    changed = {k: {c: (a[k].get(c), b[k].get(c)) for c in a[k] if a[k].get(c) != b[k].get(c)}
               for k in set(a) & set(b) if a[k] != b[k]}
    return {"desk_only": sorted(only_a)[:5], "central_only": sorted(only_b)[:5],
            "changed": dict(list(changed.items())[:5])}

