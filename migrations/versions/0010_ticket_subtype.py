"""ticket subtype: the sub-type (业务子类) an agent picks for categories that
have them; deadlines may differ per sub-type (site profile).

Revision ID: 0010
Revises: 0009

Expand only (a nullable column): tickets saved before it have none. Synced:
central gets the same column in central revision c0004.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, not batch mode: a batch copy of ``tickets`` would drop the
# full-text triggers and search indexes made in plain SQL (search_schema.py);
# SQLite adds and (since 3.35) drops an unreferenced column in place.
def upgrade() -> None:
    op.add_column("tickets", sa.Column("subtype", sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE tickets DROP COLUMN subtype")
