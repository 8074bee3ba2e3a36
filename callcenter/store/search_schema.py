"""Names of the search-only schema objects: the FTS5 table ``ticket_fts`` with
its shadow tables and the ``ix_search_*`` indexes (migration 0004), and
``ticket_fts_state``, how far the background indexer has got (migration 0009).

They are plain SQL in the migrations, not model objects, because only the local
search path uses them; so Alembic's autogenerate must not see them as drift.
migrations/env.py and the migration test both use ``include_name`` here.

How ticket_fts follows tickets since 0009: every ticket with
``rowid <= ticket_fts_state.indexed_upto`` is in the index, none above it is.
A save only appends a ticket above the mark; callcenter/services/tickets/indexer.py
moves such tickets into the index later, off the save path, and raises the mark
in the same transaction. Readers take the mark from the same snapshot as the
index, so "indexed" plus "above the mark" is every ticket, exactly once.
FTS5's ``integrity-check`` (rank 1) compares the index with every ticket, so
it reports tickets above the mark as corruption: drain the indexer first.
"""

from __future__ import annotations

FTS_TABLE = "ticket_fts"
# the "ticket_fts_" prefix keeps it with the search objects (autogenerate,
# local-only); FTS5 itself only claims the _data/_idx/_docsize/_config/_content suffixes
FTS_STATE_TABLE = "ticket_fts_state"
INDEX_PREFIX = "ix_search_"
# must be the WHERE of ix_search_tickets_open_deadline (migration 0004), word for word
OPEN_WITH_DEADLINE_SQL = (
    "tickets.deadline_at IS NOT NULL "
    "AND +tickets.status IN ('accepted', 'dispatched', 'in_progress')"
)
# the highest tickets.rowid ticket_fts covers (a scalar subquery)
INDEXED_UPTO_SQL = f"SELECT indexed_upto FROM {FTS_STATE_TABLE}"


def is_search_object(name: str | None) -> bool:
    if not name:
        return False
    return name == FTS_TABLE or name.startswith((FTS_TABLE + "_", INDEX_PREFIX))


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: leave the search objects out of comparison."""
    return not (type_ in ("table", "index") and is_search_object(name))
