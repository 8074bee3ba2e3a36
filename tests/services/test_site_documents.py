"""The site profile and calendar published to every desk: a publish is checked
first, the newest readable version wins, an unreadable one is skipped for the
one before it, the shipped files are the fallback; ``callcenter site`` and the
app's start use them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from callcenter.cli import main as cli_main
from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.calendar import CalendarError
from callcenter.domain.site_profile import ProfileError
from callcenter.services.site.calendar import DEFAULT_CALENDAR
from callcenter.services.site.documents import current_calendar, current_profile, publish_in
from callcenter.services.site.profile import DEFAULT_PROFILE, load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.store.site_models import SiteDocument
from callcenter.sync import outbox_reader as reader

LEAD = Actor("9001", Role.SHIFT_LEAD)  # publishes site documents

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SHIPPED = DEFAULT_PROFILE.read_text(encoding="utf-8")
RENAMED = SHIPPED.replace('unit_name = "国网临江供电公司"', 'unit_name = "国网江城供电公司"')
EXTRA_HOLIDAY = DEFAULT_CALENDAR.read_text(encoding="utf-8").replace(
    'holidays = [\n', 'holidays = [\n  "2026-11-24",\n', 1)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def publish(db: Database, kind: str, text: str) -> int:
    return db.write_now(lambda s: publish_in(s, kind, text, LEAD, NOW, "W01")).number


def test_without_publications_the_shipped_files_are_used(db: Database) -> None:
    assert current_profile(db) == load_profile()
    assert current_calendar(db).is_working_day(date(2026, 11, 24))


def test_the_newest_published_version_is_used_and_synced(db: Database) -> None:
    assert RENAMED != SHIPPED and EXTRA_HOLIDAY != DEFAULT_CALENDAR.read_text(encoding="utf-8")
    assert publish(db, "profile", RENAMED) == 1
    assert publish(db, "calendar", EXTRA_HOLIDAY) == 1
    assert current_profile(db).unit_name == "国网江城供电公司"
    assert not current_calendar(db).is_working_day(date(2026, 11, 24))
    assert publish(db, "profile", SHIPPED) == 2
    assert current_profile(db).unit_name == "国网临江供电公司"
    # each publish is an op for central, like any synced row, with its audit record
    status = db.read_now(reader.queue_status)
    assert (status.depth, status.transactions) == (6, 3)


def test_a_document_with_a_problem_is_refused_with_its_line(db: Database) -> None:
    broken = SHIPPED.replace("limit = 3 ", "limit = -3 ")
    assert broken != SHIPPED
    with pytest.raises(ProfileError, match=r"^profile \(not published\):\d+: "):
        publish(db, "profile", broken)
    with pytest.raises(CalendarError):
        publish(db, "calendar", "[years.2026]\nholidays = [\"2026-13-01\"]\n")
    with pytest.raises(ValueError, match="unknown site document kind"):
        publish(db, "greeting", "x")
    assert db.read_now(lambda s: s.query(SiteDocument).count()) == 0


def test_an_unreadable_newer_version_is_skipped(db: Database,
                                                caplog: pytest.LogCaptureFixture) -> None:
    """A version this desk cannot read (say a newer app's format arrived by sync)
    is skipped with the reason; the one before it is used."""
    publish(db, "profile", RENAMED)

    def arrived_from_elsewhere(s: object) -> None:
        from sqlalchemy.orm import Session

        assert isinstance(s, Session)
        s.add(SiteDocument(kind="profile", number=2, source="[site]\ncode = 1\n", author="x",
                           created_at=NOW, updated_at=NOW, origin_workstation="W99"))

    db.write_now(arrived_from_elsewhere)
    assert current_profile(db).unit_name == "国网江城供电公司"
    assert "site_documents/profile#2" in caplog.text


def test_the_site_command_publishes_and_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime

    from callcenter.services.auth.directory import UserDirectory

    users = UserDirectory(load_profile(), "W01", audit=False)
    store = open_database(tmp_path / "desk.sqlite3")
    try:  # the author is a shift lead in the users table (roles come from it)
        store.write_now(lambda s: users.add_in(s, "9001", name="王班长", role="lead",
                                               password="lead-pw-1", now=datetime.now(UTC)))
    finally:
        store.close()
    (tmp_path / "p.toml").write_text(RENAMED, encoding="utf-8")
    (tmp_path / "bad.toml").write_text(SHIPPED.replace("limit = 3 ", "limit = -3 "), encoding="utf-8")
    assert cli_main(["site", "list", "--data-dir", str(tmp_path)]) == 0
    assert "nothing published" in capsys.readouterr().out
    assert cli_main(["site", "publish", "--profile", str(tmp_path / "bad.toml"), "--author", "9001",
                     "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'bad.toml'}:") and "limit" in err
    assert cli_main(["site", "publish", "--profile", str(tmp_path / "p.toml"), "--author", "9001",
                     "--data-dir", str(tmp_path)]) == 0
    assert "published profile #1" in capsys.readouterr().out
    assert cli_main(["site", "list", "--data-dir", str(tmp_path)]) == 0
    assert "profile #1" in capsys.readouterr().out
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        assert current_profile(db).unit_name == "国网江城供电公司"
    finally:
        db.close()


# an agent, QA, a department user, and SQL-looking text (an unknown ID: an agent)
@pytest.mark.parametrize("author", ["1024", "7001", "8001", "9001' OR '1'='1"])
def test_only_a_shift_lead_publishes_site_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    author: str) -> None:
    (tmp_path / "p.toml").write_text(RENAMED, encoding="utf-8")
    assert cli_main(["site", "publish", "--profile", str(tmp_path / "p.toml"), "--author", author,
                     "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{author} (" in err and "only a shift lead" in err and "nothing was published" in err
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        assert db.read_now(lambda s: s.scalars(select(SiteDocument)).all()) == []
    finally:
        db.close()
    with pytest.raises(PermissionDenied) as denied:  # the service itself, not only the command
        publish_in(None, "profile", RENAMED, Actor(author, Role.AGENT), NOW, "W01")  # type: ignore[arg-type]
    assert denied.value.reason == "role"
