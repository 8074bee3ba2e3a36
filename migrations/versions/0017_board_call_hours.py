"""the lead's board: an hourly roll-up of call figures, kept by triggers (issue 15).

Revision ID: 0017
Revises: 0016

Local only (callcenter/store/board_models.py): ``board_call_hours`` and three
triggers on ``call_sessions`` that take a row's old contribution out and put its
new one in; filled from the calls already in the store. A call counts while it
is not a tombstone. "On time" wrap-up is the call's own ``wrapup_over`` flag (the
desk judged it against its profile's target when it stored the summary).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
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


TRIGGERS = {
    "board_call_hours_insert": f"AFTER INSERT ON call_sessions BEGIN {upsert('NEW', '+')} END",
    "board_call_hours_update": f"AFTER UPDATE ON call_sessions BEGIN {upsert('OLD', '-')} "
                               f"{upsert('NEW', '+')} END",
    "board_call_hours_delete": f"AFTER DELETE ON call_sessions BEGIN {upsert('OLD', '-')} END",
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
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("board_call_hours")
