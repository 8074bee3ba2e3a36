"""The department desk: tickets dispatched to the signed-in department user's
department and not yet replied, earliest deadline first (a bounded list).

Signals: ticketActivated(object ticket_id), refreshRequested().
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.deadlines import DeadlineState, deadline_state
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.tickets.detail import QueueRow
from callcenter.ui.tickets.lifecycle_labels import state_label

_Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    def __init__(self, profile: SiteProfile, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._profile = profile
        self._lang = lang
        self._tz = ZoneInfo(profile.timezone)
        self.now: datetime | None = None  # set by the view so deadlines can be flagged

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Number"), self.tr("State"), self.tr("Deadline"), self.tr("Category"),
                self.tr("Address / content")][section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        state = (deadline_state(r.created_at, r.deadline_at, self.now)
                 if self.now is not None and r.deadline_at is not None else DeadlineState.ON_TIME)
        overdue = state is DeadlineState.OVERDUE
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return r.number
            if col == 1:
                return state_label(r.state)
            if col == 2:
                if r.deadline_at is None:
                    return "—"
                text = r.deadline_at.astimezone(self._tz).strftime("%m-%d %H:%M")
                if overdue:
                    return "⛔ " + self.tr("overdue") + " " + text
                if state is DeadlineState.WARNING:
                    return "⚠ " + self.tr("near deadline") + " " + text
                return text
            if col == 3:
                c = self._profile.category(r.category)
                return c.label(self._lang) if c else r.category
            return " · ".join(t for t in (r.address, r.content) if t)
        if role == Qt.ItemDataRole.ForegroundRole and state is not DeadlineState.ON_TIME:
            return QColor("#dc2626" if overdue else "#b45309")
        return None


class DepartmentView(QWidget):
    ticketActivated = Signal(object)
    refreshRequested = Signal()

    def __init__(self, profile: SiteProfile, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentView")
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("departmentTitle")
        top.addWidget(self.title, 1)
        self.refresh_btn = QPushButton(self.tr("Refresh"), self)
        self.refresh_btn.setObjectName("departmentRefresh")
        self.refresh_btn.setAccessibleName("刷新")
        self.refresh_btn.clicked.connect(self.refreshRequested.emit)
        top.addWidget(self.refresh_btn)
        lay.addLayout(top)
        self.model = QueueModel(profile, lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("departmentTable")
        self.table.setAccessibleName("本部门工单")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # the full ticket number, state, deadline and category: never cut to "LJ-···"
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda ix: self.ticketActivated.emit(self.model.row_at(ix.row()).id))
        lay.addWidget(self.table, 1)
        self.set_department(None, None)

    def set_department(self, code: str | None, name: str | None) -> None:
        if code is None:
            self.title.setText(self.tr("Sign in as a department user to see your department's tickets."))
            self.model.set_rows([])
        else:
            self.title.setText(self.tr("Tickets dispatched to %1").replace("%1", name or code))
