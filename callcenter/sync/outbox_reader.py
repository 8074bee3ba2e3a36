"""Reading the outbox for the push, marking what central applied, and the
numbers the status bar shows; plus the desk's small sync state.

Pending ops are pushed one local transaction at a time, in the order the
transactions committed. That order is ``seq`` order: SQLite has one writer, so a
transaction's ops are written while it holds the write lock and its seqs are
contiguous and after every earlier commit's. Transactions are still collected by
``tx_id`` (not by seq ranges) so a batch never carries half a transaction.

Marking a transaction pushed belongs in the same local transaction that applies
central's result (conflicts to show, versions central assigned): either both
happen or the push is simply retried, and central answers a retry with the
stored result (protocol.py). Pushed rows stay until ``prune_pushed`` removes
them, for support and for ``sync --once`` to report what it did.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Row, Table, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from callcenter.store.sync_models import SyncOutbox, SyncState

from .protocol import Op, OpKind, to_wire

OUTBOX: Table = cast(Table, SyncOutbox.__table__)
STATE: Table = cast(Table, SyncState.__table__)
_SCAN = 1000  # pending rows read per step while picking transactions

# sync_state keys (values are JSON)
CURSOR = "cursor"  # central's pull cursor, as central returned it
LAST_PUSH_AT = "last_push_at"  # ISO UTC of the last push central acknowledged
LAST_PULL_AT = "last_pull_at"  # ISO UTC of the last pull that caught up
DESK_ID = "desk_id"  # the workstation name this store pushes as

Executor = Session | Connection


@dataclass(frozen=True)
class QueueStatus:
    depth: int  # ops not yet pushed
    transactions: int  # local transactions they belong to
    oldest_at: datetime | None  # when the oldest pending op was made

    def oldest_age_s(self, now: datetime) -> float | None:
        return None if self.oldest_at is None else max(0.0, (now - self.oldest_at).total_seconds())


def _op(r: Row[Any]) -> Op:
    kind = cast(OpKind, r.kind)
    return Op(str(r.op_id), str(r.tx_id), int(r.seq), str(r.table_name), str(r.row_id), kind,
              r.base_version, dict(r.fields), str(to_wire(r.at)))


def _first_tx_ids(s: Executor, limit: int) -> list[Any]:
    seen: dict[Any, None] = {}
    after = 0
    while len(seen) < limit:
        rows = s.execute(select(OUTBOX.c.seq, OUTBOX.c.tx_id)
                         .where(OUTBOX.c.pushed_at.is_(None), OUTBOX.c.seq > after)
                         .order_by(OUTBOX.c.seq).limit(_SCAN)).all()
        for seq, tx in rows:
            after = seq
            if tx not in seen:
                if len(seen) == limit:
                    break
                seen[tx] = None
        if len(rows) < _SCAN:
            break
    return list(seen)


def pending_transactions(s: Executor, limit: int = 100) -> list[list[Op]]:
    """Up to ``limit`` unpushed local transactions, oldest first, each its ops in
    seq order (one push unit each)."""
    tx_ids = _first_tx_ids(s, limit)
    if not tx_ids:
        return []
    groups: dict[str, list[Op]] = {str(t): [] for t in tx_ids}
    for i in range(0, len(tx_ids), 500):
        for r in s.execute(select(OUTBOX).where(OUTBOX.c.tx_id.in_(tx_ids[i:i + 500]),
                                                OUTBOX.c.pushed_at.is_(None))
                           .order_by(OUTBOX.c.seq)):
            groups[str(r.tx_id)].append(_op(r))
    out = [ops for ops in groups.values() if ops]
    out.sort(key=lambda ops: ops[0].seq)
    return out


def _uuid(v: str | uuid.UUID) -> uuid.UUID:
    return v if isinstance(v, uuid.UUID) else uuid.UUID(v)


def mark_pushed(s: Executor, tx_ids: Sequence[str | uuid.UUID], at: datetime) -> int:
    """Record that central applied these transactions; returns how many ops."""
    ids = [_uuid(t) for t in tx_ids]
    done = 0
    for i in range(0, len(ids), 500):
        res = s.execute(update(OUTBOX).where(OUTBOX.c.tx_id.in_(ids[i:i + 500]),
                                             OUTBOX.c.pushed_at.is_(None))
                        .values(pushed_at=at))
        done += cast(int, getattr(res, "rowcount", 0))
    return done


def prune_pushed(s: Executor, before: datetime) -> int:
    """Delete ops pushed before ``before`` (seq is AUTOINCREMENT: never reused)."""
    res = s.execute(delete(OUTBOX).where(OUTBOX.c.pushed_at.is_not(None),
                                         OUTBOX.c.pushed_at < before))
    return cast(int, getattr(res, "rowcount", 0))


def queue_status(s: Executor) -> QueueStatus:
    pending = OUTBOX.c.pushed_at.is_(None)
    depth, txs = s.execute(select(func.count(), func.count(OUTBOX.c.tx_id.distinct()))
                           .where(pending)).one()
    oldest = s.execute(select(OUTBOX.c.at).where(pending).order_by(OUTBOX.c.seq).limit(1)).scalar()
    return QueueStatus(int(depth), int(txs), oldest)


def has_pending(s: Executor, table: str, row_ids: Sequence[str | uuid.UUID]) -> set[str]:
    """Which of these rows have unpushed local ops (the pull must not overwrite them)."""
    row_ids = [_uuid(r) for r in row_ids]
    out: set[str] = set()
    for i in range(0, len(row_ids), 500):
        part = row_ids[i:i + 500]
        out |= {str(r) for r in s.execute(
            select(OUTBOX.c.row_id).distinct().where(
                OUTBOX.c.pushed_at.is_(None), OUTBOX.c.table_name == table,
                OUTBOX.c.row_id.in_(part))).scalars()}
    return out


def get_state(s: Executor, key: str, default: Any = None) -> Any:
    raw = s.execute(select(STATE.c.value).where(STATE.c.key == key)).scalar()
    return default if raw is None else json.loads(raw)


def set_state(s: Executor, key: str, value: Any) -> None:
    stmt = insert(STATE).values(key=key, value=json.dumps(value, ensure_ascii=False))
    s.execute(stmt.on_conflict_do_update(index_elements=[STATE.c.key],
                                         set_={"value": stmt.excluded.value}))
