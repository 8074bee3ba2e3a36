"""Complaint review tasks in the QA workspace (004 Q69): the open ones with
their deadline (1 working day), making one from a complaint ticket, closing
one with its outcome. Plain widgets; the feature calls the service."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.deadlines import DeadlineState
from callcenter.services.qa.tasks import TaskView

TASK_ROLE = Qt.ItemDataRole.UserRole + 3


class TasksPanel(QGroupBox):
    createRequested = Signal(str, str)  # agent ID, note
    closeRequested = Signal(object, str)  # TaskView, outcome

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Complaint review tasks (1 working day)"))
        self._tz = ZoneInfo(timezone)
        lay = QVBoxLayout(self)
        make = QHBoxLayout()
        self.agent = QLineEdit(self)
        self.agent.setPlaceholderText(self.tr("Agent ID complained about"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note"))
        self.make_btn = QPushButton(self.tr("Make task"), self)
        self.make_btn.setEnabled(False)
        self.make_btn.setToolTip(self.tr("Choose a call whose ticket is a complaint"))
        self.make_btn.clicked.connect(
            lambda: self.createRequested.emit(self.agent.text().strip(), self.note.text().strip()))
        make.addWidget(self.agent)
        make.addWidget(self.note, 1)
        make.addWidget(self.make_btn)
        lay.addLayout(make)
        self.list = QListWidget(self)
        self.list.setObjectName("qaTasks")
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(lambda _i: self.close_btn.setEnabled(self.current() is not None))
        lay.addWidget(self.list)
        done = QHBoxLayout()
        self.outcome = QLineEdit(self)
        self.outcome.setPlaceholderText(self.tr("Outcome (required to close)"))
        self.close_btn = QPushButton(self.tr("Close task"), self)
        self.close_btn.setEnabled(False)
        self.close_btn.clicked.connect(self._close)
        done.addWidget(self.outcome, 1)
        done.addWidget(self.close_btn)
        lay.addLayout(done)

    def complaint_selected(self, yes: bool) -> None:
        self.make_btn.setEnabled(yes)

    def current(self) -> TaskView | None:
        item = self.list.currentItem()
        task = item.data(TASK_ROLE) if item is not None else None
        return task if isinstance(task, TaskView) else None

    def set_tasks(self, tasks: list[TaskView]) -> None:
        self.list.clear()
        for t in tasks:
            due = t.due_at.astimezone(self._tz).strftime("%m-%d %H:%M")
            state = {DeadlineState.OVERDUE: self.tr("OVERDUE"),
                     DeadlineState.WARNING: self.tr("due soon")}.get(t.deadline, "") \
                if t.deadline is not None else ""
            text = self.tr("%1 · agent %2 · due %3").replace("%1", t.ticket_number or "") \
                .replace("%2", t.agent_id).replace("%3", due)
            item = QListWidgetItem(f"{text}  {state}".rstrip())
            item.setData(TASK_ROLE, t)
            self.list.addItem(item)
        self.close_btn.setEnabled(False)

    def _close(self) -> None:
        t = self.current()
        if t is not None:
            self.closeRequested.emit(t, self.outcome.text().strip())
