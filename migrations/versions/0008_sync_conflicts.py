"""sync conflicts: what sync could not merge on its own, kept locally until the
user resolves it (``sync_conflicts``, local only; issue 6).

Revision ID: 0008
Revises: 0007

Written from callcenter/store/sync_models.py and checked by
tests/store/test_migrations.py (no autogenerate diff).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("op_id", sa.Uuid(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("local_values", sa.JSON(), nullable=False),
        sa.Column("central_values", sa.JSON(), nullable=False),
        sa.Column("central_version", sa.Integer(), nullable=True),
        sa.Column("detected_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("resolved_by", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflicts_resolved_at_detected_at",
                              ["resolved_at", "detected_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflicts_row_id"), ["row_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_row_id"))
        batch_op.drop_index("ix_sync_conflicts_resolved_at_detected_at")
    op.drop_table("sync_conflicts")
