"""The 交接班 tab in the real window: an agent's event and summary land in the
lead's draft; the compiled parts refresh while the lead's text is kept; submit
makes it read-only; the sign-out order refuses and says why; a lead overrides
with a reason that goes into the record; the PDF export writes a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.app import AppContext, AppOptions, build
from callcenter.domain.agent_state import AgentState
from callcenter.domain.handover.record import EntryKind, RecordState, Section
from callcenter.services.handover.shift import SignOutCheck
from callcenter.ui.handover.feature import HandoverFeature


@pytest.fixture
def ctx(qtbot: QtBot, tmp_path: Path) -> Iterator[AppContext]:
    c = build(AppOptions(data_dir=tmp_path, demo=True, workstation="T07"))
    c.telephony.stop()
    qtbot.addWidget(c.window)
    c.window.show()
    yield c
    c.shutdown()


def feature(ctx: AppContext) -> HandoverFeature:
    return next(k for k in ctx.keep if isinstance(k, HandoverFeature))


def sign_in(qtbot: QtBot, ctx: AppContext, uid: str) -> None:
    auth = ctx.auth
    assert auth is not None
    if auth.current is not None:
        auth.sign_out(force=True)
        qtbot.waitUntil(lambda: ctx.desk.status.state is AgentState.SIGNED_OUT, timeout=10_000)
    dlg = auth.request_sign_in()
    dlg.agent_id.setText(uid)
    dlg.password.setText(f"demo{uid}")
    dlg.submitted.emit()
    qtbot.waitUntil(lambda: auth.current is not None, timeout=10_000)


def test_agent_marks_lead_drafts_refreshes_keeps_text_and_submits(qtbot: QtBot,
                                                                  ctx: AppContext) -> None:
    f = feature(ctx)
    sign_in(qtbot, ctx, "1001")
    assert f.agent is not None and f.lead is None
    f.agent.event_text.setText("媒体记者来电询问停电原因")
    f.agent.event_class.setCurrentIndex(2)
    f.agent.report_kind.setCurrentIndex(4)  # media exposure: the 1-hour countdown
    f.agent.mark_btn.click()
    qtbot.waitUntil(lambda: f.agent is not None and f.agent.events.count() == 1, timeout=10_000)
    assert "59:5" in f.agent.events.item(0).text() or "60:00" in f.agent.events.item(0).text()
    f.agent.summary.setPlainText("本班受理12件")
    f.agent.message.clear()
    f.agent.summary_btn.click()
    qtbot.waitUntil(lambda: f.agent is not None and f.agent.message.text() != "", timeout=10_000)

    sign_in(qtbot, ctx, "9001")
    assert f.lead is not None and f.agent is not None  # the lead's own events tab
    assert f.lead.indexOf(f.agent) == 3 and f.agent.summary_box.isHidden()
    ctx.window.tools.setCurrentWidget(f.lead)
    f.lead.outgoing.open_btn.click()
    qtbot.waitUntil(lambda: f.draft is not None, timeout=10_000)
    boxes = f.lead.outgoing.boxes
    assert boxes[Section.EVENTS].items.count() == 1
    assert "媒体记者" in boxes[Section.EVENTS].items.item(0).text()
    assert "本班受理12件" in boxes[Section.OTHER].items.item(0).text()
    # the lead reports the media event to the province from the events tab
    qtbot.waitUntil(lambda: f.agent is not None and f.agent.events.count() == 1, timeout=10_000)
    f.agent.events.setCurrentRow(0)
    f.agent.reported_btn.click()
    qtbot.waitUntil(lambda: f.agent is not None and "(" not in f.agent.events.item(0).text()
                    and "9001" in f.agent.events.item(0).text(), timeout=10_000)
    boxes[Section.WEATHER].text.setPlainText("大风蓝色预警")
    boxes[Section.EVENTS].text.setPlainText("已电话报告主任")
    # the data changes while the lead edits: a new event arrives; the refresh keeps the text
    assert f.lead is not None
    info = f.info()
    assert info is not None
    f.shift.mark_event(info, "major", "10kV线路跳闸", None).result(timeout=5)
    f.tick()
    qtbot.waitUntil(lambda: boxes[Section.EVENTS].items.count() == 2, timeout=10_000)
    assert boxes[Section.WEATHER].text.toPlainText() == "大风蓝色预警"
    assert boxes[Section.EVENTS].text.toPlainText() == "已电话报告主任"
    reported = next(boxes[Section.EVENTS].items.item(i).text() for i in range(2)
                    if "媒体记者" in boxes[Section.EVENTS].items.item(i).text())
    assert "9001" in reported  # reported, by whom and when, in the record
    f.lead.outgoing.submit_btn.click()
    qtbot.waitUntil(lambda: f.draft is not None and f.draft.state is RecordState.SUBMITTED,
                    timeout=10_000)
    assert f.draft is not None and f.draft.texts["weather"] == "大风蓝色预警"
    assert boxes[Section.WEATHER].text.isReadOnly() and not f.lead.outgoing.submit_btn.isEnabled()

    # history finds it; the PDF export writes the file
    f.lead.history.search_btn.click()
    qtbot.waitUntil(lambda: f.lead is not None and f.lead.history.table.rowCount() == 1,
                    timeout=10_000)
    f.lead.history.table.selectRow(0)
    assert f.incoming is not None
    pdf = Path(ctx.db.path).parent / "record.pdf"
    f.incoming.export_pdf(str(pdf))
    qtbot.waitUntil(lambda: pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-", timeout=10_000)


def test_sign_out_order_refuses_and_a_lead_overrides_with_a_reason(qtbot: QtBot,
                                                                   ctx: AppContext) -> None:
    f = feature(ctx)
    sign_in(qtbot, ctx, "9001")
    assert f.lead is not None and ctx.auth is not None
    # what the tick read: the handover window is open and nobody of 白班 signed in yet
    f.timer.stop()
    qtbot.waitUntil(lambda: f.sign_out_state is not None, timeout=10_000)  # the first tick's read
    f.sign_out_state = SignOutCheck(False, "白班", 0)
    ctx.auth.sign_out()
    assert ctx.auth.current is not None  # still signed in, and told why
    assert "白班" in ctx.window.statusBar().currentMessage()
    f.lead.outgoing.override_reason.setText("家中急事，已报告主任")
    f.lead.outgoing.override_btn.click()
    qtbot.waitUntil(lambda: ctx.auth is not None and ctx.auth.current is None, timeout=10_000)
    info = f.info()
    assert info is not None
    from sqlalchemy import select

    from callcenter.store.handover_models import HandoverEntry
    rows = ctx.db.read_now(lambda s: s.execute(select(HandoverEntry).where(
        HandoverEntry.kind == EntryKind.SIGN_OUT_OVERRIDE.value)).scalars().all())
    assert [(r.author, r.text, r.shift_key) for r in rows] == [
        ("9001", "家中急事，已报告主任", info.slot.key)]
