"""The QA workspace tab through the real window: only for a QA reviewer; finds
calls by check result and agent; numbers masked; the checks shown with their
proving events; the replay button opens the call's timeline replay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.app import AppContext, AppOptions, build
from callcenter.bench.qa_checks import seed_calls, synthetic_calls
from callcenter.services.qa.workspace import ANY_FAILED
from callcenter.ui.qa.integration import QaFeature
from callcenter.ui.qa.workspace_view import SEQ_ROLE
from tests.ui.test_sign_in_ui import sign_in


@pytest.fixture
def ctx(qtbot: QtBot, tmp_path: Path) -> AppContext:
    c = build(AppOptions(data_dir=tmp_path, demo=True, workstation="T07"))
    c.telephony.stop()
    qtbot.addWidget(c.window)
    c.window.show()
    start = datetime.now(UTC) - timedelta(days=2)
    seed_calls(tmp_path / "desk.sqlite3",
               list(synthetic_calls(120, agents=("1001", "1002"), start=start, step_s=600)))
    yield c  # type: ignore[misc]
    c.shutdown()


def feature(ctx: AppContext) -> QaFeature:
    return next(k for k in ctx.keep if isinstance(k, QaFeature))


def test_the_qa_tab_is_for_reviewers_only(qtbot: QtBot, ctx: AppContext) -> None:
    f = feature(ctx)
    sign_in(qtbot, ctx, "1001", "demo1001")
    assert f.view is None
    ctx.window.sign_in_or_out()
    sign_in(qtbot, ctx, "7001", "demo7001")
    assert f.view is not None and ctx.window.tools.indexOf(f.view) >= 0
    ctx.window.sign_in_or_out()
    assert f.view is None


def test_find_failed_calls_of_an_agent_and_open_the_replay(qtbot: QtBot, ctx: AppContext) -> None:
    f = feature(ctx)
    sign_in(qtbot, ctx, "7001", "demo7001")
    view = f.view
    assert view is not None
    view.agent.setText("1002")
    view.check.setCurrentIndex(view.check.findData(ANY_FAILED))
    view.search_btn.click()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=15_000)
    rows = view.model.rows
    assert all(r.agent_id == "1002" and r.failed for r in rows)
    assert all("****" in r.caller for r in rows)  # QA sees numbers masked
    assert view.model.rowCount() < 120
    # the first row is selected: its checks are listed, failed ones with their events
    qtbot.waitUntil(lambda: view.checks.count() == 11, timeout=5_000)
    texts = [view.checks.item(i).text() for i in range(view.checks.count())]
    failed = [i for i, t in enumerate(texts) if t.startswith("✗")]
    assert failed
    assert all(isinstance(view.checks.item(i).data(SEQ_ROLE), int) or "events" not in texts[i]
               for i in failed)
    # the replay: the call on its time axis (ui/replay), loaded for the selected call
    from PySide6.QtWidgets import QApplication

    from callcenter.ui.replay.replay_dialog import ReplayDialog

    view.table.selectRow(0)
    view.replay_btn.click()

    def replay() -> ReplayDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, ReplayDialog) and w.isVisible()), None)
    qtbot.waitUntil(lambda: replay() is not None and getattr(replay(), "data", None) is not None,
                    timeout=15_000)
    dlg = replay()
    assert dlg is not None and dlg.data.call_id == rows[0].call_id
    assert dlg.timeline.events
    dlg.close()
    qtbot.waitUntil(lambda: replay() is None)

    # a failed check's line opens the replay at the event that proves it (asked for
    # before the call is read: the dialog seeks once it is)
    item = next(view.checks.item(i) for i in failed
                if isinstance(view.checks.item(i).data(SEQ_ROLE), int))
    seq = item.data(SEQ_ROLE)
    view.checks.itemActivated.emit(item)
    qtbot.waitUntil(lambda: replay() is not None and getattr(replay(), "data", None) is not None,
                    timeout=15_000)
    dlg = replay()
    assert dlg is not None
    event = next(e for e in dlg.timeline.events if e.index == seq - 1)
    qtbot.waitUntil(lambda: abs(dlg.position() - event.t_s) < 0.05, timeout=5_000)
    dlg.close()


def test_a_backwards_period_is_refused_and_nothing_is_lost(qtbot: QtBot, ctx: AppContext) -> None:
    f = feature(ctx)
    sign_in(qtbot, ctx, "7001", "demo7001")
    view = f.view
    assert view is not None
    view.agent.setText("1001")
    view.end.setDate(view.start.date().addDays(-1))
    view.search_btn.click()
    assert "before" in view.message.text() or "早于" in view.message.text()
    assert view.agent.text() == "1001" and view.search_btn.isEnabled()


def test_score_a_call_from_the_workspace(qtbot: QtBot, ctx: AppContext) -> None:
    from callcenter.domain.qa.forms import YES
    from callcenter.ui.qa.score_dialog import ScoreDialog

    f = feature(ctx)
    sign_in(qtbot, ctx, "7001", "demo7001")
    view = f.view
    assert view is not None
    view.search_btn.click()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=15_000)
    row = next(r for r in view.model.rows if r.outcome == "answered")
    view.table.selectRow(view.model.rows.index(row))
    view.score_btn.click()
    dlg = f.score_dialog
    assert isinstance(dlg, ScoreDialog) and dlg.isVisible()
    # the checks filled their questions in
    hang = dlg.rows["hang_up"].answer()
    assert hang.auto and hang.value == (YES if "customer_hung_up_first" not in row.failed else "no")
    dlg.submit_btn.click()
    assert "⚠" in dlg.error.text() and dlg.isVisible()  # unanswered questions
    dlg.rows["attitude"].value.setCurrentIndex(1)  # good
    dlg.rows["confirm"].value.setValue(5)
    dlg.rows["conduct"].value.setCurrentIndex(1)  # yes
    for code in ("apology", "greeting_id", "calming", "dispatch_phone", "key_fields", "wrapup"):
        r = dlg.rows[code]
        if r.answer().value is None and not r.answer().na:
            r.na.setChecked(True)
    # change a check's answer: a reason is asked for, nothing typed is lost
    r = dlg.rows["hang_up"]
    r.value.setCurrentIndex(2 if r.answer().value == YES else 1)
    dlg.submit_btn.click()
    assert "why" in dlg.error.text().lower() or "原因" in dlg.error.text() or "为何" in dlg.error.text()
    assert dlg.rows["confirm"].value.value() == 5
    r.reason.setText("听录音确认")
    dlg.submit_btn.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10_000)
    assert row.agent_id in view.message.text()


def test_the_agent_disputes_and_the_lead_rescores_on_one_desk(qtbot: QtBot, ctx: AppContext) -> None:
    """The UI path of a dispute (the cross-desk path: tests/sync/test_qa_reviews_sync.py)."""
    from callcenter.domain.auth.roles import Role
    from callcenter.domain.clock import SystemClock
    from callcenter.domain.qa.forms import NO, YES, Answer
    from callcenter.domain.qa.reviews import ReviewState
    from callcenter.services.qa.reviews import Reviews
    from callcenter.services.qa.workspace import CallFilter, QaWorkspace
    from callcenter.services.site.profile import load_profile
    from callcenter.ui.qa.reviews_feature import ReviewsFeature
    from tests.fakes import signed_in

    rf = next(k for k in ctx.keep if isinstance(k, ReviewsFeature))
    profile, reviewer = load_profile(), signed_in("7001", Role.QA)
    ws = QaWorkspace(ctx.db, profile, reviewer)
    call = next(r for r in ws.find(CallFilter(agent="1001")).result(timeout=10)
                if r.outcome == "answered")
    qa = Reviews(ctx.db, profile, SystemClock(), "T07", reviewer)  # another reviewer's desk session
    answers = {"apology": Answer(None, na=True), "greeting_id": Answer(None, na=True),
               "attitude": Answer("good"), "confirm": Answer(5), "calming": Answer(None, na=True),
               "key_fields": Answer(None, na=True), "dispatch_phone": Answer(None, na=True),
               "hang_up": Answer(NO), "wrapup": Answer(YES), "conduct": Answer(YES)}
    review = qa.submit(call.call_id, answers).result(timeout=10)

    sign_in(qtbot, ctx, "1001", "demo1001")
    view = rf.view
    assert view is not None and view.mode == "mine"
    qtbot.waitUntil(lambda: len(view.reviews) == 1, timeout=10_000)
    assert view.reviews[0].id == review.id and "1001" in view.list.item(0).text()
    view.second_btn.click()  # dispute without a reason: refused on the spot
    assert "⚠" in view.message.text()
    view.reason.setText("客户先挂的机")
    view.second_btn.click()
    qtbot.waitUntil(lambda: view.reviews and view.reviews[0].state is ReviewState.DISPUTED,
                    timeout=10_000)
    assert not view.second_btn.isEnabled()

    ctx.window.sign_in_or_out()
    sign_in(qtbot, ctx, "9001", "demo9001")
    lead_view = rf.view
    assert lead_view is not None and lead_view.mode == "disputed"
    qtbot.waitUntil(lambda: len(lead_view.reviews) == 1, timeout=10_000)
    lead_view.reason.setText("录音确认")
    lead_view.first_btn.click()
    dlg = rf.dialog
    assert dlg is not None and dlg.rows["hang_up"].answer().value == NO
    dlg.rows["hang_up"].value.setCurrentIndex(1)  # yes
    dlg.submit_btn.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: lead_view.reviews == [], timeout=10_000)  # no dispute left
    after = qa.get(review.id).result(timeout=10)
    assert after.state is ReviewState.RELEASED and after.score == 100.0
    assert [h.kind for h in after.history] == ["submitted", "disputed", "rescored"]


def test_a_complaint_becomes_a_review_task_and_is_closed(qtbot: QtBot, ctx: AppContext) -> None:
    f = feature(ctx)
    sign_in(qtbot, ctx, "7001", "demo7001")
    view = f.view
    assert view is not None
    view.category.setCurrentIndex(view.category.findData("complaint"))
    view.search_btn.click()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=15_000)
    assert all(r.category == "complaint" for r in view.model.rows)
    row = next(i for i, r in enumerate(view.model.rows) if r.ticket_id is not None)
    view.table.selectRow(row)
    panel = view.tasks
    assert panel.make_btn.isEnabled()
    panel.agent.setText("abc")
    panel.make_btn.click()
    qtbot.waitUntil(lambda: "⚠" in view.message.text(), timeout=5_000)
    assert panel.agent.text() == "abc"  # nothing typed is lost
    panel.agent.setText("1002")
    panel.note.setText("客户投诉坐席态度")
    panel.make_btn.click()
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    assert "1002" in panel.list.item(0).text() and panel.agent.text() == ""
    panel.list.setCurrentRow(0)
    panel.close_btn.click()  # no outcome yet
    qtbot.waitUntil(lambda: "⚠" in view.message.text(), timeout=5_000)
    panel.outcome.setText("听录音核实，已反馈班长")
    panel.close_btn.click()
    qtbot.waitUntil(lambda: panel.list.count() == 0, timeout=10_000)


def test_draw_a_reproducible_sample_in_the_workspace(qtbot: QtBot, ctx: AppContext) -> None:
    f = feature(ctx)
    sign_in(qtbot, ctx, "7001", "demo7001")
    view = f.view
    assert view is not None
    view.agent.setText("1001")
    view.sample_n.setValue(3)
    view.seed.setValue(95598)
    view.sample_btn.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3 and "95598" in view.message.text(),
                    timeout=15_000)
    first = sorted(str(r.call_id) for r in view.model.rows)
    assert all(r.agent_id == "1001" and r.outcome == "answered" for r in view.model.rows)
    view.model.set_rows([])
    view.sample_btn.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=15_000)
    assert sorted(str(r.call_id) for r in view.model.rows) == first
    stored = f.sampling.samples().result(timeout=10)  # type: ignore[union-attr]
    assert len(stored) == 2 and stored[0].query.seed == 95598
