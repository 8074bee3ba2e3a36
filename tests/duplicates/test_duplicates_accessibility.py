"""Every interactive widget the feature adds has an objectName and a Chinese
accessibleName, and its timers are named (they show up in Qt's object tree)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QWidget
from pytestqt.qtbot import QtBot

from callcenter.services.tickets.workflow import TicketWorkflow
from callcenter.ui.tickets.duplicates_integration import install
from tests.ui.desk_window import make_desk_window

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_widgets_and_timers_are_named(qtbot: QtBot, tmp_path: Path) -> None:
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    f = install(d.window, d.desk, d.db, d.desk.profile, d.clock,
                TicketWorkflow(d.db, d.clock, "W01"))
    widgets = [w for root in (f.panel, f.alerts_view) for w in root.findChildren(QWidget)
               if isinstance(w, QAbstractButton | QAbstractItemView)
               and not w.objectName().startswith("qt_")
               and not isinstance(w.parent(), QAbstractItemView)]  # Qt's own header parts
    assert len(widgets) == 4
    bad = [(type(w).__name__, w.objectName(), w.accessibleName()) for w in widgets
           if not w.objectName() or not CJK.search(w.accessibleName())]
    assert bad == []
    timers = {t.objectName() for root in (f.panel, f.alerts_view) for t in root.findChildren(QTimer)}
    assert {"duplicatesDebounce", "alertsPoll"} <= timers
    d.close()
