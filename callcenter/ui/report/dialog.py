"""The monthly report dialog: which month, where the xlsx goes, and a PDF too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.report.period import Month

MONTHS_OFFERED = 36


@dataclass(frozen=True)
class ReportChoice:
    month: Month
    xlsx: Path
    pdf: Path | None


class MonthlyReportDialog(QDialog):
    def __init__(self, default_month: Month, default_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthlyReportDialog")
        self.setWindowTitle(self.tr("Monthly service quality report"))
        self.choice: ReportChoice | None = None
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("From this desk's own data. The whole site's report is made on "
                              "central: callcenter report monthly --central URL"), self)
        note.setWordWrap(True)
        lay.addWidget(note)
        form = QFormLayout()
        self.month = QComboBox(self)
        self.month.setObjectName("reportMonth")
        newest = default_month.plus(1)
        for i in range(MONTHS_OFFERED):
            m = newest.plus(-i)
            self.month.addItem(str(m), m)
        self.month.setCurrentIndex(1)
        form.addRow(self.tr("Month"), self.month)
        row = QHBoxLayout()
        self.path = QLineEdit(str(default_folder / f"monthly-report-{default_month}.xlsx"), self)
        self.path.setObjectName("reportPath")
        browse = QPushButton(self.tr("Browse..."), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Workbook (xlsx)"), row)
        self.with_pdf = QCheckBox(self.tr("Also an A4 PDF beside it"), self)
        self.with_pdf.setObjectName("reportPdf")
        self.with_pdf.setChecked(True)
        form.addRow("", self.with_pdf)
        lay.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write report"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.month.currentIndexChanged.connect(self._month_changed)

    def _month_changed(self) -> None:
        """Keep a default-looking file name in step with the month (a typed one stays)."""
        p = Path(self.path.text().strip())
        if p.name.startswith("monthly-report-") and p.suffix == ".xlsx":
            self.path.setText(str(p.with_name(f"monthly-report-{self.month.currentData()}.xlsx")))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), self.path.text(),
                                              self.tr("Excel workbook (*.xlsx)"))
        if name:
            self.path.setText(name)

    def submit(self) -> None:
        """Accept with a checked choice, or say what is wrong and keep everything typed."""
        text = self.path.text().strip()
        if not text:
            self._refuse(self.tr("Enter where to save the workbook."))
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        if not path.parent.is_dir():
            self._refuse(self.tr("No such folder: %1").replace("%1", str(path.parent)))
            return
        if path.is_dir():
            self._refuse(self.tr("That is a folder; enter a file name."))
            return
        month = self.month.currentData()
        assert isinstance(month, Month)
        self.choice = ReportChoice(month, path,
                                   path.with_suffix(".pdf") if self.with_pdf.isChecked() else None)
        self.accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.path.setFocus()
        self.path.selectAll()
