"""outage address keys rebuilt with the current address normalisation.

Revision ID: 0012
Revises: 0011

Data only, local only: the lookup keys of outage targets stored before the
Chinese-numeral rule (三栋 = 3栋, issue 5) were computed the old way, so a
caller's address written one way missed a scope stored the other way. This
rebuilds every target's key and address-key rows as the app now computes them
(``outage_store.refresh_lookup_keys``; nothing is queued for sync). The next
change of the normalisation adds a revision like this one. Downgrade keeps the
rebuilt keys (the old ones were wrong).
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy.orm import Session

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from callcenter.services.outages.records import refresh_lookup_keys

    refresh_lookup_keys(Session(bind=op.get_bind()))


def downgrade() -> None:
    pass
