"""central: a faster sync.push, same answers and effects.

Revision ID: c0003
Revises: c0002

``sync.push`` reads the payload in place instead of re-sorting it, groups its
fast path by key set without listing every op's keys, inserts new rows with
the new ``sync.insert_new_rows`` (one INSERT per table and key set over each
op's own ``fields``), skips the per-op loop when that applied everything, and
builds a first application's answer without reading it back;
``sync.check_columns`` resolves the table once per call (central_sql.py,
"c0003").

``schema_version`` becomes 3; ``min_desk_schema`` stays 7 (the contract is
unchanged). The downgrade restores the c0001 text of ``sync.push`` and
``sync.check_columns`` and drops ``sync.insert_new_rows``.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_sql import (
    CHECK_COLUMNS_V3,
    FUNCTIONS_V3_DOWN,
    GRANTS_V3,
    INSERT_NEW_ROWS_V3,
    PUSH_V3,
    replaced_v1,
)

revision: str = "c0003"
down_revision: str | None = "c0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(CHECK_COLUMNS_V3)
    op.execute(INSERT_NEW_ROWS_V3)
    op.execute(PUSH_V3)
    op.execute(GRANTS_V3)
    op.execute("UPDATE sync.meta SET schema_version = 3")


def downgrade() -> None:
    op.execute(replaced_v1("push"))
    op.execute(replaced_v1("check_columns"))
    op.execute(FUNCTIONS_V3_DOWN)
    op.execute("UPDATE sync.meta SET schema_version = 2")
