"""A board tab on its own: a real store seeded with tests/board/shift.py, a lead
signed in, a stand-in window with the tool tabs (the board needs nothing else)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import insert

from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.clock import FakeClock
from callcenter.services.alerts.inbox import Alerts
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.board.alerts import BoardAlerts
from callcenter.services.board.figures import BoardFigures
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.ui.board.integration import BoardFeature, LiveFactory
from tests.board import shift
from tests.fakes import signed_in


class Window(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.tools = QTabWidget(self)
        QVBoxLayout(self).addWidget(self.tools)

    def add_tool_tab(self, widget: QWidget, title: str) -> int:
        return self.tools.addTab(widget, title)


class Auth(QObject):
    signedIn = Signal(object)
    signedOut = Signal()

    def lead(self, team: str | None = "A") -> None:
        self.signedIn.emit(SignedIn(Actor("9001", Role.SHIFT_LEAD), "值班长", team, False))


def seeded(path: Path) -> Database:
    db = open_database(path)
    db.write_now(lambda s: [s.execute(insert(table), rows()) for table, rows in shift.TABLES])
    return db


def board(db: Database, lang: str = "zh", live: LiveFactory | None = None,
          alerts: Alerts | None = None) -> tuple[Window, Auth, BoardFeature]:
    profile = load_profile()
    figures = BoardFigures(db, profile.targets, profile.board, profile.timezone,
                           user=signed_in("9001", Role.SHIFT_LEAD))
    window, auth = Window(), Auth()
    board_alerts = None if alerts is None else BoardAlerts(alerts, figures, profile.board)
    feature = BoardFeature(window, auth, figures, FakeClock(shift.NOW), profile, lang,  # type: ignore[arg-type]
                           live, alerts=board_alerts)
    return window, auth, feature


def wait_loaded(qtbot: Any, feature: BoardFeature, act: Callable[[], None]) -> Any:
    with qtbot.waitSignal(feature.loaded, timeout=10_000) as blocker:
        act()
    return blocker.args[0]
