"""Names of the search-only schema objects created by migration 0004 (the FTS5
table ``ticket_fts`` with its shadow tables and the ``ix_search_*`` indexes).

They are plain SQL in the migration, not model objects, because only the local
search path uses them; so Alembic's autogenerate must not see them as drift.
migrations/env.py and the migration test both use ``include_name`` here.
"""

from __future__ import annotations

FTS_TABLE = "ticket_fts"
INDEX_PREFIX = "ix_search_"
# must be the WHERE of ix_search_tickets_open_deadline (migration 0004), word for word
OPEN_WITH_DEADLINE_SQL = (
    "tickets.deadline_at IS NOT NULL "
    "AND +tickets.status IN ('accepted', 'dispatched', 'in_progress')"
)


def is_search_object(name: str | None) -> bool:
    if not name:
        return False
    return name == FTS_TABLE or name.startswith((FTS_TABLE + "_", INDEX_PREFIX))


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: leave the search objects out of comparison."""
    return not (type_ in ("table", "index") and is_search_object(name))
