"""central: desk kinds, per-desk pull subsets, tombstone expiry, conflict resolution.

Revision ID: c0002
Revises: c0001

* ``sync.desks.kind`` is checked (agent, lead, qa, department, admin);
* ``sync.visible`` gets the subset rules (``sync.subset_sql``) and ``sync.pull``
  applies them inline, in one merged scan of all tables, puts ``at`` into its
  cursors and answers ``resync`` to a cursor older than the prune horizon;
* ``sync.prune`` (admin only) hard-deletes old tombstones and applied op ids,
  with ``sync.meta.tombstone_retention``/``pruned_before`` and ``sync.xid_marks``;
* ``sync.resolve_conflict`` and ``sync.open_conflicts`` for desks.

``schema_version`` becomes 2; ``min_desk_schema`` stays 7 (an older desk that
ignores ``resync`` still gets an empty cursor back and pulls everything again).
The downgrade restores the c0001 text of ``sync.visible`` and ``sync.pull``.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_sql import (
    BOOKKEEPING_V2,
    BOOKKEEPING_V2_DOWN,
    CONFLICTS_V2,
    FUNCTIONS_V2_DOWN,
    GRANTS_V2,
    PRUNE_V2,
    PULL_V2,
    SUBSET_SQL_V2,
    VISIBLE_V2,
    replaced_v1,
)

revision: str = "c0002"
down_revision: str | None = "c0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(BOOKKEEPING_V2)
    op.execute(SUBSET_SQL_V2)
    op.execute(VISIBLE_V2)
    op.execute(PULL_V2)
    op.execute(PRUNE_V2)
    op.execute(CONFLICTS_V2)
    op.execute(GRANTS_V2)
    op.execute("UPDATE sync.meta SET schema_version = 2")


def downgrade() -> None:
    op.execute(replaced_v1("pull"))
    op.execute(replaced_v1("visible"))
    op.execute(FUNCTIONS_V2_DOWN)
    op.execute(BOOKKEEPING_V2_DOWN)
    op.execute("UPDATE sync.meta SET schema_version = 1")
