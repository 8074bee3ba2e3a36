"""The actions the audit log records itself (issue 12): publishing a site
document or a script, raising and clearing the emergency banner; each record
commits with its action, and a refused publish leaves neither."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.clock import FakeClock
from callcenter.domain.site_profile import ProfileError
from callcenter.services.audit.log import AuditLog
from callcenter.services.audit.verify import verify_store
from callcenter.services.outages.lookup import Outages
from callcenter.services.scripts.admin import ScriptAdmin, ScriptRefused, published_sources
from callcenter.services.scripts.library import ScriptLibraryService
from callcenter.services.site.documents import publish_in
from callcenter.services.storage.database import Database, open_database

from tests.fakes import signed_in  # isort: skip
from tests.scripts.helpers import CATEGORIES, copy_shipped  # isort: skip
from tests.scripts.test_admin import NEW_HOLD  # isort: skip
from tests.services.test_site_documents import RENAMED  # isort: skip

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
LEAD = Actor("9001", Role.SHIFT_LEAD)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def _log(db: Database) -> list[tuple[str, str | None, str]]:
    entries = AuditLog(db, FakeClock(), "W01").recent().result()
    return [(e.entry.action, e.entry.user_id, e.entry.subject) for e in reversed(entries) if e.entry]


def test_a_site_publication_is_audited_with_it(db: Database) -> None:
    db.write_now(lambda s: publish_in(s, "profile", RENAMED, LEAD, NOW, "W01"))
    with pytest.raises(ProfileError):
        db.write_now(lambda s: publish_in(s, "profile", "unit_name = [", LEAD, NOW, "W01"))
    assert _log(db) == [("site_published", "9001", "profile #1")]


def test_a_script_publication_is_audited_and_a_draft_is_not(db: Database, tmp_path: Path) -> None:
    service = ScriptLibraryService(copy_shipped(tmp_path / "lib"), categories=CATEGORIES,
                                   published=lambda: published_sources(db))
    admin = ScriptAdmin(db, FakeClock(), "W01", service, user=signed_in("2001", Role.SHIFT_LEAD))
    admin.save_draft("hold", NEW_HOLD, "2001")
    admin.publish("hold", NEW_HOLD, "2001")
    with pytest.raises(ScriptRefused):
        admin.publish("hold", NEW_HOLD.replace('id = "hold"', 'id = "other"'), "2001")
    assert _log(db) == [("script_published", "2001", "hold #2")]


def test_the_emergency_banner_raised_and_cleared(db: Database) -> None:
    outages = Outages(db, FakeClock(), "W01", user=signed_in("9001", Role.SHIFT_LEAD))
    notice = outages.raise_emergency("江城区大面积停电", "您好……", "9001").result()
    outages.clear_emergency(notice.id).result()
    outages.clear_emergency(notice.id).result()  # already cleared: nothing to record
    assert _log(db) == [("emergency_raised", "9001", "江城区大面积停电"),
                        ("emergency_cleared", "9001", "江城区大面积停电")]
    assert verify_store(db).intact
