"""Models of the shift handover (issue 13; rules section 5).

``handover_records`` holds one electronic handover record (交接班记录) per shift
slot and outgoing lead: the sections as compiled when it was last saved, the
lead's own text of every section, and whether it was submitted. Only the desk
that made it writes it (the outgoing lead's), and only before it is submitted,
so the merge table never conflicts.

``handover_entries`` is everything else, append-only and written by any desk:
events marked during a shift and their 1-hour reports, agent summaries, the
incoming lead's checks and questions, the confirmation, addenda, attendance,
the chase assignment and sign-out overrides (``kind``; ``HandoverEntryKind`` in
domain/handover/record.py). ``record_id`` names the record an entry is about
(none for events and summaries, which belong to the shift by ``shift_key``).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SyncColumns


class HandoverRecord(SyncColumns, Base):
    __tablename__ = "handover_records"
    shift_key: Mapped[str] = mapped_column(String(64), index=True)  # 2026-12-06/白班
    shift_name: Mapped[str] = mapped_column(String(32))
    shift_start: Mapped[datetime] = mapped_column(index=True)
    shift_end: Mapped[datetime]
    outgoing_lead: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16))  # draft | submitted
    compiled: Mapped[dict[str, Any]] = mapped_column(default=dict)  # section -> items
    texts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # section -> the lead's text
    created_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]


class HandoverEntry(SyncColumns, Base):
    """Append-only: one thing said or done about a shift's handover."""

    __tablename__ = "handover_entries"
    __table_args__ = (Index("ix_handover_entries_shift_key_kind", "shift_key", "kind"),)
    shift_key: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(24))
    author: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    ref_id: Mapped[uuid.UUID | None]  # the entry this one is about (a report of an event)
    text: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
