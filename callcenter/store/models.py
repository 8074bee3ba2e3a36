"""Typed SQLAlchemy models of the local store.

Every table that will sync carries ``SyncColumns``: a UUIDv7 id, a version,
updated_at, a deleted_at tombstone and the origin workstation (see the Sync
section of the architecture page). Event tables are append-only.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .ids import new_id
from .types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class SyncColumns:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]
    origin_workstation: Mapped[str] = mapped_column(String(32))


class Customer(SyncColumns, Base):
    __tablename__ = "customers"
    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(30), index=True)
    address: Mapped[str] = mapped_column(String(200))
    area_type: Mapped[str] = mapped_column(String(16))
    accounts: Mapped[list[Account]] = relationship(back_populates="customer")


class Account(SyncColumns, Base):
    __tablename__ = "accounts"
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    account_no: Mapped[str] = mapped_column(String(20), unique=True)
    meter_no: Mapped[str] = mapped_column(String(30))
    address: Mapped[str] = mapped_column(String(200))
    # the grid position, so an outage by 台区/线路 finds the account (added by 0003)
    transformer_area: Mapped[str | None] = mapped_column(String(40), index=True)
    feeder: Mapped[str | None] = mapped_column(String(40), index=True)
    customer: Mapped[Customer] = relationship(back_populates="accounts")


class AgentShift(SyncColumns, Base):
    """One sign-in to sign-out span of an agent at this desk."""

    __tablename__ = "agent_shifts"
    agent_id: Mapped[str] = mapped_column(String(16), index=True)
    signed_in_at: Mapped[datetime]
    signed_out_at: Mapped[datetime | None]


class AgentStateEvent(SyncColumns, Base):
    """Append-only: every softphone state change (sign in/out, ready, busy + reason)."""

    __tablename__ = "agent_state_events"
    shift_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agent_shifts.id"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(32))
    mono_ns: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime]


class CallSession(SyncColumns, Base):
    """One call at this desk; the SLA columns are derived from its events."""

    __tablename__ = "call_sessions"
    shift_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agent_shifts.id"), index=True)
    agent_id: Mapped[str] = mapped_column(String(16), index=True)
    telephony_call_id: Mapped[str | None] = mapped_column(String(64))
    caller_number: Mapped[str] = mapped_column(String(30), index=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    ring_s: Mapped[float | None]
    talk_s: Mapped[float | None]
    hold_s: Mapped[float | None]
    wrapup_s: Mapped[float | None]
    hung_up_by: Mapped[str | None] = mapped_column(String(16))
    late_answer: Mapped[bool] = mapped_column(Boolean, default=False)
    talk_over: Mapped[bool] = mapped_column(Boolean, default=False)
    wrapup_over: Mapped[bool] = mapped_column(Boolean, default=False)
    backfilled: Mapped[bool] = mapped_column(Boolean, default=False)
    events: Mapped[list[CallEventRow]] = relationship(
        back_populates="call", order_by="CallEventRow.seq"
    )


class CallEventRow(SyncColumns, Base):
    """Append-only call event: monotonic offset for durations, UTC for the record."""

    __tablename__ = "call_events"
    __table_args__ = (UniqueConstraint("call_id", "seq", name="uq_call_events_call_id_seq"),)
    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call_sessions.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    mono_ns: Mapped[int | None] = mapped_column(BigInteger)
    at: Mapped[datetime]
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    call: Mapped[CallSession] = relationship(back_populates="events")


class Ticket(SyncColumns, Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_caller_phone_created_at", "caller_phone", "created_at"),
        Index("ix_tickets_account_no_created_at", "account_no", "created_at"),
    )
    number: Mapped[str] = mapped_column(String(40), unique=True)
    call_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("call_sessions.id"), index=True)
    category: Mapped[str] = mapped_column(String(24))
    content: Mapped[str] = mapped_column(Text)
    caller_name: Mapped[str] = mapped_column(String(50))
    caller_phone: Mapped[str] = mapped_column(String(30))
    account_no: Mapped[str] = mapped_column(String(20))
    meter_no: Mapped[str] = mapped_column(String(30))
    address: Mapped[str] = mapped_column(String(200))
    area_type: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    department: Mapped[str | None] = mapped_column(String(32))
    deadline_days: Mapped[int | None]
    deadline_at: Mapped[datetime | None]
    backfilled: Mapped[bool] = mapped_column(Boolean, default=False)
    call_time: Mapped[datetime | None]  # the real call time; differs from created_at if back-filled
    created_by: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    subtype: Mapped[str | None] = mapped_column(String(40))  # 业务子类 (added by 0010)


class TicketEvent(SyncColumns, Base):
    """Append-only ticket history: saved, dispatched, ... with who and when."""

    __tablename__ = "ticket_events"
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class TicketSequence(Base):
    """Local only: the last ticket sequence used per desk and site-local day."""

    __tablename__ = "ticket_sequences"
    workstation: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
