"""Writing outage records into the store: insert new, update changed, by the
dispatch source id (so re-importing a file updates instead of duplicating).

Core ``executemany`` in chunks: an import of 50,000 outages is half a million
rows (outages, their targets, the address-key index) and must stay within
seconds; the chunks are also where a cancel is noticed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from callcenter.domain.outages import Address, OutageTimes, parse_address, short_notice
from callcenter.domain.outages.address import normalise
from callcenter.store.ids import new_id
from callcenter.store.outage_models import Outage, OutageAddressKey, OutageTarget

_TABLES: dict[str, Table] = {m.__tablename__: cast(Table, m.__table__)
                             for m in (Outage, OutageTarget, OutageAddressKey)}


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


def _db(v: object) -> object:
    """A value as the store keeps it on SQLite (what UTCDateTime/Uuid/Boolean write)."""
    if isinstance(v, uuid.UUID):
        return v.hex
    if isinstance(v, datetime):
        return v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, bool):
        return int(v)
    return v


def _insert(s: Session, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """A bare executemany of rows already in store format (see ``_db``):
    SQLAlchemy's per-value bind processing cost more than the insert itself on a
    50,000-row import. Columns are checked against the model."""
    if not rows:
        return
    cols = list(rows[0])
    assert set(cols) <= set(_TABLES[table].c.keys()), cols
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    s.connection().exec_driver_sql(sql, [tuple(r[c] for c in cols) for r in rows])


def _chunked(items: Sequence[object], n: int = 500) -> Iterable[Sequence[object]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def write_records(
    s: Session, records: Sequence[OutageRecord], *, source: str, workstation: str, now: datetime,
    progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] = lambda: False,
    cancel_exc: type[Exception] = RuntimeError,
) -> WriteCounts:
    """Insert new records and update changed ones by source id, in the caller's
    transaction; targets that left a record are tombstoned (they sync)."""
    ws = workstation
    stamp = _db(now)
    existing: dict[str, dict[str, object]] = {}
    for part in _chunked([r.source_id for r in records]):
        for row in s.execute(select(Outage.__table__).where(Outage.source_id.in_(part))).mappings():
            existing[row["source_id"]] = dict(row)
    old_targets: dict[uuid.UUID, dict[tuple[str, str], uuid.UUID]] = {}
    ids = [row["id"] for row in existing.values()]
    for part in _chunked(ids):
        for t in s.execute(select(OutageTarget.outage_id, OutageTarget.kind, OutageTarget.value,
                                  OutageTarget.id).where(OutageTarget.outage_id.in_(part),
                                                         OutageTarget.deleted_at.is_(None))):
            old_targets.setdefault(t.outage_id, {})[(t.kind, t.value)] = t.id
    new_outages: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    new_targets: list[dict[str, Any]] = []
    new_keys: list[dict[str, Any]] = []
    gone: list[uuid.UUID] = []
    added = updated = 0
    for r in records:
        fields = _fields(r, source)
        old = existing.get(r.source_id)
        if old is None:
            oid = new_id()
            new_outages.append({"id": oid.hex, "source_id": r.source_id, "version": 1, "updated_at": stamp,
                                "deleted_at": None, "origin_workstation": ws,
                                **{k: _db(v) for k, v in fields.items()}})
            have: dict[tuple[str, str], uuid.UUID] = {}
            added += 1
        else:
            oid = old["id"]  # type: ignore[assignment]
            have = old_targets.get(oid, {})
            want = set(_targets(r))
            diff = {k: v for k, v in fields.items() if k != "source" and old[k] != v}
            if diff or set(have) != want or old["deleted_at"] is not None:
                changed.append({"id": oid, "version": int(old["version"]) + 1,  # type: ignore[call-overload]
                                "updated_at": now, "deleted_at": None, **fields})
                updated += 1
            gone += [tid for k, tid in have.items() if k not in want]
        for kind, value in _targets(r):
            if (kind, value) in have:
                continue
            tid = new_id().hex
            new_targets.append({"id": tid, "outage_id": oid.hex, "kind": kind, "value": value,
                                "key": target_key(kind, value), "version": 1, "updated_at": stamp,
                                "deleted_at": None, "origin_workstation": ws})
            if kind == "address":
                new_keys += [{"target_id": tid, "pos": i, "key": c}
                             for i, c in enumerate(_parsed(value).chunks)]
    steps: list[tuple[Callable[[Any], object], Sequence[Any]]] = [
        (lambda part: _insert(s, "outages", part), new_outages),
        (lambda part: s.execute(update(Outage), part), changed),
        (lambda part: s.execute(update(OutageTarget).where(OutageTarget.id.in_(part))
                                .values(deleted_at=now, updated_at=now,
                                        version=OutageTarget.version + 1)), gone),
        (lambda part: s.execute(delete(OutageAddressKey).where(OutageAddressKey.target_id.in_(part))),
         gone),
        (lambda part: _insert(s, "outage_targets", part), new_targets),
        (lambda part: _insert(s, "outage_address_keys", part), new_keys),
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

