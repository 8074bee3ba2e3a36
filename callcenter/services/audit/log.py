"""Appending to the audit log (issue 12), for every service that does something
security-relevant: ``record`` queues a record of its own on the store's writer
thread; ``record_in`` appends inside the caller's transaction, so an action and
its record commit together or not at all (a rolled-back publish leaves neither
the document nor a record, and no gap in the chain).

Appends are serialized by the store's one writer, and every write transaction
takes SQLite's write lock at BEGIN (store/engine.py), so reading the desk's
last record and inserting the next one in the same transaction cannot race
another writer, in this process or another (the ``callcenter`` commands).
The chain rules are in callcenter/domain/audit/chain.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.audit import (
    ZERO_HASH,
    AuditAction,
    AuditEntry,
    canonical_payload,
    chain_hash,
    parse_payload,
)
from callcenter.domain.clock import Clock
from callcenter.services.storage.database import Database
from callcenter.store.audit_models import AuditRecord

RECENT_LIMIT = 200


@dataclass(frozen=True)
class StoredEntry:
    """A record as read back: its fields (from the hashed payload; None when the
    payload is not one, i.e. it was tampered with), the payload and its hash."""

    entry: AuditEntry | None
    payload: str
    hash: str


class AuditLog:
    def __init__(self, db: Database, clock: Clock, workstation: str) -> None:
        self._db = db
        self._clock = clock
        self._ws = workstation

    @property
    def workstation(self) -> str:
        return self._ws

    def record(self, action: AuditAction, *, user_id: str | None, subject: str = "",
               detail: Mapping[str, str] | None = None) -> Future[None]:
        """Append one record in a transaction of its own, on the writer thread."""
        return self._db.write(lambda s: self.record_in(s, action, user_id=user_id, subject=subject,
                                                       detail=detail))

    def record_in(self, session: Session, action: AuditAction, *, user_id: str | None,
                  subject: str = "", detail: Mapping[str, str] | None = None) -> None:
        """Append one record inside ``session``'s transaction (the caller commits).

        Bad input (an unknown action, a field that is not text) raises
        ValueError/TypeError before anything is written."""
        append_in(session, self._ws, self._clock.utc_now(), action, user_id=user_id, subject=subject,
                  detail=detail)

    def recent(self, limit: int = RECENT_LIMIT, desk: str | None = None) -> Future[list[StoredEntry]]:
        """The newest records (of every desk this store has, or of ``desk``), newest first."""
        return self._db.read(lambda s: recent_in(s, limit, desk))


def append_in(session: Session, workstation: str, at: datetime, action: AuditAction, *,
              user_id: str | None, subject: str = "", detail: Mapping[str, str] | None = None) -> None:
    """``AuditLog.record_in`` for a service that has a session, its time and its
    workstation but no AuditLog (a transaction body such as ``publish_in``)."""
    action = AuditAction(action)
    last = session.execute(
        select(AuditRecord.seq, AuditRecord.hash).where(AuditRecord.desk == workstation)
        .order_by(AuditRecord.seq.desc()).limit(1)).first()
    seq, prev = (1, ZERO_HASH) if last is None else (last[0] + 1, last[1])
    payload = canonical_payload(AuditEntry(workstation, seq, at, user_id, action.value, subject,
                                           dict(detail or {})))
    session.add(AuditRecord(desk=workstation, seq=seq, prev_hash=prev, hash=chain_hash(prev, payload),
                            payload=payload, updated_at=at, origin_workstation=workstation))
    session.flush()


def recent_in(session: Session, limit: int = RECENT_LIMIT, desk: str | None = None) -> list[StoredEntry]:
    q = select(AuditRecord.payload, AuditRecord.hash)
    if desk is not None:
        q = q.where(AuditRecord.desk == desk)
    rows = session.execute(q.order_by(AuditRecord.updated_at.desc(), AuditRecord.id.desc())
                           .limit(limit)).all()
    return [StoredEntry(_parsed(payload), payload, hash_) for payload, hash_ in rows]


def _parsed(payload: str) -> AuditEntry | None:
    try:
        return parse_payload(payload)
    except ValueError:
        return None
