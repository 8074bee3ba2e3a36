"""Reading the outbox for the push, marking what central applied, and the
numbers the status bar shows; plus the desk's small sync state.

Pending ops are pushed one local transaction at a time, in the order the
transactions committed. That order is ``seq`` order: SQLite has one writer, so a
transaction's ops are written while it holds the write lock and its seqs are
contiguous and after every earlier commit's. So the push reads pending ops in
seq order (the (pushed_at, seq) index, from the last batch's end) and cuts
where the ``tx_id`` changes, so a batch never carries half a transaction (one
bigger than the batch goes whole); and a batch is marked pushed by its seq
range (``mark_pushed_range``): every pending op in it belongs to the batch.

The push (``pending_batch``) never makes a Python object per op: SQLite writes
each op's JSON from the stored row (``fields`` is stored as JSON already) and
the batch is sent to central as that text (``WireOps``).

Marking a transaction pushed belongs in the same local transaction that applies
central's result (conflicts to show, versions central assigned): either both
happen or the push is simply retried, and central answers a retry with the
stored result (protocol.py). Pushed rows stay until ``prune_pushed`` removes
them, for support and for ``sync --once`` to report what it did.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Sequence as SequenceABC
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast, overload

from sqlalchemy import Connection, Row, Table, delete, func, select, text, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from callcenter.store.sync_models import SyncOutbox, SyncState

from .protocol import Op, OpKind, to_wire

OUTBOX: Table = cast(Table, SyncOutbox.__table__)
STATE: Table = cast(Table, SyncState.__table__)
_SCAN = 1000  # pending rows read per step by pending_transactions

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


def _uuid_text(col: str) -> str:
    """SQLite: a stored 32-hex UUID as its canonical text (what ``str(uuid)`` gives)."""
    return (f"substr({col}, 1, 8) || '-' || substr({col}, 9, 4) || '-' || substr({col}, 13, 4) || '-' "
            f"|| substr({col}, 17, 4) || '-' || substr({col}, 21)")


# One pending op as the push sends it (protocol.py), made by SQLite from the stored
# row: the same JSON as ``json.dumps(op.to_json())`` of the Op read back, up to
# spelling (``fields`` is the stored text as it is; ``at`` keeps microseconds).
# Concatenated rather than json_object(): half the cost; every piece is JSON
# already. ``fields`` is not parsed here (``json()`` would check and minify it,
# a third of this query's time): the column's serializer wrote it, and central
# parses it anyway and refuses the push if it were not JSON.
_WIRE_COLUMNS = (
    """'{"op_id":"' || """ + _uuid_text("op_id") + """ || '","tx_id":"' || """ + _uuid_text("tx_id")
    + """ || '","seq":' || seq || ',"table":' || json_quote(table_name) || ',"row_id":"' || """
    + _uuid_text("row_id") + """ || '","kind":' || json_quote(kind) """
    """|| ',"base_version":' || coalesce(base_version, 'null') """
    """|| ',"fields":' || fields || ',"at":"' || replace(at, ' ', 'T') || '+00:00"}'"""
)
_PENDING_WIRE = (f"SELECT seq, tx_id, {_WIRE_COLUMNS} FROM sync_outbox "
                 "WHERE pushed_at IS NULL AND seq > ? ORDER BY seq LIMIT ?")
# a grouped batch's bounds first (its ops' JSON is made only if it is not all inserts,
# or when asked for: _payload_loader)
_PENDING_BOUNDS = ("SELECT seq, tx_id FROM sync_outbox "
                   "WHERE pushed_at IS NULL AND seq > ? ORDER BY seq LIMIT ?")
_WIRE_RANGE = (f"SELECT {_WIRE_COLUMNS} FROM sync_outbox "
               "WHERE pushed_at IS NULL AND seq BETWEEN ? AND ? ORDER BY seq")


class WireOps(SequenceABC[Op]):
    """Ops held as the JSON text a push sends (a JSON array, protocol.py);
    ``CentralClient.push`` sends the text as it is (or, when ``new_rows`` holds
    the same ops grouped, those with sync.push_rows). As a sequence of ``Op`` it
    decodes the text on first use (for callers that look at the ops)."""

    def __init__(self, payload: str | Callable[[], str], count: int,
                 new_rows: NewRows | None = None) -> None:
        # a callable: the text is made when first asked for (a grouped batch's ops
        # usually go as new_rows, and the text is needed only on a fallback)
        self._payload = payload
        self.new_rows = new_rows
        self._count = count
        self._ops: list[Op] | None = None

    @property
    def payload(self) -> str:
        if not isinstance(self._payload, str):
            self._payload = self._payload()
        return self._payload

    def _decoded(self) -> list[Op]:
        if self._ops is None:
            self._ops = [Op.from_json(d) for d in json.loads(self.payload)]
        return self._ops

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> Op: ...
    @overload
    def __getitem__(self, i: slice) -> list[Op]: ...
    def __getitem__(self, i: int | slice) -> Op | list[Op]:
        return self._decoded()[i]

    def __iter__(self) -> Iterator[Op]:
        return iter(self._decoded())


# A batch of nothing but inserts as sync.push_rows takes it (central revision c0005):
# the op and transaction ids in seq order (uuid[] literals), and the rows grouped
# by table and key set, each row its op's fields with "id" set from row_id, each
# group one JSON array. The key set is read from each row itself, in the same
# statement that writes the row, so a group's keys and rows always agree.
_INSERT_IDS = (
    "SELECT '{' || group_concat(o, ',') || '}', '{' || group_concat(t, ',') || '}', count(*), "
    "       total(kind <> 'upsert' OR base_version IS NOT NULL) "
    f"  FROM (SELECT {_uuid_text('op_id')} AS o, {_uuid_text('tx_id')} AS t, kind, base_version "
    "          FROM sync_outbox WHERE pushed_at IS NULL AND seq BETWEEN ? AND ? ORDER BY seq)"
)
_ROW_ID = _uuid_text("row_id")
_INSERT_GROUPS = (
    # each op's keys once (MATERIALIZED: the grouping and the output would read them
    # twice); the row is the stored fields with "id" put in front as text (fields
    # never hold the id), without parsing and re-writing them
    "WITH x AS MATERIALIZED ("
    "  SELECT table_name, (SELECT json_group_array(key) FROM json_each(fields)) AS keys, "
    f"        CASE WHEN fields = '{{}}' THEN '{{\"id\":\"' || {_ROW_ID} || '\"}}' "
    f"             ELSE '{{\"id\":\"' || {_ROW_ID} || '\",' || substr(fields, 2) END AS r "
    "    FROM sync_outbox WHERE pushed_at IS NULL AND seq BETWEEN ? AND ?) "
    "SELECT table_name, json_insert(keys, '$[#]', 'id'), '[' || group_concat(r, ',') || ']' "
    "  FROM x GROUP BY table_name, keys ORDER BY table_name, keys"
)


@dataclass(frozen=True)
class NewRows:
    """The ops of a batch of nothing but inserts, grouped for sync.push_rows."""

    op_ids: str  # uuid[] literal, seq order
    tx_ids: str  # uuid[] literal, each op's transaction
    tables: list[str]  # per group: its table,
    keys: list[str]  # its key set (a JSON array),
    rows: list[str]  # its rows (a JSON array of objects)


def new_rows(raw: Any, first_seq: int, last_seq: int) -> NewRows | None:
    """The pending ops ``first_seq..last_seq`` grouped for sync.push_rows, or None
    when any of them is not an insert (an upsert without a base version).

    ``raw`` is a DBAPI connection (or cursor-making object) of the store."""
    ids, txs, n, not_inserts = raw.execute(_INSERT_IDS, (first_seq, last_seq)).fetchone()
    if not n or not_inserts:
        return None
    groups = raw.execute(_INSERT_GROUPS, (first_seq, last_seq)).fetchall()
    return NewRows(ids, txs, [g[0] for g in groups], [g[1] for g in groups], [g[2] for g in groups])


@dataclass(frozen=True)
class PendingBatch:
    """Whole pending transactions, oldest first, as one push sends them."""

    ops: WireOps  # in seq order
    tx_ids: list[str]  # the transactions, in order (32-hex, as stored)
    first_seq: int
    last_seq: int


def _whole_transactions(fetch: Callable[[int, int], Sequence[Any]], max_ops: int, max_txs: int,
                        step: int, after: int = 0) -> list[list[Any]]:
    """Rows (seq, tx_id, ...) of the oldest pending transactions, grouped: as many
    whole transactions as fit in ``max_ops`` rows (but at least one, however big)
    and ``max_txs`` transactions. ``fetch(after, n)`` reads the next ``n`` pending
    rows after seq ``after``, in seq order.

    A transaction's rows are contiguous in seq order (the module doc), so a
    transaction ends where the next tx_id starts; the first rows past the batch
    are read to see that, and never more than one step of them."""
    out: list[list[Any]] = []
    n_ops = 0
    cur: list[Any] = []
    cur_tx: Any = None
    while True:
        rows = fetch(after, step)
        for r in rows:
            if r[1] != cur_tx:
                if cur:
                    if out and n_ops + len(cur) > max_ops:
                        return out
                    out.append(cur)
                    n_ops += len(cur)
                    if len(out) >= max_txs or n_ops >= max_ops:
                        return out
                cur, cur_tx = [], r[1]
            cur.append(r)
        if len(rows) < step:  # the end of the queue: the last transaction is whole
            if cur and not (out and n_ops + len(cur) > max_ops):
                out.append(cur)
            return out
        after = rows[-1][0]


def pending_batch(s: Executor, max_ops: int = 1000, max_txs: int = 500,
                  after: int = 0, *, grouped: bool = False) -> PendingBatch | None:
    """The oldest unpushed transactions, whole, about ``max_ops`` ops in all (at most
    ``max_txs`` transactions, at least one), as the JSON text a push sends.
    ``after``: only ops after that seq (the ``last_seq`` of a batch being pushed:
    a batch ends where a transaction ends). ``grouped``: also the ops grouped for
    sync.push_rows, when they are all inserts (``new_rows``).

    SQLite makes each op's JSON from the stored row (UUIDs from their 32-hex form,
    ``fields`` is stored as JSON already), so no Python object is made per op."""
    # the DBAPI cursor of the session's own connection (same transaction): plain
    # tuples, no Row objects (less GIL time on the sync thread, fewer objects to collect)
    conn = s.connection() if isinstance(s, Session) else s
    raw = conn.connection.dbapi_connection
    assert raw is not None

    query = _PENDING_BOUNDS if grouped else _PENDING_WIRE

    def fetch(after: int, n: int) -> Sequence[Any]:
        return cast(Sequence[Any], raw.execute(query, (after, n)).fetchall())

    txs = _whole_transactions(fetch, max_ops, max_txs, max_ops + 1, after)
    if not txs:
        return None
    first_seq, last_seq = int(txs[0][0][0]), int(txs[-1][-1][0])
    count = sum(len(tx) for tx in txs)
    tx_ids = [str(tx[0][1]) for tx in txs]
    if not grouped:
        return PendingBatch(WireOps("[" + ",".join(r[2] for tx in txs for r in tx) + "]", count),
                            tx_ids, first_seq, last_seq)
    rows = new_rows(raw, first_seq, last_seq)
    payload: str | Callable[[], str]
    if rows is None:
        payload = _wire_range(raw, first_seq, last_seq)
    else:
        payload = _payload_loader(raw, first_seq, last_seq)
    return PendingBatch(WireOps(payload, count, rows), tx_ids, first_seq, last_seq)


def _wire_range(raw: Any, first_seq: int, last_seq: int) -> str:
    return "[" + ",".join(r[0] for r in raw.execute(_WIRE_RANGE, (first_seq, last_seq))) + "]"


def _payload_loader(raw: Any, first_seq: int, last_seq: int) -> Callable[[], str]:
    """The batch's JSON text, made when asked for, on a connection of its own to the
    same store file (the batch's own connection belongs to the reader's thread).
    Valid while the batch is pending: a push asks before its answer is recorded."""
    path = next(r[2] for r in raw.execute("PRAGMA database_list") if r[1] == "main")

    def load() -> str:
        con = sqlite3.connect(path, timeout=30)
        try:
            return _wire_range(con, first_seq, last_seq)
        finally:
            con.close()
    return load


def pending_transactions(s: Executor, limit: int = 100) -> list[list[Op]]:
    """Up to ``limit`` unpushed local transactions, oldest first, each its ops in
    seq order (one push unit each)."""
    def fetch(after: int, n: int) -> Sequence[Any]:
        return [(r.seq, r.tx_id, r) for r in s.execute(
            select(OUTBOX).where(OUTBOX.c.pushed_at.is_(None), OUTBOX.c.seq > after)
            .order_by(OUTBOX.c.seq).limit(n))]

    return [[_op(r[2]) for r in tx] for tx in _whole_transactions(fetch, sys.maxsize, limit, _SCAN)]


def _uuid(v: str | uuid.UUID) -> uuid.UUID:
    return v if isinstance(v, uuid.UUID) else uuid.UUID(v)


def mark_pushed(s: Executor, tx_ids: Sequence[str | uuid.UUID], at: datetime) -> int:
    """Record that central applied these transactions; returns how many ops."""
    ids = [_uuid(t) for t in tx_ids]
    done = 0
    for i in range(0, len(ids), 500):
        # "+pushed_at": keep SQLite on the tx_id index; the (pushed_at, seq) one would
        # walk every pending op
        res = s.execute(update(OUTBOX).where(OUTBOX.c.tx_id.in_(ids[i:i + 500]),
                                             text("+sync_outbox.pushed_at IS NULL"))
                        .values(pushed_at=at))
        done += cast(int, getattr(res, "rowcount", 0))
    return done


def mark_pushed_range(s: Executor, first_seq: int, last_seq: int, at: datetime) -> int:
    """Record that central applied the pending ops with seqs ``first_seq..last_seq``
    (a PendingBatch: every pending op in that range is one of its transactions);
    returns how many ops."""
    res = s.execute(update(OUTBOX).where(OUTBOX.c.seq.between(first_seq, last_seq),
                                         OUTBOX.c.pushed_at.is_(None))
                    .values(pushed_at=at))
    return cast(int, getattr(res, "rowcount", 0))


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
