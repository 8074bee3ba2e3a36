"""central: tickets fetched on demand, and a dispatched ticket's children re-sent.

Revision ID: c0006
Revises: c0005

Adds ``sync.fetch_caller`` (granted to desks) with its helper
``sync.ticket_rows``, the trigger that re-stamps a ticket's children when its
department changes, and the indexes both need (central_sql_v5.py).
``schema_version`` becomes 6; ``min_desk_schema`` stays 7 (desks that do not
fetch lose nothing). The downgrade drops them.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_sql import (
    FETCH_CALLER_V5,
    FETCH_INDEXES_V5,
    FETCH_INDEXES_V5_DOWN,
    FUNCTIONS_V5_DOWN,
    GRANTS_V5,
    RESTAMP_V5,
    TICKET_ROWS_V5,
)

revision: str = "c0006"
down_revision: str | None = "c0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(FETCH_INDEXES_V5)
    op.execute(TICKET_ROWS_V5)
    op.execute(FETCH_CALLER_V5)
    op.execute(RESTAMP_V5)
    op.execute(GRANTS_V5)
    op.execute("UPDATE sync.meta SET schema_version = 6")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 5")
    op.execute(FUNCTIONS_V5_DOWN)
    op.execute(FETCH_INDEXES_V5_DOWN)
