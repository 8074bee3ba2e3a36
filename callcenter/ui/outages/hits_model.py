"""Table model of outage hits for the lookup panel and the console tabs.

Rows are plain ``OutageHit`` values; cells are built lazily in ``data``.
Sorting goes through a QSortFilterProxyModel using ``Qt.UserRole`` keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from callcenter.services.outages.lookup import OutageHit
from callcenter.ui.outages.texts import hit_phase_text, kind_text, local, match_text

_Index = QModelIndex | QPersistentModelIndex


class OutageTableModel(QAbstractTableModel):
    COLUMNS = ("id", "kind", "phase", "start", "expected", "actual", "cause", "area", "match")

    def __init__(self, tz: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rows: list[OutageHit] = []

    def set_hits(self, hits: Sequence[OutageHit]) -> None:
        self.beginResetModel()
        self._rows = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> OutageHit:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            QCoreApplication.translate("Outages", "Outage no."),
            QCoreApplication.translate("Outages", "Type"),
            QCoreApplication.translate("Outages", "Status"),
            QCoreApplication.translate("Outages", "Start"),
            QCoreApplication.translate("Outages", "Expected restore"),
            QCoreApplication.translate("Outages", "Restored at"),
            QCoreApplication.translate("Outages", "Cause"),
            QCoreApplication.translate("Outages", "Area"),
            QCoreApplication.translate("Outages", "Matched by"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return {"start": h.start.timestamp(), "expected": h.expected_restore.timestamp(),
                    "actual": h.actual_restore.timestamp() if h.actual_restore else 0.0
                    }.get(col, str(self.data(index) or ""))
        if role == Qt.ItemDataRole.ToolTipRole and col in ("area", "cause", "match"):
            return self.data(index)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == "id":
            return h.source_id
        if col == "kind":
            flag = " ⚠" if h.short_notice else ""
            return kind_text(h.kind.value) + flag
        if col == "phase":
            return hit_phase_text(h)
        if col in ("start", "expected", "actual"):
            return local({"start": h.start, "expected": h.expected_restore,
                          "actual": h.actual_restore}[col], self._tz)
        if col == "cause":
            return h.cause
        if col == "area":
            return h.area
        return f"{match_text(h.matched_by)}: {h.matched_value}" if h.matched_by else ""
