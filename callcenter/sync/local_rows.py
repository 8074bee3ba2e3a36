"""Rows from central, as the local SQLite store keeps them.

A pulled row is JSON (protocol.py): UUIDs and times as strings, JSON columns as
JSON. Each local synced table gets a ``Shape`` once: its columns and one
converter per column from the wire value to the value the SQLite driver stores,
so a pulled row is stored byte for byte as an ORM write of the same values
would be (tests/sync/test_pull_apply_storage.py checks every column type).

The converters go from wire text to stored text directly, without a Python
object in between, for the forms central sends (PostgreSQL's own output, the
session in UTC):

* uuid ``0192f3a4-5b6c-7d8e-9f00-112233445566`` -> ``0192f3a45b6c7d8e9f00112233445566``
  (SQLAlchemy's ``Uuid`` on SQLite: the 32 lower-case hex digits);
* timestamptz ``2026-11-23T01:00:00.12+00:00`` -> ``2026-11-23 01:00:00.120000``
  (``UTCDateTime``: naive UTC in SQLAlchemy's SQLite ``DATETIME`` storage format,
  microseconds always written);
* boolean ``true``/``false`` -> 1/0; JSON through the column's own bind
  processor (``json.dumps``, as the ORM writes it); numbers and text as they are.

Rows of sync.pull_rows come in these stored forms already (``stored_plan``:
only JSON columns are converted).

Anything else (another offset, upper-case hex, a datetime object from a test)
goes the long way: parsed to the Python value, then through the bind processor
of the column type's SQLite implementation, as an ORM write does. Columns central has and this desk does not
(central is ahead: expand-only changes) are ignored; columns this desk has and
the row lacks keep their local value (or their default on insert).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import Dialect

from callcenter.store.all_models import Base

from .central_schema import pg_type
from .registry import SYNCED

Convert = Callable[[Any], Any]

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# PostgreSQL's timestamptz output in a UTC session (to_jsonb): fraction trimmed, +00:00
_UTC_STAMP = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}:[0-9]{2}:[0-9]{2})"
                        r"(?:\.([0-9]{1,6}))?(?:\+00:00|Z)")
_fromisoformat = datetime.fromisoformat


def _parse(kind: str) -> Convert:
    """Wire value -> the Python value an ORM write would hold (the long way)."""
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


def _direct(kind: str, slow: Convert) -> Convert:
    """Wire value -> stored value, straight from text for central's own forms."""
    if kind == "uuid":
        match = _UUID.fullmatch

        def uuid_text(v: Any) -> Any:
            if type(v) is str and match(v):
                return v.replace("-", "")
            return slow(v)
        return uuid_text
    if kind == "timestamptz":
        stamp = _UTC_STAMP.fullmatch

        def utc_text(v: Any) -> Any:
            m = stamp(v) if type(v) is str else None
            if m is None:
                return slow(v)
            _fromisoformat(v)  # out-of-range fields raise, as the long way does
            day, clock, frac = m.groups()
            return f"{day} {clock}.{(frac or '').ljust(6, '0')}"
        return utc_text
    if kind == "boolean":
        def flag(v: Any) -> Any:
            return 1 if v is True else 0 if v is False else slow(v)
        return flag
    if kind == "bigint":
        return lambda v: v if type(v) is int else slow(v)
    if kind == "double precision":
        return lambda v: v if type(v) is float else slow(v)
    if kind == "text":
        return lambda v: v if type(v) is str else slow(v)
    return slow  # jsonb: the column's own serializer


# kinds whose wire value is already the stored one when it has this Python type
_AS_IS: dict[str, type] = {"text": str, "bigint": int, "double precision": float}

Plan = tuple[tuple[str, ...], int, Callable[[dict[str, Any]], tuple[Any, ...]]]


def _compile(names: tuple[str, ...], kinds: tuple[str, ...], convs: tuple[Convert, ...]
             ) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """One function for a row of exactly these columns: a tuple of their stored
    values, without a call per column where the wire value is already stored as is
    (a pulled page of 10,000 rows converts some 200,000 values)."""
    env: dict[str, Any] = {}
    parts = []
    for i, (name, kind, conv) in enumerate(zip(names, kinds, convs, strict=True)):
        env[f"c{i}"] = conv
        if kind in _AS_IS:
            env[f"t{i}"] = _AS_IS[kind]
            parts.append(f"v if (v := row[{name!r}]).__class__ is t{i} or v is None else c{i}(v)")
        else:
            parts.append(f"None if (v := row[{name!r}]) is None else c{i}(v)")
    body = "".join(f"({p}), " for p in parts)
    exec(f"def convert(row):\n    return ({body})\n", env)  # column names from the model, not from the wire
    return cast(Callable[[dict[str, Any]], tuple[Any, ...]], env["convert"])


@dataclass(frozen=True)
class Shape:
    table: str
    columns: tuple[str, ...]
    converters: tuple[Convert, ...]
    kinds: tuple[str, ...] = ()  # central type of each column (central_schema.pg_type)
    # row keys (in the row's order) -> (columns present in table order, where "id" is
    # among them (-1: absent), the converting function)
    _plans: dict[tuple[str, ...], Plan] = field(default_factory=dict, compare=False, repr=False)

    def plan(self, row: dict[str, Any]) -> Plan:
        keys = tuple(row)
        got = self._plans.get(keys)
        if got is None:
            present = set(keys)
            idx = [i for i, n in enumerate(self.columns) if n in present]
            cols = tuple(self.columns[i] for i in idx)
            kinds = tuple(self.kinds[i] for i in idx) if self.kinds else ("",) * len(idx)
            convert = _compile(cols, kinds, tuple(self.converters[i] for i in idx))
            got = self._plans[keys] = (cols, cols.index("id") if "id" in cols else -1, convert)
        return got

    def values(self, row: dict[str, Any]) -> tuple[tuple[str, ...], tuple[Any, ...]]:
        """(columns present in the row, their driver values)."""
        cols, _id_at, convert = self.plan(row)
        return cols, convert(row)


@cache
def shape(table: str, dialect: Dialect) -> Shape:
    if table not in SYNCED:
        raise KeyError(f"{table} does not sync")
    t = Base.metadata.tables[table]
    names: list[str] = []
    kinds: list[str] = []
    convs: list[Convert] = []
    for col in t.columns:
        kind = pg_type(col.type)
        kinds.append(kind)
        parse = _parse(kind)
        # the dialect's own type (SQLite's DATETIME formats the stamp), as a compiled
        # statement uses it: the generic type's processor left whole seconds to the
        # driver's adapter, which drops ".000000"
        bind = col.type.dialect_impl(dialect).bind_processor(dialect)
        names.append(col.name)
        convs.append(_direct(kind, parse if bind is None else _then(parse, bind)))
    return Shape(table, tuple(names), tuple(convs), tuple(kinds))


StoredPlan = tuple[tuple[str, ...], int, Callable[[list[Any]], tuple[Any, ...]]]


@cache
def stored_plan(table: str, central: tuple[str, ...], dialect: Dialect) -> StoredPlan:
    """For rows sync.pull_rows sends (``[table, value, ...]``, the values in the
    order of ``central``'s column names, already in their stored form): the
    columns this desk has, in its table's order; where "id" is among them (-1:
    absent); and one function from such a row to the stored values. Only JSON
    columns are converted (the column's own serializer, as ``shape`` does);
    central's columns this desk does not have are left out."""
    sh = shape(table, dialect)
    at = {name: i + 1 for i, name in enumerate(central)}  # 0 holds the table
    idx = [i for i, n in enumerate(sh.columns) if n in at]
    cols = tuple(sh.columns[i] for i in idx)
    env: dict[str, Any] = {}
    parts = []
    for j, i in enumerate(idx):
        pos = at[sh.columns[i]]
        if sh.kinds[i] == "jsonb":
            env[f"c{j}"] = sh.converters[i]
            parts.append(f"None if (v := r[{pos}]) is None else c{j}(v)")
        else:
            parts.append(f"r[{pos}]")
    body = "".join(f"{p}, " for p in parts)
    exec(f"def convert(r):\n    return ({body})\n", env)  # positions from the model and central's names
    return cols, cols.index("id") if "id" in cols else -1, cast(Callable[[list[Any]], tuple[Any, ...]],
                                                                 env["convert"])


def wire_from_stored(table: str, columns: tuple[str, ...], values: tuple[Any, ...],
                     dialect: Dialect) -> dict[str, Any]:
    """A row of stored values as the JSON sync.pull sends (for the rare paths that
    keep a pulled row as central sent it: a unique-key clash)."""
    sh = shape(table, dialect)
    kinds = dict(zip(sh.columns, sh.kinds, strict=True))
    out: dict[str, Any] = {}
    for name, v in zip(columns, values, strict=True):
        kind = kinds[name]
        if v is None:
            out[name] = None
        elif kind == "uuid":
            out[name] = str(uuid.UUID(str(v)))
        elif kind == "timestamptz":
            out[name] = str(v).replace(" ", "T") + "+00:00"
        elif kind == "boolean":
            out[name] = bool(v)
        elif kind == "jsonb":
            out[name] = json.loads(v) if isinstance(v, str) else v
        else:
            out[name] = v
    return out


@cache
def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """A plain INSERT of pulled rows the desk does not have."""
    cols = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(columns))})'


@cache
def update_sql(table: str, columns: tuple[str, ...]) -> str:
    """An UPDATE of a pulled row the desk has, by id: parameters are the values of
    ``columns`` without ``id`` (in order), then the id (``update_params``)."""
    sets = ", ".join(f'"{c}" = ?' for c in columns if c != "id")
    return f'UPDATE "{table}" SET {sets} WHERE "id" = ?'


def update_params(columns: tuple[str, ...], values: tuple[Any, ...]) -> tuple[Any, ...]:
    i = columns.index("id")
    return (*values[:i], *values[i + 1:], values[i])
