"""Local-only bookkeeping of sync (issue 6): the transactional outbox and the
desk's sync state. Neither table syncs itself.

``sync_outbox`` holds one row per captured row change (an *op* of
callcenter/sync/protocol.py), written in the same local transaction as the
change (callcenter/sync/outbox.py), so a change and its op exist together or
not at all. ``seq`` is AUTOINCREMENT so a seq is never reused after pushed rows
are pruned: it is the local order the ops are pushed in. ``pushed_at`` is set
when central has applied the op's transaction.

``sync_state`` is a small key/value table (keys in callcenter/sync/outbox_reader.py):
the pull cursor (JSON), when the last push and pull succeeded, the desk id.

``sync_resync_seen`` (0011) lists the rows a full re-sync has received so far,
so that when it catches up the rows central no longer has can be retired
(callcenter/sync/resync.py); it is empty outside a re-sync.

``sync_conflicts`` keeps what sync could not merge on its own, until the user
who made the later change resolves it: fields central refused on a push (another
desk changed them since this desk last pulled) and pulled rows that clash with a
different local row on a natural key (two desks filing the same account number).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Dialect, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from .models import Base

# one encoder for every op: json.dumps with options builds a new one per call, a
# third of the cost of encoding an op's few fields (100,000 ops on a big import)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dump_fields(value: Any) -> str:
    """An op's ``fields`` as stored: compact JSON, non-ASCII text as UTF-8."""
    return _ENCODER.encode(value)


class OpFields(TypeDecorator[Any]):
    """JSON (read back as the JSON type reads it), written by ``dump_fields``.

    Why not the engine's ``json.dumps``: the push sends the stored text as it is
    (callcenter/sync/outbox_reader.py), and ``\\uXXXX`` escapes of Chinese text
    made a batch of ticket saves about 1.6 times as long, and central's parse of
    it about twice as slow, as the UTF-8 text. Either spelling reads back the same."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        def process(value: Any) -> Any:
            return None if value is None else dump_fields(value)
        return process


class SyncOutbox(Base):
    """Local only: one captured row change waiting to be (or already) pushed."""

    __tablename__ = "sync_outbox"
    __table_args__ = (
        Index("ix_sync_outbox_pushed_at_seq", "pushed_at", "seq"),
        # "does this row have unpushed ops?" when a pulled row arrives
        Index("ix_sync_outbox_row_id_pushed_at", "row_id", "pushed_at"),
        {"sqlite_autoincrement": True},
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    tx_id: Mapped[uuid.UUID] = mapped_column(index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(8))  # upsert | delete
    base_version: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(OpFields)
    at: Mapped[datetime]
    pushed_at: Mapped[datetime | None]


class SyncState(Base):
    """Local only: sync's own state, one value per key (JSON text)."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncResyncSeen(Base):
    """Local only: a row a full re-sync received (table, stored id)."""

    __tablename__ = "sync_resync_seen"
    __table_args__ = {"sqlite_with_rowid": False}
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(32), primary_key=True)


class SyncConflict(Base):
    """Local only: one change sync could not merge, shown until resolved.

    ``source`` is ``push`` (central kept its value of ``fields``; the desk's
    values are in ``local_values``) or ``pull`` (a pulled row clashed with a
    local row on a unique key and was not applied; ``central_values`` holds it).
    ``reject`` is a local transaction central refused for good (protocol.py,
    "Refused rows on the desk"): ``fields``/``local_values`` the text fields
    central could not store, ``central_values`` ``{"code", "reason", "rows"}``.
    ``resolution`` is ``mine`` (the desk's values were pushed again on top of
    central's version), ``central`` (central's values were taken), ``dismissed``
    or ``resent`` (a refused transaction's rows, cleaned, were queued again).
    """

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_resolved_at_detected_at", "resolved_at", "detected_at"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(8))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op_id: Mapped[uuid.UUID | None]
    fields: Mapped[list[str]] = mapped_column(JSON)
    local_values: Mapped[dict[str, Any]]
    central_values: Mapped[dict[str, Any]]
    central_version: Mapped[int | None] = mapped_column(Integer)
    detected_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(16))
    resolved_by: Mapped[str | None] = mapped_column(String(32))
