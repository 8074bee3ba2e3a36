"""The 班长看板 tab: it opens for a lead only, shows the seeded shift's figures
(worked out by hand from tests/board/shift.py), live states with time in state
and unknown desks, each chart's numbers as a table, and a bad agent ID said."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.board.states import DeskState
from callcenter.domain.clock import FakeClock
from callcenter.services.alerts.inbox import Alerts, AlertView
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.board.live import BoardStates
from callcenter.services.storage.database import Database
from callcenter.ui.shared.i18n import install_translator
from tests.board import shift
from tests.fakes import signed_in
from tests.ui.board_rig import board, seeded, wait_loaded


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    assert tr is not None
    yield
    app.removeTranslator(tr)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = seeded(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def test_the_board_for_a_lead(qtbot: QtBot, db: Database) -> None:
    window, auth, feature = board(db)
    qtbot.addWidget(window)
    auth.signedIn.emit(SignedIn(Actor("1001", Role.AGENT), "陈静", "A", False))
    assert feature.view is None and window.tools.count() == 0  # not for an agent
    data = wait_loaded(qtbot, feature, auth.lead)
    view = feature.view
    assert view is not None and window.tools.tabText(0) == "班长看板"
    # "today" at 18:00 site time: team A's five calls of the shift and the one at 18:30
    assert (data.figures.offered, data.figures.answered) == (6, 4)
    assert view.tiles["offered"].value.text() == "6 / 4"
    assert view.tiles["service_level"].value.text() == "50.0 %"  # calls 1, 4, 7 of 6
    assert "低于目标" in view.tiles["service_level"].note.text()  # target 80 %, said in words
    assert view.tiles["deadlines"].value.text() == "1 / 1"
    again = wait_loaded(qtbot, feature, lambda: feature.refresh(full=False))  # the periodic one
    assert again.figures == data.figures and again is not data
    assert view.late_model.item(0, 3).text() == "139****5678"  # phone masked
    # a chart's numbers are one click away, its formula on hover
    chart = view.calls_chart
    assert chart.toolTip().startswith("呼入 = 接通")
    chart.toggle.click()
    assert chart.stack.currentWidget() is chart.table
    assert chart.table_model.rowCount() == 3  # 16:00, 17:00 and 18:00 site time
    assert [chart.table_model.item(r, 1).text() for r in range(3)] == ["3", "2", "1"]
    assert chart.plot.getPlotItem().clipToViewMode()
    # one agent; a bad agent ID is said and the typed text stays
    view.agent.setText("1002")
    data = wait_loaded(qtbot, feature, view.agent.editingFinished.emit)
    assert (data.figures.offered, data.figures.answered) == (3, 1)
    view.agent.setText("10x2")
    view.agent.editingFinished.emit()
    assert "10x2" in view.message.text() and view.agent.text() == "10x2"
    auth.signedOut.emit()
    assert feature.view is None and window.tools.count() == 0
    assert not feature.tick.isActive()


def test_live_states_time_in_state_and_unknown(qtbot: QtBot, db: Database) -> None:
    lead = signed_in("9001", Role.SHIFT_LEAD)
    alerts = Alerts(db, FakeClock(shift.NOW), "L01", user=lead)
    raised: list[AlertView] = []
    alerts.add_listener(lambda a: raised.append(a) if a.kind == "board_wrap_up" else None)
    window, auth, feature = board(db, alerts=alerts)
    qtbot.addWidget(window)
    wait_loaded(qtbot, feature, auth.lead)
    view = feature.view
    assert view is not None
    now = shift.NOW
    states = (
        DeskState("W01", "A", "1001", "talking", None, now - timedelta(seconds=75), now),
        DeskState("W02", "A", "1002", "wrap_up", None, now - timedelta(seconds=100),
                  now - timedelta(seconds=10)),
        DeskState("W03", "A", "1003", "ready", None, now - timedelta(seconds=600),
                  now - timedelta(seconds=50)),
    )
    feature.statesArrived.emit(BoardStates("A", now, 1000.0, states))
    m = view.states
    m.tick(1000.0)
    col = m.TIME_COLUMN
    assert [m.index(r, col).data() for r in range(3)] == ["01:15", "01:40", "10:00"]
    assert [m.index(r, 2).data() for r in range(3)] == ["通话", "话后处理", "示闲"]
    assert raised == []  # 100 s in 话后: no alert yet
    m.tick(1025.0)  # 25 s later, no new pull: W02 past 2 min in 话后, W03 silent 75 s
    feature._check_states()  # what the display tick does after repainting
    qtbot.waitUntil(lambda: len(raised) == 1, timeout=5000)
    assert raised[0].kind == "board_wrap_up" and raised[0].message.startswith("W02 · 1002 · ")
    assert m.index(0, col).data() == "01:40"
    assert "超时" in m.index(1, 2).data()
    assert m.index(2, 2).data().startswith("未知") and m.index(2, col).data() == "—"
    assert view.live_status.text() == "实时：3 个席位"


def test_the_tab_asks_for_its_first_figures_before_building_its_widgets(
        qtbot: QtBot, db: Database) -> None:
    """The first query runs on the reader thread while the tab is built: one load,
    asked before the view exists, for what the view then shows (today, team A)."""
    window, auth, feature = board(db)
    qtbot.addWidget(window)
    figures = feature._figures
    asked: list[tuple[bool, object]] = []
    load = figures.load

    def spy(q: Any) -> Any:
        asked.append((feature.view is None, q))
        return load(q)
    figures.load = spy  # type: ignore[method-assign]
    data = wait_loaded(qtbot, feature, auth.lead)
    assert [before for before, _ in asked] == [True]
    assert data.query == asked[0][1] and data.query.team == "A"
    assert feature.query() == replace(data.query, now=feature.query().now)
    assert (data.figures.offered, data.figures.answered) == (6, 4)  # as the lead's test says


def test_charts_draw_long_series_thin_and_build_their_menu_when_asked(qtbot: QtBot) -> None:
    from callcenter.ui.board.charts import ChartPanel

    chart = ChartPanel("calls", "formula", "calls", 8 * 3600)
    qtbot.addWidget(chart)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    day = [start + timedelta(hours=h) for h in range(24)]
    chart.set_series(day, {"offered": [float(h) for h in range(24)]})
    curve = chart.curves["offered"]
    assert curve.opts["pen"].width() == 2 and curve.opts["symbol"] == "o"
    month = [start + timedelta(hours=h) for h in range(720)]
    chart.set_series(month, {"offered": [None if h == 5 else 1.0 for h in range(720)]})
    assert chart.curves["offered"] is curve  # the same curve, new data
    assert curve.opts["pen"].width() == 1 and curve.opts["symbol"] is None
    y = curve.getData()[1]
    assert len(y) == 720 and math.isnan(y[5]) and y[6] == 1.0  # no calls: a gap, not a zero
    item = chart.plot.getPlotItem()
    assert [item.getAxis(side).isVisible() for side in ("left", "bottom", "top", "right")] == [
        True, True, False, False]
    assert not any(item.getAxis(side).autoSIPrefix for side in ("left", "bottom", "top", "right"))
    vb = item.getViewBox()
    assert vb.menu is None and vb.menuEnabled()  # made on the first right click
    menu = vb.getMenu(None)
    assert menu is not None and vb.getContextMenus(None)


def test_a_refresh_that_changes_nothing_replots_nothing(qtbot: QtBot, db: Database) -> None:
    window, auth, feature = board(db)
    qtbot.addWidget(window)
    data = wait_loaded(qtbot, feature, auth.lead)
    view = feature.view
    assert view is not None
    plotted: list[str] = []
    for name, chart in (("calls", view.calls_chart), ("sl", view.sl_chart),
                        ("tickets", view.tickets_chart)):
        chart.set_series = (lambda *a, n=name, f=chart.set_series: (plotted.append(n), f(*a))[1])
    again = wait_loaded(qtbot, feature, lambda: feature.refresh(full=False))
    assert again.hourly == data.hourly and plotted == []  # the same numbers: left as drawn
    view.show_data(replace(again, tickets_by_hour=again.tickets_by_hour[:1]))
    assert plotted == ["tickets"]  # only the chart whose numbers moved
    assert [c.name() for c in view.tickets_chart.curves.values()] == ["投诉"]


def test_figures_that_cannot_be_read_are_said_and_the_charts_still_paint(
        qtbot: QtBot, db: Database) -> None:
    from concurrent.futures import Future

    window, auth, feature = board(db)
    qtbot.addWidget(window)

    def failing(q: Any) -> Future[Any]:
        f: Future[Any] = Future()
        f.set_exception(OSError("disk gone"))
        return f
    feature._figures.load = failing  # type: ignore[method-assign]
    auth.lead()
    view = feature.view
    assert view is not None
    qtbot.waitUntil(lambda: view.message.text() != "", timeout=5000)
    assert "Refresh" in view.message.text() or "刷新" in view.message.text()
    assert all(c.plot.updatesEnabled() for c in (view.calls_chart, view.sl_chart,
                                                 view.tickets_chart))
