"""Builders of wire ops for the central tests (rows as a desk would push them)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import psycopg

from callcenter.domain.audit import ZERO_HASH, AuditEntry, canonical_payload, chain_hash
from callcenter.store.ids import new_id
from callcenter.sync.central_schema import synced_specs
from callcenter.sync.protocol import Op

T0 = "2026-11-23T01:00:00+00:00"


def ticket_fields(number: str, desk: str = "D1", **over: Any) -> dict[str, Any]:
    f: dict[str, Any] = {
        "number": number, "call_id": None, "category": "fault", "content": "no power",
        "caller_name": "张三", "caller_phone": "13800000000", "account_no": "A1", "meter_no": "M1",
        "address": "幸福路12号", "area_type": "urban", "priority": "normal", "status": "new",
        "department": None, "deadline_days": None, "deadline_at": None, "backfilled": False,
        "call_time": None, "created_by": "1001", "created_at": T0,
        "version": 1, "updated_at": T0, "deleted_at": None, "origin_workstation": desk,
    }
    f.update(over)
    return f


def event_fields(ticket_id: str, kind: str = "saved", desk: str = "D1") -> dict[str, Any]:
    return {"ticket_id": ticket_id, "kind": kind, "actor": "1001", "at": T0, "data": {"a": 1},
            "version": 1, "updated_at": T0, "deleted_at": None, "origin_workstation": desk}


_SAMPLE = {"uuid": None, "text": "x", "bigint": 1, "boolean": False, "timestamptz": T0,
           "jsonb": {}, "double precision": 0.0}


def fields_for(table: str, desk: str, /, **over: Any) -> dict[str, Any]:
    """A complete row of any synced table as ``desk`` would push it: NULL where the
    column allows it, a plain value (a fresh id for uuids) where it does not; an
    audit record is the first of an intact chain of ``desk`` (central checks it)."""
    _, columns = synced_specs()[table]
    f: dict[str, Any] = {}
    for name, typ, nullable in columns:
        if name == "id":
            continue
        f[name] = None if nullable else (str(new_id()) if typ == "uuid" else _SAMPLE[typ])
    f.update(version=1, updated_at=T0, deleted_at=None, origin_workstation=desk)
    if table == "audit_log":
        payload = canonical_payload(AuditEntry(desk, 1, datetime.fromisoformat(T0), "1001", "export"))
        f.update(desk=desk, seq=1, prev_hash=ZERO_HASH, hash=chain_hash(ZERO_HASH, payload), payload=payload)
    f.update(over)
    return f


def op(table: str, row_id: str, fields: dict[str, Any], *, base: int | None = None,
       kind: str = "upsert", tx: str | None = None, seq: int = 1) -> Op:
    return Op(str(new_id()), tx or str(new_id()), seq, table, row_id, kind,  # type: ignore[arg-type]
              base, fields, T0)


def new_row_id() -> str:
    return str(new_id())


def register_desk(admin_url: str, desk: str, team: str | None = None, kind: str = "agent") -> None:
    """A desk in sync.desks without a login role: the tests pull as it through an
    admin connection, which sync.check_desk lets act as any desk."""
    with psycopg.connect(admin_url) as conn:
        conn.execute("INSERT INTO sync.desks (desk, role, team, kind) VALUES (%s, %s, %s, %s)",
                     (desk, "test_" + desk.lower(), team, kind))


def pull_all(client: Any, desk: str, cursor: dict[str, Any] | None = None, max_rows: int = 1000
             ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every page from ``cursor`` on: the rows ({"table", "row"}) and the last cursor."""
    rows: list[dict[str, Any]] = []
    while True:
        page = client.pull(desk, cursor, max_rows)
        assert not page.get("resync"), page
        assert len(page["rows"]) <= max_rows
        rows += page["rows"]
        cursor = page["cursor"]
        if not page["more"]:
            assert cursor is not None
            return rows, cursor
