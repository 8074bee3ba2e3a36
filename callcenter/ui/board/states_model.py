"""The live desk states as a table model.

Truth comes from timestamps: the rows are recomputed from the last pull
(``BoardStates``: central's time then plus the monotonic time since) whenever
the display tick asks, and the tick only repaints the time column.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from callcenter.domain.agent_state import AgentState
from callcenter.domain.board.states import UNKNOWN, ShownState, shown
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.sla import format_mm_ss
from callcenter.services.board.live import BoardStates
from callcenter.ui.shared.labels import busy_reason_name, state_name

_Index = QModelIndex | QPersistentModelIndex
_COLOURS = {"ready": "#d8f0d8", "talking": "#d8e4f8", "held": "#f8ecd0", "wrap_up": "#f8ecd0",
            "ringing": "#e8e0f8", "busy": "#eeeeee", "signed_out": "#ffffff", UNKNOWN: "#f4d0d0"}


class DeskStatesModel(QAbstractTableModel):
    TIME_COLUMN = 3

    def __init__(self, profile: SiteProfile, lang: str, stale_after_s: float,
                 wrap_up_alert_s: float) -> None:
        super().__init__()
        self._profile, self._lang = profile, lang
        self.stale_after_s = stale_after_s
        self.wrap_up_alert_s = wrap_up_alert_s
        self._board: BoardStates | None = None
        self.rows: list[ShownState] = []

    @property
    def board(self) -> BoardStates | None:
        return self._board

    def set_board(self, board: BoardStates, mono: float | None = None) -> None:
        self.beginResetModel()
        self._board = board
        self.rows = self._compute(time.monotonic() if mono is None else mono)
        self.endResetModel()

    def _compute(self, mono: float) -> list[ShownState]:
        if self._board is None:
            return []
        now = self._board.now(mono)
        return [shown(ds, now, self.stale_after_s) for ds in self._board.states]

    def tick(self, mono: float | None = None) -> None:
        """Recompute from the timestamps; a desk may have gone unknown meanwhile."""
        rows = self._compute(time.monotonic() if mono is None else mono)
        if [(r.desk, r.state) for r in rows] != [(r.desk, r.state) for r in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        self.rows = rows
        if rows:
            self.dataChanged.emit(self.index(0, self.TIME_COLUMN),
                                  self.index(len(rows) - 1, self.TIME_COLUMN),
                                  [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Desk"), self.tr("Agent"), self.tr("State"), self.tr("Time in state"))[section]
        return None

    def state_text(self, r: ShownState) -> str:
        if r.state == UNKNOWN:
            return self.tr("Unknown (silent %n s)", "", int(r.silent_s))
        name = state_name(AgentState(r.state))
        if r.state == "busy":
            return f"{name} · {busy_reason_name(r.reason, self._profile, self._lang)}"
        if self.overrun(r):
            return self.tr("%1 · over the limit").replace("%1", name)
        return name

    def overrun(self, r: ShownState) -> bool:
        return r.state == "wrap_up" and (r.in_state_s or 0.0) > self.wrap_up_alert_s

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.desk
            if col == 1:
                return r.agent_id or "—"
            if col == 2:
                return self.state_text(r)
            return "—" if r.in_state_s is None else format_mm_ss(r.in_state_s)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = "#f4b0b0" if self.overrun(r) else _COLOURS.get(r.state, "#ffffff")
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#202020"))
        return None
