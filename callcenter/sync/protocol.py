"""The sync wire contract between a desk (SQLite) and central (PostgreSQL).

One *op* is one row change captured in the local outbox in the same local
transaction as the change itself. All ops of one local transaction share a
``tx_id`` and are pushed as one unit, in ``seq`` order.

Op (JSON object)::

    {"op_id": "<uuid7>", "tx_id": "<uuid7>", "seq": 12, "table": "tickets",
     "row_id": "<uuid>", "kind": "upsert" | "delete",
     "base_version": 3 | null,          # the row's version the change was made on
     "fields": {"status": "dispatched", "version": 4, ...},  # changed columns only
     "at": "2026-11-23T01:00:00+00:00"} # UTC, when the desk made the change

Values are JSON: UUIDs as canonical strings, datetimes as ISO 8601 with an
explicit UTC offset, JSON columns as JSON, booleans and numbers as such.

Central API (PostgreSQL functions in schema ``sync``, SECURITY DEFINER, the
only things a desk's role may execute):

* ``sync.push(desk text, ops jsonb) -> jsonb`` applies one local transaction
  atomically and idempotently (applied op ids are recorded in the same central
  transaction; a retry returns the stored result and changes nothing). Result:
  ``{"applied": [op_id...], "duplicate": bool, "conflicts": [{"op_id", "table",
  "row_id", "fields": [names], "central": {...}}]}``. Append-only tables never
  conflict; merge tables merge per field: a field conflicts only when central
  changed it since ``base_version`` and the op changes it too.
* ``sync.push_rows(desk text, op_ids uuid[], tx_ids uuid[], tables text[],
  keys text[], rows json[]) -> jsonb`` (central c0005) applies a batch of
  nothing but inserts (upserts without a base version), grouped by the desk
  by table and key set (``rows[i]`` a JSON array of row objects with ``id``,
  ``keys[i]`` their keys as a JSON array; ids in seq order), with the effects
  and answer ``sync.push`` would have, all or nothing. When it cannot apply
  every op as a new row (an op it knows of a re-batched retry, a row it has)
  it applies nothing and answers ``{"fallback": true}``; the desk then sends
  the same ops to ``sync.push``. A retry of an applied batch is answered as
  ``sync.push`` answers it (``duplicate``). Both record ops in the same
  ``sync.applied_ops``, so each recognises the other's.
* ``sync.push_checked(desk text, op_ids uuid[], tx_ids uuid[], tables text[],
  row_ids uuid[], ops text[]) -> jsonb`` (central c0010) is ``sync.push`` that
  never fails for a row: each op comes as its own JSON text beside its ids;
  each local transaction is applied on its own (by ``sync.push``); one that
  central refuses for good (an op it cannot even parse as ``jsonb``, e.g. text
  with a NUL, or a data or constraint error, SQLSTATE class 22 or 23 but not
  22023) is applied not at all and answered in ``"rejected": [{"op_id",
  "tx_id", "table", "row_id", "code", "reason", "cause"}]`` (every op of the
  transaction; ``cause`` marks the op named as the reason), the others as
  ``sync.push`` answers them. Central keeps the refused ops in
  ``sync.rejected_ops`` and answers a retry of them with the same reason (they
  are never applied later). The desk calls it only when ``sync.push`` or
  ``sync.push_rows`` failed with such an error (``CentralClient.push``).

  **Refused rows on the desk.** A rejected transaction is marked pushed (it
  must not block the ops behind it) and kept aside as one sync problem
  (``sync_conflicts`` with ``source = 'reject'``: the table, row and fields of
  the op named as the cause, ``central_values`` = ``{"code", "reason",
  "rows": [[table, row_id], ...]}`` for every row of the transaction), shown
  in the status bar and the sync conflicts dialog, and reported to the shift
  lead as an alert (``sync_rejected``). What each kind needs:

  - *text central cannot hold* (``22P05`` untranslatable character, ``22021``,
    ``22P02`` unparsable JSON): **fix and resend**. The person chooses "clean
    and resend": the desk removes the characters (NUL, lone surrogates) from
    the transaction's rows and queues each row whole again (an upsert of every
    column, ``base_version`` null) in a new local transaction. Every entry
    point (outage imports, the ticket form, scripts, profiles) now refuses
    such text, so only rows saved before that arrive here.
  - *any other refusal* (a value a column or constraint of central refuses):
    **drop with a record**. The rows stay on this desk only ("dismiss"), the
    record stays in ``sync_conflicts`` (resolved ``dismissed``) and in
    central's ``sync.rejected_ops``. Resend is still offered (it sends the rows
    as they are now, e.g. after someone corrected them); if central refuses
    them again, a new problem is kept.
* ``sync.pull(desk text, cursor jsonb, max_rows int) -> json`` (jsonb before
  c0005; the same document up to key order) returns rows
  committed after ``cursor`` that this desk may see (its subset: by desk kind
  and team, see central_functions.py), in commit order, never skipping a commit (the
  cursor is bounded by the snapshot's xmin, not by a sequence): ``{"rows":
  [{"table", "row": {...all columns...}}], "cursor": {...}, "more": bool}``.
  Deletes are tombstones (``deleted_at`` set). The cursor is opaque to the
  desk: store it with the page and send it back; ``{}`` (or null) means "from
  the beginning". It carries ``at``, the time the desk was last caught up. A
  page may hold fewer than ``max_rows`` rows, even none, with ``more`` true
  (rows outside the subset were skipped); keep pulling while ``more``.
* ``sync.pull_rows(desk text, cursor jsonb, max_rows int) -> json`` (central
  c0005) is ``sync.pull`` with each row as an array ``[table, value, ...]`` of
  its values in a desk's stored form (UUIDs as 32 hex digits, stamps as
  ``YYYY-MM-DD HH:MM:SS.ffffff`` UTC, booleans as 1/0, JSON columns as JSON)
  and the page's ``columns`` ({table: [names]}) naming them; the same rows,
  cursor and ``more``.
* **Re-sync.** Central hard-deletes tombstones older than its retention (30
  days by default). A cursor older than that horizon may have missed a delete,
  so pull answers ``{"resync": true, "rows": [], "cursor": {}, "more": true}``
  (the key is absent otherwise). The desk must then start over from an empty
  cursor: pull everything again and, once caught up, drop the synced rows
  central did not send (keeping rows with unpushed local ops), then continue
  incrementally. A desk offline that long should also expect its old op ids to
  be forgotten (a retry is no longer recognised as a duplicate).
* ``sync.open_conflicts(desk text) -> jsonb``: this desk's unresolved
  conflicts, oldest first: ``[{"op_id", "table", "row_id", "fields",
  "local_values", "central_values", "base_version", "central_version",
  "detected_at"}]`` (to rebuild the local list after a re-sync).
* ``sync.resolve_conflict(desk text, op_id uuid, resolution text) -> jsonb``
  records ``mine`` | ``central`` | ``dismissed`` for a conflict of this desk
  (only the desk that pushed the op may; the first decision stays and is what
  a retry returns): ``{"op_id", "resolution", "resolved_at", "resolved_by"}``.
  It changes no data; for ``mine`` the desk pushes its values again on the
  version it now has.
* ``sync.schema_version() -> int`` and ``sync.min_desk_schema() -> int``.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

OpKind = Literal["upsert", "delete"]


@dataclass(frozen=True)
class Op:
    op_id: str
    tx_id: str
    seq: int
    table: str
    row_id: str
    kind: OpKind
    base_version: int | None
    fields: dict[str, Any] = field(default_factory=dict)
    at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "op_id": self.op_id, "tx_id": self.tx_id, "seq": self.seq, "table": self.table,
            "row_id": self.row_id, "kind": self.kind, "base_version": self.base_version,
            "fields": self.fields, "at": self.at,
        }

    @staticmethod
    def from_json(d: dict[str, Any]) -> Op:
        return Op(str(d["op_id"]), str(d["tx_id"]), int(d["seq"]), str(d["table"]),
                  str(d["row_id"]), d["kind"], d.get("base_version"), dict(d.get("fields") or {}),
                  str(d.get("at", "")))


def to_wire(value: Any) -> Any:
    """A column value as JSON."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime on the wire")
        return value.astimezone(UTC).isoformat()
    return value


def dumps(ops: list[Op]) -> str:
    return json.dumps([o.to_json() for o in ops], ensure_ascii=False, separators=(",", ":"))
