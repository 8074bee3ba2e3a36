"""The leads' and administrators' 报表 menu: the monthly report from this desk.

The report is read and written off the GUI thread (a worker thread); a
progress dialog shows the sections done and can cancel. The worker never
touches a widget: it posts back to the GUI thread. Signing out cancels a run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.services.auth.sign_in import SignedIn
from callcenter.services.report.desk_reports import MonthlyReports
from callcenter.services.report.monthly import STEPS, ReportCancelled
from callcenter.ui.auth.integration import AuthFeature
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.shared.main_window import MainWindow

from .dialog import MonthlyReportDialog, ReportChoice
from .pdf import write_pdf

TOTAL = STEPS + 2  # the report's sections, the xlsx, the PDF


@dataclass(frozen=True)
class ReportDone:
    """``files`` written; ``error``: why not (None: done); ``cancelled``."""

    files: tuple[Path, ...]
    error: str | None = None
    cancelled: bool = False


class ReportsFeature(QObject):
    finished = Signal(object)  # ReportDone, on the GUI thread

    def __init__(self, window: MainWindow, auth: AuthFeature, service: MonthlyReports,
                 folder: Path) -> None:
        super().__init__(window)
        self._w, self._service, self._folder = window, service, folder
        self._poster = GuiPoster(self)
        self._cancel: threading.Event | None = None
        self.worker: threading.Thread | None = None
        self.dialog: MonthlyReportDialog | None = None
        self.progress: QProgressDialog | None = None
        menu = window.menuBar().addMenu(self.tr("&Reports"))
        menu.setObjectName("reportsMenu")
        self.menu = menu
        self.action = QAction(self.tr("Monthly service quality report..."), self)
        self.action.setObjectName("monthlyReportAction")
        self.action.triggered.connect(self.open_dialog)
        menu.addAction(self.action)
        self._show_for(None)
        auth.signedIn.connect(lambda signed: self._show_for(signed))
        auth.signedOut.connect(self._signed_out)

    def _show_for(self, signed: SignedIn | None) -> None:
        allowed = signed is not None and self._service.allowed()
        self.action.setEnabled(allowed)
        self.menu.menuAction().setVisible(allowed)

    def _signed_out(self) -> None:
        self._show_for(None)
        if self.dialog is not None:
            self.dialog.reject()
        if self._cancel is not None:
            self._cancel.set()

    def open_dialog(self) -> MonthlyReportDialog | None:
        if not self._service.allowed() or self.worker is not None:
            return None
        dlg = MonthlyReportDialog(self._service.default_month(), self._folder, self._w)
        self.dialog = dlg

        def closed(result: int) -> None:
            self.dialog = None
            if result and dlg.choice is not None:
                self.start(dlg.choice)
            dlg.deleteLater()
        dlg.finished.connect(closed)
        dlg.open()
        return dlg

    def start(self, choice: ReportChoice) -> None:
        """Run the report in a worker thread with a cancellable progress dialog."""
        cancel = threading.Event()
        self._cancel = cancel
        progress = QProgressDialog(self.tr("Reading the month's tickets and calls..."),
                                   self.tr("Cancel"), 0, TOTAL, self._w)
        progress.setObjectName("reportProgress")
        progress.setWindowTitle(self.tr("Monthly service quality report"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(cancel.set)
        progress.setValue(0)
        progress.show()
        self.progress = progress
        self.worker = threading.Thread(target=self._run, args=(choice, cancel),
                                       name="monthly-report", daemon=True)
        self.worker.start()

    def _step(self, done: int) -> None:
        self._poster.post(lambda: self.progress.setValue(done) if self.progress else None)

    def _run(self, choice: ReportChoice, cancel: threading.Event) -> None:
        """Worker thread: no widget is touched here."""
        written: list[Path] = []
        try:
            report = self._service.build(choice.month, progress=lambda d, _t: self._step(d),
                                         cancelled=cancel.is_set)
            self._service.write_xlsx(report, choice.xlsx)
            written.append(choice.xlsx)
            self._step(STEPS + 1)
            if cancel.is_set():
                raise ReportCancelled(str(choice.month))
            if choice.pdf is not None:
                write_pdf(report, choice.pdf, lang=self._service.lang)
                self._service.exported(report, choice.pdf, self._service.user_id or "")
                written.append(choice.pdf)
            self._step(TOTAL)
            done = ReportDone(tuple(written))
        except ReportCancelled:
            done = ReportDone(tuple(written), cancelled=True)
        except PermissionDenied:
            done = ReportDone(tuple(written), error="denied")
        except OSError as exc:
            done = ReportDone(tuple(written), error=f"{exc.filename or ''} {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - a failed report is said, never a dead worker
            done = ReportDone(tuple(written), error=str(exc).splitlines()[0] if str(exc) else
                              type(exc).__name__)
        self._poster.post(lambda: self._finish(done))

    def _finish(self, done: ReportDone) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.worker is not None:
            self.worker.join()
        self.worker, self._cancel = None, None
        if done.error == "denied":
            text = self.tr("Only a shift lead or an administrator may make the monthly report.")
        elif done.error is not None:
            text = self.tr("The report could not be written: %1").replace("%1", done.error)
        elif done.cancelled:
            text = self.tr("The report was cancelled.")
        else:
            text = self.tr("Report written: %1").replace("%1", ", ".join(str(p) for p in done.files))
        self._w.statusBar().showMessage(text, 15000)
        self.finished.emit(done)
        if done.error is not None and self._w.isVisible():
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Monthly service quality report"),
                              text, QMessageBox.StandardButton.Ok, self._w)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
