"""A seeded shift with known answers (hand-computed in the tests, not by the code
under test): 2026-12-06 08:00-10:00 UTC (16:00-18:00 Asia/Shanghai)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from callcenter.store.auth_models import User
from callcenter.store.callback_models import CallbackTask
from callcenter.store.models import CallSession, Ticket

T0 = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
END = T0 + timedelta(hours=2)
NOW = END


def _sync(ws: str = "W01") -> dict[str, Any]:
    return {"id": uuid.uuid4(), "version": 1, "updated_at": T0, "deleted_at": None,
            "origin_workstation": ws}


def users() -> list[dict[str, Any]]:
    return [{**_sync(), "user_id": uid, "name": uid, "role": "agent", "team": team,
             "department": None, "disabled": False, "password_hash": "x",
             "must_change_password": False, "password_set_at": T0}
            for uid, team in (("1001", "A"), ("1002", "A"), ("2001", "B"))]


def _call(agent: str, minute: int, outcome: str, ring: float | None = None,
          talk: float | None = None, hold: float | None = None, wrap: float | None = None,
          late: bool = False) -> dict[str, Any]:
    return {**_sync(), "shift_id": None, "agent_id": agent, "telephony_id": None,
            "telephony_call_id": None, "caller_number": "13800138000",
            "started_at": T0 + timedelta(minutes=minute), "outcome": outcome, "ring_s": ring,
            "talk_s": talk, "hold_s": hold, "wrapup_s": wrap, "hung_up_by": None,
            "late_answer": late, "talk_over": False,
            "wrapup_over": wrap is not None and wrap > 60, "backfilled": False}


def calls() -> list[dict[str, Any]]:
    rows = [
        _call("1001", 5, "answered", 5, 100, 0, 40),
        _call("1001", 20, "answered", 20, 200, 30, 70, late=True),
        _call("1002", 40, "missed"),
        _call("1002", 70, "answered", 8, 120, 10, 50),
        _call("1002", 90, "abandoned"),
        _call("2001", 105, "answered", 3, 300, 0, 90),
        _call("1001", 150, "answered", 2, 50, 0, 10),  # after the period
    ]
    for r in rows:
        del r["telephony_id"]
    return rows


TICKET_IDS = {k: uuid.uuid4() for k in "ABCD"}


def _ticket(key: str, by: str, minute: int, category: str, status: str,
            deadline: datetime | None) -> dict[str, Any]:
    return {**_sync(), "id": TICKET_IDS[key], "number": f"N{key}", "call_id": None,
            "category": category, "content": "c", "caller_name": "张三",
            "caller_phone": "13912345678", "account_no": "3100000001", "meter_no": "M1",
            "address": "a", "area_type": "urban", "priority": "normal", "status": status,
            "department": None, "deadline_days": None, "deadline_at": deadline,
            "backfilled": False, "call_time": None, "created_by": by,
            "created_at": T0 + timedelta(minutes=minute), "subtype": None}


def tickets() -> list[dict[str, Any]]:
    return [
        _ticket("A", "1001", 6, "fault_repair", "dispatched", T0 + timedelta(hours=1)),
        _ticket("B", "1001", 21, "complaint", "accepted", NOW + timedelta(hours=12)),
        _ticket("C", "1002", 71, "fault_repair", "archived", T0 + timedelta(minutes=90)),
        _ticket("D", "2001", 106, "inquiry", "dispatched", T0 + timedelta(hours=1)),
    ]


def _task(key: str, due: datetime, outcome: str, closed: datetime | None) -> dict[str, Any]:
    return {**_sync(), "ticket_id": TICKET_IDS[key], "reply_event_id": None, "replied_at": T0,
            "due_at": due, "assigned_to": None, "assigned_by": None, "taken_at": None,
            "attempts": 0, "outcome": outcome, "next_try_at": None, "closed_at": closed,
            "created_at": T0}


def callback_tasks() -> list[dict[str, Any]]:
    return [
        _task("A", T0 + timedelta(minutes=90), "pending", None),
        _task("C", NOW + timedelta(hours=1), "pending", None),
        _task("B", T0 + timedelta(hours=1), "reached_satisfied", T0 + timedelta(minutes=61)),
        _task("D", T0 + timedelta(minutes=30), "pending", None),
    ]


TABLES = ((User.__table__, users), (CallSession.__table__, calls), (Ticket.__table__, tickets),
          (CallbackTask.__table__, callback_tasks))
