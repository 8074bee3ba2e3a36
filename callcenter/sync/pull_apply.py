"""Applying one page of central's pull to the local store.

A page and the cursor after it are written in one local transaction (the
caller's session): either both are stored or neither, so a crash mid-page
re-pulls the page and never skips it. (``SyncEngine.pull_all`` may hand over
several consecutive pages as one: their rows, in order, and the last cursor.)

* A row with unpushed local ops is not overwritten: the desk's change is still
  on its way, and central re-sends the merged row after applying it (every
  applied op bumps the version, which rewrites the row on central).
* Rows are written with plain SQL (``executemany`` per table and column set),
  so nothing is captured in the outbox: a pulled row is never echoed back.
  One ``SELECT id ... WHERE id IN (...)`` per table splits the page into rows
  the desk has (an UPDATE by id, run first, so a row that gives up a unique
  value frees it before a new row takes it) and rows it does not have (a plain
  INSERT: SQLite's upsert costs about twice as much per row). An UPDATE keeps
  the row's rowid, so the ticket text index follows it (search_schema.py).
* A row that clashes with a different local row on a unique key (two desks
  filed the same account number under different ids) cannot be stored; it is
  kept in ``sync_conflicts`` (source ``pull``) for a person to sort out, and the
  rest of the page is applied. The fast path pays nothing for this: only a
  batch that fails is retried row by row.
* A row that comes twice (pages fetched together, the row changed on central
  between them) is stored once, as its last state.
* A page of sync.pull_rows (central c0005) holds each row as an array of its
  values already in their stored form (``prepare_stored``: only JSON columns
  are converted); the rest is the same. A row kept aside as a clash goes back
  to the JSON sync.pull would have sent (``local_rows.wire_from_stored``).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Dialect, Table, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from callcenter.store.ids import new_id
from callcenter.store.sync_models import SyncConflict

from .local_rows import insert_sql, shape, stored_plan, update_params, update_sql, wire_from_stored
from .outbox_reader import CURSOR, LAST_PULL_AT, set_state
from .protocol import to_wire
from .pull_hooks import registered, run_after_pull
from .registry import SYNCED

CONFLICTS = cast(Table, SyncConflict.__table__)
_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)$")
_IN_CHUNK = 500  # ids per IN (...): well under SQLite's bound-parameter limit


@dataclass
class PageResult:
    applied: int = 0
    kept_local: int = 0  # rows with pending local ops, left as they are
    clashes: int = 0  # rows refused by a local unique key (now in sync_conflicts)
    tables: set[str] = field(default_factory=set)  # tables that changed locally


def _pending_keys(conn: Connection, keys: list[str]) -> set[str]:
    """Which of these stored ids (32 hex digits) have unpushed ops; one indexed
    probe when nothing is queued (a desk catching up)."""
    if not keys or conn.exec_driver_sql(
            "SELECT 1 FROM sync_outbox WHERE pushed_at IS NULL LIMIT 1").first() is None:
        return set()
    return _present(conn, "sync_outbox", "row_id", keys, " AND pushed_at IS NULL")


def _present(conn: Connection, table: str, column: str, keys: list[str], extra: str = "") -> set[str]:
    out: set[str] = set()
    for i in range(0, len(keys), _IN_CHUNK):
        part = keys[i:i + _IN_CHUNK]
        out.update(r[0] for r in conn.exec_driver_sql(
            f'SELECT "{column}" FROM "{table}" WHERE "{column}" IN ({", ".join("?" * len(part))}){extra}',
            tuple(part)))
    return out


# a row as it will be stored: (its columns, their stored values, the row as pulled;
# None when it came in its stored form, sync.pull_rows: wire_from_stored makes it)
_Row = tuple[tuple[str, ...], tuple[Any, ...], dict[str, Any] | None]


@dataclass
class Prepared:
    """Pulled rows converted to their stored values, before any transaction
    (``prepare_rows``: no session, so it can run off the writer thread)."""

    # as pulled, in order, for the after-pull hooks ({"table", "row"}; from a page of
    # sync.pull_rows only the rows of tables with hooks, each {"id"} alone)
    rows: list[dict[str, Any]]
    # table -> stored id -> the row as it will be stored (the last one sent wins)
    by_table: dict[str, dict[Any, _Row]]


def prepare_rows(rows: list[dict[str, Any]], dialect: Dialect) -> Prepared:
    by_table: dict[str, dict[Any, _Row]] = {}
    for item in rows:
        table = item["table"]
        if table not in SYNCED:
            continue  # central syncs a table this desk does not know yet
        row = item["row"]
        sh = shape(table, dialect)
        cols, id_at, convert = sh.plan(row)
        if id_at < 0:
            raise ValueError(f"a pulled {table} row without an id")
        vals = convert(row)
        entries = by_table.get(table)
        if entries is None:
            entries = by_table[table] = {}
        key = vals[id_at]
        if key in entries:  # sent twice: one row, the later values over the earlier
            row = {**_as_pulled(table, entries[key], dialect), **row}
            cols, vals = sh.values(row)
        entries[key] = (cols, vals, row)
    return Prepared(rows, by_table)


def prepare_page(page: dict[str, Any], dialect: Dialect) -> Prepared:
    """``prepare_rows`` of a page of sync.pull, or ``prepare_stored`` of one of
    sync.pull_rows (its rows are arrays, its ``columns`` name their values)."""
    rows = page.get("rows") or []
    if "columns" in page:
        return prepare_stored(page["columns"] or {}, rows, dialect)
    return prepare_rows(list(rows), dialect)


def prepare_stored(columns: dict[str, list[str]], rows: list[list[Any]], dialect: Dialect) -> Prepared:
    """Rows of sync.pull_rows (``[table, value, ...]``, values in their stored form,
    in the order ``columns[table]`` names them) as ``prepare_rows`` makes them.
    A row sent twice is stored as its last state: central sends whole rows."""
    by_table: dict[str, dict[Any, _Row]] = {}
    hooked: list[dict[str, Any]] = []  # {"table", "row": {"id"}} for the after-pull hooks
    # table -> (columns, id position, convert, its entries, has hooks); entries None: not synced here
    plans: dict[str, tuple[Any, ...]] = {}
    for r in rows:
        table = r[0]
        plan = plans.get(table)
        if plan is None:
            if table not in SYNCED:
                plans[table] = plan = None, -1, None, None, False
            else:
                cols_, id_at_, convert_ = stored_plan(table, tuple(columns[table]), dialect)
                if id_at_ < 0:
                    raise ValueError(f"pulled {table} rows without an id")
                plans[table] = plan = (cols_, id_at_, convert_, by_table.setdefault(table, {}),
                                       bool(registered(table)))
        cols, id_at, convert, entries, hooks = plan
        if entries is None:
            continue  # central syncs a table this desk does not know yet
        vals = convert(r)
        entries[vals[id_at]] = (cols, vals, None)
        if hooks:
            hooked.append({"table": table, "row": {"id": vals[id_at]}})
    return Prepared(hooked, by_table)


def _as_pulled(table: str, r: _Row, dialect: Dialect) -> dict[str, Any]:
    return r[2] if r[2] is not None else wire_from_stored(table, r[0], r[1], dialect)


def merge_prepared(parts: list[Prepared], dialect: Dialect) -> Prepared:
    """Consecutive pages as one (their rows in order, a row in two of them once)."""
    if len(parts) == 1:
        return parts[0]
    rows: list[dict[str, Any]] = []
    by_table: dict[str, dict[Any, _Row]] = {}
    for part in parts:
        rows.extend(part.rows)
        for table, more in part.by_table.items():
            entries = by_table.setdefault(table, {})
            for key, r in more.items():
                if key in entries and r[2] is not None:
                    row = {**_as_pulled(table, entries[key], dialect), **r[2]}
                    r = (*shape(table, dialect).values(row), row)
                entries[key] = r  # a stored-form row is whole: the later one is the row
    return Prepared(rows, by_table)


def apply_page(s: Session, rows: list[dict[str, Any]], cursor: dict[str, Any] | None,
               now: datetime, *, caught_up: bool) -> PageResult:
    """Store one pulled page and the cursor after it (in the caller's transaction)."""
    return apply_prepared(s, prepare_rows(rows, s.connection().dialect), cursor, now, caught_up=caught_up)


def apply_prepared(s: Session, prepared: Prepared, cursor: dict[str, Any] | None,
                   now: datetime, *, caught_up: bool) -> PageResult:
    """``apply_page`` of rows ``prepare_rows`` has converted already."""
    result = PageResult()
    conn = s.connection()
    by_table = prepared.by_table
    keys = [k for entries in by_table.values() for k in entries]
    pending = _pending_keys(conn, keys)
    # updates of rows the desk has first (a row may free a unique value a new one takes)
    updates: dict[tuple[str, tuple[str, ...]], list[_Row]] = {}
    inserts: dict[tuple[str, tuple[str, ...]], list[_Row]] = {}
    for table, entries in by_table.items():
        have = _present(conn, table, "id", list(entries))
        for key, r in entries.items():
            if key in pending:
                result.kept_local += 1
                continue
            (updates if key in have else inserts).setdefault((table, r[0]), []).append(r)
    for (table, names), batch in updates.items():
        if len(names) > 1:  # a row of nothing but its id changes nothing
            _write(s, conn, table, update_sql(table, names),
                   [update_params(names, r[1]) for r in batch], batch, now, result)
        else:
            result.applied += len(batch)
        result.tables.add(table)
    for (table, names), batch in inserts.items():
        _write(s, conn, table, insert_sql(table, names), [r[1] for r in batch], batch, now, result)
        result.tables.add(table)
    run_after_pull(s, prepared.rows)  # local state derived from pulled rows (pull_hooks.py)
    if cursor is not None:
        set_state(s, CURSOR, cursor)
    if caught_up:
        set_state(s, LAST_PULL_AT, now.isoformat())
    return result


def _write(s: Session, conn: Connection, table: str, sql: str, params: list[tuple[Any, ...]],
           batch: list[_Row], now: datetime, result: PageResult) -> None:
    """One executemany; if a unique key refuses any row, row by row, keeping the
    refused ones in sync_conflicts."""
    try:
        with s.begin_nested():
            conn.exec_driver_sql(sql, params)
        result.applied += len(params)
    except IntegrityError:
        for vals, r in zip(params, batch, strict=True):
            try:
                with s.begin_nested():
                    conn.exec_driver_sql(sql, vals)
                result.applied += 1
            except IntegrityError as exc:
                _keep_clash(s, table, _as_pulled(table, r, conn.dialect), str(exc.orig), now)
                result.clashes += 1


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
