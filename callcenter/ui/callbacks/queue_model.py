"""The callback queue as a Qt table model, and the relay that brings service
futures back to the GUI thread (split out of callback_queue_view.py)."""


from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from callcenter.domain.site_profile import SiteProfile
from callcenter.services.callbacks.queue import (
    CallbackRow,
)
from callcenter.services.privacy.policy import NOBODY, NumberPolicy, Surface

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_BG, OVERDUE_FG = QColor("#fde2e2"), QColor("#991b1b")
AnyIndex = QModelIndex | QPersistentModelIndex


class FutureRelay(QObject):
    """Runs ``handler(future)`` on the GUI thread once the future is done."""

    _arrived = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def watch(self, future: Future[Any], handler: Callable[[Future[Any]], None]) -> None:
        def done(f: Future[Any]) -> None:
            try:
                self._arrived.emit(handler, f)
            except RuntimeError:  # the tab was closed while the database worked
                pass
        future.add_done_callback(done)

    def _run(self, handler: Callable[[Future[Any]], None], future: Future[Any]) -> None:
        handler(future)


class CallbackQueueModel(QAbstractTableModel):
    """One bounded page of the queue (the service sorts it); rows are the
    service's plain ``CallbackRow`` objects, formatted only when painted."""

    # the tab is narrow beside the ticket form: what decides the next call comes first
    COLUMNS = ("number", "due", "status", "attempts", "assigned_to", "customer", "phone", "category")

    def __init__(self, profile: SiteProfile, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile, self._lang, self._tz = profile, lang, ZoneInfo(profile.timezone)
        self._rows: list[CallbackRow] = []
        self.numbers = NOBODY  # who looks: the number of their own task shows in full
        self.revealed: uuid.UUID | None = None  # the task whose number was revealed
        self._headers = (self.tr("Ticket no."), self.tr("Due"), self.tr("Status"),
                         self.tr("Attempts"), self.tr("Assigned to"), self.tr("Customer"),
                         self.tr("Phone"), self.tr("Category"))
        self.outcome_names = {
            "pending": self.tr("Waiting"), "reached_satisfied": self.tr("Satisfied"),
            "reached_not_satisfied": self.tr("Not satisfied (reopened)"),
            "unreachable": self.tr("Unreachable"), "superseded": self.tr("Handled elsewhere"),
        }
        self._overdue = self.tr("OVERDUE")
        self._retry = self.tr("Retry at %1")
        self._free = self.tr("(free)")

    def phone_masked(self, r: CallbackRow) -> bool:
        return self._cell(r, "phone") != r.caller_phone

    def set_revealed(self, task_id: uuid.UUID | None) -> None:
        if task_id != self.revealed:
            self.revealed = task_id
            self.set_viewer(self.numbers, force=True)

    def set_viewer(self, policy: NumberPolicy, *, force: bool = False) -> None:
        if policy == self.numbers and not force:
            return
        if policy.user_id != self.numbers.user_id:
            self.revealed = None  # a reveal never passes to the next user
        self.numbers = policy
        if self._rows:
            col = self.COLUMNS.index("phone")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    def set_rows(self, rows: Sequence[CallbackRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CallbackRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, task_id: uuid.UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == task_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self._headers[section]
        return str(section + 1) if orientation == Qt.Orientation.Vertical else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(r, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return QBrush(OVERDUE_FG)
        if role == TASK_ID_ROLE:
            return str(r.id)
        return None

    def _when(self, at: datetime) -> str:
        return f"{at.astimezone(self._tz):%m-%d %H:%M}"

    def _cell(self, r: CallbackRow, column: str) -> str:
        if column == "number":
            return ("⚠ " if r.overdue else "") + r.ticket_number
        if column == "customer":
            return r.caller_name
        if column == "phone":
            own = r.assigned_to is not None and r.assigned_to == self.numbers.user_id
            return self.numbers.phone(r.caller_phone, Surface.CALLBACKS, own_task=own,
                                      revealed=r.id == self.revealed)
        if column == "category":
            cat = self._profile.category(r.category)
            return cat.label(self._lang) if cat else r.category
        if column == "due":
            return (f"⚠ {self._overdue} " if r.overdue else "") + self._when(r.due_at)
        if column == "assigned_to":
            return r.assigned_to or self._free
        if column == "attempts":
            return f"{r.attempts}/{self._profile.callback_max_attempts}"
        if r.outcome == "pending" and not r.ready and r.next_try_at is not None:
            return self._retry.replace("%1", self._when(r.next_try_at))
        return self.outcome_names.get(r.outcome, r.outcome)
