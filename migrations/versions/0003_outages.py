"""outages: outage records and what they cover, the address-key index, ticket links,
emergency banners; the grid position (transformer area, feeder) of accounts.

Revision ID: 0003
Revises: 0002

Written from the models and checked by tests/store/test_migrations.py (no
autogenerate diff). Batch mode for SQLite; every constraint named.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('emergency_banners',
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('script', sa.Text(), nullable=False),
    sa.Column('raised_by', sa.String(length=16), nullable=False),
    sa.Column('raised_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('cleared_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('origin_workstation', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_banners'))
    )
    with op.batch_alter_table('emergency_banners', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_banners_raised_at'), ['raised_at'], unique=False)

    op.create_table('outages',
    sa.Column('source_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('cause', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('start_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expected_restore_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actual_restore_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('announced_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('short_notice', sa.Boolean(), nullable=False),
    sa.Column('area', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('origin_workstation', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outages')),
    sa.UniqueConstraint('source_id', name=op.f('uq_outages_source_id'))
    )
    with op.batch_alter_table('outages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outages_actual_restore_at'), ['actual_restore_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outages_start_at'), ['start_at'], unique=False)

    op.create_table('outage_targets',
    sa.Column('outage_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('origin_workstation', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['outage_id'], ['outages.id'], name=op.f('fk_outage_targets_outage_id_outages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outage_targets'))
    )
    with op.batch_alter_table('outage_targets', schema=None) as batch_op:
        batch_op.create_index('ix_outage_targets_kind_key', ['kind', 'key'], unique=False)
        batch_op.create_index(batch_op.f('ix_outage_targets_outage_id'), ['outage_id'], unique=False)

    op.create_table('outage_address_keys',
    sa.Column('target_id', sa.Uuid(), nullable=False),
    sa.Column('pos', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['target_id'], ['outage_targets.id'], name=op.f('fk_outage_address_keys_target_id_outage_targets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('target_id', 'pos', name=op.f('pk_outage_address_keys'))
    )
    with op.batch_alter_table('outage_address_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outage_address_keys_key'), ['key'], unique=False)

    op.create_table('ticket_outage_links',
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('outage_id', sa.Uuid(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('agent_id', sa.String(length=16), nullable=False),
    sa.Column('at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('origin_workstation', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['outage_id'], ['outages.id'], name=op.f('fk_ticket_outage_links_outage_id_outages')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_ticket_outage_links_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_outage_links')),
    sa.UniqueConstraint('ticket_id', name=op.f('uq_ticket_outage_links_ticket_id'))
    )
    with op.batch_alter_table('ticket_outage_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_outage_links_outage_id'), ['outage_id'], unique=False)

    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('transformer_area', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('feeder', sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f('ix_accounts_feeder'), ['feeder'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_transformer_area'), ['transformer_area'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_transformer_area'))
        batch_op.drop_index(batch_op.f('ix_accounts_feeder'))
        batch_op.drop_column('feeder')
        batch_op.drop_column('transformer_area')

    with op.batch_alter_table('ticket_outage_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_outage_links_outage_id'))

    op.drop_table('ticket_outage_links')
    with op.batch_alter_table('outage_address_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outage_address_keys_key'))

    op.drop_table('outage_address_keys')
    with op.batch_alter_table('outage_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outage_targets_outage_id'))
        batch_op.drop_index('ix_outage_targets_kind_key')

    op.drop_table('outage_targets')
    with op.batch_alter_table('outages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outages_start_at'))
        batch_op.drop_index(batch_op.f('ix_outages_actual_restore_at'))

    op.drop_table('outages')
    with op.batch_alter_table('emergency_banners', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_banners_raised_at'))

    op.drop_table('emergency_banners')
