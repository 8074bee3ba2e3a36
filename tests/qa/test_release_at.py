"""Release at a set time: the agent sees the review only from then (the service
filters by the injected clock; UTC stored, site-local shown) — on a real SQLite
store, and through the real window."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from callcenter.app import AppContext
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import FakeClock
from callcenter.services.qa.reviews import ReviewNotFound
from callcenter.ui.qa.reviews_feature import ReviewsFeature
from callcenter.ui.qa.score_dialog import ScoreDialog
from tests.qa.test_pins_ui import fill
from tests.qa.test_reviews_local import answers, desk, reviews  # noqa: F401 (the fixture)
from tests.qa.test_workspace_ui import ctx, feature  # noqa: F401 (the fixture)
from tests.ui.test_sign_in_ui import sign_in


def test_the_agent_sees_it_from_the_set_time(desk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    db, call_id, clock = desk
    at = clock.utc_now() + timedelta(hours=3)
    qa = reviews(db, clock, "7001", Role.QA)
    r = qa.submit(call_id, answers(), release_at=at).result(timeout=10)
    assert r.released_at == at and r.history[0].data["release_at"] == at.isoformat()
    agent = reviews(db, clock, "1001", Role.AGENT)
    assert agent.mine().result(timeout=10) == []
    with pytest.raises(ReviewNotFound):
        agent.get(r.id).result(timeout=10)
    with pytest.raises(ReviewNotFound):  # nor can it be signed off or disputed before then
        agent.dispute(r.id, "太早").result(timeout=10)
    clock.advance(3 * 3600 - 1)
    assert agent.mine().result(timeout=10) == []
    clock.advance(1)
    assert [v.id for v in agent.mine().result(timeout=10)] == [r.id]
    assert agent.sign_off(r.id).result(timeout=10).state.value == "signed_off"


def test_a_passed_time_releases_now_and_a_naive_one_is_refused(desk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    db, call_id, clock = desk
    qa = reviews(db, clock, "7001", Role.QA)
    r = qa.submit(call_id, answers(), release_at=clock.utc_now() - timedelta(days=1)).result(timeout=10)
    assert r.released_at == clock.utc_now() and "release_at" not in r.history[0].data
    with pytest.raises(ValueError):
        qa.submit(call_id, answers(), release_at=datetime(2030, 1, 1))
    assert len(reviews(db, clock, "1001", Role.AGENT).mine().result(timeout=10)) == 1
    assert uuid.UUID(str(r.id))


def test_release_at_through_the_window(qtbot: QtBot, ctx: AppContext) -> None:  # noqa: F811
    f = feature(ctx)
    rf = next(k for k in ctx.keep if isinstance(k, ReviewsFeature))
    fc = FakeClock(start=datetime.now(UTC))
    f._clock = fc  # the clock the reviews service and the chooser read (injected)
    f.reviews._clock = fc
    sign_in(qtbot, ctx, "7001", "demo7001")
    view = f.view
    assert view is not None
    view.agent.setText("1001")
    view.search_btn.click()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=15_000)
    row = next(r for r in view.model.rows if r.outcome == "answered")
    view.table.selectRow(view.model.rows.index(row))
    view.score_btn.click()
    dlg = f.score_dialog
    assert isinstance(dlg, ScoreDialog) and dlg.release is not None
    fill(dlg)
    tz = ZoneInfo(f._profile.timezone)
    chooser = dlg.release
    assert chooser.now_btn.isChecked() and not chooser.when.isEnabled()
    chooser.at_btn.setChecked(True)
    assert chooser.when.isEnabled() and dlg.submit_btn.text() in (
        "Submit; release at the set time", "提交，定时发布")
    chooser.set_local(fc.utc_now() - timedelta(hours=1))  # passed: refused, nothing lost
    dlg.submit_btn.click()
    assert "⚠" in dlg.error.text() and dlg.isVisible()
    assert dlg.rows["confirm"].value.value() == 5
    local = (fc.utc_now() + timedelta(days=1)).astimezone(tz).replace(hour=9, minute=30, second=0,
                                                                         microsecond=0)
    chooser.set_local(local)
    dlg.submit_btn.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10_000)
    assert local.strftime("%Y-%m-%d %H:%M") in view.message.text()  # shown site-local

    ctx.window.sign_in_or_out()
    sign_in(qtbot, ctx, "1001", "demo1001")
    rv = rf.view
    assert rv is not None
    qtbot.waitUntil(lambda: rv.list.count() == 0 and rv.detail.toPlainText() != "", timeout=10_000)
    assert rv.reviews == []
    fc.advance((local.astimezone(UTC) - fc.utc_now()).total_seconds())
    rv.refresh_btn.click()
    qtbot.waitUntil(lambda: len(rv.reviews) == 1, timeout=10_000)
    assert rv.reviews[0].released_at == local.astimezone(UTC)
    assert local.strftime("%Y-%m-%d %H:%M") in rv.list.item(0).text()
