"""Builders of wire ops for the central tests (rows as a desk would push them)."""

from __future__ import annotations

from typing import Any

from callcenter.store.ids import new_id
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


def op(table: str, row_id: str, fields: dict[str, Any], *, base: int | None = None,
       kind: str = "upsert", tx: str | None = None, seq: int = 1) -> Op:
    return Op(str(new_id()), tx or str(new_id()), seq, table, row_id, kind,  # type: ignore[arg-type]
              base, fields, T0)


def new_row_id() -> str:
    return str(new_id())
