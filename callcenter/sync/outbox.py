"""The transactional outbox: every ORM write to a synced table leaves its op in
``sync_outbox`` in the same local transaction, so a change and its op commit
(or vanish) together and nothing a desk saved can be missed by the push.

Why ORM session events instead of changing the services: every existing write
path (tickets, workflow, callbacks, call desk, alerts, scripts, outage links)
already goes through the unit of work of the Database's writer sessions, so one
``after_flush`` listener sees all of them and a new feature cannot forget to
record its ops. ``after_flush`` runs after the rows were written and before
their history is reset: new rows have their ids and Python defaults, dirty rows
still know their old values. The ops are inserted on the flush's own connection.

What one flush records, per object of a table in registry.SYNCED:

* new: ``upsert`` with every column (``base_version`` null);
* dirty: ``upsert`` with the changed columns only, ``base_version`` = the
  version the change was made on (the old ``version`` if the change bumped it);
  setting ``deleted_at`` makes it a ``delete`` (a tombstone);
* deleted (``session.delete``): a ``delete`` op carrying a tombstone
  (``deleted_at``, ``updated_at``, ``version + 1``); central never hard-deletes.

``fields`` never repeats the primary key (that is ``row_id``). Ops of one flush
are ordered parents first (the metadata's table order), then by the order the
objects were added; ``seq`` (AUTOINCREMENT) keeps that order across flushes.
All ops of one session transaction share one ``tx_id`` (a new UUIDv7 per root
transaction): it is the unit the push sends.

Not captured, on purpose (each bypasses the unit of work):

* Core/ORM bulk statements and raw SQL: ``session.execute(insert/update/delete)``,
  ``exec_driver_sql``/``executemany``. A bulk writer that must sync records its
  ops itself with :func:`record_ops` (same row format, same transaction id):
  the outage import does (callcenter/services/outages/records.py: outages and
  outage_targets; the local outage_address_keys never sync). The demo's bulk
  data (outage_demo.assign_grid's account grid positions, bulk_customers, the
  demo outages written under ``capture_suspended``) is demo data that must
  not reach central;
* the benchmark seeding (callcenter/bench/seed.py: raw sqlite3), synthetic data
  that must never reach central;
* the FTS triggers of migration 0004 (a local index; local-only tables);
* ``Session.bulk_save_objects``/``bulk_insert_mappings`` (not used).

Captured although it may not belong on central: the demo seed
(callcenter/services/demo/seed.py) adds its 2,000 customers and their accounts
through the ORM, so a fresh demo desk queues about 4,250 ops; wrap it in ``capture_suspended`` if demo
data must stay local (two demo desks would push the same account numbers).

Rows applied *from* central by the pull must not be echoed back: the applier
runs its ORM writes inside ``capture_suspended(session)`` (or uses Core).

Cost: about 0.1 ms of Python and one small multi-row INSERT per flush (a ticket
save flushes twice), about 0.2-0.4 ms per save in ``callcenter bench
ticket-save``. Values go through the columns' own bind processors and a
prepared SQL string on the flush's connection, which skips a Core
``insert()``'s per-call compile-cache lookup on the save path.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, cast

from sqlalchemy import Dialect, Table, event
from sqlalchemy.orm import InstanceState, Mapper, Session, UOWTransaction, sessionmaker

from callcenter.store.all_models import Base
from callcenter.store.ids import new_id
from callcenter.store.sync_models import SyncOutbox

from .protocol import to_wire
from .registry import SYNCED, table_of

OUTBOX = cast(Table, SyncOutbox.__table__)
_TX_KEY = "sync_outbox_tx"
_SUSPEND_KEY = "sync_outbox_suspended"
_FLUSH_KEY = "sync_outbox_flush"
_MARK = "_sync_outbox_installed"


Target = sessionmaker[Session] | type[Session] | Session


def install_outbox(target: Target) -> None:
    """Capture ops for every session made by ``target`` (idempotent).

    Installed-ness is marked on the target itself: ``event.contains`` keys on
    ``id(target)`` and can see a dead sessionmaker's listener on a new one that
    got the same address (seen in the test suite as a desk that captured nothing).
    """
    if vars(target).get(_MARK):
        return
    event.listen(target, "after_flush", _after_flush)
    setattr(target, _MARK, True)


def uninstall_outbox(target: Target) -> None:
    if vars(target).get(_MARK):
        event.remove(target, "after_flush", _after_flush)
        setattr(target, _MARK, False)


@contextmanager
def capture_suspended(session: Session) -> Iterator[None]:
    """Writes inside are not captured: for rows that came from central (pull)."""
    before = session.info.get(_SUSPEND_KEY, False)
    session.info[_SUSPEND_KEY] = True
    try:
        yield
    finally:
        session.info[_SUSPEND_KEY] = before


def transaction_id(session: Session) -> uuid.UUID:
    """The tx_id of the session's current root transaction (made on first use)."""
    root = session.get_transaction()
    held = session.info.get(_TX_KEY)
    if held is None or held[0] is not root:
        held = (root, new_id())
        session.info[_TX_KEY] = held
    tx: uuid.UUID = held[1]
    return tx


@cache
def _table_rank() -> dict[str, int]:
    return {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}


@cache
def _columns(mapper: Mapper[Any]) -> tuple[tuple[str, str], ...]:
    """(attribute key, column name) of every mapped column but the primary key."""
    return tuple((p.key, p.columns[0].name) for p in mapper.column_attrs
                 if not p.columns[0].primary_key)


def _flushed_states(flush: UOWTransaction) -> tuple[list[InstanceState[Any]],
                                                   list[InstanceState[Any]]]:
    """(saved, deleted) states of synced tables that this flush wrote, parents
    first; a partial ``session.flush(objects)`` leaves the rest for later."""
    saved: list[InstanceState[Any]] = []
    deleted: list[InstanceState[Any]] = []
    for state, (isdelete, listonly) in flush.states.items():
        if listonly or table_of(state.mapper) not in SYNCED:
            continue
        (deleted if isdelete else saved).append(state)
    rank = _table_rank()
    for states in (saved, deleted):
        states.sort(key=lambda s: (rank[table_of(s.mapper)], s.insert_order or 0))
    return saved, deleted


def _changes(state: InstanceState[Any]) -> dict[str, Any]:
    changed: dict[str, Any] = {}
    for key, col in _columns(state.mapper):
        hist = state.attrs[key].history
        if not hist.added:
            continue
        new = hist.added[0]
        if hist.deleted and hist.deleted[0] == new:
            continue
        changed[col] = new
    return changed


def _version_before(state: InstanceState[Any]) -> int | None:
    hist = state.attrs["version"].history
    old = hist.deleted or hist.unchanged
    return int(old[0]) if old and old[0] is not None else None


_COLUMNS = ("op_id", "tx_id", "table_name", "row_id", "kind", "base_version", "fields", "at")
_INSERT = (f"INSERT INTO {OUTBOX.name} ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(_COLUMNS))})")  # the local store is SQLite (qmark)
Processor = Callable[[Any], Any] | None


@lru_cache(maxsize=8)
def _processors(dialect: Dialect) -> tuple[Processor, ...]:
    """The column types' own bind processors: values are stored exactly as a Core
    insert would store them, without a Core insert's per-call cost on every save."""
    return tuple(OUTBOX.c[name].type.bind_processor(dialect) for name in _COLUMNS)


def _row(tx_id: uuid.UUID, table: str, row_id: object, kind: str, base: int | None,
         fields: dict[str, Any], at: datetime) -> tuple[Any, ...]:
    return (new_id(), tx_id, table, row_id, kind, base,
            {k: to_wire(v) for k, v in fields.items()}, at)


def _ops(session: Session, flush: UOWTransaction, at: datetime) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    tx: uuid.UUID | None = None
    saved, deleted = _flushed_states(flush)
    if not saved and not deleted:
        return rows
    new = {id(o) for o in session.new}  # still the pre-flush state in after_flush
    for state in saved:
        table = table_of(state.mapper)
        obj = state.obj()
        if obj is None:
            continue
        if id(obj) in new:
            fields = {col: getattr(obj, key) for key, col in _columns(state.mapper)}
            kind, base = "upsert", None
        else:
            fields = _changes(state)
            if not fields:
                continue
            kind, base = "upsert", _version_before(state)
            if fields.get("deleted_at") is not None:
                kind = "delete"
                rest = {k: v for k, v in fields.items() if k != "deleted_at"}
                if set(rest) - {"version", "updated_at"}:
                    # central's delete only tombstones: the fields changed with it
                    # go first as an upsert of their own (same tx, next seq)
                    tx = tx or transaction_id(session)
                    rows.append(_row(tx, table, obj.id, "upsert", base, rest, at))
                    base = rest.get("version", base)
        tx = tx or transaction_id(session)
        rows.append(_row(tx, table, obj.id, kind, base, fields, at))
    for state in reversed(deleted):
        obj = state.obj()
        if obj is None:
            continue
        base = _version_before(state)
        tx = tx or transaction_id(session)
        rows.append(_row(tx, table_of(state.mapper),
                         obj.id, "delete", base,
                         {"deleted_at": at, "updated_at": at, "version": (base or 0) + 1}, at))
    return rows


def _after_flush(session: Session, flush: UOWTransaction) -> None:
    if session.info.get(_SUSPEND_KEY):
        return
    seen = session.info.get(_FLUSH_KEY)
    if seen is not None and seen() is flush:
        return  # installed twice (say on Session and on a sessionmaker): record once
    session.info[_FLUSH_KEY] = weakref.ref(flush)
    rows = _ops(session, flush, datetime.now(UTC))
    if rows:
        conn = session.connection()
        procs = _processors(conn.dialect)
        conn.exec_driver_sql(_INSERT, [
            tuple(v if p is None else p(v) for p, v in zip(procs, r, strict=True)) for r in rows])


# (row id, "upsert" | "delete", base_version, fields): one op of a bulk write.
# The row id a UUID or its 32-digit lowercase hex (as the store keeps it); the
# fields a dict, or their JSON text already as ``dump_fields`` writes it.
BulkOp = tuple[uuid.UUID | str, str, int | None, dict[str, Any] | str]
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _bulk_op_ids(n: int) -> list[str]:
    """``n`` UUIDv7 op ids as the store keeps them (hex), increasing within the
    call: one clock read and one ``urandom`` for all (``new_id`` per op cost a
    third of the op on a 100,000-op import). The 12 bits after the version count
    the ops within a millisecond, past 4,096 the millisecond is moved on; the
    62 random bits keep ids unique (their order is ``seq``'s job anyway)."""
    ms = time.time_ns() // 1_000_000
    rnd = os.urandom(8 * n)
    out = []
    for i in range(n):
        low = int.from_bytes(rnd[8 * i:8 * i + 8]) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        out.append(f"{ms + (i >> 12):012x}7{i & 0xFFF:03x}{low:016x}")
    return out


def record_ops(session: Session, table: str, ops: Sequence[BulkOp], at: datetime | None = None, *,
               wire: bool = False) -> int:
    """Queue the ops of a bulk write the unit of work does not see (Core
    ``executemany``, ORM bulk UPDATE), in the session's current transaction.

    Same rows as ``_after_flush`` writes: ``fields`` never holds the primary
    key; an insert is an ``upsert`` of every column with ``base_version``
    None; an update an ``upsert`` of the changed columns (the new ``version``
    among them) with ``base_version`` = the version it was made on; a delete is
    a ``delete`` carrying the tombstone (``deleted_at``, ``updated_at``,
    ``version``). Ops keep the given order (their ``seq``) and share the
    transaction's ``tx_id``; all go in one ``executemany``. Nothing is written
    inside ``capture_suspended``. Returns how many ops were queued. With
    ``wire`` the fields are JSON values already (``protocol.to_wire`` applied
    by the caller, who converts each value once for its own rows too).

    Stored exactly as ``_row`` and ``_processors`` store an op (the column
    processors for the per-call values; for the per-op ones the same result
    computed directly: ``uuid.hex`` for the Uuid columns, ``to_wire`` per
    field with each distinct time converted once, the JSON column's own
    serializer), at a fraction of ``_row``'s per-op cost. A bulk writer that
    builds its ops' text itself (the outage import, services/outages/row_text.py)
    passes row ids as hex and fields as JSON text: stored as given.
    """
    if not ops or session.info.get(_SUSPEND_KEY):
        return 0
    if table not in SYNCED:
        raise ValueError(f"{table} does not sync")
    tx = transaction_id(session)
    conn = session.connection()
    procs = _processors(conn.dialect)
    p_tx, p_table, p_json, p_at = procs[1], procs[2], procs[6], procs[7]
    tx_v = tx if p_tx is None else p_tx(tx)
    table_v = table if p_table is None else p_table(table)
    when = at or datetime.now(UTC)
    at_v = when if p_at is None else p_at(when)
    if isinstance(at_v, datetime):  # what sqlite3 would bind for every op, converted once
        at_v = sqlite3.adapt(at_v, sqlite3.PrepareProtocol)
    times: dict[datetime, Any] = {}
    rows = []
    for op_id, (row_id, kind, base, fields) in zip(_bulk_op_ids(len(ops)), ops, strict=True):
        if isinstance(fields, str):
            if kind not in ("upsert", "delete") or not fields.startswith("{") or '"id":' in fields:
                raise ValueError(f"bad op for {table} {row_id}: {kind} {fields[:200]}")
            text: Any = fields
        else:
            if kind not in ("upsert", "delete") or "id" in fields:
                raise ValueError(f"bad op for {table} {row_id}: {kind} {sorted(fields)}")
            values = fields if wire else _wire_values(fields, times)
            text = values if p_json is None else p_json(values)
        rows.append((op_id, tx_v, table_v, row_id if isinstance(row_id, str) else row_id.hex, kind, base,
                     text, at_v))
    conn.exec_driver_sql(_INSERT, rows)
    return len(rows)


def record_row_ops(session: Session, table: str, select_sql: str, params: Sequence[Any] = (),
                   at: datetime | None = None) -> int:
    """Queue an ``upsert`` op (``base_version`` None: a new row) for every row
    ``select_sql`` gives, built by SQLite in one statement: the select returns
    ``row_id`` (hex), ``fields`` (the JSON text ``dump_fields`` would write, say
    from ``json_object``) and ``ord``, the order the ops take (their ``seq``).

    The rows as ``record_ops`` would write them for the same ops: the
    transaction's ``tx_id``, one ``at``, UUIDv7 op ids as ``_bulk_op_ids`` makes
    them (one clock read, a counter in the 12 bits after the version, past 4,096
    the millisecond moved on, 62 random bits from SQLite's ``random()``). For a
    bulk import whose new rows are already in the store: their ops are not sent
    through Python a second time. Nothing inside ``capture_suspended``."""
    if session.info.get(_SUSPEND_KEY):
        return 0
    if table not in SYNCED:
        raise ValueError(f"{table} does not sync")
    conn = session.connection()
    procs = _processors(conn.dialect)
    tx = transaction_id(session)
    tx_v = tx if procs[1] is None else procs[1](tx)
    table_v = table if procs[2] is None else procs[2](table)
    when = at or datetime.now(UTC)
    at_v = when if procs[7] is None else procs[7](when)
    if isinstance(at_v, datetime):
        at_v = sqlite3.adapt(at_v, sqlite3.PrepareProtocol)
    sql = (f"INSERT INTO {OUTBOX.name} ({', '.join(_COLUMNS)}) "
           "SELECT printf('%012x7%03x%016x', ? + ((n - 1) >> 12), (n - 1) & 4095, "
           "(random() & 4611686018427387903) | -9223372036854775808), "
           "?, ?, row_id, 'upsert', NULL, fields, ? FROM ("
           f"SELECT row_number() OVER (ORDER BY ord) AS n, row_id, fields FROM ({select_sql})"
           ") ORDER BY n")
    result = conn.exec_driver_sql(sql, (time.time_ns() // 1_000_000, tx_v, table_v, at_v, *params))
    return int(result.rowcount)


def _wire_values(fields: dict[str, Any], times: dict[datetime, Any]) -> dict[str, Any]:
    """``to_wire`` of every value, each distinct time converted once per call."""
    out: dict[str, Any] = {}
    for k, v in fields.items():
        t = type(v)
        if t in _PLAIN:
            out[k] = v
        elif t is datetime:
            w = times.get(v)
            out[k] = w if w is not None else times.setdefault(v, to_wire(v))
        else:
            out[k] = to_wire(v)
    return out
