"""users and sign-in attempts (synced): password sign-in and the lock-out.

Revision ID: 0014
Revises: 0013

Two new synced tables (store/auth_models.py); central has them from central
revision c0008, reference data every desk pulls (a desk signs its users in
with the hashes it has while central is unreachable).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("origin_workstation", sa.String(length=32), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("user_id", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("team", sa.String(length=32), nullable=True),
        sa.Column("department", sa.String(length=32), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("password_set_at", callcenter.store.types.UTCDateTime(timezone=True),
                  nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("user_id", name=op.f("uq_users_user_id")),
    )
    op.create_table(
        "sign_in_attempts",
        sa.Column("user_id", sa.String(length=16), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_attempts")),
    )
    op.create_index(op.f("ix_sign_in_attempts_user_id"), "sign_in_attempts", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sign_in_attempts_user_id"), table_name="sign_in_attempts")
    op.drop_table("sign_in_attempts")
    op.drop_table("users")
