"""Render issue 14's later QA screens offscreen: comments pinned on the replay
(reviewer and agent), the score dialog with its pins and release time, the
workspace after 显示完整号码, and the calibration tab.

    QT_QPA_PLATFORM=offscreen python -m tests.qa.render_qa_extras OUT_DIR [zh|en]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from callcenter.app import AppOptions, build
from callcenter.bench.qa_checks import seed_calls, synthetic_calls
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import SystemClock
from callcenter.domain.qa.forms import NO, Answer
from callcenter.services.qa.reviews import Reviews
from callcenter.ui.qa.calibration_feature import CalibrationFeature
from callcenter.ui.qa.integration import QaFeature
from callcenter.ui.qa.reviews_feature import ReviewsFeature
from callcenter.ui.replay.replay_dialog import ReplayDialog
from tests.fakes import signed_in
from tests.qa.render_qa import _save, _wait
from tests.qa.test_pins_ui import fill
from tests.qa.test_reviews_local import answers


def _sign_in(app: QApplication, ctx, user: str) -> None:  # type: ignore[no-untyped-def]
    auth = ctx.auth
    if auth.current is not None:
        ctx.window.sign_in_or_out()
    dlg = auth.request_sign_in()
    dlg.agent_id.setText(user)
    dlg.password.setText("demo" + user)
    dlg.submitted.emit()
    _wait(app, lambda: auth.current is not None and auth.current.actor.user_id == user)


def render(out: Path, lang: str = "zh") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build(AppOptions(data_dir=Path(tmp), demo=True, lang=lang, workstation="W01"))
        ctx.telephony.stop()
        seed_calls(Path(tmp) / "desk.sqlite3",
                   list(synthetic_calls(200, agents=("1001", "1002"),
                                        start=datetime.now(UTC) - timedelta(days=2), step_s=600)))
        w = ctx.window
        w.resize(1400, 800)
        w.show()
        _sign_in(app, ctx, "7001")
        f = next(k for k in ctx.keep if isinstance(k, QaFeature))
        view = f.view
        assert view is not None
        w.tools.setCurrentWidget(view)
        view.agent.setText("1001")
        view.search_btn.click()
        _wait(app, lambda: view.model.rowCount() > 0)
        i = next(i for i, r in enumerate(view.model.rows)
                 if r.outcome == "answered" and r.ticket_id is not None and r.contact)
        view.table.selectRow(i)
        row = view.model.rows[i]
        # reveal for this ticket
        view.reveal_btn.click()
        assert f.reveal_dialog is not None
        f.reveal_dialog.reason.setText("客户要求回电核实")
        f.reveal_dialog.buttons.accepted.emit()
        _wait(app, lambda: "****" not in view.numbers.text())
        shots.append(_save(w, out / f"qa_revealed_{lang}.png"))
        # replay + pins while scoring
        replay = f.open_replay(row)
        assert isinstance(replay, ReplayDialog)
        _wait(app, lambda: replay.timeline is not None)
        dlg = f.open_score(row)
        assert dlg is not None and dlg.pins is not None and dlg.release is not None
        dur = replay.timeline.duration_s if replay.timeline else 10.0
        for t, text in ((min(4.0, dur), "接听后未致歉"), (min(dur * 0.6, dur), "确认地址时语速过快")):
            replay.seek(t)
            dlg.pins.text.setText(text)
            dlg.pins.add()
        fill(dlg)
        dlg.release.at_btn.setChecked(True)
        app.processEvents()
        shots.append(_save(dlg, out / f"qa_score_pins_release_{lang}.png"))
        shots.append(_save(replay, out / f"qa_replay_pins_reviewer_{lang}.png"))
        dlg.release.now_btn.setChecked(True)
        dlg.submit_btn.click()
        _wait(app, lambda: not dlg.isVisible())
        replay.close()
        # calibration: two other reviewers scored blind; 7001 too
        profile = f._profile
        for who, over in (("7002", {"attitude": Answer("poor", comment="生硬")}),
                          ("7003", {"hang_up": Answer(NO)}), ("7001", {})):
            Reviews(ctx.db, profile, SystemClock(), "W01", signed_in(who, Role.QA)).submit(
                row.call_id, answers(**over), calibration=True).result(timeout=10)
        cal = next(k for k in ctx.keep if isinstance(k, CalibrationFeature))
        assert cal.view is not None
        cal.refresh()
        w.tools.setCurrentWidget(cal.view)
        _wait(app, lambda: cal.view is not None and cal.view.reviewer_table.rowCount() == 3)
        shots.append(_save(w, out / f"qa_calibration_{lang}.png"))
        # the agent's replay of the released review, with the pins
        _sign_in(app, ctx, "1001")
        rf = next(k for k in ctx.keep if isinstance(k, ReviewsFeature))
        rv = rf.view
        assert rv is not None
        w.tools.setCurrentWidget(rv)
        _wait(app, lambda: len(rv.reviews) == 1)
        shots.append(_save(w, out / f"qa_my_reviews_pins_{lang}.png"))
        agent_replay = rf.open_replay(rv.reviews[0])
        assert agent_replay is not None
        _wait(app, lambda: agent_replay.timeline is not None)
        agent_replay.seek(rv.reviews[0].pins[0].t_s)
        app.processEvents()
        shots.append(_save(agent_replay, out / f"qa_replay_pins_agent_{lang}.png"))
        agent_replay.close()
        ctx.shutdown()
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"):
        print(p)
