"""The central (PostgreSQL) shape of the synced tables, derived from the models.

Central holds every table of ``registry.SYNCED`` with the same columns as the
desk, in the PostgreSQL types the wire values map to (uuid, timestamptz,
jsonb, text, bigint, boolean, double precision), plus two sync columns:

* ``sync_xid xid8``: the id of the transaction that last wrote the row, set by
  a trigger on every insert and update. ``sync.pull`` orders by it and bounds
  it by the snapshot's xmin, so a slow transaction is never skipped.
* ``sync_fver jsonb`` (merge tables only): per field, ``[version, desk]`` of
  central's last change of it (no entry: as inserted).
* ``sync_seen jsonb`` (merge tables only): per desk, ``[local version, anchor]``
  after its last op on the row: the anchor is the central version that desk had
  last pulled. A desk edits offline on its own version numbers, so an op whose
  ``base_version`` equals the recorded local version continues that chain and
  is judged against the anchor, not against central's unrelated numbering.
  A field conflicts only when another desk changed it after the anchor (and to
  another value); see central_functions.py.

Why text for every string: SQLite does not enforce ``String(n)`` lengths, and a
push central refuses would stop that desk's queue for good; lengths are the
form's job. Why no foreign keys or unique constraints besides the primary key:
central accepts rows in each desk's order, not a global one (an outage imported
on one desk, a ticket linked to it on another), and a natural-key clash (two
desks importing the same outage) must surface as data, not block a push.

Migrations never import the live models: they call :func:`create_table_sql`
with a frozen column list that :func:`render_frozen` printed when the
migration was written. Adding a synced table centrally is therefore: add the
model (see registry.py), run ``python -m callcenter.sync.central_schema NAME``
to print its frozen definition, paste it into a new migration under
migrations/central/versions that calls :func:`create_table_sql` and
``sync.register_table``; tests/sync/test_central_schema.py fails until the
central schema matches the models again. The helpers here are called by old
migrations too, so they may only grow, never change what they emit.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Float, Integer, String, Table, Uuid
from sqlalchemy.types import TypeDecorator, TypeEngine

# (name, PostgreSQL type, nullable)
ColumnSpec = tuple[str, str, bool]

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def pg_type(sa_type: TypeEngine[Any]) -> str:
    """The central column type for a model column type."""
    if isinstance(sa_type, TypeDecorator):
        impl = sa_type.impl_instance
        if getattr(impl, "timezone", False):
            return "timestamptz"
        return pg_type(impl)
    if isinstance(sa_type, Uuid):
        return "uuid"
    if isinstance(sa_type, JSON):
        return "jsonb"
    if isinstance(sa_type, Boolean):
        return "boolean"
    if isinstance(sa_type, Integer | BigInteger):
        return "bigint"
    if isinstance(sa_type, Float):
        return "double precision"
    if isinstance(sa_type, String):  # also Text
        return "text"
    raise TypeError(f"no central type for {sa_type!r}")


def central_columns(table: Table) -> list[ColumnSpec]:
    """The columns central keeps for one synced model table, in model order."""
    return [(c.name, pg_type(c.type), bool(c.nullable) and not c.primary_key) for c in table.columns]


def synced_specs() -> dict[str, tuple[str, list[ColumnSpec]]]:
    """table -> (mode, columns) for every synced model, from the live metadata."""
    from callcenter.store.all_models import Base

    from .registry import SYNCED

    return {name: (mode, central_columns(Base.metadata.tables[name])) for name, mode in SYNCED.items()}


def _ident(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return name


def create_table_sql(name: str, mode: str, columns: list[ColumnSpec]) -> str:
    """DDL of one central synced table (without the trigger: ``sync.register_table``
    adds it, the pull index and the row in ``sync.tables``)."""
    if mode not in ("append", "merge"):
        raise ValueError(mode)
    lines = []
    for col, typ, nullable in columns:
        default = " DEFAULT 1" if col == "version" else ""
        lines.append(f"{_ident(col)} {typ}{'' if nullable else ' NOT NULL'}{default}")
    lines.append("sync_xid xid8 NOT NULL DEFAULT pg_current_xact_id()")
    if mode == "merge":
        lines.append("sync_fver jsonb NOT NULL DEFAULT '{}'::jsonb")
        lines.append("sync_seen jsonb NOT NULL DEFAULT '{}'::jsonb")
    lines.append(f"CONSTRAINT pk_{_ident(name)} PRIMARY KEY (id)")
    body = ",\n    ".join(lines)
    return f"CREATE TABLE public.{_ident(name)} (\n    {body}\n)"


def render_frozen(names: list[str] | None = None) -> str:
    """Python source of the frozen definitions, to paste into a new migration."""
    specs = synced_specs()
    out = ["TABLES: dict[str, tuple[str, list[tuple[str, str, bool]]]] = {"]
    for name in names or list(specs):
        mode, cols = specs[name]
        out.append(f"    {name!r}: ({mode!r}, [")
        out.extend(f"        {c!r}," for c in cols)
        out.append("    ]),")
    out.append("}")
    return "\n".join(out)


if __name__ == "__main__":
    print(render_frozen(sys.argv[1:] or None))
