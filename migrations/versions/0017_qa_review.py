"""quality review: the samples a QA reviewer draws (issue 14).

Revision ID: 0017
Revises: 0016

A new local-only table (store/qa_models.py): the seed and the query are stored
with each sample so it can be drawn again.
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


def upgrade() -> None:
    op.create_table(
        "qa_samples",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=16), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("query", sa.JSON(), nullable=False),
        sa.Column("calls", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_samples")),
    )


def downgrade() -> None:
    op.drop_table("qa_samples")
