"""The QA workspace's calls as a Qt table model (rows built lazily from plain
``CallRow`` objects; numbers arrive masked from the service)."""

from __future__ import annotations

import uuid
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from callcenter.services.qa.workspace import CallRow
from callcenter.ui.qa.labels import breach_name, outcome_name

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class QaCallsModel(QAbstractTableModel):
    def __init__(self, timezone: str, categories: dict[str, str]) -> None:
        super().__init__()
        self._tz = ZoneInfo(timezone)
        self._categories = categories  # code -> label
        self.rows: list[CallRow] = []
        self.revealed: dict[uuid.UUID, str] = {}  # call -> its caller in full, after a reveal
        self._headers = [self.tr("Time"), self.tr("Agent"), self.tr("Team"), self.tr("Caller"),
                         self.tr("Category"), self.tr("Outcome"), self.tr("Talk"),
                         self.tr("Breaches"), self.tr("Failed checks")]

    def set_rows(self, rows: list[CallRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.revealed.clear()
        self.endResetModel()

    def set_revealed(self, call_id: uuid.UUID | None, caller: str = "") -> None:
        """Show ``call_id``'s caller in full (one call at most); None masks again."""
        before = set(self.revealed)
        self.revealed = {call_id: caller} if call_id is not None else {}
        for i, r in enumerate(self.rows):
            if r.call_id in before or r.call_id == call_id:
                cell = self.index(i, 3)
                self.dataChanged.emit(cell, cell)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == ROW_ROLE:
            return r
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return r.started_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")
        if col == 1:
            return r.agent_id
        if col == 2:
            return r.team
        if col == 3:
            return self.revealed.get(r.call_id, r.caller)
        if col == 4:
            return self._categories.get(r.category or "", r.category or "")
        if col == 5:
            return outcome_name(r.outcome)
        if col == 6:
            return "" if r.talk_s is None else f"{int(r.talk_s) // 60:02d}:{int(r.talk_s) % 60:02d}"
        if col == 7:
            return "、".join(breach_name(b) for b in r.breaches)
        return str(len(r.failed)) if r.failed else "✓"
