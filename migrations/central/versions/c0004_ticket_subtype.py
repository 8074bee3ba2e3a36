"""central: tickets.subtype (业务子类), as desks at local revision 0010 have it.

Revision ID: c0004
Revises: c0003

Expand only: a nullable column. Desks that do not know it yet push tickets
without it (central keeps NULL) and ignore it when they pull (pull_apply only
writes the columns the desk has), so ``min_desk_schema`` stays as it is;
``schema_version`` becomes 4.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "c0004"
down_revision: str | None = "c0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE public.tickets ADD COLUMN subtype text")
    op.execute("UPDATE sync.meta SET schema_version = 4")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 3")
    op.execute("ALTER TABLE public.tickets DROP COLUMN subtype")
