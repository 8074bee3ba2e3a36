"""The outage console: a lookup page (free-text address, account, feeder,
transformer area, a time that defaults to now) and tabs of active, upcoming
and recently restored outages, like a utility's outage console.

The panel only asks (``searchRequested(LookupQuery)``, ``refreshRequested()``);
the integration runs the query off the GUI thread and hands results back
through ``show_results`` / ``show_board``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QSortFilterProxyModel, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from callcenter.services.outages.lookup import MAX_QUERY_CHARS, LookupQuery, OutageBoard, OutageHit
from callcenter.ui.outages.hits_model import OutageTableModel


def outage_table(
    tz: ZoneInfo, name: str, accessible: str, parent: QWidget
) -> tuple[QTableView, OutageTableModel]:
    model = OutageTableModel(tz, parent)
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(OutageTableModel.COLUMNS.index("start"), Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view, model


class OutageConsole(QWidget):
    searchRequested = Signal(object)  # LookupQuery
    refreshRequested = Signal()

    def __init__(self, tz: ZoneInfo, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cut_note = ""  # said after the results while a field was cut at MAX_QUERY_CHARS
        self.setObjectName("outageConsole")
        self._tz = tz
        self._now = now
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("outageTabs")
        self.tabs.setAccessibleName("停电信息页")
        lay.addWidget(self.tabs)

        page = QWidget(self.tabs)
        page_lay = QVBoxLayout(page)
        form = QFormLayout()
        self.text = self._line("outageSearchText", "地址", self.tr("Address (partial is fine)"), page)
        self.account = self._line("outageSearchAccount", "户号", self.tr("Account number"), page)
        self.feeder = self._line("outageSearchFeeder", "线路", self.tr("Feeder"), page)
        self.area = self._line("outageSearchArea", "台区", self.tr("Transformer area"), page)
        form.addRow(self.tr("Address"), self.text)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Feeder"), self.feeder)
        form.addRow(self.tr("Transformer area"), self.area)
        when = QHBoxLayout()
        self.at_now = QCheckBox(self.tr("Now"), page)
        self.at_now.setObjectName("outageSearchNow")
        self.at_now.setAccessibleName("当前时间")
        self.at_now.setChecked(True)
        self.at = QDateTimeEdit(page)
        self.at.setObjectName("outageSearchTime")
        self.at.setAccessibleName("查询时间")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.at.setEnabled(False)
        self.at_now.toggled.connect(lambda on: self.at.setEnabled(not on))
        when.addWidget(self.at_now)
        when.addWidget(self.at, 1)
        form.addRow(self.tr("Time"), when)
        self.search_btn = QPushButton(self.tr("Search"), page)
        self.search_btn.setObjectName("outageSearchButton")
        self.search_btn.setAccessibleName("查询停电")
        self.search_btn.setDefault(True)
        self.search_btn.clicked.connect(self.search)
        form.addRow(self.search_btn)
        page_lay.addLayout(form)
        self.result_label = QLabel(page)
        self.result_label.setObjectName("outageResultCount")
        page_lay.addWidget(self.result_label)
        self.results, self.results_model = outage_table(tz, "outageResults", "停电查询结果", page)
        page_lay.addWidget(self.results, 1)
        self.tabs.addTab(page, self.tr("Lookup"))

        self.views: dict[str, tuple[QTableView, OutageTableModel]] = {}
        for key, name, acc in (("active", "outageActive", "正在停电"),
                               ("upcoming", "outageUpcoming", "即将停电"),
                               ("restored", "outageRestored", "近期已恢复")):
            self.views[key] = outage_table(tz, name, acc, self.tabs)
            self.tabs.addTab(self.views[key][0], "")
        self.refresh_btn = QPushButton(self.tr("Refresh"), self)
        self.refresh_btn.setObjectName("outageRefreshButton")
        self.refresh_btn.setAccessibleName("刷新停电信息")
        self.refresh_btn.clicked.connect(self.refreshRequested.emit)
        self.tabs.setCornerWidget(self.refresh_btn)
        self.show_board(None)
        local = now().astimezone(tz)
        self.at.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                      QTime(local.hour, local.minute)))

    def _line(self, name: str, accessible: str, placeholder: str, parent: QWidget) -> QLineEdit:
        w = QLineEdit(parent)
        w.setObjectName(name)
        w.setAccessibleName(accessible)
        w.setPlaceholderText(placeholder)
        w.setMaxLength(MAX_QUERY_CHARS)  # longer text (a paste) is cut; search() says so
        w.returnPressed.connect(self.search)
        return w

    def query(self) -> LookupQuery:
        d, t = self.at.date(), self.at.time()  # shown and typed in site local time
        at = None if self.at_now.isChecked() else datetime(
            d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self._tz).astimezone(UTC)
        return LookupQuery(text=self.text.text().strip(), account=self.account.text().strip(),
                           feeder=self.feeder.text().strip(), transformer_area=self.area.text().strip(),
                           at=at)

    def search(self) -> None:
        cut = any(len(w.text()) >= MAX_QUERY_CHARS for w in (self.text, self.account, self.feeder, self.area))
        self.cut_note = self.tr(" (search text is limited to %1 characters)").replace(
            "%1", str(MAX_QUERY_CHARS)) if cut else ""
        self.result_label.setText(self.tr("Searching...") + self.cut_note)
        self.searchRequested.emit(self.query())

    def show_results(self, hits: Sequence[OutageHit]) -> None:
        self.results_model.set_hits(hits)
        self.result_label.setText((self.tr("%1 outage(s) found").replace("%1", str(len(hits)))
                                   if hits else self.tr("No known outage matches."))
                                  + self.cut_note)
        self.results.resizeColumnsToContents()

    def show_board(self, board: OutageBoard | None) -> None:
        parts = {"active": board.active if board else (), "upcoming": board.upcoming if board else (),
                 "restored": board.restored if board else ()}
        titles = {"active": self.tr("Active (%1)"), "upcoming": self.tr("Upcoming (%1)"),
                  "restored": self.tr("Recently restored (%1)")}
        for i, key in enumerate(("active", "upcoming", "restored"), start=1):
            view, model = self.views[key]
            model.set_hits(parts[key])
            view.resizeColumnsToContents()
            self.tabs.setTabText(i, titles[key].replace("%1", str(len(parts[key]))))
