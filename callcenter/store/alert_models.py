"""Alerts for a role (the shift lead first): rule 004 Q68 says a repeat complaint
that is not yet resolved is reported to the lead on duty at once.

An alert is its own synced row rather than a ticket event because it is
addressed to a role, not to a ticket's history, and it is acknowledged
(closed) by someone other than who raised it. ``ticket_id`` is optional so
later alert kinds need not be about a ticket.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SyncColumns


class Alert(SyncColumns, Base):
    __tablename__ = "alerts"
    kind: Mapped[str] = mapped_column(String(32))  # repeat_complaint | ...
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    message: Mapped[str] = mapped_column(Text)
    for_role: Mapped[str] = mapped_column(String(16), index=True)
    created_by: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(16))
