"""Render the handover screens offscreen: the lead's draft, the incoming lead's
confirmation (refused password, then confirmed), the history, the agent's tab
and the exported PDF's first page.

    QT_QPA_PLATFORM=offscreen python -m tests.handover.render_handover OUT_DIR [zh|en]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from callcenter.app import AppContext, AppOptions, build
from callcenter.domain.handover.record import Section
from callcenter.ui.handover.feature import HandoverFeature


def wait(app: QApplication, cond: Any, ms: int = 15_000) -> None:
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(ms)
    while not cond():
        if deadline.hasExpired():
            raise TimeoutError("render step did not finish")
        app.processEvents()


def save(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    return path


def sign_in(app: QApplication, ctx: AppContext, uid: str) -> None:
    auth = ctx.auth
    assert auth is not None
    if auth.current is not None:
        auth.sign_out(force=True)
    dlg = auth.request_sign_in()
    dlg.agent_id.setText(uid)
    dlg.password.setText(f"demo{uid}")
    dlg.submitted.emit()
    wait(app, lambda: auth.current is not None)


def feature(ctx: AppContext) -> HandoverFeature:
    return next(k for k in ctx.keep if isinstance(k, HandoverFeature))


def render(out: Path, lang: str = "zh") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build(AppOptions(data_dir=Path(tmp), demo=True, lang=lang, workstation="W01"))
        ctx.telephony.stop()
        w = ctx.window
        w.resize(1400, 900)
        w.show()
        f = feature(ctx)
        # an agent marks a Q71 event and writes a summary
        sign_in(app, ctx, "1001")
        assert f.agent is not None
        f.agent.event_text.setText("幸福路小区集体投诉停电，5人来电")
        f.agent.report_kind.setCurrentIndex(6)
        f.agent.mark_btn.click()
        wait(app, lambda: f.agent is not None and f.agent.events.count() == 1)
        f.agent.summary.setPlainText("本班受理42件，2件待回访；幸福路停电来电集中。")
        f.agent.summary_btn.click()
        wait(app, lambda: f.agent is not None and f.agent.message.text() != "")
        w.tools.setCurrentWidget(f.agent)
        shots.append(save(w, out / "handover_agent.png"))
        # the outgoing lead opens the draft, writes, submits
        sign_in(app, ctx, "9001")
        assert f.lead is not None
        f.open_draft()
        wait(app, lambda: f.draft is not None)
        lead = f.lead
        lead.outgoing.boxes[Section.WEATHER].text.setPlainText("傍晚雷阵雨，风力6级")
        w.tools.setCurrentWidget(lead)
        app.processEvents()
        shots.append(save(w, out / "handover_draft.png"))
        lead.outgoing.submit_btn.click()
        wait(app, lambda: f.draft is not None and f.draft.state.value == "submitted")
        # the incoming lead: a second lead (the demo has one) on the same store
        from callcenter.services.auth.directory import UserDirectory
        from callcenter.sync.outbox import capture_suspended

        def add_lead(s: Any) -> None:
            with capture_suspended(s):
                UserDirectory(ctx.desk.profile, "W01", audit=False).add_in(
                    s, "9002", name="李班长", role="shift_lead", password="demo9002",
                    now=datetime.now(UTC), team="乙班", must_change=False)
        ctx.db.write_now(add_lead)
        sign_in(app, ctx, "9002")
        lead = f.lead
        assert lead is not None and f.incoming is not None
        w.tools.setCurrentWidget(lead)
        lead.setCurrentWidget(lead.incoming)
        wait(app, lambda: f.incoming is not None and f.incoming.record is not None)
        box = lead.incoming.boxes[Section.OPEN_TICKETS].items
        if box.count():
            box.item(0).setCheckState(Qt.CheckState.Checked)
        lead.incoming.password.setText("wrong")
        lead.incoming.confirm_btn.click()
        wait(app, lambda: lead.incoming.message.text() != "")
        shots.append(save(w, out / "handover_incoming_refused.png"))
        lead.incoming.check_btn.click()
        lead.incoming.password.setText("demo9002")
        lead.incoming.message.setText("")
        lead.incoming.confirm_btn.click()
        wait(app, lambda: f.incoming is not None and f.incoming.record is not None
             and f.incoming.record.state.value == "confirmed")
        app.processEvents()
        shots.append(save(w, out / "handover_incoming_confirmed.png"))
        lead.setCurrentWidget(lead.history)
        lead.history.search_btn.click()
        wait(app, lambda: lead.history.table.rowCount() > 0)
        shots.append(save(w, out / "handover_history.png"))
        lead.history.table.selectRow(0)
        assert f.incoming is not None
        pdf = out / "handover_record.pdf"
        f.incoming.export_pdf(str(pdf))
        wait(app, lambda: pdf.exists() and pdf.stat().st_size > 0)
        shots.append(pdf)
        ctx.shutdown()
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"):
        print(p)
