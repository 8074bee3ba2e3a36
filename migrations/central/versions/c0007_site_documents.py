"""central: site documents (the published site profile and calendar), reference data.

Revision ID: c0007
Revises: c0006

The table as desks at local revision 0013 have it (frozen below, printed by
``python -m callcenter.sync.central_schema site_documents``), registered as an
append table, and pulled by every desk (``sync.subset_sql``, below). Expand
only: older desks skip rows of a table they do not know, so ``min_desk_schema``
stays 7; ``schema_version`` becomes 7.

The SQL below is frozen: once shipped, it is never edited; a changed function
gets a new constant in a new revision (callcenter/sync/central_functions.py has
the rules and the current definitions).

``site_documents`` (the published site profile and calendar,
store/site_models.py) reaches every desk, like customers and outages: the
subset rules of c0002 (``sync.subset_sql``) with the table added to the
reference data, the rest unchanged. Both texts are derived from the frozen
SUBSET_SQL_V2, so they cannot drift from it.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_revisions import frozen_revision
from callcenter.sync.central_schema import create_table_sql

revision: str = "c0007"
down_revision: str | None = "c0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# earlier revisions' frozen SQL this one reuses
SUBSET_SQL_V2 = frozen_revision("c0002").SUBSET_SQL_V2

_REFERENCE_V2 = "'script_versions') THEN"


def _subset_sql_v2_only() -> str:
    """The ``sync.subset_sql`` definition of SUBSET_SQL_V2 (without team_desks)."""
    start = SUBSET_SQL_V2.index("CREATE FUNCTION sync.subset_sql(")
    end = SUBSET_SQL_V2.index("$$;", start) + len("$$;")
    return SUBSET_SQL_V2[start:end]


# c0002's rules as CREATE OR REPLACE (the downgrade)
SUBSET_SQL_V2_REPLACED = "CREATE OR REPLACE" + _subset_sql_v2_only()[len("CREATE"):]

assert _REFERENCE_V2 in SUBSET_SQL_V2_REPLACED
SUBSET_SQL_V6 = SUBSET_SQL_V2_REPLACED.replace(
    _REFERENCE_V2, "'script_versions', 'site_documents') THEN")

TABLES: dict[str, tuple[str, list[tuple[str, str, bool]]]] = {
    'site_documents': ('append', [
        ('kind', 'text', False),
        ('number', 'bigint', False),
        ('source', 'text', False),
        ('author', 'text', False),
        ('created_at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
}


def upgrade() -> None:
    for name, (mode, columns) in TABLES.items():
        op.execute(create_table_sql(name, mode, columns))
        op.execute(f"SELECT sync.register_table('{name}', '{mode}')")
    op.execute(SUBSET_SQL_V6)
    op.execute("UPDATE sync.meta SET schema_version = 7")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 6")
    op.execute(SUBSET_SQL_V2_REPLACED)
    op.execute("DELETE FROM sync.tables WHERE name = 'site_documents'")
    op.execute("DROP TABLE public.site_documents")
