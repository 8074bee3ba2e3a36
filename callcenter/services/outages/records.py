"""Writing outage records into the store: insert new, update changed, by the
dispatch source id (so re-importing a file updates instead of duplicating).

Core ``executemany`` in chunks: an import of 50,000 outages is half a million
rows (outages, their targets, the address-key index) and must stay within
seconds; the chunks are also where a cancel is noticed.

Sync (issues 5 and 6): bulk writes bypass the outbox's flush listener, so
``write_records`` queues the sync ops itself (``outbox.record_ops``) in the
same transaction: every inserted outage/target as an ``upsert`` of all its
columns, every changed one as an ``upsert`` of its changed columns on the
version it was made on, every target that left a record as a ``delete`` with
its tombstone. The local ``outage_address_keys`` never sync: a desk rebuilds
them for the targets it pulls (``rebuild_address_keys``, registered as an
after-pull hook when this module is imported). Writes inside
``outbox.capture_suspended`` queue nothing (the demo outages stay local).

Deterministic ids: two desks importing the same dispatch file must write the
same rows, so central merges the second push into the first (same values, no
conflict) instead of holding two copies. A new outage's id is
``uuid5(OUTAGE_NAMESPACE, source id)``; a new target's is ``uuid5(outage id,
kind + "\x1f" + value)`` (the value as written, not the lookup key: two scopes
of one outage can share a key, 幸福路12号 and 幸福路12号3号楼). A target that
left a record and comes back is revived (same id), not inserted again.

Stores from before this rule keep their random ids and keep working locally;
their outages reach central only once a re-import changes them (then the
whole row and its live targets are sent, so central can create what it never
had). A random-id outage and another desk's deterministic one with the same
source id are two rows on central; the desk that pulls the other one gets a
``sync_conflicts`` clash on ``outages.source_id`` (delete the local legacy
outage and re-import, or resolve the clash).
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from callcenter.domain.outages import Address, OutageTimes, parse_address, short_notice
from callcenter.domain.outages.address import normalise
from callcenter.services.outages.row_text import (
    OUTAGE_OPS_SQL,
    TARGET_OPS_SQL,
    dashed,
    outage_row_fields,
    store_time,
    target_row_fields,
    uuid5_hex,
    wire_time,
)
from callcenter.store.outage_models import Outage, OutageAddressKey, OutageTarget
from callcenter.sync.outbox import BulkOp, record_ops, record_row_ops
from callcenter.sync.protocol import to_wire
from callcenter.sync.pull_hooks import register_after_pull

_TABLES: dict[str, Table] = {m.__tablename__: cast(Table, m.__table__)
                             for m in (Outage, OutageTarget, OutageAddressKey)}
OUTAGE_NAMESPACE = uuid.UUID("5c1b7a0e-95f8-5d3a-9b1e-0a2f6c4d8e71")  # fixed forever: ids depend on it


_NS = OUTAGE_NAMESPACE.bytes


def outage_id(source_id: str) -> uuid.UUID:
    """The id every desk gives a new outage with this dispatch source id."""
    return uuid.UUID(uuid5_hex(_NS, source_id))


def target_id(outage: uuid.UUID, kind: str, value: str) -> uuid.UUID:
    """The id every desk gives a new target of ``outage``."""
    return uuid.UUID(uuid5_hex(outage.bytes, f"{kind}\x1f{value}"))


@dataclass(frozen=True)
class OutageRecord:
    source_id: str
    times: OutageTimes
    cause: str
    feeders: tuple[str, ...] = ()
    transformer_areas: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()

    @property
    def short_notice(self) -> bool:
        return short_notice(self.times)

    @property
    def area(self) -> str:
        parts = [("线路", self.feeders), ("台区", self.transformer_areas), ("范围", self.scopes),
                 ("户号", self.accounts)]
        return "；".join(f"{label}：{'、'.join(v)}" for label, v in parts if v)


@dataclass(frozen=True)
class WriteCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@lru_cache(maxsize=65536)
def _parsed(value: str) -> Address:
    return parse_address(value)


@lru_cache(maxsize=65536)  # 台区 and 线路 names repeat across a list's outages
def target_key(kind: str, value: str) -> str:
    """What a lookup compares: account/feeder/台区 normalised; for an address
    scope its head (first two components, or the district for a whole district)."""
    if kind != "address":
        return normalise(value)
    a = _parsed(value)
    return "".join(a.chunks[:2]) if a.chunks else (a.district or a.city or a.province)


def _targets(r: OutageRecord) -> list[tuple[str, str]]:
    return ([("feeder", v) for v in r.feeders] + [("transformer_area", v) for v in r.transformer_areas]
            + [("address", v) for v in r.scopes] + [("account", v) for v in r.accounts])


def _fields(r: OutageRecord, source: str) -> dict[str, object]:
    t = r.times
    return {"kind": t.kind.value, "cause": r.cause, "status": t.status.value, "start_at": t.start,
            "expected_restore_at": t.expected_restore, "actual_restore_at": t.actual_restore,
            "announced_at": t.announced_at, "short_notice": r.short_notice, "area": r.area,
            "source": source}


def _wired(fields: dict[str, Any]) -> dict[str, Any]:
    """An op's fields as JSON values (record_ops(wire=True))."""
    return {k: to_wire(v) for k, v in fields.items()}


_OUTAGE_COLS = ("id", "source_id", "kind", "cause", "status", "start_at", "expected_restore_at",
                "actual_restore_at", "announced_at", "short_notice", "area", "source", "version",
                "updated_at", "deleted_at", "origin_workstation")
_TARGET_COLS = ("id", "outage_id", "kind", "value", "key", "version", "updated_at", "deleted_at",
                "origin_workstation")
_KEY_COLS = ("target_id", "pos", "key")
COLUMNS_OF = {"outages": _OUTAGE_COLS, "outage_targets": _TARGET_COLS, "outage_address_keys": _KEY_COLS}


def _insert(s: Session, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """A bare executemany of rows already in store format (what UTCDateTime,
    Uuid and Boolean write on SQLite: see row_text.store_time), as tuples in
    the order of ``COLUMNS_OF[table]``: SQLAlchemy's per-value bind
    processing cost more than the insert itself on a 50,000-row import."""
    if not rows:
        return
    cols = COLUMNS_OF[table]
    assert set(cols) <= set(_TABLES[table].c.keys()), cols
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    s.connection().exec_driver_sql(sql, rows)


def _chunked(items: Sequence[object], n: int = 500) -> Iterable[Sequence[object]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _address_keys(target: str, value: str) -> list[tuple[str, int, str]]:
    return [(target, i, c) for i, c in enumerate(_parsed(value).chunks)]


def rebuild_address_keys(s: Session, target_ids: Sequence[str | uuid.UUID]) -> int:
    """Bring this desk's derived lookup data up to date for these targets as they
    are stored now (after a pull wrote them): the address-key index of live
    address targets rebuilt, of anything else removed, and a ``key`` that this
    desk's normalisation computes differently (a desk on an older version wrote
    it) corrected locally. Returns how many address-key rows were written."""
    written = 0
    conn = s.connection()
    for part in _chunked([uuid.UUID(str(t)).hex for t in target_ids]):
        marks = ", ".join("?" * len(part))
        rows = conn.exec_driver_sql(
            f"SELECT id, kind, value, key, deleted_at FROM outage_targets WHERE id IN ({marks})",
            tuple(part)).all()
        stale = [(k, tid) for tid, kind, value, key, _ in rows if (k := target_key(kind, value)) != key]
        if stale:
            conn.exec_driver_sql("UPDATE outage_targets SET key = ? WHERE id = ?", stale)
        conn.exec_driver_sql(f"DELETE FROM outage_address_keys WHERE target_id IN ({marks})", tuple(part))
        keys = [k for tid, kind, value, _, deleted in rows if kind == "address" and deleted is None
                for k in _address_keys(tid, value)]
        _insert(s, "outage_address_keys", keys)
        written += len(keys)
    return written


def refresh_lookup_keys(s: Session) -> int:
    """``rebuild_address_keys`` for every target of the store: after a change of
    the address normalisation (say Chinese numerals, issue 5), so scopes stored
    before it match the same way as new ones. Local only, nothing is synced.
    Run by a local migration per change (migrations/versions/0012_...)."""
    ids = list(s.connection().exec_driver_sql("SELECT id FROM outage_targets").scalars())
    return rebuild_address_keys(s, ids)


def install_pull_hooks() -> None:
    """Register the outage hooks with sync's after-pull registry (idempotent).
    Done when this module is imported (the app imports it through the outage
    services); a sync entry point that may run without them calls it."""
    register_after_pull("outage_targets", rebuild_address_keys)


install_pull_hooks()


@dataclass
class _Plan:
    """What one ``write_records`` call writes: store rows and their sync ops.
    New rows are tuples in ``COLUMNS_OF`` order, ops' row ids are hex; the ops
    list the changes to stored rows only (a new row's op is made from the row
    when it is written, ``_new_row_ops``)."""

    new_outages: list[tuple[Any, ...]]
    changed: list[dict[str, Any]]
    new_targets: list[tuple[Any, ...]]
    revived: list[dict[str, Any]]
    gone: list[uuid.UUID]
    new_keys: list[tuple[str, int, str]]  # of revived targets
    outage_ops: list[BulkOp]
    target_ops: list[BulkOp]


def _existing(s: Session, records: Sequence[OutageRecord]) -> tuple[
        dict[str, dict[str, Any]], dict[uuid.UUID, dict[tuple[str, str], Any]]]:
    """Stored outages by source id, and every target of theirs (live or
    tombstoned; a live one wins) by (kind, value)."""
    existing: dict[str, dict[str, Any]] = {}
    for part in _chunked([r.source_id for r in records]):
        for row in s.execute(select(Outage.__table__).where(Outage.source_id.in_(part))).mappings():
            existing[row["source_id"]] = dict(row)
    targets: dict[uuid.UUID, dict[tuple[str, str], Any]] = {}
    for part in _chunked([row["id"] for row in existing.values()]):
        for t in s.execute(select(OutageTarget.outage_id, OutageTarget.kind, OutageTarget.value,
                                  OutageTarget.id, OutageTarget.key, OutageTarget.version,
                                  OutageTarget.deleted_at, OutageTarget.updated_at,
                                  OutageTarget.origin_workstation)
                           .where(OutageTarget.outage_id.in_(part))):
            have = targets.setdefault(t.outage_id, {})
            old = have.get((t.kind, t.value))
            if old is None or (old.deleted_at is not None and t.deleted_at is None):
                have[(t.kind, t.value)] = t
    return existing, targets


def _plan(records: Sequence[OutageRecord], existing: dict[str, dict[str, Any]],
          old_targets: dict[uuid.UUID, dict[tuple[str, str], Any]], *, source: str, ws: str,
          now: datetime) -> tuple[_Plan, int, int]:
    now_w = wire_time(now)
    assert now_w is not None
    stamp = store_time(now_w)
    p = _Plan([], [], [], [], [], [], [], [])
    added = updated = 0
    new_outage, new_target, outage_op, target_op = (p.new_outages.append, p.new_targets.append,
                                                    p.outage_ops.append, p.target_ops.append)
    for r in records:
        old = existing.get(r.source_id)
        legacy = False
        if old is None:  # the common case, built straight into store and wire text
            oid = uuid5_hex(_NS, r.source_id)
            ot = r.times
            start, expected = wire_time(ot.start), wire_time(ot.expected_restore)
            actual, announced = wire_time(ot.actual_restore), wire_time(ot.announced_at)
            short, area = short_notice(ot), r.area
            kind, status = ot.kind._value_, ot.status._value_  # .value is a slow descriptor
            # its op is made from this row when it is written (_new_row_ops)
            new_outage((oid, r.source_id, kind, r.cause, status, store_time(start), store_time(expected),
                        store_time(actual), store_time(announced), int(short), area, source, 1, stamp, None,
                        ws))
            have: dict[tuple[str, str], Any] = {}
            added += 1
        else:
            fields = _fields(r, source)
            old_id: uuid.UUID = old["id"]
            oid = old_id.hex
            legacy = old_id != outage_id(r.source_id)  # from before deterministic ids
            have = old_targets.get(old_id, {})
            want = set(_targets(r))
            live = {k for k, t in have.items() if t.deleted_at is None}
            diff = {k: v for k, v in fields.items() if old[k] != v}
            if set(diff) - {"source"} or live != want or old["deleted_at"] is not None:
                version = int(old["version"]) + 1
                p.changed.append({"id": old_id, "version": version, "updated_at": now, "deleted_at": None,
                                  **fields})
                sent = ({k: v for k, v in old.items() if k != "id"} | fields) if legacy else diff
                if old["deleted_at"] is not None:
                    sent["deleted_at"] = None
                outage_op((oid, "upsert", int(old["version"]), _wired(
                    {**sent, "version": version, "updated_at": now,
                     **({"deleted_at": None} if legacy else {})})))
                updated += 1
            else:
                legacy = False  # unchanged: nothing is sent, not even a legacy row
            for k, t in have.items():
                if t.deleted_at is None and k not in want:
                    p.gone.append(t.id)
                    target_op((t.id.hex, "delete", t.version, {
                        "deleted_at": now_w, "updated_at": now_w, "version": t.version + 1}))
                elif legacy and t.deleted_at is None:  # central may never have seen it
                    target_op((t.id.hex, "upsert", t.version, _wired({
                        "outage_id": old_id, "kind": k[0], "value": k[1], "key": t.key,
                        "version": t.version, "updated_at": t.updated_at, "deleted_at": None,
                        "origin_workstation": t.origin_workstation})))
        oid_bytes = bytes.fromhex(oid)
        for kind, value in _targets(r):
            t = have.get((kind, value))
            if t is not None and t.deleted_at is None:
                continue
            key = target_key(kind, value)
            if t is not None:  # left the record once and is back: the same row again
                tid = t.id.hex
                p.revived.append({"id": t.id, "key": key, "version": t.version + 1, "updated_at": now,
                                  "deleted_at": None})
                whole = {"outage_id": dashed(oid), "kind": kind, "value": value,
                         "origin_workstation": t.origin_workstation} if legacy else {}
                target_op((tid, "upsert", t.version, {
                    **whole, "key": key, "version": t.version + 1, "updated_at": now_w, "deleted_at": None}))
            else:
                tid = uuid5_hex(oid_bytes, f"{kind}\x1f{value}")
                new_target((tid, oid, kind, value, key, 1, stamp, None, ws))  # its op: see _new_row_ops
                continue  # its address keys: made from the sorted rows (_write)
            if kind == "address":
                p.new_keys += _address_keys(tid, value)
    return p, added, updated


def write_records(
    s: Session, records: Sequence[OutageRecord], *, source: str, workstation: str, now: datetime,
    progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] = lambda: False,
    cancel_exc: type[Exception] = RuntimeError,
) -> WriteCounts:
    """Insert new records and update changed ones by source id, in the caller's
    transaction, with their sync ops; targets that left a record are tombstoned
    (they sync as deletes). See the module doc."""
    with no_gc(), _big_cache(s):
        return _write(s, records, source=source, workstation=workstation, now=now, progress=progress,
                      cancelled=cancelled, cancel_exc=cancel_exc)


@contextmanager
def no_gc() -> Iterator[None]:
    """The cycle collector off while an import builds a few hundred thousand
    small objects it keeps (each pass would walk all of them: a third of the
    planning time on 50,000 outages); nothing of it is cyclic."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def _big_cache(s: Session, kib: int = 65536) -> Iterator[None]:
    """A larger page cache on the writer's connection for one import: the new
    rows' ids are hashes, so the primary-key and sync-outbox indexes take
    inserts all over (the default 2 MB cache spilled and re-read pages)."""
    conn = s.connection()
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before or -2000)}")


def _new_row_ops(s: Session, table: str, rows: Sequence[tuple[Any, ...]], ops: list[BulkOp],
                 fields: Callable[[tuple[Any, ...]], str], sql: str, now: datetime,
                 ) -> tuple[list[BulkOp], Sequence[tuple[Any, ...]], Callable[[Sequence[Any]], object]]:
    """The ops of a table's new rows (sorted by id, inserted in that order, after
    the planned ops of its stored rows were made): when nothing else of the
    table changes (a first import), SQLite makes them from the rows once they
    are written (``record_row_ops``: the rows took the rowids after the table's
    last one, in order); else each joins the other ops as Python-made text, all
    sorted by id. Returns (ops for ``record_ops``, rows whose ops SQLite makes,
    the step that makes a chunk of them, in order)."""
    if not rows or ops:
        made: list[BulkOp] = [(r[0], "upsert", None, fields(r)) for r in rows]
        return sorted(ops + made, key=itemgetter(0)), [], lambda part: None
    after = [int(s.connection().exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()
                 or 0)]

    def step(part: Sequence[Any]) -> object:
        first = after[0]
        after[0] += len(part)
        return record_row_ops(s, table, sql, (first, after[0]), now)
    return [], rows, step


def _write(
    s: Session, records: Sequence[OutageRecord], *, source: str, workstation: str, now: datetime,
    progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool],
    cancel_exc: type[Exception],
) -> WriteCounts:
    existing, old_targets = _existing(s, records)
    p, added, updated = _plan(records, existing, old_targets, source=source, ws=workstation, now=now)
    # the new ids are hashes, in no order: rows and ops go in sorted by id, so
    # their primary-key indexes grow at the end instead of at random pages
    for new in (p.new_outages, p.new_targets):
        new.sort(key=itemgetter(0))  # ids are hex of one length: their text order is their order
    keys = [k for row in p.new_targets if row[2] == "address" for k in _address_keys(row[0], row[3])]
    if p.new_keys:  # revived targets' keys among them
        keys = sorted(p.new_keys + keys, key=itemgetter(0, 1))
    outage_ops, outage_rows, outage_step = _new_row_ops(s, "outages", p.new_outages, p.outage_ops,
                                                        outage_row_fields, OUTAGE_OPS_SQL, now)
    target_ops, target_rows, target_step = _new_row_ops(s, "outage_targets", p.new_targets, p.target_ops,
                                                        target_row_fields, TARGET_OPS_SQL, now)
    revived_ids = [r["id"] for r in p.revived]
    steps: list[tuple[Callable[[Any], object], Sequence[Any]]] = [
        (lambda part: _insert(s, "outages", part), p.new_outages),
        (lambda part: s.execute(update(Outage), part), p.changed),
        (lambda part: s.execute(update(OutageTarget).where(OutageTarget.id.in_(part))
                                .values(deleted_at=now, updated_at=now,
                                        version=OutageTarget.version + 1)), p.gone),
        (lambda part: s.execute(delete(OutageAddressKey).where(OutageAddressKey.target_id.in_(part))),
         p.gone + revived_ids),
        (lambda part: s.execute(update(OutageTarget), part), p.revived),
        (lambda part: _insert(s, "outage_targets", part), p.new_targets),
        (lambda part: _insert(s, "outage_address_keys", part), keys),
        (lambda part: record_ops(s, "outages", part, now, wire=True), outage_ops),
        (outage_step, outage_rows),
        (lambda part: record_ops(s, "outage_targets", part, now, wire=True), target_ops),
        (target_step, target_rows),
    ]
    total = sum(len(rows) for _, rows in steps) or 1
    done = 0
    for run, rows in steps:
        for part in _chunked(rows, 5000):
            if cancelled():
                raise cancel_exc()
            run(part)
            done += len(part)
            if progress is not None:
                progress(done, total)
    return WriteCounts(added, updated, len(records) - added - updated)
