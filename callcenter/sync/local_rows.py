"""Rows from central, as the local SQLite store keeps them.

A pulled row is JSON (protocol.py): UUIDs and times as strings, JSON columns as
JSON. Each local synced table gets a ``Shape`` once: its columns, one converter
per column from the wire value to the value the SQLite driver stores (the
column type's own bind processor, so a pulled row is stored byte for byte as an
ORM write of the same values would be), and the upsert statement. Columns
central has and this desk does not (central is ahead: expand-only changes) are
ignored; columns this desk has and the row lacks keep their local value (or
their default on insert).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Dialect

from callcenter.store.all_models import Base

from .central_schema import pg_type
from .registry import SYNCED

Convert = Callable[[Any], Any]


def _parse(kind: str) -> Convert:
    if kind == "uuid":
        return lambda v: v if isinstance(v, uuid.UUID) else uuid.UUID(str(v))
    if kind == "timestamptz":
        return lambda v: v if isinstance(v, datetime) else datetime.fromisoformat(str(v))
    if kind == "boolean":
        return bool
    if kind == "bigint":
        return int
    if kind == "double precision":
        return float
    if kind == "text":
        return str
    return lambda v: v  # jsonb: already Python


def _then(first: Convert, second: Convert) -> Convert:
    return lambda v: second(first(v))


@dataclass(frozen=True)
class Shape:
    table: str
    columns: tuple[str, ...]
    converters: tuple[Convert, ...]

    def values(self, row: dict[str, Any]) -> tuple[list[str], tuple[Any, ...]]:
        """(columns present in the row, their driver values)."""
        cols: list[str] = []
        vals: list[Any] = []
        for name, conv in zip(self.columns, self.converters, strict=True):
            if name in row:
                cols.append(name)
                v = row[name]
                vals.append(None if v is None else conv(v))
        return cols, tuple(vals)


@cache
def shape(table: str, dialect: Dialect) -> Shape:
    if table not in SYNCED:
        raise KeyError(f"{table} does not sync")
    t = Base.metadata.tables[table]
    names: list[str] = []
    convs: list[Convert] = []
    for col in t.columns:
        parse = _parse(pg_type(col.type))
        bind = col.type.bind_processor(dialect)
        names.append(col.name)
        convs.append(parse if bind is None else _then(parse, bind))
    return Shape(table, tuple(names), tuple(convs))


@cache
def upsert_sql(table: str, columns: tuple[str, ...]) -> str:
    """INSERT of a pulled row that overwrites the local row with the same id."""
    cols = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
    return (f'INSERT INTO "{table}" ({cols}) VALUES ({marks}) '
            f'ON CONFLICT ("id") DO UPDATE SET {sets}')
