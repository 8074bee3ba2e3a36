"""central: site documents (the published site profile and calendar), reference data.

Revision ID: c0007
Revises: c0006

The table as desks at local revision 0013 have it (frozen below, printed by
``python -m callcenter.sync.central_schema site_documents``), registered as an
append table, and pulled by every desk (``sync.subset_sql`` of
central_sql_v6.py). Expand only: older desks skip rows of a table they do not
know, so ``min_desk_schema`` stays 7; ``schema_version`` becomes 7.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_schema import create_table_sql
from callcenter.sync.central_sql import SUBSET_SQL_V2_REPLACED, SUBSET_SQL_V6

revision: str = "c0007"
down_revision: str | None = "c0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

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
