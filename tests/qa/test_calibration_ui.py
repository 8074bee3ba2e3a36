"""The calibration screen (质检校准) through the real window on a real store: the
QA lead picks a call scored blind by several reviewers and sees each reviewer's
score and the spread per question and per reviewer, numbers masked; blind until
they scored it themselves; the shift lead sees it at once; agents have no tab."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from callcenter.app import AppContext
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import SystemClock
from callcenter.domain.qa.forms import NO, Answer
from callcenter.services.qa.reviews import Reviews
from callcenter.services.qa.workspace import CallFilter, QaWorkspace
from callcenter.services.site.profile import load_profile
from callcenter.ui.qa.calibration_feature import CalibrationFeature
from callcenter.ui.qa.score_dialog import ScoreDialog
from tests.fakes import signed_in
from tests.qa.test_pins_ui import fill
from tests.qa.test_reviews_local import answers
from tests.qa.test_workspace_ui import ctx, feature  # noqa: F401 (the fixture)
from tests.ui.test_sign_in_ui import sign_in


def test_the_qa_lead_sees_the_spread_after_scoring_blind(qtbot: QtBot, ctx: AppContext) -> None:  # noqa: F811
    profile = load_profile()
    ws = QaWorkspace(ctx.db, profile, signed_in("7002", Role.QA))
    call = next(r for r in ws.find(CallFilter(agent="1002")).result(timeout=10)
                if r.outcome == "answered")
    for who, over in (("7002", {"attitude": Answer("poor", comment="生硬")}),
                      ("7003", {"hang_up": Answer(NO)})):
        Reviews(ctx.db, profile, SystemClock(), "T07", signed_in(who, Role.QA)).submit(
            call.call_id, answers(**over), calibration=True).result(timeout=10)

    cal = next(k for k in ctx.keep if isinstance(k, CalibrationFeature))
    sign_in(qtbot, ctx, "1002", "demo1002")
    assert cal.view is None  # not for agents
    ctx.window.sign_in_or_out()

    sign_in(qtbot, ctx, "7001", "demo7001")
    view = cal.view
    assert view is not None and ctx.window.tools.indexOf(view) >= 0
    qtbot.waitUntil(lambda: len(view.calls) == 1, timeout=10_000)
    c = view.calls[0]
    assert c.call_id == call.call_id and c.reviewers == 2 and not c.mine
    assert "****" in view.call_table.item(0, 2).text()  # masked
    # blind: 7001 has not scored it yet
    qtbot.waitUntil(lambda: "⚠" in view.summary.text(), timeout=10_000)
    assert view.reviewer_table.rowCount() == 0

    # score it blind from the workspace; the calibration tab follows
    f = feature(ctx)
    wv = f.view
    assert wv is not None
    wv.agent.setText("1002")
    wv.search_btn.click()
    qtbot.waitUntil(lambda: any(r.call_id == call.call_id for r in wv.model.rows), timeout=15_000)
    wv.table.selectRow(next(i for i, r in enumerate(wv.model.rows) if r.call_id == call.call_id))
    wv.calibrate_btn.click()
    dlg = f.score_dialog
    assert isinstance(dlg, ScoreDialog) and dlg.pins is None and dlg.release is None
    fill(dlg)
    dlg.submit_btn.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: view.calls and view.calls[0].reviewers == 3
                    and view.reviewer_table.rowCount() == 3, timeout=10_000)
    assert view.calls[0].mine
    reviewers = [view.reviewer_table.item(i, 0).text() for i in range(3)]
    assert reviewers == ["7001", "7002", "7003"]
    vs = {view.reviewer_table.item(i, 0).text(): view.reviewer_table.item(i, 2).text()
          for i in range(3)}
    assert vs["7002"].startswith("-")  # scored lower than the others
    # per question, widest spread first, each reviewer's share
    qt = view.question_table
    headers = [qt.horizontalHeaderItem(i).text() for i in range(qt.columnCount())]
    assert headers[1:4] == ["7001", "7002", "7003"]
    spreads = [qt.item(i, 4).text() for i in range(qt.rowCount())]
    assert spreads[0] == "100%" and spreads[-1] == "0%"
    assert qt.item(0, 0).text().startswith("⚠")
    ctx.window.sign_in_or_out()
    assert cal.view is None

    # the shift lead sees it without scoring
    sign_in(qtbot, ctx, "9001", "demo9001")
    lead = cal.view
    assert lead is not None
    qtbot.waitUntil(lambda: lead.reviewer_table.rowCount() == 3, timeout=10_000)
