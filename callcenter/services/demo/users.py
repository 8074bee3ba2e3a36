"""Demo users with known passwords (the README lists them), for ``--demo`` only.

Like the demo customers they stay on the desk (``capture_suspended``): each
demo desk seeds the same users under the same row ids, and nothing of it goes
to central. A real site adds its users with ``callcenter users add``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.directory import UserDirectory
from callcenter.services.storage.database import Database
from callcenter.store.auth_models import User
from callcenter.sync.outbox import capture_suspended


@dataclass(frozen=True)
class DemoUser:
    user_id: str
    name: str
    role: str
    department: str | None = None
    team: str | None = "A"

    @property
    def password(self) -> str:
        return f"demo{self.user_id}"


DEMO_USERS = (
    DemoUser("1001", "张敏", "agent"),
    DemoUser("1002", "李强", "agent"),
    DemoUser("9001", "王班长", "lead"),
    DemoUser("7001", "赵质检", "qa", team=None),
    DemoUser("8001", "抢修中心", "department", "repair", team=None),
    DemoUser("8002", "营销部", "department", "marketing", team=None),
    DemoUser("6001", "系统管理员", "admin", team=None),
)


def seed_demo_users(db: Database, profile: SiteProfile, clock: Clock, workstation: str) -> int:
    """Add the demo users if the store has no users; returns how many were added."""
    if db.read_now(lambda s: s.scalar(select(func.count(User.id)))):
        return 0
    directory = UserDirectory(profile, workstation, audit=False)  # nothing here leaves the desk
    now = clock.utc_now()

    def insert(s: Session) -> None:
        with capture_suspended(s):
            for u in DEMO_USERS:
                directory.add_in(s, u.user_id, name=u.name, role=u.role, password=u.password,
                                 now=now, team=u.team, department=u.department, must_change=False)
            s.flush()  # inside the suspension: the outbox captures at flush

    db.write_now(insert)
    return len(DEMO_USERS)
