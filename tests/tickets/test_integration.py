"""The ticket list installs itself as a tool tab of the real desk window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
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
        dw.desk.sign_in("1024")
        assert feature.view.model.rowCount() == 0  # nothing is queried until the tab is opened
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: feature.view.model.rowCount() == 2 and not feature.view.model.loading)
    finally:
        feature.close()
        dw.close()


def test_signed_out_the_tab_asks_to_sign_in_and_lists_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    from callcenter.ui.shared.i18n import install_translator
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    dw = make_desk_window(tmp_path)
    qtbot.addWidget(dw.window)
    feature = ticket_list_integration.install(dw.window, dw.db, dw.desk.profile, dw.clock, "zh")
    try:
        dw.window.show()
        dw.window.tools.setCurrentIndex(dw.window.tools.indexOf(feature.view))
        qtbot.waitUntil(lambda: "请先签入" in feature.view.status_label.text())
        assert feature.view.model.rowCount() == 0
    finally:
        feature.close()
        dw.close()
        if tr is not None:
            app.removeTranslator(tr)
