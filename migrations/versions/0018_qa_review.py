"""quality review (issue 14): samples, reviews and their steps.

Revision ID: 0018
Revises: 0017

New tables (store/qa_models.py): ``qa_samples`` is local-only (the seed and the
query are stored with each sample so it can be drawn again); ``qa_reviews``
(merge), ``qa_review_events`` (append-only) and ``qa_tasks`` (merge) are synced: central has them
from central revision c0014.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0018"
down_revision: str | None = "0017"
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
    op.create_table(
        "qa_reviews",
        sa.Column("call_id", sa.Uuid(), nullable=False),
        sa.Column("call_desk", sa.String(length=32), nullable=False),
        sa.Column("agent_id", sa.String(length=16), nullable=False),
        sa.Column("reviewer_id", sa.String(length=16), nullable=False),
        sa.Column("form_id", sa.String(length=40), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("pins", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("fatal", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("disputes", sa.Integer(), nullable=False),
        sa.Column("created_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("released_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("origin_workstation", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_reviews")),
    )
    with op.batch_alter_table("qa_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qa_reviews_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_qa_reviews_call_id"), ["call_id"], unique=False)
    op.create_table(
        "qa_review_events",
        sa.Column("review_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("origin_workstation", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["qa_reviews.id"],
                                name=op.f("fk_qa_review_events_review_id_qa_reviews")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_review_events")),
    )
    with op.batch_alter_table("qa_review_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qa_review_events_review_id"), ["review_id"], unique=False)
    op.create_table(
        "qa_tasks",
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("agent_id", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_by", sa.String(length=16), nullable=False),
        sa.Column("created_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("due_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("closed_by", sa.String(length=16), nullable=True),
        sa.Column("closed_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("origin_workstation", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_tasks")),
    )
    with op.batch_alter_table("qa_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qa_tasks_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_qa_tasks_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("qa_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qa_tasks_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_qa_tasks_agent_id"))
    op.drop_table("qa_tasks")
    with op.batch_alter_table("qa_review_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qa_review_events_review_id"))
    op.drop_table("qa_review_events")
    with op.batch_alter_table("qa_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qa_reviews_call_id"))
        batch_op.drop_index(batch_op.f("ix_qa_reviews_agent_id"))
    op.drop_table("qa_reviews")
    op.drop_table("qa_samples")
