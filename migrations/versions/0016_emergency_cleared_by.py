"""emergency banner: who cleared it (issue 12: only a shift lead clears it, and
every desk sees who did and when).

Revision ID: 0016
Revises: 0015

Expand only (a nullable column): banners cleared before it name nobody.
Synced: central gets the same column in central revision c0011.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("emergency_banners", sa.Column("cleared_by", sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE emergency_banners DROP COLUMN cleared_by")
