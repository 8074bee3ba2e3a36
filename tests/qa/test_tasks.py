"""Complaints about an agent (004 Q69) become review tasks due in one working day."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import FakeClock
from callcenter.domain.deadlines import DeadlineState
from callcenter.services.qa.tasks import ReviewTasks, TaskRefused
from callcenter.services.site.documents import current_calendar
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.store.models import Ticket
from tests.fakes import signed_in

TZ = ZoneInfo("Asia/Shanghai")
FRIDAY_10 = datetime(2026, 12, 4, 10, 0, tzinfo=TZ).astimezone(UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "desk.sqlite3")
    yield db
    db.close()


def ticket(db: Database, category: str) -> uuid.UUID:
    tid = uuid.uuid4()
    now = FRIDAY_10
    db.write_now(lambda s: s.add(Ticket(
        id=tid, number=f"LJ-T1-20261204-{tid.int % 10000:04d}", category=category,
        content="客户投诉坐席态度差", caller_name="王先生", caller_phone="13800138001", account_no="",
        meter_no="", address="", area_type="urban", priority="soon", status="accepted",
        created_by="1002", created_at=now, updated_at=now, origin_workstation="T1")))
    return tid


def tasks(db: Database, clock: FakeClock, user_id: str = "9001", role: Role = Role.SHIFT_LEAD) -> ReviewTasks:
    return ReviewTasks(db, load_profile(), clock, "T1", signed_in(user_id, role), current_calendar(db))


def test_a_complaint_on_friday_is_due_on_monday(store: Database) -> None:
    clock = FakeClock(FRIDAY_10)
    complaint = ticket(store, "complaint")
    t = tasks(store, clock).from_complaint(complaint, "1001", "服务态度").result(timeout=10)
    assert t.due_at.astimezone(TZ) == datetime(2026, 12, 7, 10, 0, tzinfo=TZ)  # 1 working day
    assert t.deadline is DeadlineState.ON_TIME and t.agent_id == "1001"
    qa = tasks(store, clock, "7001", Role.QA)
    clock.advance(timedelta(days=2, hours=20).total_seconds())  # Monday 06:00
    (open_,) = qa.open_tasks().result(timeout=10)
    assert open_.deadline is DeadlineState.WARNING and open_.ticket_number is not None
    clock.advance(timedelta(hours=5).total_seconds())  # Monday 11:00
    assert qa.open_tasks().result(timeout=10)[0].deadline is DeadlineState.OVERDUE
    with pytest.raises(TaskRefused):
        qa.close(t.id, " ")
    done = qa.close(t.id, "听录音，态度确有问题，已扣分").result(timeout=10)
    assert done.state == "done" and qa.open_tasks().result(timeout=10) == []


def test_only_complaints_and_only_reviewers(store: Database) -> None:
    clock = FakeClock(FRIDAY_10)
    with pytest.raises(TaskRefused) as exc:
        tasks(store, clock).from_complaint(ticket(store, "inquiry"), "1001").result(timeout=10)
    assert exc.value.reason == "not_a_complaint"
    with pytest.raises(TaskRefused):
        tasks(store, clock).from_complaint(ticket(store, "complaint"), "x1")
    with pytest.raises(PermissionDenied):
        tasks(store, clock, "1002", Role.AGENT).from_complaint(ticket(store, "complaint"), "1001")
