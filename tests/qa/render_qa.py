"""Render the QA screens offscreen: the QA workspace with failed calls found and
one call's automatic checks.

    QT_QPA_PLATFORM=offscreen python -m tests.qa.render_qa OUT_DIR [zh|en]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from callcenter.app import AppOptions, build
from callcenter.bench.qa_checks import seed_calls, synthetic_calls
from callcenter.services.qa.workspace import ANY_FAILED
from callcenter.ui.qa.integration import QaFeature


def _wait(app: QApplication, cond, ms: int = 15_000) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(ms)
    while not cond():
        if deadline.hasExpired():
            raise TimeoutError("render step did not finish")
        app.processEvents()


def _save(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    return path


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
        auth = ctx.auth
        assert auth is not None
        dlg = auth.request_sign_in()
        dlg.agent_id.setText("7001")
        dlg.password.setText("demo7001")
        dlg.submitted.emit()
        _wait(app, lambda: auth.current is not None)
        feature = next(k for k in ctx.keep if isinstance(k, QaFeature))
        view = feature.view
        assert view is not None
        w.tools.setCurrentWidget(view)
        view.check.setCurrentIndex(view.check.findData(ANY_FAILED))
        view.search_btn.click()
        _wait(app, lambda: view.model.rowCount() > 0 and view.checks.count() > 0)
        shots.append(_save(w, out / f"qa_workspace_{lang}.png"))
        row = view.current_row()
        assert row is not None
        dlg = feature.open_score(row)
        assert dlg is not None
        _wait(app, dlg.isVisible)
        shots.append(_save(dlg, out / f"qa_score_{lang}.png"))
        dlg.submit_btn.click()  # unanswered questions: the problems are listed
        app.processEvents()
        shots.append(_save(dlg, out / f"qa_score_problems_{lang}.png"))
        dlg.reject()
        # a review released to agent 1001, seen on their "My reviews" tab
        from callcenter.domain.qa.forms import NO, YES, Answer
        from callcenter.ui.qa.reviews_feature import ReviewsFeature

        call = next(r for r in view.model.rows if r.agent_id == "1001" and r.outcome == "answered")
        na = Answer(None, na=True)
        feature.reviews.submit(call.call_id, {
            "apology": na, "greeting_id": na, "attitude": Answer("fair", comment="语气略显生硬"),
            "confirm": Answer(3), "calming": na, "key_fields": na, "dispatch_phone": na,
            "hang_up": Answer(NO, comment="坐席先挂机"), "wrapup": Answer(YES),
            "conduct": Answer(YES)}).result(timeout=10)
        w.sign_in_or_out()
        dlg2 = auth.request_sign_in()
        dlg2.agent_id.setText("1001")
        dlg2.password.setText("demo1001")
        dlg2.submitted.emit()
        _wait(app, lambda: auth.current is not None and auth.current.actor.user_id == "1001")
        rf = next(k for k in ctx.keep if isinstance(k, ReviewsFeature))
        rview = rf.view
        assert rview is not None
        w.tools.setCurrentWidget(rview)
        _wait(app, lambda: len(rview.reviews) == 1)
        shots.append(_save(w, out / f"qa_my_reviews_{lang}.png"))
        ctx.shutdown()
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"):
        print(p)
