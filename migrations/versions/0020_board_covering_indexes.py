"""the lead's board: covering indexes for its reads (issue 15, speed).

Revision ID: 0020
Revises: 0019

Local only. The board reads a month as ~43,000 rows of ``board_call_hours`` and
of ``board_ticket_hours``, and counts the open tickets overdue or near their
deadline; each of these is answered from an index alone (no table row is read):
- ``board_call_hours`` (hour, agent_id, every sum): the month's hours in order,
  the agent filter and the sums in the index;
- ``board_ticket_hours`` (hour, category, created_by, tickets): grouped by hour
  and category in index order (no temporary B-tree for the GROUP BY);
- tickets (status, deadline_at, deleted_at, created_by) replaces 0019's
  (status, deadline_at): the overdue and near-deadline counts no longer read
  each open ticket's row to check it is not a tombstone or whose it is.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CALL_SUMS = ["offered", "answered", "within_limit", "returned", "abandoned", "talk_n",
             "talk_sum_s", "hold_sum_s", "wrap_n", "wrap_sum_s", "wrap_on_time", "aht_n",
             "aht_sum_s"]


def upgrade() -> None:
    op.create_index("ix_board_call_hours_cover", "board_call_hours",
                    ["hour", "agent_id", *CALL_SUMS])
    op.create_index("ix_board_ticket_hours_cover", "board_ticket_hours",
                    ["hour", "category", "created_by", "tickets"])
    op.drop_index("ix_tickets_status_deadline_at", table_name="tickets")
    op.create_index("ix_tickets_status_deadline_cover", "tickets",
                    ["status", "deadline_at", "deleted_at", "created_by"])


def downgrade() -> None:
    op.drop_index("ix_tickets_status_deadline_cover", table_name="tickets")
    op.create_index("ix_tickets_status_deadline_at", "tickets", ["status", "deadline_at"])
    op.drop_index("ix_board_ticket_hours_cover", table_name="board_ticket_hours")
    op.drop_index("ix_board_call_hours_cover", table_name="board_call_hours")
