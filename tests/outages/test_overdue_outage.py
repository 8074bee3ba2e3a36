"""Issue 17 item 21, in a real desk window: an outage past its expected restore time
with no restore recorded shows as 超过预计恢复时间，待核实; after the profile's
``[outages] unverified_after_hours`` it no longer takes the caller's repair ticket
(no link dialog, the ticket is dispatched)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from callcenter.domain.agent_state import AgentState
from callcenter.store.models import Ticket
from callcenter.store.outage_models import Outage, TicketOutageLink
from callcenter.ui.outages.integration import OutageDesk
from callcenter.ui.shared.i18n import install_translator
from tests.ui.desk_window import DeskWindow

from .test_outage_ui import answer_call, dw, fill_repair, press

__all__ = ["dw"]  # the desk window fixture, shared with the outage UI tests


@pytest.fixture
def zh(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    assert tr is not None
    yield
    app.removeTranslator(tr)


def _overdue_by(d: DeskWindow, hours: float) -> None:
    """DEMO-F001 (the fault covering 13800138001) expected back ``hours`` ago, no restore."""
    now = d.clock.utc_now()
    d.db.write_now(lambda s: s.execute(update(Outage).where(Outage.source_id == "DEMO-F001").values(
        start_at=now - timedelta(hours=hours + 3), expected_restore_at=now - timedelta(hours=hours))))


def test_profile_sets_when_an_overdue_outage_stops_taking_repairs(dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, _od = dw
    assert d.desk.profile.outage_unverified_after == timedelta(hours=4)


def test_overdue_outage_is_shown_to_be_verified_and_still_takes_the_repair(
        qtbot: QtBot, zh: None, dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    _overdue_by(d, 1)
    answer_call(qtbot, d, od)
    assert "超过预计恢复时间，待核实" in od.banner.title.text()
    hit = od.active_hit()
    assert hit is not None and hit.source_id == "DEMO-F001" and hit.overdue
    with qtbot.waitSignal(od.boardShown, timeout=5000):
        od.refresh()
    model = od.console.views["active"][1]
    phases = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert "超过预计恢复时间，待核实" in phases
    fill_repair(qtbot, d)
    press(qtbot, d, Qt.Key.Key_F9)  # within the profile's time it is still linked
    qtbot.waitUntil(lambda: od.link_dialog is not None and od.link_dialog.isVisible())
    assert od.link_dialog is not None
    od.link_dialog.reject()


def test_long_overdue_outage_no_longer_swallows_new_repair_tickets(
        qtbot: QtBot, zh: None, dw: tuple[DeskWindow, OutageDesk]) -> None:
    d, od = dw
    _overdue_by(d, 5)  # the profile says 4 hours
    answer_call(qtbot, d, od)
    assert "超过预计恢复时间，待核实" in od.banner.title.text()  # still shown to the agent
    assert od.active_hit() is None
    fill_repair(qtbot, d)
    press(qtbot, d, Qt.Key.Key_F9)  # 下发工单: not intercepted
    qtbot.waitUntil(lambda: d.desk.status.state is AgentState.READY or bool(d.window.form.error_text()))
    assert not d.window.form.error_text()
    assert od.link_dialog is None
    t = d.db.read_now(lambda s: s.scalars(select(Ticket).where(Ticket.created_by == "1001")).one())
    assert t.status == "dispatched" and t.department == "repair"
    assert d.db.read_now(lambda s: s.scalars(select(TicketOutageLink)).all()) == []
