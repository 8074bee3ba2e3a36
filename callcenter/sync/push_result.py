"""What a push leaves on the desk: its transactions marked pushed and central's
conflicts kept for the user, in one local transaction.

Central answers a retry with the stored answer of the first application
(protocol.py), so recording an answer twice is harmless; recording it never
(a crash between central's commit and this transaction) just means the push is
retried and answered again.

Batching: a push call carries whole local transactions only (never half of
one) in their local order, up to about ``max_ops`` ops; central applies the
call atomically, which keeps each transaction atomic and in order.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from callcenter.domain.storable_text import has_unstorable
from callcenter.store.alert_models import Alert
from callcenter.store.ids import new_id
from callcenter.store.sync_models import SyncConflict

from .outbox_reader import (
    LAST_PUSH_AT,
    OUTBOX,
    PendingBatch,
    mark_pushed_range,
    pending_batch,
    set_state,
)

CONFLICTS = cast(Table, SyncConflict.__table__)
# sync_state key: resolved_at (ISO) of the last resolution central was told about
RESOLUTIONS_SENT_UNTIL = "resolutions_sent_until"


PushBatch = PendingBatch  # whole transactions, their ops as the JSON text the push sends


def next_batch(s: Session, max_ops: int = 1000, max_txs: int = 500,
               after: int = 0, *, grouped: bool = False) -> PushBatch | None:
    """The oldest unpushed transactions (after seq ``after``), whole, about ``max_ops``
    ops in all (``grouped``: with their rows grouped for sync.push_rows when all
    are inserts)."""
    return pending_batch(s, max_ops, max_txs, after, grouped=grouped)


def record_push(s: Session, batch: PushBatch, answer: dict[str, Any], now: datetime,
                desk: str = "") -> int:
    """Mark the batch pushed and keep its conflicts and the transactions central
    refused (``keep_rejected``); returns how many conflicts."""
    if answer.get("rejected"):
        keep_rejected(s, list(answer["rejected"]), now, desk)
    conflicts = list(answer.get("conflicts") or [])
    for c in conflicts:
        op_id = uuid.UUID(str(c["op_id"]))
        known = s.execute(select(CONFLICTS.c.id).where(
            CONFLICTS.c.op_id == op_id, CONFLICTS.c.source == "push")).scalar()
        if known is not None:
            continue  # the answer to a retry: kept already
        # the op's own values of the refused fields (conflicts are rare: one lookup each)
        mine_all = s.execute(select(OUTBOX.c.fields).where(OUTBOX.c.op_id == op_id)).scalar() or {}
        fields = [str(f) for f in c.get("fields") or []]
        mine = {f: mine_all.get(f) for f in fields} if mine_all else {}
        s.execute(CONFLICTS.insert().values(
            id=new_id(), source="push", table_name=str(c["table"]),
            row_id=uuid.UUID(str(c["row_id"])), op_id=op_id, fields=fields,
            local_values=mine, central_values=dict(c.get("central") or {}),
            central_version=None, detected_at=now))
    mark_pushed_range(s, batch.first_seq, batch.last_seq, now)
    set_state(s, LAST_PUSH_AT, now.isoformat())
    return len(conflicts)


def resolved_since(s: Session, since: str | None) -> list[tuple[uuid.UUID, str, datetime]]:
    """Push conflicts resolved here after ``since`` (op id, resolution, when), oldest first."""
    q = select(CONFLICTS.c.op_id, CONFLICTS.c.resolution, CONFLICTS.c.resolved_at).where(
        CONFLICTS.c.source == "push", CONFLICTS.c.resolved_at.is_not(None),
        CONFLICTS.c.op_id.is_not(None), CONFLICTS.c.resolution.is_not(None))
    if since:
        q = q.where(CONFLICTS.c.resolved_at > datetime.fromisoformat(since))
    return [(r.op_id, r.resolution, r.resolved_at)
            for r in s.execute(q.order_by(CONFLICTS.c.resolved_at))]


# The alert the shift lead gets for a refused transaction (services/alerts/inbox.py
# reads alerts of any kind; this is its kind)
SYNC_REJECTED = "sync_rejected"
REJECT = "reject"  # sync_conflicts.source of a transaction central refused


def keep_rejected(s: Session, rejected: list[dict[str, Any]], now: datetime, desk: str) -> int:
    """Keep each transaction central refused as one open sync problem (protocol.py,
    "Refused rows on the desk") and tell the shift lead; a retry's answer (the
    problem is kept already) changes nothing. Returns how many were new."""
    by_tx: dict[str, list[dict[str, Any]]] = {}
    for r in rejected:
        by_tx.setdefault(str(r["tx_id"]), []).append(r)
    new = 0
    for ops in by_tx.values():
        cause = next((r for r in ops if r.get("cause")), ops[0])
        op_id = uuid.UUID(str(cause["op_id"]))
        known = s.execute(select(CONFLICTS.c.id).where(
            CONFLICTS.c.op_id == op_id, CONFLICTS.c.source == REJECT)).scalar()
        if known is not None:
            continue
        mine_all = s.execute(select(OUTBOX.c.fields).where(OUTBOX.c.op_id == op_id)).scalar() or {}
        bad = [f for f, v in mine_all.items() if has_unstorable(v)]
        rows = list(dict.fromkeys((str(r["table"]), str(r["row_id"])) for r in ops))
        s.execute(CONFLICTS.insert().values(
            id=new_id(), source=REJECT, table_name=str(cause["table"]),
            row_id=uuid.UUID(str(cause["row_id"])), op_id=op_id, fields=bad,
            local_values={f: mine_all[f] for f in bad},
            central_values={"code": str(cause.get("code") or ""),
                            "reason": str(cause.get("reason") or ""),
                            "rows": [list(r) for r in rows]},
            central_version=None, detected_at=now))
        if all(table == "alerts" for table, _ in rows):
            # a refused alert (e.g. this very notice) is kept above and shown in the
            # conflicts dialog; another alert about it would be refused in turn, forever
            new += 1
            continue
        s.add(Alert(kind=SYNC_REJECTED, ticket_id=None, for_role="shift_lead",
                    message=(f"工作站 {desk or '?'} 有 {len(rows)} 条记录被中心库拒绝"
                             f"（{cause['table']}，{str(cause.get('reason') or '')[:120]}），"
                             "已暂存本机待处理，其余数据照常同步。"),
                    created_by="sync", created_at=now, updated_at=now,
                    origin_workstation=desk or "?"))
        new += 1
    s.flush()
    return new
