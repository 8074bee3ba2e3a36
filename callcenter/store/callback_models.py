"""Models of the callback queue (回访): one task per department reply that needs
a callback, and the append-only attempts made on it.

A task is keyed by the reply it follows up (``reply_event_id``, unique), so
putting replied tickets in the queue is idempotent, and a ticket that was
reopened ("not satisfied") and replied again gets a new task of its own.
``reply_event_id`` is empty only for replied tickets that have no reply event
(imported or bench data); the service keeps those to one task per ticket.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SyncColumns

# task outcomes; only "pending" is still in the queue
PENDING = "pending"
REACHED_SATISFIED = "reached_satisfied"
REACHED_NOT_SATISFIED = "reached_not_satisfied"
UNREACHABLE = "unreachable"


class CallbackTask(SyncColumns, Base):
    """One callback to make. ``due_at`` is when it should be done by; after an
    attempt that did not reach the customer, ``next_try_at`` is the agreed retry."""

    __tablename__ = "callback_tasks"
    __table_args__ = (Index("ix_callback_tasks_outcome_due_at", "outcome", "due_at"),)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), index=True)
    reply_event_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("ticket_events.id"), unique=True)
    replied_at: Mapped[datetime]
    due_at: Mapped[datetime]
    assigned_to: Mapped[str | None] = mapped_column(String(16), index=True)
    assigned_by: Mapped[str | None] = mapped_column(String(16))
    taken_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(24), default=PENDING)
    next_try_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class CallbackAttempt(SyncColumns, Base):
    """Append-only: one outbound call made for a task, reached or not."""

    __tablename__ = "callback_attempts"
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("callback_tasks.id"), index=True)
    agent: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    result: Mapped[str] = mapped_column(String(16))  # reached | not_reached
    satisfaction: Mapped[str | None] = mapped_column(String(16))  # satisfied | not_satisfied
    note: Mapped[str] = mapped_column(Text, default="")
    retry_at: Mapped[datetime | None]
