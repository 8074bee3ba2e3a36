"""central: a faster sync.pull (json, not jsonb), sync.pull_rows (rows in a desk's
stored form) and sync.push_rows (new rows, grouped by the desk).

Revision ID: c0005
Revises: c0004

``sync.pull`` renders its page with ``to_json``/``json_build_object``, only
the rows it returns (by ctid, after the merged scan), and returns ``json``
(central_sql_v4.py says why). Changing the return type takes
a DROP and a CREATE, and the grant to the desks' group again; desks of every
supported schema read the answer as before, so ``min_desk_schema`` stays 7.
``sync.pull_rows`` is a new entry point for desks (granted to their group):
the same pull, each row an array of its values as a desk stores them.
``sync.push_rows`` is a new entry point for desks (granted to their group):
a batch of nothing but inserts, grouped by table and key set, applied all or
nothing, with ``sync.push`` unchanged for every other batch and for desks
that do not know push_rows. ``schema_version`` becomes 5 (a desk uses
push_rows and pull_rows from 5 on). The downgrade drops both and restores
c0002's ``sync.pull`` (jsonb) with its grant.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_sql import (
    GRANTS_PULL_ROWS_V4,
    GRANTS_PULL_V4,
    GRANTS_PUSH_ROWS_V4,
    GROUP_ROLE,
    PULL_ROWS_V4,
    PULL_ROWS_V4_DOWN,
    PULL_V2,
    PULL_V4,
    PULL_V4_DOWN,
    PUSH_ROWS_V4,
    PUSH_ROWS_V4_DOWN,
)

revision: str = "c0005"
down_revision: str | None = "c0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(PULL_V4_DOWN)  # the return type changes: drop, then create
    op.execute(PULL_V4)
    op.execute(GRANTS_PULL_V4)
    op.execute(PULL_ROWS_V4)
    op.execute(GRANTS_PULL_ROWS_V4)
    op.execute(PUSH_ROWS_V4)
    op.execute(GRANTS_PUSH_ROWS_V4)
    op.execute("UPDATE sync.meta SET schema_version = 5")


def downgrade() -> None:
    op.execute(PUSH_ROWS_V4_DOWN)
    op.execute(PULL_ROWS_V4_DOWN)
    op.execute(PULL_V4_DOWN)
    op.execute(PULL_V2)
    op.execute(f"REVOKE ALL ON FUNCTION sync.pull(text, jsonb, integer) FROM PUBLIC; "
               f"GRANT EXECUTE ON FUNCTION sync.pull(text, jsonb, integer) TO {GROUP_ROLE};")
    op.execute("UPDATE sync.meta SET schema_version = 4")
