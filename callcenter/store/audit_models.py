"""The audit log (issue 12): security-relevant actions of each desk, chained by
SHA-256 (callcenter/domain/audit/chain.py has the rules).

Append-only and synced: the services insert records and never update or delete
them; each desk's records go to central, which checks the chain as they arrive
(central revision c0009), and lead and admin desks pull everyone's.

The record's fields live in ``payload``, its canonical JSON text, exactly the
bytes its hash covers: there is no second copy of a field that could be edited
without breaking the chain. ``desk`` and ``seq`` are the record's place in its
desk's chain (they are in the payload too); the index is not unique because
rows pulled from central are evidence as they are, duplicates included.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SyncColumns


class AuditRecord(SyncColumns, Base):
    """Append-only: one audited action of one desk, a link of that desk's chain."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_desk_seq", "desk", "seq"),)
    desk: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
