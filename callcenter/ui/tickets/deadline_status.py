"""Status-bar count of open tickets past their warning point and overdue."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from callcenter.services.tickets.deadline_watch import DeadlineCounts


class DeadlineStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineStatus")
        self.setAccessibleName("临期超期工单")
        self.show_counts(DeadlineCounts(0, 0))

    def show_counts(self, c: DeadlineCounts) -> None:
        self.counts = c
        text = self.tr("Near deadline: %1 · Overdue: %2").replace("%1", str(c.warning)).replace(
            "%2", str(c.overdue))
        # colour is never the only signal: the numbers and the sign say it too
        self.setText(("⛔ " if c.overdue else "⚠ " if c.warning else "") + text)
        self.setStyleSheet("color:#dc2626;" if c.overdue else "color:#b45309;" if c.warning else "")
