"""audit log: each desk's security-relevant actions, hash-chained (synced).

Revision ID: 0015
Revises: 0014

A new synced, append-only table (store/audit_models.py); central has it from
central revision c0009, which checks each desk's chain as rows arrive.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("desk", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("origin_workstation", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_desk_seq", ["desk", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_desk_seq")
    op.drop_table("audit_log")
