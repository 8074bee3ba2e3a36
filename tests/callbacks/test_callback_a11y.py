"""Every interactive widget of the callback tab has an objectName and a
Chinese accessibleName (screen readers in a Chinese UI)."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from callcenter.services.tickets.workflow import TicketWorkflow
from callcenter.ui.callbacks.integration import install
from tests.ui.desk_window import make_desk_window
from tests.ui.test_accessibility import _interactive

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_callback_tab_widgets_are_named_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    dw = make_desk_window(tmp_path, customers=3)
    qtbot.addWidget(dw.window)
    feature = install(dw.window, dw.desk, dw.db, dw.desk.profile, dw.clock,
                      TicketWorkflow(dw.db, dw.clock, "W01"))
    widgets = _interactive(feature.view) + [feature.due_label]
    assert len(widgets) >= 11
    bad = [(type(w).__name__, w.objectName(), w.accessibleName()) for w in widgets
           if not w.objectName() or not CJK.search(w.accessibleName())]
    assert bad == [], bad
    assert dw.window.tools.tabText(dw.window.tools.indexOf(feature.view)) == "Callbacks"
    feature.close()
    dw.db.flush()
    dw.close()
