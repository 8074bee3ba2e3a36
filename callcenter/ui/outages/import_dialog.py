"""Import an outage list with progress and cancel; the work runs on a worker
thread (reading, checking, then the one write transaction on the writer) and
reports back through signals, so the desk keeps answering calls meanwhile.

All or nothing: a bad file shows each bad row, column and reason and nothing
is written; cancelling rolls back whatever was under way.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from callcenter.services.outages.importer import ImportProblem, ImportReport, OutageImport


def reason_text(reason: str) -> str:
    return {
        "missing_column": QCoreApplication.translate("OutageImport", "the column is missing"),
        "required": QCoreApplication.translate("OutageImport", "a value is required"),
        "unknown_kind": QCoreApplication.translate("OutageImport", "unknown outage type"),
        "unknown_status": QCoreApplication.translate("OutageImport", "unknown status"),
        "bad_time": QCoreApplication.translate("OutageImport", "not a time (YYYY-MM-DD HH:MM)"),
        "end_before_start": QCoreApplication.translate("OutageImport", "ends before it starts"),
        "duplicate_id": QCoreApplication.translate("OutageImport", "the same outage number appears twice"),
        "no_area": QCoreApplication.translate("OutageImport", "no affected area"),
        "unreadable": QCoreApplication.translate("OutageImport", "the file cannot be read"),
        "bad_character": QCoreApplication.translate(
            "OutageImport", "holds a character that cannot be stored (NUL or an undecodable byte)"),
        "mixed_encoding": QCoreApplication.translate(
            "OutageImport", "is in another encoding than the rest of the file"),
        "bad_encoding": QCoreApplication.translate("OutageImport", "is neither UTF-8 nor GBK/GB18030 text"),
        "disk_full": QCoreApplication.translate(
            "OutageImport", "the disk is full: nothing was imported (free some space, then import again)"),
        "store_failed": QCoreApplication.translate(
            "OutageImport", "the store refused the write: nothing was imported"),
    }.get(reason, reason)


def problem_text(p: ImportProblem) -> str:
    if p.row == 0:  # the whole file (its name in column)
        text = f"{p.column}: {reason_text(p.reason)}"
    elif not p.column:  # a whole row
        text = (QCoreApplication.translate("OutageImport", "Row %1: %2")
                .replace("%1", str(p.row)).replace("%2", reason_text(p.reason)))
    else:
        text = (QCoreApplication.translate("OutageImport", "Row %1, column %2: %3")
                .replace("%1", str(p.row)).replace("%2", p.column).replace("%3", reason_text(p.reason)))
    return text + (f" ({p.value})" if p.value else "")


class OutageImportDialog(QDialog):
    progressed = Signal(int, int)
    finishedReport = Signal(object)  # ImportReport

    def __init__(self, importer: OutageImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outageImportDialog")
        self.setWindowTitle(self.tr("Import outages"))
        self.resize(560, 320)
        self._importer = importer
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.report: ImportReport | None = None
        lay = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setObjectName("outageImportLabel")
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("outageImportProgress")
        self.bar.setAccessibleName("导入进度")
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("outageImportReport")
        self.details.setAccessibleName("导入结果")
        self.details.setReadOnly(True)
        self.details.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_btn = QPushButton(self.tr("Cancel"), self)
        self.cancel_btn.setObjectName("outageImportCancel")
        self.cancel_btn.setAccessibleName("取消导入")
        self.cancel_btn.clicked.connect(self._cancel_clicked)
        self.close_btn = QPushButton(self.tr("Close"), self)
        self.close_btn.setObjectName("outageImportClose")
        self.close_btn.setAccessibleName("关闭")
        self.close_btn.clicked.connect(self.accept)
        self.close_btn.hide()
        row.addWidget(self.cancel_btn)
        row.addWidget(self.close_btn)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.details, 1)
        lay.addLayout(row)
        self.progressed.connect(self._on_progress)
        self.finishedReport.connect(self._on_finished)

    def start(self, path: Path) -> None:
        self.label.setText(self.tr("Importing %1...").replace("%1", Path(path).name))
        self.bar.setRange(0, 0)
        self._thread = threading.Thread(target=self._work, args=(Path(path),), name="outage-import",
                                        daemon=True)
        self._thread.start()

    def _work(self, path: Path) -> None:  # worker thread: signals only, never widgets
        try:
            report = self._importer.run(path, progress=self.progressed.emit, cancel=self._cancel)
        except Exception as exc:  # noqa: BLE001 - shown to the agent, nothing was written
            report = ImportReport(problems=(ImportProblem(0, path.name, "unreadable", str(exc)),))
        self.finishedReport.emit(report)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _cancel_clicked(self) -> None:
        self._cancel.set()
        self.cancel_btn.setEnabled(False)
        self.label.setText(self.tr("Cancelling..."))

    def _on_finished(self, report: ImportReport) -> None:
        self.report = report
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_btn.hide()
        self.close_btn.show()
        if report.cancelled:
            self.label.setText(self.tr("Cancelled: nothing was imported."))
        elif report.problems:
            self.label.setText(self.tr("%1 problem(s) found: nothing was imported.")
                               .replace("%1", str(len(report.problems))))
            self.details.setPlainText("\n".join(problem_text(p) for p in report.problems))
            self.details.show()
        else:
            c = report.counts
            self.label.setText(self.tr("%1 rows: %2 added, %3 updated, %4 unchanged.")
                               .replace("%1", str(report.total)).replace("%2", str(c.added))
                               .replace("%3", str(c.updated)).replace("%4", str(c.unchanged)))

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
