"""sync_resync_seen: the rows a full re-sync has received so far.

Revision ID: 0011
Revises: 0010

Local only (never synced): when a re-sync catches up, local rows central did
not send (their tombstones were pruned on central while the desk was away)
are retired (callcenter/sync/resync.py).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_resync_seen",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_resync_seen")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("sync_resync_seen")
