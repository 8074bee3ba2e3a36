"""callbacks: the callback queue (回访) — one task per department reply that
needs a callback, and the append-only attempts made on it.

Revision ID: 0005
Revises: 0004

Written from callcenter/store/callback_models.py and checked by
tests/store/test_migrations.py (no autogenerate diff). Batch mode for SQLite;
every constraint named.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('deleted_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('origin_workstation', sa.String(length=32), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('callback_tasks',
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('reply_event_id', sa.Uuid(), nullable=True),
    sa.Column('replied_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('assigned_to', sa.String(length=16), nullable=True),
    sa.Column('assigned_by', sa.String(length=16), nullable=True),
    sa.Column('taken_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=24), nullable=False),
    sa.Column('next_try_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    *_sync_columns(),
    sa.ForeignKeyConstraint(['reply_event_id'], ['ticket_events.id'],
                            name=op.f('fk_callback_tasks_reply_event_id_ticket_events')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_callback_tasks_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_callback_tasks')),
    sa.UniqueConstraint('reply_event_id', name=op.f('uq_callback_tasks_reply_event_id'))
    )
    with op.batch_alter_table('callback_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_callback_tasks_assigned_to'), ['assigned_to'], unique=False)
        batch_op.create_index('ix_callback_tasks_outcome_due_at', ['outcome', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_callback_tasks_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('callback_attempts',
    sa.Column('task_id', sa.Uuid(), nullable=False),
    sa.Column('agent', sa.String(length=16), nullable=False),
    sa.Column('at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('satisfaction', sa.String(length=16), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('retry_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    *_sync_columns(),
    sa.ForeignKeyConstraint(['task_id'], ['callback_tasks.id'],
                            name=op.f('fk_callback_attempts_task_id_callback_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_callback_attempts'))
    )
    with op.batch_alter_table('callback_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_callback_attempts_task_id'), ['task_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('callback_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_callback_attempts_task_id'))

    op.drop_table('callback_attempts')
    with op.batch_alter_table('callback_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_callback_tasks_ticket_id'))
        batch_op.drop_index('ix_callback_tasks_outcome_due_at')
        batch_op.drop_index(batch_op.f('ix_callback_tasks_assigned_to'))

    op.drop_table('callback_tasks')
