"""central: shift handover records and entries, as desks at local revision 0017 have them.

Revision ID: c0013
Revises: c0012

Two new synced tables (frozen below, printed by ``python -m
callcenter.sync.central_schema handover_records handover_entries``):
``handover_records`` (merge; only its origin desk, the outgoing lead's, writes
it) and ``handover_entries`` (append). Expand only: older desks skip rows of a
table they do not know, so ``min_desk_schema`` stays as it is;
``schema_version`` becomes 13.

Who pulls them (``sync.subset_sql``): every desk all rows. The outgoing and the
incoming lead are on different desks, and an agent's desk shows the overdue
chase assigned to them and the events marked in their shift. Derived from
c0009's frozen SUBSET_SQL_V9 so it cannot drift from it. Both tables get
c0008's origin guard: a desk writes rows only in its own name.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_revisions import frozen_revision
from callcenter.sync.central_schema import create_table_sql

revision: str = "c0013"
down_revision: str | None = "c0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUBSET_SQL_V9 = frozen_revision("c0009").SUBSET_SQL_V9

_LAST_RULE = """    END IF;
    RETURN NULL;"""
assert SUBSET_SQL_V9.count(_LAST_RULE) == 1
_HANDOVER_RULE = """    ELSIF p_table IN ('handover_records', 'handover_entries') THEN
        -- the handover crosses desks: outgoing and incoming leads, and the agents of both shifts
        RETURN 'true';
    END IF;
    RETURN NULL;"""
SUBSET_SQL_V13 = SUBSET_SQL_V9.replace(_LAST_RULE, _HANDOVER_RULE)

TABLES: dict[str, tuple[str, list[tuple[str, str, bool]]]] = {
    'handover_records': ('merge', [
        ('shift_key', 'text', False),
        ('shift_name', 'text', False),
        ('shift_start', 'timestamptz', False),
        ('shift_end', 'timestamptz', False),
        ('outgoing_lead', 'text', False),
        ('status', 'text', False),
        ('compiled', 'jsonb', False),
        ('texts', 'jsonb', False),
        ('created_at', 'timestamptz', False),
        ('submitted_at', 'timestamptz', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'handover_entries': ('append', [
        ('shift_key', 'text', False),
        ('record_id', 'uuid', True),
        ('kind', 'text', False),
        ('author', 'text', False),
        ('at', 'timestamptz', False),
        ('ref_id', 'uuid', True),
        ('text', 'text', False),
        ('data', 'jsonb', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
}


def upgrade() -> None:
    for name, (mode, columns) in TABLES.items():
        op.execute(create_table_sql(name, mode, columns))
        op.execute(f"SELECT sync.register_table('{name}', '{mode}')")
        op.execute(f"SELECT sync.guard_origin_on('{name}')")  # c0008: rows only in the pusher's name
    op.execute("CREATE INDEX ix_handover_records_shift_start ON public.handover_records (shift_start)")
    op.execute("CREATE INDEX ix_handover_entries_record_id ON public.handover_entries (record_id)")
    op.execute(SUBSET_SQL_V13)
    op.execute("UPDATE sync.meta SET schema_version = 13")


def downgrade() -> None:
    op.execute("UPDATE sync.meta SET schema_version = 12")
    op.execute(SUBSET_SQL_V9)
    for name in reversed(list(TABLES)):
        op.execute(f"DELETE FROM sync.tables WHERE name = '{name}'")
        op.execute(f"DROP TABLE public.{name}")
