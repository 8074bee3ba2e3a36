"""central: the synced tables, the sync schema's bookkeeping and functions, grants.

Revision ID: c0001
Revises:

The table definitions below are frozen (printed by
``python -m callcenter.sync.central_schema`` from the models of local
revision 0007); later model changes get their own central migration.
``min_desk_schema`` 7 is the local revision that added the outbox (a desk's
schema number is its local Alembic head read as a number, "0007" -> 7): an
older desk has nothing to push with.

The downgrade leaves the cluster-wide group role ``callcenter_desk`` and the
desk login roles in place (other databases of the cluster may use them), and
does not give CREATE on schema public back to PUBLIC.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from callcenter.sync.central_schema import create_table_sql
from callcenter.sync.central_sql import BOOKKEEPING_V1, FUNCTIONS_V1, GRANTS_V1

revision: str = "c0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES: dict[str, tuple[str, list[tuple[str, str, bool]]]] = {
    'accounts': ('merge', [
        ('customer_id', 'uuid', False),
        ('account_no', 'text', False),
        ('meter_no', 'text', False),
        ('address', 'text', False),
        ('transformer_area', 'text', True),
        ('feeder', 'text', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'agent_shifts': ('merge', [
        ('agent_id', 'text', False),
        ('signed_in_at', 'timestamptz', False),
        ('signed_out_at', 'timestamptz', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'agent_state_events': ('append', [
        ('shift_id', 'uuid', False),
        ('state', 'text', False),
        ('reason', 'text', True),
        ('mono_ns', 'bigint', False),
        ('at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'alerts': ('merge', [
        ('kind', 'text', False),
        ('ticket_id', 'uuid', True),
        ('message', 'text', False),
        ('for_role', 'text', False),
        ('created_by', 'text', False),
        ('created_at', 'timestamptz', False),
        ('acknowledged_at', 'timestamptz', True),
        ('acknowledged_by', 'text', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'call_events': ('append', [
        ('call_id', 'uuid', False),
        ('seq', 'bigint', False),
        ('kind', 'text', False),
        ('mono_ns', 'bigint', True),
        ('at', 'timestamptz', False),
        ('data', 'jsonb', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'call_sessions': ('merge', [
        ('shift_id', 'uuid', True),
        ('agent_id', 'text', False),
        ('telephony_call_id', 'text', True),
        ('caller_number', 'text', False),
        ('started_at', 'timestamptz', False),
        ('outcome', 'text', False),
        ('ring_s', 'double precision', True),
        ('talk_s', 'double precision', True),
        ('hold_s', 'double precision', True),
        ('wrapup_s', 'double precision', True),
        ('hung_up_by', 'text', True),
        ('late_answer', 'boolean', False),
        ('talk_over', 'boolean', False),
        ('wrapup_over', 'boolean', False),
        ('backfilled', 'boolean', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'callback_attempts': ('append', [
        ('task_id', 'uuid', False),
        ('agent', 'text', False),
        ('at', 'timestamptz', False),
        ('result', 'text', False),
        ('satisfaction', 'text', True),
        ('note', 'text', False),
        ('retry_at', 'timestamptz', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'callback_tasks': ('merge', [
        ('ticket_id', 'uuid', False),
        ('reply_event_id', 'uuid', True),
        ('replied_at', 'timestamptz', False),
        ('due_at', 'timestamptz', False),
        ('assigned_to', 'text', True),
        ('assigned_by', 'text', True),
        ('taken_at', 'timestamptz', True),
        ('attempts', 'bigint', False),
        ('outcome', 'text', False),
        ('next_try_at', 'timestamptz', True),
        ('closed_at', 'timestamptz', True),
        ('created_at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'customers': ('merge', [
        ('name', 'text', False),
        ('phone', 'text', False),
        ('address', 'text', False),
        ('area_type', 'text', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'emergency_banners': ('merge', [
        ('message', 'text', False),
        ('script', 'text', False),
        ('raised_by', 'text', False),
        ('raised_at', 'timestamptz', False),
        ('cleared_at', 'timestamptz', True),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'outage_targets': ('merge', [
        ('outage_id', 'uuid', False),
        ('kind', 'text', False),
        ('value', 'text', False),
        ('key', 'text', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'outages': ('merge', [
        ('source_id', 'text', False),
        ('kind', 'text', False),
        ('cause', 'text', False),
        ('status', 'text', False),
        ('start_at', 'timestamptz', False),
        ('expected_restore_at', 'timestamptz', False),
        ('actual_restore_at', 'timestamptz', True),
        ('announced_at', 'timestamptz', True),
        ('short_notice', 'boolean', False),
        ('area', 'text', False),
        ('source', 'text', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'script_versions': ('append', [
        ('script_id', 'text', False),
        ('number', 'bigint', False),
        ('state', 'text', False),
        ('source', 'text', False),
        ('author', 'text', False),
        ('created_at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'ticket_events': ('append', [
        ('ticket_id', 'uuid', False),
        ('kind', 'text', False),
        ('actor', 'text', False),
        ('at', 'timestamptz', False),
        ('data', 'jsonb', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'ticket_outage_links': ('merge', [
        ('ticket_id', 'uuid', False),
        ('outage_id', 'uuid', False),
        ('mode', 'text', False),
        ('reason', 'text', True),
        ('agent_id', 'text', False),
        ('at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
    'tickets': ('merge', [
        ('number', 'text', False),
        ('call_id', 'uuid', True),
        ('category', 'text', False),
        ('content', 'text', False),
        ('caller_name', 'text', False),
        ('caller_phone', 'text', False),
        ('account_no', 'text', False),
        ('meter_no', 'text', False),
        ('address', 'text', False),
        ('area_type', 'text', False),
        ('priority', 'text', False),
        ('status', 'text', False),
        ('department', 'text', True),
        ('deadline_days', 'bigint', True),
        ('deadline_at', 'timestamptz', True),
        ('backfilled', 'boolean', False),
        ('call_time', 'timestamptz', True),
        ('created_by', 'text', False),
        ('created_at', 'timestamptz', False),
        ('id', 'uuid', False),
        ('version', 'bigint', False),
        ('updated_at', 'timestamptz', False),
        ('deleted_at', 'timestamptz', True),
        ('origin_workstation', 'text', False),
    ]),
}


def upgrade() -> None:
    op.execute(BOOKKEEPING_V1)
    op.execute("INSERT INTO sync.meta (schema_version, min_desk_schema) VALUES (1, 7)")
    for name, (mode, columns) in TABLES.items():
        op.execute(create_table_sql(name, mode, columns))
        op.execute(f"SELECT sync.register_table('{name}', '{mode}')")
    op.execute(FUNCTIONS_V1)
    op.execute(GRANTS_V1)


def downgrade() -> None:
    for name in reversed(list(TABLES)):
        op.execute(f"DROP TABLE public.{name}")
    op.execute("DROP SCHEMA sync CASCADE")
