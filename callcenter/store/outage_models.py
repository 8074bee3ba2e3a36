"""Models of the outage feature.

``outages`` and ``outage_targets`` (what an outage covers: feeders, transformer
areas, account numbers, address scopes) are synced tables; an import updates
them by the dispatch source id, tombstoning targets that left a record.
``ticket_outage_links`` records that a fault-repair ticket was linked to an
outage instead of dispatched (or dispatched anyway, with the agent's reason).
``emergency_banners`` holds a shift lead's large-outage notice (004 Q70).

``outage_address_keys`` is a local, derived index (like an FTS table, but a
plain table so Alembic can compare it): one row per address component of each
address scope, so "which scopes mention 幸福路 or 12号?" is an index lookup.
It is rebuilt from the targets and never synced.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SyncColumns


class Outage(SyncColumns, Base):
    __tablename__ = "outages"
    source_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    cause: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    start_at: Mapped[datetime] = mapped_column(index=True)
    expected_restore_at: Mapped[datetime]
    actual_restore_at: Mapped[datetime | None] = mapped_column(index=True)
    announced_at: Mapped[datetime | None]
    short_notice: Mapped[bool] = mapped_column(Boolean, default=False)
    area: Mapped[str] = mapped_column(Text)  # the affected area as dispatch wrote it
    source: Mapped[str] = mapped_column(String(200))


class OutageTarget(SyncColumns, Base):
    """One thing an outage covers; ``key`` is the normalised value looked up."""

    __tablename__ = "outage_targets"
    __table_args__ = (Index("ix_outage_targets_kind_key", "kind", "key"),)
    outage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("outages.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # feeder, transformer_area, account, address
    value: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))


class OutageAddressKey(Base):
    """Local only: address components of live address targets (see module doc)."""

    __tablename__ = "outage_address_keys"
    target_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("outage_targets.id", ondelete="CASCADE"), primary_key=True)
    pos: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(100), index=True)


class TicketOutageLink(SyncColumns, Base):
    __tablename__ = "ticket_outage_links"
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), unique=True)
    outage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("outages.id"), index=True)
    mode: Mapped[str] = mapped_column(String(16))  # linked | override (dispatched anyway)
    reason: Mapped[str | None] = mapped_column(Text)
    agent_id: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]


class EmergencyBanner(SyncColumns, Base):
    __tablename__ = "emergency_banners"
    message: Mapped[str] = mapped_column(Text)
    script: Mapped[str] = mapped_column(Text)
    raised_by: Mapped[str] = mapped_column(String(16))
    raised_at: Mapped[datetime] = mapped_column(index=True)
    cleared_at: Mapped[datetime | None]
    cleared_by: Mapped[str | None] = mapped_column(String(16))  # the lead who cleared it
