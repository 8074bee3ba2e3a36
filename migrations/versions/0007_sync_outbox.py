"""sync outbox: the local transactional outbox (``sync_outbox``) and the desk's
sync state (``sync_state``), both local only (issue 6).

Revision ID: 0007
Revises: 0006

Written from callcenter/store/sync_models.py and checked by
tests/store/test_migrations.py (no autogenerate diff). Batch mode for SQLite;
every constraint named. ``sync_outbox.seq`` is AUTOINCREMENT so a pruned seq is
never handed out again (it is the push order).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.Uuid(), nullable=False),
        sa.Column("tx_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("pushed_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_outbox_op_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_sync_outbox_pushed_at_seq", ["pushed_at", "seq"], unique=False)
        batch_op.create_index("ix_sync_outbox_row_id_pushed_at", ["row_id", "pushed_at"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_sync_outbox_tx_id"), ["tx_id"], unique=False)

    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    op.drop_table("sync_state")
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_outbox_tx_id"))
        batch_op.drop_index("ix_sync_outbox_row_id_pushed_at")
        batch_op.drop_index("ix_sync_outbox_pushed_at_seq")
    op.drop_table("sync_outbox")
