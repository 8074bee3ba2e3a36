"""The call's events as a list beside the form; each row's text is made only
when the row is shown (a call can have thousands of events)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from callcenter.domain.replay.timeline import ReplayEvent
from callcenter.domain.sla import format_mm_ss
from callcenter.ui.replay.labels import EventTexts

Index = QModelIndex | QPersistentModelIndex


class EventModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events: tuple[ReplayEvent, ...] = ()
        self._text = EventTexts()
        self._rows: list[str | None] = []

    def set_events(self, events: tuple[ReplayEvent, ...]) -> None:
        self.beginResetModel()
        self._events = events
        self._text = EventTexts()
        self._rows: list[str | None] = [None] * len(events)  # each made when first shown
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = index.row()
        text = self._rows[row]
        if text is None:  # a seek repaints the rows it shows: each is made once
            e = self._events[row]
            text = self._rows[row] = f"{format_mm_ss(e.t_s)}  {self._text(e.kind, e.data)}"
        return text


class EventList(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayEvents")
        self.setAccessibleName("通话事件")
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.event_model = EventModel(self)
        self.setModel(self.event_model)

    def count(self) -> int:
        return self.event_model.rowCount()

    def currentRow(self) -> int:  # noqa: N802 (like QListWidget's)
        return self.currentIndex().row()

    def setCurrentRow(self, row: int) -> None:  # noqa: N802 (like QListWidget's)
        index = self.event_model.index(row, 0) if row >= 0 else QModelIndex()
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if index.isValid() and self.isVisible():  # not shown yet: showEvent scrolls
            self.scrollTo(index)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())
