"""site documents: published versions of the site profile and calendar (synced).

Revision ID: 0013
Revises: 0012

A new synced, append-only table (store/site_models.py); central has it from
central revision c0007, reference data every desk pulls.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "site_documents",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=16), nullable=False),
        sa.Column("created_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("origin_workstation", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_documents")),
        sa.UniqueConstraint("kind", "number", name="uq_site_documents_kind_number"),
    )


def downgrade() -> None:
    op.drop_table("site_documents")
