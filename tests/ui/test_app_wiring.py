"""The composition root installs every feature into one window, and they talk:
activating a ticket in the search list opens its detail with the lifecycle actions."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from callcenter.app import AppOptions, build
from callcenter.domain.ticket import TicketDraft


def test_every_feature_is_installed_and_list_opens_detail(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = build(AppOptions(data_dir=tmp_path, demo=True, workstation="T01"))
    try:
        w = ctx.window
        qtbot.addWidget(w)
        w.show()
        tabs = [w.tools.tabText(i) for i in range(w.tools.count())]
        assert len(tabs) == 6  # call, script library, department desk, callbacks, outages, search
        ctx.telephony.stop()  # no random calls in this test
        ctx.desk.sign_in("9001")
        draft = TicketDraft(category="complaint", content="多次停电", caller_name="王五",
                            caller_phone="13800138002")
        saved = ctx.desk.tickets.save(draft, agent_id="9001").result(timeout=5)
        lifecycle = next(k for k in ctx.keep if type(k).__name__ == "LifecycleController")
        tickets_tab = next(k for k in ctx.keep if type(k).__name__ == "TicketListFeature")
        tickets_tab.view.ticketActivated.emit(str(saved.id))
        qtbot.waitUntil(lambda: saved.id in lifecycle.dialogs)
        dlg = lifecycle.dialogs[saved.id]
        assert dlg.detail.number == saved.number
        dlg.close()
        qtbot.waitUntil(lambda: saved.id not in lifecycle.dialogs)
    finally:
        ctx.shutdown()


def test_outage_hit_reaches_the_triage_script(qtbot: QtBot, tmp_path: Path) -> None:
    from callcenter.domain.agent_state import AgentState

    one_call = Path(__file__).parents[1] / "e2e" / "one_call.toml"  # 13800138001, in DEMO-F001
    ctx = build(AppOptions(data_dir=tmp_path, demo=True, scenario=one_call, workstation="T02"))
    try:
        qtbot.addWidget(ctx.window)
        ctx.window.show()
        scripts = next(k for k in ctx.keep if type(k).__name__ == "ScriptIntegration")
        outages = next(k for k in ctx.keep if type(k).__name__ == "OutageDesk")
        ctx.desk.sign_in("1024")
        ctx.desk.set_ready()
        qtbot.waitUntil(lambda: ctx.desk.status.state is AgentState.RINGING, timeout=10_000)
        with qtbot.waitSignal(outages.hitsShown, timeout=10_000):
            ctx.desk.answer()
        assert outages.active_hit() is not None
        qtbot.waitUntil(lambda: scripts.call is not None
                        and "known_outage" in scripts.call.conditions)
    finally:
        ctx.shutdown()


def test_rows_pulled_from_central_show_without_waiting_for_a_poll(
        qtbot: QtBot, tmp_path: Path) -> None:
    """A pulled emergency banner (raised by the lead at another desk) shows as soon
    as the sync round reports it; the outage console's own poll is a minute."""
    from datetime import UTC, datetime

    from callcenter.services.sync.engine import SyncReport
    from callcenter.store.outage_models import EmergencyBanner

    ctx = build(AppOptions(data_dir=tmp_path, workstation="T03"))
    try:
        qtbot.addWidget(ctx.window)
        ctx.window.show()
        ctx.telephony.stop()
        outages = next(k for k in ctx.keep if type(k).__name__ == "OutageDesk")
        qtbot.waitUntil(lambda: not outages.emergency.isVisible())
        now = datetime.now(UTC)
        ctx.db.write_unchecked_now(lambda s: s.add(EmergencyBanner(
            message="江城区大面积停电", script="您好……", raised_by="9001", raised_at=now,
            updated_at=now, origin_workstation="LEAD1")))
        assert ctx.sync is not None
        ctx.sync.bridge.on_report(SyncReport(pulled_rows=1, tables={"emergency_banners"}))
        qtbot.waitUntil(lambda: outages.emergency.isVisible())
        assert "江城区大面积停电" in outages.emergency.text.text()
    finally:
        ctx.shutdown()


def test_shutdown_stops_every_timer_before_the_store_closes(qtbot: QtBot, tmp_path: Path) -> None:
    """A feature's refresh tick that fired after shutdown used to submit a read to the
    closed store's executor ("cannot schedule new futures after shutdown")."""
    from PySide6.QtCore import QTimer

    ctx = build(AppOptions(data_dir=tmp_path, demo=True, workstation="T03"))
    qtbot.addWidget(ctx.window)
    ctx.telephony.stop()
    running = [t.objectName() for t in ctx.window.findChildren(QTimer) if t.isActive()]
    assert "departmentRefreshTick" in running
    ctx.shutdown()
    assert [t.objectName() for t in ctx.window.findChildren(QTimer) if t.isActive()] == []


def test_the_app_closes_a_shift_a_crash_left_open_when_it_starts(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 19: after kill -9 a shift kept no sign-out time for good."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from callcenter.services.storage.database import open_database
    from callcenter.store.models import AgentShift, AgentStateEvent

    then = datetime.now(UTC) - timedelta(hours=2)
    db = open_database(tmp_path / "desk.sqlite3")
    db.write_now(lambda s: s.add(AgentShift(agent_id="1024", signed_in_at=then, updated_at=then,
                                            origin_workstation="T04")))
    db.close()
    ctx = build(AppOptions(data_dir=tmp_path, workstation="T04"))
    try:
        qtbot.addWidget(ctx.window)
        ctx.telephony.stop()
        shift = ctx.db.read_now(lambda s: s.scalars(select(AgentShift)).one())
        assert shift.signed_out_at == then
        event = ctx.db.read_now(lambda s: s.scalars(select(AgentStateEvent)).one())
        assert (event.state, event.reason) == ("signed_out", "closed_by_recovery")
    finally:
        ctx.shutdown()
