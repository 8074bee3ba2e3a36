"""Shift leads publish versions in tables (real SQLite); agents see published ones;
a call keeps the library it was answered with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.clock import FakeClock
from callcenter.services.scripts.admin import ScriptAdmin, ScriptRefused, published_sources
from callcenter.services.scripts.call_lines import CallScripts
from callcenter.services.scripts.library import ScriptLibraryService
from callcenter.services.storage.database import Database, open_database
from callcenter.store.script_models import ScriptVersion
from tests.fakes import signed_in

from .helpers import CATEGORIES, copy_shipped

NEW_HOLD = '''id = "hold"
title = "保持通话用语"
role = "hold"
phase = "hold"
text = "{customer_name}，请您稍候，我马上为您查询。"
'''


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


@pytest.fixture
def admin(db: Database, tmp_path: Path) -> ScriptAdmin:
    lib_dir = copy_shipped(tmp_path / "lib")
    service = ScriptLibraryService(lib_dir, categories=CATEGORIES, published=lambda: published_sources(db))
    return ScriptAdmin(db, FakeClock(), "W01", service, user=signed_in("2001", Role.SHIFT_LEAD))


def test_publish_makes_a_numbered_version_with_its_author(admin: ScriptAdmin, db: Database) -> None:
    assert admin.library.library.get("hold").version == 0  # type: ignore[union-attr]
    info = admin.publish("hold", NEW_HOLD, "2001")
    assert (info.number, info.state, info.author) == (1, "published", "2001")
    hold = admin.library.library.get("hold")
    assert hold is not None and hold.version == 1 and "马上为您查询" in hold.text.source
    admin.user.set(Actor("2002", Role.SHIFT_LEAD))  # another lead at this desk
    second = admin.publish("hold", NEW_HOLD.replace("马上", "立即"), "2002")
    assert second.number == 2
    versions = admin.versions("hold")
    assert [(v.number, v.state, v.author) for v in versions] == [
        (2, "published", "2002"), (1, "published", "2001"), (0, "shipped", "")]
    rows = db.read_now(lambda s: list(s.scalars(select(ScriptVersion))))
    assert all(r.origin_workstation == "W01" and r.updated_at and r.id.version == 7 for r in rows)


def test_drafts_are_kept_but_agents_do_not_see_them(admin: ScriptAdmin) -> None:
    admin.save_draft("hold", NEW_HOLD.replace("马上", "草稿"), "2001")
    admin.library.reload()
    assert "草稿" not in admin.library.library.get("hold").text.source  # type: ignore[union-attr]
    assert admin.versions("hold")[0].state == "draft"


def test_publishing_a_bad_script_is_refused_with_lines(admin: ScriptAdmin) -> None:
    bad = NEW_HOLD.replace("{customer_name}", "{customer_nam}")
    with pytest.raises(ScriptRefused) as err:
        admin.publish("hold", bad, "2001")
    assert err.value.problems[0].line == 5 and "customer_nam" in err.value.problems[0].reason
    with pytest.raises(ScriptRefused):
        admin.publish("hold", NEW_HOLD.replace('id = "hold"', 'id = "other"'), "2001")
    assert admin.versions("hold")[0].number == 0  # nothing stored


def test_a_call_keeps_the_library_it_was_answered_with(admin: ScriptAdmin) -> None:
    call = CallScripts(admin.library.library, "zh", {"customer_name": "张女士"})
    admin.publish("hold", NEW_HOLD, "2001")
    assert "不要挂机" in call.lines("hold")[0].text  # the shipped wording, unchanged mid-call
    nxt = CallScripts(admin.library.library, "zh", {"customer_name": "张女士"})
    assert nxt.lines("hold")[0].text == "张女士，请您稍候，我马上为您查询。"
    assert nxt.lines("hold")[0].version == 1


def test_published_versions_survive_a_restart(admin: ScriptAdmin, db: Database) -> None:
    admin.publish("hold", NEW_HOLD, "2001")
    again = ScriptLibraryService(admin.library.directory, categories=CATEGORIES,
                                 published=lambda: published_sources(db))
    assert again.library.get("hold").version == 1  # type: ignore[union-attr]


def test_preview_uses_sample_values_and_shows_blanks(admin: ScriptAdmin) -> None:
    preview = admin.preview(NEW_HOLD)
    assert preview.lines == ["张女士，请您稍候，我马上为您查询。"] and not preview.problems
    triage = admin.versions("fault_repair_triage")[0].source
    lines = admin.preview(triage).lines
    assert any("[arrears]" in line for line in lines)
    assert any("→ single_household" in line for line in lines)


def test_script_versions_table_can_sync() -> None:
    from callcenter.store.all_models import Base

    table = Base.metadata.tables["script_versions"]
    assert {"id", "version", "updated_at", "deleted_at", "origin_workstation"} <= set(table.c.keys())
    assert all(c.name for c in table.constraints)
