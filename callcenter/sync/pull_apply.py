"""Applying one page of central's pull to the local store.

A page and the cursor after it are written in one local transaction (the
caller's session): either both are stored or neither, so a crash mid-page
re-pulls the page and never skips it.

* A row with unpushed local ops is not overwritten: the desk's change is still
  on its way, and central re-sends the merged row after applying it (every
  applied op bumps the version, which rewrites the row on central).
* Rows are written with plain SQL (``executemany`` of an upsert per table),
  so nothing is captured in the outbox: a pulled row is never echoed back.
* A row that clashes with a different local row on a unique key (two desks
  filed the same account number under different ids) cannot be stored; it is
  kept in ``sync_conflicts`` (source ``pull``) for a person to sort out, and the
  rest of the page is applied. The fast path pays nothing for this: only a
  batch that fails is retried row by row.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from callcenter.store.ids import new_id
from callcenter.store.sync_models import SyncConflict

from .local_rows import shape, upsert_sql
from .outbox_reader import CURSOR, LAST_PULL_AT, OUTBOX, set_state
from .protocol import to_wire
from .pull_hooks import run_after_pull
from .registry import SYNCED

CONFLICTS = cast(Table, SyncConflict.__table__)
_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)$")


@dataclass
class PageResult:
    applied: int = 0
    kept_local: int = 0  # rows with pending local ops, left as they are
    clashes: int = 0  # rows refused by a local unique key (now in sync_conflicts)
    tables: set[str] = field(default_factory=set)  # tables that changed locally


def pending_row_ids(s: Session, row_ids: list[str]) -> set[str]:
    """Which of these rows have unpushed ops (any table: ids are UUIDs)."""
    out: set[str] = set()
    ids = [uuid.UUID(r) for r in row_ids]
    for i in range(0, len(ids), 500):
        out |= {str(r) for r in s.execute(
            select(OUTBOX.c.row_id).distinct().where(
                OUTBOX.c.pushed_at.is_(None), OUTBOX.c.row_id.in_(ids[i:i + 500]))).scalars()}
    return out


def apply_page(s: Session, rows: list[dict[str, Any]], cursor: dict[str, Any] | None,
               now: datetime, *, caught_up: bool) -> PageResult:
    """Store one pulled page and the cursor after it (in the caller's transaction)."""
    result = PageResult()
    pending = pending_row_ids(s, [str(r["row"]["id"]) for r in rows]) if rows else set()
    conn = s.connection()
    dialect = conn.dialect
    # consecutive rows of one table and column set go in one executemany
    batches: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = defaultdict(list)
    originals: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
    for item in rows:
        table = str(item["table"])
        row = item["row"]
        if table not in SYNCED:
            continue  # central syncs a table this desk does not know yet
        if str(row["id"]) in pending:
            result.kept_local += 1
            continue
        cols, vals = shape(table, dialect).values(row)
        key = (table, tuple(cols))
        batches[key].append(vals)
        originals[key].append(row)
    for (table, names), params in batches.items():
        sql = upsert_sql(table, names)
        try:
            with s.begin_nested():
                conn.exec_driver_sql(sql, params)
            result.applied += len(params)
        except IntegrityError:
            for vals, row in zip(params, originals[(table, names)], strict=True):
                try:
                    with s.begin_nested():
                        conn.exec_driver_sql(sql, vals)
                    result.applied += 1
                except IntegrityError as exc:
                    _keep_clash(s, table, row, str(exc.orig), now)
                    result.clashes += 1
        result.tables.add(table)
    run_after_pull(s, rows)  # local state derived from pulled rows (pull_hooks.py)
    if cursor is not None:
        set_state(s, CURSOR, cursor)
    if caught_up:
        set_state(s, LAST_PULL_AT, now.isoformat())
    return result


def _keep_clash(s: Session, table: str, row: dict[str, Any], error: str, now: datetime) -> None:
    m = _UNIQUE.search(error)
    fields = [c.strip().split(".", 1)[-1] for c in m.group(1).split(",")] if m else []
    central = {k: to_wire(v) for k, v in row.items()}
    rid = uuid.UUID(str(row["id"]))
    open_ = s.execute(select(CONFLICTS.c.id).where(
        CONFLICTS.c.row_id == rid, CONFLICTS.c.source == "pull",
        CONFLICTS.c.resolved_at.is_(None))).scalar()
    if open_ is not None:  # the same row pulled again: one open conflict, latest values
        s.execute(update(CONFLICTS).where(CONFLICTS.c.id == open_).values(
            central_values=central, central_version=row.get("version"), detected_at=now))
        return
    s.execute(CONFLICTS.insert().values(
        id=new_id(), source="pull", table_name=table, row_id=rid, op_id=None, fields=fields,
        local_values={}, central_values=central, central_version=row.get("version"),
        detected_at=now))
