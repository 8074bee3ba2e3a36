"""central: emergency_banners.cleared_by, as desks at local revision 0016 have it.

Revision ID: c0011
Revises: c0010

Expand only: a nullable column. Desks that do not know it yet push banners
without it (central keeps NULL) and ignore it when they pull (pull_apply only
writes the columns the desk has), so ``min_desk_schema`` stays as it is;
``schema_version`` becomes 11. No function changes.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0011"
down_revision: str | None = "c0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE public.emergency_banners ADD COLUMN cleared_by text")
    op.execute("UPDATE sync.meta SET schema_version = 11")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 10")
    op.execute("ALTER TABLE public.emergency_banners DROP COLUMN cleared_by")
