"""the lead's board: hourly roll-ups of calls and tickets, kept by triggers (issue 15).

Revision ID: 0019
Revises: 0018

Local only (callcenter/store/board_models.py): ``board_call_hours`` and three
triggers on ``call_sessions`` that take a row's old contribution out and put its
new one in; filled from the calls already in the store. A call counts while it
is not a tombstone. "On time" wrap-up is the call's own ``wrapup_over`` flag (the
desk judged it against its profile's target when it stored the summary).
``board_ticket_hours`` counts tickets by hour of creation, creator and category
the same way; and tickets get an index on (status, deadline_at).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("offered", "answered", "within_limit", "returned", "abandoned", "talk_n", "talk_sum_s",
           "hold_sum_s", "wrap_n", "wrap_sum_s", "wrap_on_time", "aht_n", "aht_sum_s")


def contribution(r: str) -> list[str]:
    """The values one call row (``NEW``/``OLD``/a table alias) adds, column by column."""
    live = f"{r}.deleted_at IS NULL"
    talk = f"{live} AND {r}.outcome = 'answered' AND {r}.talk_s IS NOT NULL"
    wrap = f"{live} AND {r}.wrapup_s IS NOT NULL"
    n = "CASE WHEN {} THEN 1 ELSE 0 END".format
    v = "CASE WHEN {} THEN {} ELSE 0.0 END".format
    return [
        n(f"{live} AND {r}.outcome IN ('answered', 'backfilled', 'missed', 'abandoned')"),
        n(f"{live} AND {r}.outcome IN ('answered', 'backfilled')"),
        n(f"{live} AND {r}.outcome = 'answered' AND NOT {r}.late_answer"),
        n(f"{live} AND {r}.outcome = 'missed'"),
        n(f"{live} AND {r}.outcome = 'abandoned'"),
        n(talk), v(talk, f"{r}.talk_s"), v(talk, f"coalesce({r}.hold_s, 0.0)"),
        n(wrap), v(wrap, f"{r}.wrapup_s"), n(f"{wrap} AND NOT {r}.wrapup_over"),
        n(f"{talk} AND {r}.wrapup_s IS NOT NULL"),
        v(f"{talk} AND {r}.wrapup_s IS NOT NULL", f"{r}.talk_s + {r}.wrapup_s"),
    ]


# the format SQLAlchemy stores datetimes in on SQLite, so a bound compares as it should
HOUR = "strftime('%Y-%m-%d %H:00:00.000000', {}.started_at)"


def upsert(r: str, sign: str) -> str:
    values = ", ".join(f"{sign}({e})" for e in contribution(r))
    sets = ", ".join(f"{c} = {c} + excluded.{c}" for c in COLUMNS)
    return (f"INSERT INTO board_call_hours (hour, agent_id, {', '.join(COLUMNS)}) "
            f"SELECT {HOUR.format(r)}, {r}.agent_id, {values} WHERE true "
            f"ON CONFLICT (hour, agent_id) DO UPDATE SET {sets};")


TICKET_HOUR = "strftime('%Y-%m-%d %H:00:00.000000', {}.created_at)"


def ticket_upsert(r: str, sign: str) -> str:
    return ("INSERT INTO board_ticket_hours (hour, created_by, category, tickets) "
            f"SELECT {TICKET_HOUR.format(r)}, {r}.created_by, {r}.category, "
            f"{sign}(CASE WHEN {r}.deleted_at IS NULL THEN 1 ELSE 0 END) WHERE true "
            "ON CONFLICT (hour, created_by, category) DO UPDATE SET "
            "tickets = tickets + excluded.tickets;")


TRIGGERS = {
    "board_call_hours_insert": f"AFTER INSERT ON call_sessions BEGIN {upsert('NEW', '+')} END",
    "board_call_hours_update": f"AFTER UPDATE ON call_sessions BEGIN {upsert('OLD', '-')} "
                               f"{upsert('NEW', '+')} END",
    "board_call_hours_delete": f"AFTER DELETE ON call_sessions BEGIN {upsert('OLD', '-')} END",
    "board_ticket_hours_insert": f"AFTER INSERT ON tickets BEGIN {ticket_upsert('NEW', '+')} END",
    "board_ticket_hours_update": "AFTER UPDATE OF created_at, created_by, category, deleted_at "
                                 f"ON tickets BEGIN {ticket_upsert('OLD', '-')} "
                                 f"{ticket_upsert('NEW', '+')} END",
    "board_ticket_hours_delete": f"AFTER DELETE ON tickets BEGIN {ticket_upsert('OLD', '-')} END",
}


def upgrade() -> None:
    cols = [sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
            sa.Column("agent_id", sa.String(length=16), nullable=False)]
    for c in COLUMNS:
        cols.append(sa.Column(c, sa.Float() if c.endswith("_s") else sa.Integer(), nullable=False))
    op.create_table("board_call_hours", *cols,
                    sa.PrimaryKeyConstraint("hour", "agent_id", name=op.f("pk_board_call_hours")))
    sums = ", ".join(f"sum({e})" for e in contribution("c"))
    op.execute(f"INSERT INTO board_call_hours (hour, agent_id, {', '.join(COLUMNS)}) "
               f"SELECT {HOUR.format('c')} AS h, c.agent_id, {sums} FROM call_sessions c "
               "GROUP BY h, c.agent_id")
    op.create_table(
        "board_ticket_hours",
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("tickets", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hour", "created_by", "category", name=op.f("pk_board_ticket_hours")))
    op.execute("INSERT INTO board_ticket_hours (hour, created_by, category, tickets) "
               f"SELECT {TICKET_HOUR.format('t')} AS h, t.created_by, t.category, "
               "sum(CASE WHEN t.deleted_at IS NULL THEN 1 ELSE 0 END) FROM tickets t "
               "GROUP BY h, t.created_by, t.category")
    op.create_index("ix_tickets_status_deadline_at", "tickets", ["status", "deadline_at"])
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_index("ix_tickets_status_deadline_at", table_name="tickets")
    op.drop_table("board_ticket_hours")
    op.drop_table("board_call_hours")
