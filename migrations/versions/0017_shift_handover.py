"""shift handover: records and their entries (issue 13; synced).

Revision ID: 0017
Revises: 0016

Two new synced tables (store/handover_models.py): ``handover_records`` (merge,
written by its origin desk only) and ``handover_entries`` (append-only). Central
has them from central revision c0012.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SYNC = (
    ("id", sa.Uuid(), False),
    ("version", sa.Integer(), False),
    ("updated_at", callcenter.store.types.UTCDateTime(timezone=True), False),
    ("deleted_at", callcenter.store.types.UTCDateTime(timezone=True), True),
    ("origin_workstation", sa.String(length=32), False),
)


def _sync_columns() -> list[sa.Column[object]]:
    return [sa.Column(name, typ, nullable=null) for name, typ, null in _SYNC]


def upgrade() -> None:
    op.create_table(
        "handover_records",
        sa.Column("shift_key", sa.String(length=64), nullable=False),
        sa.Column("shift_name", sa.String(length=32), nullable=False),
        sa.Column("shift_start", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("shift_end", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("outgoing_lead", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("compiled", sa.JSON(), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("created_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_records")),
    )
    with op.batch_alter_table("handover_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handover_records_outgoing_lead"), ["outgoing_lead"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_handover_records_shift_key"), ["shift_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_handover_records_shift_start"), ["shift_start"],
                              unique=False)
    op.create_table(
        "handover_entries",
        sa.Column("shift_key", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("author", sa.String(length=16), nullable=False),
        sa.Column("at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ref_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_entries")),
    )
    with op.batch_alter_table("handover_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handover_entries_record_id"), ["record_id"], unique=False)
        batch_op.create_index("ix_handover_entries_shift_key_kind", ["shift_key", "kind"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("handover_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_handover_entries_shift_key_kind")
        batch_op.drop_index(batch_op.f("ix_handover_entries_record_id"))
    op.drop_table("handover_entries")
    with op.batch_alter_table("handover_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handover_records_shift_start"))
        batch_op.drop_index(batch_op.f("ix_handover_records_shift_key"))
        batch_op.drop_index(batch_op.f("ix_handover_records_outgoing_lead"))
    op.drop_table("handover_records")
