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
