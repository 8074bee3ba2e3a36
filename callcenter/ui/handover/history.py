"""Past records by date, shift and lead; print or export the chosen one."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class HistoryView(QWidget):
    def __init__(self, shift_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.date_from = QDateEdit(QDate.currentDate().addDays(-7), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.shift = QComboBox(self)
        self.shift.addItem(self.tr("All shifts"), "")
        for name in shift_names:
            self.shift.addItem(name, name)
        self.lead = QLineEdit(self)
        self.lead.setPlaceholderText(self.tr("Lead ID"))
        self.search_btn = QPushButton(self.tr("Search"), self)
        for w in (QLabel(self.tr("From"), self), self.date_from, QLabel(self.tr("to"), self),
                  self.date_to, self.shift, self.lead, self.search_btn):
            row.addWidget(w)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Shift"), self.tr("Outgoing lead"),
                                              self.tr("State"), self.tr("Confirmed by"),
                                              self.tr("Submitted")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        out = QHBoxLayout()
        self.print_btn = QPushButton(self.tr("Print…"), self)
        self.pdf_btn = QPushButton(self.tr("Export PDF…"), self)
        out.addStretch(1)
        out.addWidget(self.print_btn)
        out.addWidget(self.pdf_btn)
        self.message = QLabel(self)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addLayout(out)
        lay.addWidget(self.message)
