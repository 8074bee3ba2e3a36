"""duplicates and alerts: the ``alerts`` table (a synced row addressed to a role,
e.g. the shift lead told of a repeat complaint, rule 004 Q68) and an index that
lets the duplicate lookup find tickets at the same address in the last N days.

Revision ID: 0006
Revises: 0005

Why the address index is plain SQL named ``ix_search_*``: like the indexes of
0004 it serves one local read path (callcenter/services/tickets/duplicates.py) and is not
part of the synced schema, so it is kept out of autogenerate's comparison by
callcenter/store/search_schema.py's ``include_name``.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import callcenter.store.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADDRESS_INDEX = "ix_search_tickets_address_created_at"


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("for_role", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=16), nullable=False),
        sa.Column("created_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", callcenter.store.types.UTCDateTime(timezone=True),
                  nullable=True),
        sa.Column("acknowledged_by", sa.String(length=16), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", callcenter.store.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("origin_workstation", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_alerts_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alerts_for_role"), ["for_role"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_ticket_id"), ["ticket_id"], unique=False)
    op.execute(f"CREATE INDEX {ADDRESS_INDEX} ON tickets (address, created_at)")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {ADDRESS_INDEX}")
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alerts_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_alerts_for_role"))
    op.drop_table("alerts")
