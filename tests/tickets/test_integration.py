"""The ticket list installs itself as a tool tab of the real desk window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from callcenter.ui.tickets import list_integration as ticket_list_integration
from callcenter.ui.tickets.list_view import TicketListView
from tests.ui.desk_window import make_desk_window


def test_install_adds_a_tab_that_loads_when_opened(qtbot: QtBot, tmp_path: Path) -> None:
    dw = make_desk_window(tmp_path)
    qtbot.addWidget(dw.window)
    feature = ticket_list_integration.install(dw.window, dw.db, dw.desk.profile, dw.clock, "zh")
    try:
        tabs = dw.window.tools
        index = tabs.indexOf(feature.view)
        assert index > 0 and tabs.tabText(index)
        assert isinstance(feature.view, TicketListView)
        dw.window.show()
        assert feature.view.model.rowCount() == 0  # nothing is queried until the tab is opened
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: feature.view.model.rowCount() == 2 and not feature.view.model.loading)
    finally:
        feature.close()
        dw.close()
