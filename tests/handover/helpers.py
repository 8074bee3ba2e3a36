"""Stores for handover tests: a desk with users (passwords hashed as sign-in does)
and tickets, at a fixed time inside the 白班 of the default profile."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from callcenter.domain.clock import FakeClock
from callcenter.services.auth.directory import UserDirectory
from callcenter.services.handover.compile import ShiftInfo, shift_info
from callcenter.services.site.calendar import load_calendar
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database
from callcenter.sync.outbox import capture_suspended

# Monday 2026-11-23 15:55 in Asia/Shanghai: five minutes before 白班 ends
NOW = datetime(2026, 11, 23, 7, 55, tzinfo=UTC)
PROFILE = load_profile()
CALENDAR = load_calendar()
USERS = (("9001", "张班长", "shift_lead", "甲班"), ("9002", "李班长", "shift_lead", "乙班"),
         ("9003", "王班长", "shift_lead", "乙班"), ("1001", "赵坐席", "agent", "甲班"),
         ("2001", "钱坐席", "agent", "乙班"), ("2002", "孙坐席", "agent", "乙班"))


def password(user_id: str) -> str:
    return f"Pw-{user_id}-handover"


def info_at(at: datetime = NOW) -> ShiftInfo:
    return shift_info(PROFILE, at, CALENDAR.is_working_day)


def add_users(db: Database, ws: str) -> None:
    """The site's users, as central would have sent them (not pushed back)."""
    directory = UserDirectory(PROFILE, ws, audit=False)

    def run(s):  # type: ignore[no-untyped-def]
        with capture_suspended(s):
            for uid, name, role, team in USERS:
                directory.add_in(s, uid, name=name, role=role, password=password(uid), now=NOW,
                                 team=team, must_change=False)

    db.write_now(run)


def clock() -> FakeClock:
    return FakeClock(NOW)


def store_path(tmp: Path, name: str) -> Path:
    return tmp / f"{name}.sqlite3"
