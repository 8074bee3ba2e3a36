"""The calibration screen (质检校准) for the QA lead: the calls several reviewers
scored blind; for the chosen one, each reviewer's score and how far it is from
the others', and each question's spread (widest first) with every reviewer's
share of its points. Numbers are masked. Plain widgets; calibration_feature.py
does the reading."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.qa.calibration import Calibration
from callcenter.services.qa.calibration import CalibrationCall

WIDE = 0.5  # a spread from here on is marked: the reviewers read the question differently


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return t


def _cell(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class CalibrationView(QWidget):
    refreshRequested = Signal()
    callChosen = Signal(object)  # CalibrationCall

    def __init__(self, timezone: str, question_label: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaCalibration")
        self._tz, self._label = ZoneInfo(timezone), question_label
        self.calls: list[CalibrationCall] = []
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Calls scored blind by several reviewers"), self), 1)
        self.refresh_btn = QPushButton(self.tr("Refresh"), self)
        self.refresh_btn.clicked.connect(self.refreshRequested)
        top.addWidget(self.refresh_btn)
        lay.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.call_table = _table(split, "qaCalibrationCalls", [
            self.tr("Time"), self.tr("Agent"), self.tr("Caller"), self.tr("Reviewers"),
            self.tr("You scored it")])
        self.call_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.call_table.itemSelectionChanged.connect(self._chosen)
        detail = QWidget(split)
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self.tr("Choose a call to see how far apart its reviewers are."), detail)
        self.summary.setObjectName("qaCalibrationSummary")
        self.summary.setWordWrap(True)
        dl.addWidget(self.summary)
        self.reviewer_table = _table(detail, "qaCalibrationReviewers", [
            self.tr("Reviewer"), self.tr("Score"), self.tr("Against the mean"),
            self.tr("Mean distance per question")])
        dl.addWidget(self.reviewer_table, 1)
        self.question_table = _table(detail, "qaCalibrationQuestions", [])
        dl.addWidget(self.question_table, 2)
        split.addWidget(self.call_table)
        split.addWidget(detail)
        split.setSizes([220, 480])
        lay.addWidget(split, 1)
        self.message = QLabel("", self)
        self.message.setObjectName("qaCalibrationMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

    def set_calls(self, calls: list[CalibrationCall]) -> None:
        keep = self.current()
        self.calls = list(calls)
        self.call_table.blockSignals(True)
        self.call_table.setRowCount(len(self.calls))
        for i, c in enumerate(self.calls):
            when = c.started_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")
            for col, text in enumerate((when, c.agent_id, c.caller, str(c.reviewers),
                                        self.tr("yes") if c.mine else self.tr("no"))):
                self.call_table.setItem(i, col, _cell(text, col == 3))
        self.call_table.blockSignals(False)
        if not self.calls:
            self.message.setText(self.tr("No call has calibration scorings yet: score a call blind "
                                         "for calibration in the QA workspace."))
            return
        self.message.setText("")
        index = next((i for i, c in enumerate(self.calls) if keep and c.call_id == keep.call_id), 0)
        self.call_table.blockSignals(True)
        self.call_table.selectRow(index)
        self.call_table.blockSignals(False)
        self._chosen()  # read again: a refresh may bring new scorings of the same call

    def current(self) -> CalibrationCall | None:
        rows = self.call_table.selectionModel().selectedRows() if self.call_table.selectionModel() else []
        i = rows[0].row() if rows else -1
        return self.calls[i] if 0 <= i < len(self.calls) else None

    def _chosen(self) -> None:
        c = self.current()
        if c is not None:
            self.clear_detail(self.tr("Reading…"))
            self.callChosen.emit(c)

    def clear_detail(self, text: str) -> None:
        self.summary.setText(text)
        self.reviewer_table.setRowCount(0)
        self.question_table.setRowCount(0)
        self.question_table.setColumnCount(0)

    def show_spread(self, call: CalibrationCall, cal: Calibration | None) -> None:
        shown = self.current()
        if shown is None or shown.call_id != call.call_id:
            return  # chosen another call meanwhile
        if cal is None:
            self.clear_detail(self.tr("No calibration scorings of this call."))
            return
        mean = "—" if cal.mean_score is None else f"{cal.mean_score:.1f}"
        self.summary.setText(self.tr("%1 reviewers · mean score %2 · questions marked ⚠ were "
                                     "answered far apart (spread ≥ %3)")
                             .replace("%1", str(len(cal.reviewers))).replace("%2", mean)
                             .replace("%3", f"{WIDE:.0%}"))
        self.reviewer_table.setRowCount(len(cal.by_reviewer))
        for i, r in enumerate(cal.by_reviewer):
            vs = "—" if r.vs_mean is None else f"{r.vs_mean:+.1f}"
            dev = "—" if r.mean_abs_dev is None else f"{r.mean_abs_dev:.0%}"
            score = "—" if r.score is None else f"{r.score:.1f}"
            for col, text in enumerate((r.reviewer, score, vs, dev)):
                self.reviewer_table.setItem(i, col, _cell(text, col > 0))
        qs = sorted(cal.questions, key=lambda q: -q.spread)
        headers = [self.tr("Question"), *cal.reviewers, self.tr("Spread"), self.tr("Std dev")]
        self.question_table.setColumnCount(len(headers))
        self.question_table.setHorizontalHeaderLabels(headers)
        self.question_table.setRowCount(len(qs))
        for i, q in enumerate(qs):
            wide = q.spread >= WIDE
            self.question_table.setItem(i, 0, _cell(("⚠ " if wide else "") + self._label(q.question)))
            for j, who in enumerate(cal.reviewers, 1):
                share = q.shares.get(who)
                self.question_table.setItem(i, j, _cell(self.tr("N/A") if share is None else f"{share:.0%}",
                                                        True))
            n = len(cal.reviewers)
            self.question_table.setItem(i, n + 1, _cell(f"{q.spread:.0%}", True))
            self.question_table.setItem(i, n + 2, _cell(f"{q.stdev:.2f}", True))
            if wide:
                for col in range(len(headers)):
                    item = self.question_table.item(i, col)
                    if item is not None:
                        item.setBackground(QBrush(QColor("#fff3e0")))
