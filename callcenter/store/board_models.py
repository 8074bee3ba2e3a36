"""Local only: the board's hourly roll-up of call figures (migration 0017).

One row per UTC hour and agent with the counts and sums the board's figures are
made of (domain/board/figures.py ``CallTotals``), kept by SQLite triggers on
``call_sessions`` (insert, update, delete: a row's old contribution is taken
out and its new one put in), so rows the desk writes and rows a pull applies
are both counted, in the same transaction. A month of a million calls is then
720 hours x the agents to add up instead of a million rows. Central has no
roll-up: the board's queries fall back to the calls there (services/board).
``board_ticket_hours`` does the same for tickets by creator and category, and an
index on tickets (status, deadline_at) finds the open tickets near or past
their deadline without reading the closed ones. Migration 0020 makes the board's
reads covered by indexes: each roll-up by hour with its sums, and tickets by
(status, deadline_at, deleted_at, created_by), which replaces that index.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, Ticket


class BoardCallHour(Base):
    __tablename__ = "board_call_hours"
    hour: Mapped[datetime] = mapped_column(primary_key=True)  # UTC start of the hour
    agent_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    offered: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    within_limit: Mapped[int] = mapped_column(Integer, default=0)
    returned: Mapped[int] = mapped_column(Integer, default=0)
    abandoned: Mapped[int] = mapped_column(Integer, default=0)
    talk_n: Mapped[int] = mapped_column(Integer, default=0)
    talk_sum_s: Mapped[float] = mapped_column(Float, default=0.0)
    hold_sum_s: Mapped[float] = mapped_column(Float, default=0.0)
    wrap_n: Mapped[int] = mapped_column(Integer, default=0)
    wrap_sum_s: Mapped[float] = mapped_column(Float, default=0.0)
    wrap_on_time: Mapped[int] = mapped_column(Integer, default=0)
    aht_n: Mapped[int] = mapped_column(Integer, default=0)
    aht_sum_s: Mapped[float] = mapped_column(Float, default=0.0)


class BoardTicketHour(Base):
    __tablename__ = "board_ticket_hours"
    hour: Mapped[datetime] = mapped_column(primary_key=True)  # UTC start of the hour of creation
    created_by: Mapped[str] = mapped_column(String(16), primary_key=True)
    category: Mapped[str] = mapped_column(String(24), primary_key=True)
    tickets: Mapped[int] = mapped_column(Integer, default=0)


Index("ix_board_call_hours_cover", BoardCallHour.hour, BoardCallHour.agent_id,
      *(getattr(BoardCallHour, c) for c in ("offered", "answered", "within_limit", "returned",
                                            "abandoned", "talk_n", "talk_sum_s", "hold_sum_s",
                                            "wrap_n", "wrap_sum_s", "wrap_on_time", "aht_n",
                                            "aht_sum_s")))
Index("ix_board_ticket_hours_cover", BoardTicketHour.hour, BoardTicketHour.category,
      BoardTicketHour.created_by, BoardTicketHour.tickets)
Index("ix_tickets_status_deadline_cover", Ticket.status, Ticket.deadline_at, Ticket.deleted_at,
      Ticket.created_by)
