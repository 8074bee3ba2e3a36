"""The QA workspace tab (质检工作台): filters, the calls found, the selected
call's automatic checks (shown before the reviewer scores) and the button that
opens its replay. Plain widgets; the feature (integration.py) does the work."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.qa.checks import CHECK_NAMES
from callcenter.services.qa.workspace import (
    ALL_PASSED,
    ANY_FAILED,
    BREACHES,
    CallFilter,
    CallRow,
    FullNumbers,
)
from callcenter.ui.privacy.reveal_dialog import reveal_button
from callcenter.ui.qa.calls_model import ROW_ROLE, QaCallsModel
from callcenter.ui.qa.labels import breach_name, check_filter_name, check_name, detail_text
from callcenter.ui.qa.tasks_panel import TasksPanel

SEQ_ROLE = Qt.ItemDataRole.UserRole + 2


class QaWorkspaceView(QWidget):
    searchRequested = Signal(object)  # CallFilter
    replayRequested = Signal(object, object)  # CallRow, seq of the event to jump to (or None)
    scoreRequested = Signal(object)  # CallRow
    sampleRequested = Signal(object, int, int)  # CallFilter (agent, period), n per agent, seed
    revealRequested = Signal(object)  # CallRow: 显示完整号码 for its ticket
    calibrateRequested = Signal(object)  # CallRow: score it blind for calibration

    def __init__(self, timezone: str, categories: dict[str, str], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaWorkspace")
        self._tz = ZoneInfo(timezone)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.agent = QLineEdit(self)
        self.agent.setPlaceholderText(self.tr("Agent ID"))
        self.team = QLineEdit(self)
        self.team.setPlaceholderText(self.tr("Team"))
        for edit in (self.agent, self.team):
            edit.setMinimumWidth(90)
        self.start = QDateEdit(QDate(today.year, today.month, today.day).addDays(-7), self)
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.category = QComboBox(self)
        self.category.addItem(self.tr("All categories"), "")
        for code, label in categories.items():
            self.category.addItem(label, code)
        self.breach = QComboBox(self)
        self.breach.addItem(self.tr("Any breach or none"), "")
        for b in BREACHES:
            self.breach.addItem(breach_name(b), b)
        self.check = QComboBox(self)
        self.check.addItem(self.tr("Any check result"), "")
        for code in (ANY_FAILED, ALL_PASSED, *CHECK_NAMES):
            self.check.addItem(check_filter_name(code), code)
        self.search_btn = QPushButton(self.tr("Search"), self)
        self.search_btn.setDefault(True)
        self.search_btn.clicked.connect(self.request_search)
        self.agent.returnPressed.connect(self.request_search)
        self.team.returnPressed.connect(self.request_search)
        for w in (self.agent, self.team, QLabel(self.tr("From"), self), self.start,
                  QLabel(self.tr("to"), self), self.end, self.category, self.breach, self.check,
                  self.search_btn):
            bar.addWidget(w)
        lay.addLayout(bar)
        sample_bar = QHBoxLayout()
        self.sample_n = QSpinBox(self)
        self.sample_n.setRange(1, 500)
        self.sample_n.setValue(5)
        self.sample_n.setPrefix(self.tr("Sample: "))
        self.sample_n.setSuffix(self.tr(" per agent"))
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setValue(today.toordinal())
        self.seed.setPrefix(self.tr("seed "))
        self.sample_btn = QPushButton(self.tr("Draw a random sample"), self)
        self.sample_btn.setToolTip(self.tr(
            "N answered calls per agent of the period (and agent, if given); the same seed over "
            "the same calls draws the same sample, and the sample is kept with its seed and query"))
        self.sample_btn.clicked.connect(self.request_sample)
        for w in (self.sample_n, self.seed, self.sample_btn):
            sample_bar.addWidget(w)
        sample_bar.addStretch(1)
        lay.addLayout(sample_bar)

        self.model = QaCallsModel(timezone, categories)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("qaCalls")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_checks())
        self.table.doubleClicked.connect(lambda *_: self._replay(None))

        side = QWidget(self)
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        self.call_title = QLabel(self.tr("Choose a call to see its automatic checks."), side)
        self.call_title.setWordWrap(True)
        self.numbers = QLabel("", side)
        self.numbers.setObjectName("qaNumbers")
        self.numbers.setWordWrap(True)
        self.may_reveal = False  # set by the feature: the role may unmask, and reveals are wired
        self.reveal_btn = reveal_button(side)
        self.reveal_btn.hide()
        self.reveal_btn.clicked.connect(self._reveal)
        self.checks = QListWidget(side)
        self.checks.setObjectName("qaChecks")
        self.checks.setAccessibleName(self.tr("Automatic checks"))
        self.checks.itemActivated.connect(lambda item: self._replay(item.data(SEQ_ROLE)))
        self.replay_btn = QPushButton(self.tr("Open replay"), side)
        self.replay_btn.setEnabled(False)
        self.replay_btn.clicked.connect(lambda: self._replay(None))
        self.score_btn = QPushButton(self.tr("Score this call…"), side)
        self.score_btn.setEnabled(False)
        self.score_btn.clicked.connect(self._score)
        side_lay.addWidget(self.call_title)
        nums = QHBoxLayout()
        nums.addWidget(self.numbers, 1)
        nums.addWidget(self.reveal_btn)
        side_lay.addLayout(nums)
        self.calibrate_btn = QPushButton(self.tr("Score blind for calibration…"), side)
        self.calibrate_btn.setEnabled(False)
        self.calibrate_btn.setToolTip(self.tr(
            "Several reviewers score the same call without seeing each other's answers; "
            "never released to the agent. The spread shows on the QA calibration tab."))
        self.calibrate_btn.clicked.connect(self._calibrate)
        side_lay.addWidget(self.checks, 1)
        btns = QHBoxLayout()
        btns.addWidget(self.replay_btn)
        btns.addWidget(self.score_btn)
        btns.addWidget(self.calibrate_btn)
        side_lay.addLayout(btns)
        self.tasks = TasksPanel(timezone, side)
        side_lay.addWidget(self.tasks)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 420])
        lay.addWidget(split, 1)
        self.message = QLabel("", self)
        self.message.setObjectName("qaMessage")
        lay.addWidget(self.message)

    def _utc(self, d: QDate) -> datetime:
        local = datetime.combine(date(d.year(), d.month(), d.day()), time(0), self._tz)
        return local.astimezone(ZoneInfo("UTC"))

    def current_filter(self) -> CallFilter | None:
        """The filter as typed, or None (with the reason shown) if it makes no sense."""
        if self.end.date() < self.start.date():
            self.message.setText(self.tr("The end date is before the start date."))
            return None
        return CallFilter(
            agent=self.agent.text().strip(), team=self.team.text().strip(),
            start=self._utc(self.start.date()), end=self._utc(self.end.date()) + timedelta(days=1),
            category=str(self.category.currentData() or ""),
            breach=str(self.breach.currentData() or ""), check=str(self.check.currentData() or ""))

    def request_search(self) -> None:
        f = self.current_filter()
        if f is not None:
            self.message.setText(self.tr("Searching…"))
            self.search_btn.setEnabled(False)
            self.searchRequested.emit(f)

    def request_sample(self) -> None:
        f = self.current_filter()
        if f is not None:
            self.message.setText(self.tr("Drawing the sample…"))
            self.sample_btn.setEnabled(False)
            self.sampleRequested.emit(f, self.sample_n.value(), self.seed.value())

    def show_rows(self, rows: list[CallRow], more: bool) -> None:
        self.search_btn.setEnabled(True)
        self.sample_btn.setEnabled(True)
        self.model.set_rows(rows)
        text = self.tr("%n call(s) found.", "", len(rows))
        if more:
            text += " " + self.tr("Only the first ones are shown: narrow the search.")
        self.message.setText(text)
        self.checks.clear()
        self.replay_btn.setEnabled(False)
        self.score_btn.setEnabled(False)
        self.calibrate_btn.setEnabled(False)
        if rows:
            self.table.selectRow(0)

    def show_error(self, text: str) -> None:
        self.search_btn.setEnabled(True)
        self.sample_btn.setEnabled(True)
        self.message.setText(text)

    def current_row(self) -> CallRow | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        row = self.proxy.data(idx, ROW_ROLE)
        return row if isinstance(row, CallRow) else None

    def _show_checks(self) -> None:
        self.checks.clear()
        row = self.current_row()
        self.replay_btn.setEnabled(row is not None)
        self.score_btn.setEnabled(row is not None)
        self.calibrate_btn.setEnabled(row is not None)
        self.tasks.complaint_selected(row is not None and row.category == "complaint")
        self.model.set_revealed(None)  # another call: masked again
        self.reveal_btn.setVisible(row is not None and row.ticket_id is not None and self.may_reveal)
        self.numbers.setText("" if row is None else self._numbers_text(row.caller, row.contact))
        if row is None:
            return
        when = row.started_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M:%S")
        ticket = row.ticket_number or self.tr("no ticket")
        self.call_title.setText(self.tr("Call of %1 at %2 (%3)").replace("%1", row.agent_id)
                                .replace("%2", when).replace("%3", ticket))
        for r in row.checks.results:
            if not r.applicable:
                mark, state = "–", self.tr("not applicable")
            elif r.passed:
                mark, state = "✓", self.tr("passed")
            else:
                mark, state = "✗", self.tr("FAILED")
            seqs = row.checks.event_seqs(r)
            text = f"{mark} {check_name(r.name)}: {state}"
            if r.detail:
                text += f" ({detail_text(r.detail)})"
            if seqs:
                text += "  " + self.tr("events %1").replace("%1", ", ".join(f"#{s}" for s in seqs))
            item = QListWidgetItem(text)
            item.setData(SEQ_ROLE, seqs[0] if seqs else None)
            if not r.passed:
                item.setForeground(Qt.GlobalColor.darkRed)  # the ✗ and the word say it too
            self.checks.addItem(item)

    def _numbers_text(self, caller: str, contact: str) -> str:
        text = self.tr("Caller %1").replace("%1", caller)
        if contact:
            text += " · " + self.tr("Contact %1").replace("%1", contact)
        return text

    def _reveal(self) -> None:
        row = self.current_row()
        if row is not None and row.ticket_id is not None:
            self.revealRequested.emit(row)

    def show_full(self, full: FullNumbers) -> None:
        """The reveal was recorded: the selected call's numbers in full, until another call is chosen."""
        row = self.current_row()
        if row is None or row.call_id != full.call_id:
            return  # chosen another call meanwhile: stays masked
        self.model.set_revealed(full.call_id, full.caller)
        self.numbers.setText(self._numbers_text(full.caller, full.contact))
        self.reveal_btn.hide()

    def _calibrate(self) -> None:
        row = self.current_row()
        if row is not None:
            self.calibrateRequested.emit(row)

    def _score(self) -> None:
        row = self.current_row()
        if row is not None:
            self.scoreRequested.emit(row)

    def _replay(self, seq: object) -> None:
        row = self.current_row()
        if row is not None:
            self.replayRequested.emit(row, seq if isinstance(seq, int) else None)
