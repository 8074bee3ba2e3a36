"""Which local tables sync, and how central merges them.

Derived from the models, so a new synced model cannot be forgotten here:

* every model carrying ``SyncColumns`` (id, version, updated_at, deleted_at,
  origin_workstation) is synced;
* it is ``"append"`` (rows are only ever inserted, so they never conflict) when
  it is listed in ``APPEND_ONLY`` below or its class docstring starts with
  "Append-only"; otherwise ``"merge"`` (central merges per field with a
  version check, see callcenter/sync/protocol.py);
* every other table in the metadata, and the search objects made in plain SQL,
  are ``LOCAL_ONLY``: derived indexes, per-desk counters and sync's own
  bookkeeping, rebuilt or meaningful only on this desk.

Adding a synced table later is one step on the desk, nothing to edit here:
give the model ``SyncColumns`` (and, if its rows are never updated, start its
docstring with "Append-only"), import its module in
callcenter/store/all_models.py and write its local migration. The outbox then
captures its ORM writes (callcenter/sync/outbox.py) and
tests/sync/test_outbox_registry.py checks that every table is classified (add
the name to that test's expected set). Central derives its table from SYNCED
too: see the last paragraph of callcenter/sync/central_schema.py.
"""

from __future__ import annotations

from typing import Any, Literal, cast

from sqlalchemy import Table
from sqlalchemy.orm import Mapper

from callcenter.store.all_models import Base
from callcenter.store.models import SyncColumns
from callcenter.store.search_schema import FTS_TABLE, is_search_object
from callcenter.store.sync_models import SyncOutbox, SyncState

Mode = Literal["append", "merge"]

# append-only by design even where the docstring does not say so
APPEND_ONLY = frozenset({
    "call_events", "agent_state_events", "ticket_events", "callback_attempts", "script_versions",
    "site_documents", "sign_in_attempts", "audit_log", "handover_entries", "qa_review_events",
})

SYNC_COLUMNS = ("id", "version", "updated_at", "deleted_at", "origin_workstation")


def table_of(mapper: Mapper[Any]) -> str:
    """The name of the table a mapped class writes to."""
    return cast(Table, mapper.local_table).name


def _mode(mapper: Mapper[Any]) -> Mode:
    doc = (mapper.class_.__doc__ or "").lstrip().lower()
    return "append" if table_of(mapper) in APPEND_ONLY or doc.startswith("append-only") \
        else "merge"


def _synced() -> dict[str, Mode]:
    out: dict[str, Mode] = {}
    for mapper in Base.registry.mappers:
        if issubclass(mapper.class_, SyncColumns):
            out[table_of(mapper)] = _mode(mapper)
    return dict(sorted(out.items()))


SYNCED: dict[str, Mode] = _synced()

LOCAL_ONLY: frozenset[str] = frozenset(
    {name for name in Base.metadata.tables if name not in SYNCED}
    | {FTS_TABLE, SyncOutbox.__tablename__, SyncState.__tablename__}
)


def is_synced(table: str) -> bool:
    return table in SYNCED


def is_local_only(table: str) -> bool:
    """True for LOCAL_ONLY and for the FTS table's shadow tables (ticket_fts_*)."""
    return table in LOCAL_ONLY or is_search_object(table)


def mode(table: str) -> Mode:
    """``"append"`` or ``"merge"``; KeyError for a table that does not sync."""
    return SYNCED[table]
