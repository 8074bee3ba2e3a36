"""Sign-in tests: a real SQLite store, a fake clock, users added through the directory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callcenter.domain.clock import FakeClock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.auth.directory import UserDirectory
from callcenter.services.auth.sign_in import SignInService
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database


@dataclass
class AuthEnv:
    db: Database
    clock: FakeClock
    profile: SiteProfile
    users: UserDirectory
    signin: SignInService

    def add(self, user_id: str, password: str = "correct horse", role: str = "agent",
            must_change: bool = False, **kw: str) -> None:
        now = self.clock.utc_now()
        self.db.write_now(lambda s: self.users.add_in(
            s, user_id, name=kw.pop("name", "张敏"), role=role, password=password, now=now,
            must_change=must_change, **kw))


@pytest.fixture
def auth(tmp_path: Path) -> Iterator[AuthEnv]:
    db = open_database(tmp_path / "desk.sqlite3")
    clock = FakeClock(datetime(2026, 12, 7, 1, 0, tzinfo=UTC))
    profile = load_profile()
    env = AuthEnv(db, clock, profile, UserDirectory(profile, "W01"),
                  SignInService(db, profile, clock, "W01"))
    try:
        yield env
    finally:
        env.signin.close()
        db.close()
