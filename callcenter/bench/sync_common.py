"""What the sync benchmarks share: a central PostgreSQL to sync with, and
ticket saves as the desk stores, the outbox captures and central keeps them.

``CentralServer`` is a context manager. Without ``--central`` it starts the
embedded PostgreSQL 16 of the pip package pgserver in ``DATA_DIR/pg``, the way
tests/sync/conftest.py does: desk roles must prove a SCRAM password (an hba
line in front of pgserver's trust-everything ones). The server is durable, as a
site's must be (fsync, synchronous_commit and full_page_writes on, PostgreSQL's
defaults), unless ``durable=False`` asks for a throwaway one with the three off
(the ``*_nondurable`` figures); the baselines run on the same server with the
same settings. ``durable`` afterwards says what the server really had (read back
with SHOW, also for a ``--central`` server). ``max_connections`` raises the
server's limit with ALTER SYSTEM and a restart. On exit the server is stopped
and its directory removed. With ``--central URL`` (an admin URL: CREATEDB and
CREATEROLE) the scenario makes its own databases on that server and drops them,
and the desk roles it made, on exit; it cannot restart that server, so a
``max_connections`` that is too low is an error there.

Every database a scenario gets is brought to the central head with
``central.upgrade`` (knob: ``CALLCENTER_BENCH_CENTRAL_REVISION`` upgrades to
another revision instead, to compare central versions). Desks connect as their own login role
(``central.create_desk_role``), as in production.

Ticket saves: ``make_saves`` builds tickets with their events in the stored
formats of the local store (from callcenter/bench/seed.py's generator, every
ticket filed by the one desk that will push it, numbers from its own sequence).
From those rows ``outbox_row`` builds the ``sync_outbox`` row a real
``Tickets.save`` captures (one upsert per row, every column but the key, one
``tx_id`` per save), and ``check_capture`` compares that, byte for byte,
with what the outbox captured for real saves on the same store.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
from psycopg import sql

from callcenter.domain.site_profile import SiteProfile
from callcenter.store.all_models import Base
from callcenter.store.ids import new_id
from callcenter.store.sync_models import dump_fields
from callcenter.sync import central
from callcenter.sync.central_schema import pg_type

from .common import BenchError
from .seed import EVENT_COLUMNS, SEED_DAYS, TICKET_COLUMNS, _rows

Row = tuple[Any, ...]
Save = tuple[Row, list[Row]]  # a ticket row and its event rows, local formats

OUTBOX_COLUMNS = ("op_id", "tx_id", "table_name", "row_id", "kind", "base_version", "fields", "at")
OUTBOX_INSERT = (f"INSERT INTO sync_outbox ({', '.join(OUTBOX_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(OUTBOX_COLUMNS))})")
DESK_PASSWORD = "bench-secret"
DURABILITY = ("fsync", "synchronous_commit", "full_page_writes")  # all on: a durable central
_HBA_LINE = "local all /^desk_ scram-sha-256\n"


def with_db(url: str, dbname: str, user: str | None = None, password: str | None = None) -> str:
    """``url`` pointed at another database (and optionally another login)."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    if user is None:
        auth = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
    else:
        auth = quote(user) + (":" + quote(password) if password else "") + "@"
    return urlunsplit((parts.scheme, auth + netloc, "/" + dbname, parts.query, ""))


class CentralServer:
    def __init__(self, data_dir: Path, admin_url: str | None, *, max_connections: int | None = None,
                 progress: Callable[[str], None] = lambda _m: None, durable: bool = True) -> None:
        self._want_durable = durable
        self.durable = False  # read back from the server once it runs
        self._data_dir = data_dir
        self._given = admin_url
        self._max_connections = max_connections
        self._progress = progress
        self._server: Any = None
        self._pgdata: Path | None = None
        self.admin_url = admin_url or ""
        self._databases: list[str] = []
        self._roles: set[str] = set()
        self._prefix = f"ccbench_{os.getpid()}_"

    # -- lifetime -------------------------------------------------------------------------------
    def __enter__(self) -> CentralServer:
        try:
            if self._given is None:
                self._start()
            elif self._max_connections is not None:
                with psycopg.connect(self.admin_url, autocommit=True) as conn:
                    row = conn.execute("SHOW max_connections").fetchone()
                have = int(row[0]) if row else 0
                if have < self._max_connections:
                    raise BenchError(f"--central has max_connections = {have}; this run needs "
                                     f"{self._max_connections} (ALTER SYSTEM SET max_connections and "
                                     "restart it)")
            self.durable = self._read_durable()
            deadline = time.monotonic() + 10
            while self._given is None and self.durable != self._want_durable and time.monotonic() < deadline:
                time.sleep(0.05)  # pg_reload_conf() signals the postmaster; it rereads soon after
                self.durable = self._read_durable()
            if self._given is not None and self.durable != self._want_durable:
                raise BenchError(f"--central is {'' if self.durable else 'not '}durable (fsync, "
                                 "synchronous_commit, full_page_writes); this run asked otherwise")
        except BaseException:
            self._stop()
            raise
        return self

    def _read_durable(self) -> bool:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            values = [conn.execute(f"SHOW {name}").fetchone() for name in DURABILITY]
        return all(v is not None and v[0] == "on" for v in values)

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop()

    def _start(self) -> None:
        try:
            import pgserver  # type: ignore[import-untyped]
        except ModuleNotFoundError as exc:
            raise BenchError("the sync benchmarks need the pip package pgserver "
                             "(or --central URL of a PostgreSQL)") from exc
        self._pgdata = self._data_dir / "pg"
        self._progress(f"starting PostgreSQL (pgserver) in {self._pgdata}")
        self._server = pgserver.get_server(self._pgdata, cleanup_mode="stop")
        hba = self._pgdata / "pg_hba.conf"
        hba.write_text(_HBA_LINE + hba.read_text())
        with psycopg.connect(self._server.get_uri(), autocommit=True) as conn:
            for setting in DURABILITY:
                conn.execute(f"ALTER SYSTEM SET {setting} = {'on' if self._want_durable else 'off'}")
            if self._max_connections is not None:
                conn.execute(f"ALTER SYSTEM SET max_connections = {int(self._max_connections)}")
            conn.execute("SELECT pg_reload_conf()")
        if self._max_connections is not None:  # only a restart changes max_connections
            self._progress(f"restarting PostgreSQL with max_connections = {self._max_connections}")
            self._server.cleanup()
            self._server = pgserver.get_server(self._pgdata, cleanup_mode="stop")
        self.admin_url = self._server.get_uri()

    def _stop(self) -> None:
        if self._given is not None:
            self._drop_own()
        if self._server is not None:
            try:
                self._server.cleanup()
            finally:
                self._server = None
        if self._pgdata is not None:
            shutil.rmtree(self._pgdata, ignore_errors=True)
            self._pgdata = None

    def _drop_own(self) -> None:
        if not self._databases and not self._roles:
            return
        try:
            with psycopg.connect(self.admin_url, autocommit=True) as conn:
                for name in self._databases:
                    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(name)))
                for role in sorted(self._roles):
                    conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
        except psycopg.Error as exc:
            self._progress(f"could not drop the bench's databases/roles: {exc}")
        self._databases.clear()
        self._roles.clear()

    # -- databases and desks ----------------------------------------------------------------------
    def new_database(self, label: str) -> str:
        """A new database at the central head; returns its admin URL."""
        name = f"{self._prefix}{label}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self._databases.append(name)
        url = with_db(self.admin_url, name)
        central.upgrade(url, os.environ.get("CALLCENTER_BENCH_CENTRAL_REVISION") or "head")
        return url

    def desk_url(self, db_url: str, desk: str, team: str | None = None) -> str:
        """Registers ``desk`` (of ``team``) on that database (its own SCRAM login role,
        an agent desk); returns its URL."""
        role = central.create_desk_role(db_url, desk, DESK_PASSWORD, team)
        self._roles.add(role)
        return with_db(db_url, urlsplit(db_url).path.lstrip("/"), role, DESK_PASSWORD)


# -- rows -------------------------------------------------------------------------------------------

def make_saves(n: int, desk: str, profile: SiteProfile, now: datetime, *, seed: int = 6,
               first_seq: int = 1) -> list[Save]:
    """``n`` tickets saved at ``desk`` with their events, in the local store's formats;
    each day's ticket numbers start at ``first_seq`` (after the real saves of today)."""
    rng = random.Random(seed)
    seqs: dict[str, int] = {}
    out: list[Save] = []
    desk_at = TICKET_COLUMNS.index("origin_workstation")
    for ticket, events in _rows(n, profile, now, SEED_DAYS, rng, {}):
        site, _seed_desk, day, _seq = ticket[1].split("-")
        seq = seqs[day] = seqs.get(day, first_seq - 1) + 1
        t = list(ticket)
        t[1] = f"{site}-{desk}-{day}-{seq:04d}"
        t[desk_at] = desk
        out.append((tuple(t), [(*e[:-1], desk) for e in events]))
    return out


def _to_wire(kind: str) -> Callable[[Any], Any]:
    """Local stored value -> the value the outbox's JSON holds (protocol.to_wire of the ORM value)."""
    if kind == "uuid":
        return lambda v: None if v is None else str(uuid.UUID(hex=v))
    if kind == "timestamptz":
        return lambda v: None if v is None else datetime.fromisoformat(v).replace(tzinfo=UTC).isoformat()
    if kind == "boolean":
        return lambda v: None if v is None else bool(v)
    if kind == "jsonb":
        return lambda v: None if v is None else json.loads(v)
    return lambda v: v


@dataclass(frozen=True)
class _Wire:
    names: tuple[str, ...]  # every column but the key, in the table's (the mapper's) order
    positions: tuple[int, ...]  # where each is in the local row
    converts: tuple[Callable[[Any], Any], ...]
    key_at: int


def _wire(table: str, columns: Sequence[str]) -> _Wire:
    t = Base.metadata.tables[table]
    names = tuple(c.name for c in t.columns if not c.primary_key)
    return _Wire(names, tuple(columns.index(n) for n in names),
                 tuple(_to_wire(pg_type(t.c[n].type)) for n in names), columns.index("id"))


_WIRES: dict[str, _Wire] = {}


def _wire_of(table: str) -> _Wire:
    if table not in _WIRES:
        _WIRES[table] = _wire(table, TICKET_COLUMNS if table == "tickets" else EVENT_COLUMNS)
    return _WIRES[table]


def outbox_row(table: str, row: Row, tx_hex: str, at: str) -> Row:
    """The ``sync_outbox`` row (OUTBOX_COLUMNS) the outbox captures for a new ORM row."""
    w = _wire_of(table)
    fields = {n: conv(row[p]) for n, p, conv in zip(w.names, w.positions, w.converts, strict=True)}
    return (new_id().hex, tx_hex, table, row[w.key_at], "upsert", None, dump_fields(fields), at)


def outbox_rows(save: Save) -> list[Row]:
    """The ops of one save, in the order the outbox writes them (the ticket, then its events)."""
    ticket, events = save
    tx = new_id().hex
    at = ticket[TICKET_COLUMNS.index("updated_at")]
    return [outbox_row("tickets", ticket, tx, at)] + [outbox_row("ticket_events", e, tx, at)
                                                      for e in events]


def check_capture(path: Path) -> int:
    """Compare the outbox rows of the real saves in the store at ``path`` with what
    ``outbox_row`` makes of the same stored rows; returns how many ops matched."""
    con = sqlite3.connect(path)
    try:
        captured = con.execute("SELECT table_name, row_id, kind, base_version, fields, tx_id "
                               "FROM sync_outbox ORDER BY seq").fetchall()
        if not captured:
            raise BenchError("the real saves captured no ops")
        local = {"tickets": TICKET_COLUMNS, "ticket_events": EVENT_COLUMNS}
        for table, row_id, kind, base, fields, _tx in captured:
            if table not in local:
                raise BenchError(f"a real save captured an op on {table}; the bench only makes "
                                 "tickets and ticket_events")
            cols = local[table]
            row = con.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
            made = outbox_row(table, row, "", "")
            if (kind, base, fields) != (made[4], made[5], made[6]):
                raise BenchError(f"the bench's op for {table} differs from a real capture:\n"
                                 f"  captured {kind} {base} {fields}\n"
                                 f"  made     {made[4]} {made[5]} {made[6]}")
        txs = [c[5] for c in captured]
        if any(a != b and a in txs[i + 1:] for i, (a, b) in enumerate(zip(txs, txs[1:], strict=False))):
            raise BenchError("a real save's ops are not contiguous")
        return len(captured)
    finally:
        con.close()


def insert_saves(path: Path, saves: Iterable[Save], *, outbox: bool, batch: int = 20_000,
                 progress: Callable[[str], None] = lambda _m: None) -> int:
    """Write tickets and events (and, with ``outbox``, their captured ops) with raw
    executemany in big transactions, as seed.py does (synchronous=OFF on this
    connection only). Returns how many ops were queued."""
    con = sqlite3.connect(path, isolation_level=None)
    ins_t = (f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) "
             f"VALUES ({', '.join('?' * len(TICKET_COLUMNS))})")
    ins_e = (f"INSERT INTO ticket_events ({', '.join(EVENT_COLUMNS)}) "
             f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})")
    ops = 0
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA cache_size=-262144")
        tickets: list[Row] = []
        events: list[Row] = []
        queued: list[Row] = []

        def flush() -> None:
            con.execute("BEGIN IMMEDIATE")
            con.executemany(ins_t, tickets)
            con.executemany(ins_e, events)
            con.executemany(OUTBOX_INSERT, queued)
            con.execute("COMMIT")
            tickets.clear()
            events.clear()
            queued.clear()

        done = 0
        for save in saves:
            tickets.append(save[0])
            events.extend(save[1])
            if outbox:
                rows = outbox_rows(save)
                queued.extend(rows)
                ops += len(rows)
            done += 1
            if len(tickets) >= batch:
                flush()
                progress(f"  {done:,} saves written")
        if tickets:
            flush()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA synchronous=FULL")
    finally:
        con.close()
    return ops


def central_tickets(tickets: Iterable[Row], desk: str) -> list[Row]:
    """Local ticket rows as a text COPY into central's tickets takes them: the local
    formats parse as central's types (32-hex UUIDs, naive UTC stamps with the
    session in UTC, 0/1 booleans, JSON text), plus the ``sync_seen`` a push by
    ``desk`` leaves on a merge table ({desk: [version, 0]}). Event rows (an
    append table) go as they are."""
    seen = json.dumps({desk: [1, 0]})
    return [(*t, seen) for t in tickets]


def copy_rows(conn: psycopg.Connection[Any], tickets: Sequence[Row], events: Sequence[Row]) -> None:
    """COPY rows from ``central_rows`` into central's tickets and ticket_events
    (the caller owns the transaction)."""
    conn.execute("SET TIME ZONE 'UTC'")
    with conn.cursor() as cur:
        for table, cols, rows in (("tickets", (*TICKET_COLUMNS, "sync_seen"), tickets),
                                  ("ticket_events", EVENT_COLUMNS, events)):
            if not rows:
                continue
            with cur.copy(sql.SQL("COPY public.{} ({}) FROM STDIN").format(
                    sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, cols)))) as cp:
                for r in rows:
                    cp.write_row(r)


def count_central(url: str) -> tuple[int, int]:
    with psycopg.connect(url) as conn:
        t = conn.execute("SELECT count(*) FROM public.tickets").fetchone()
        e = conn.execute("SELECT count(*) FROM public.ticket_events").fetchone()
    return (int(t[0]) if t else 0, int(e[0]) if e else 0)


def env_int(name: str, default: int) -> int:
    """A small documented knob from the environment (batch sizes)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BenchError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 1:
        raise BenchError(f"{name} must be at least 1, got {value}")
    return value
