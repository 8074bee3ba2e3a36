"""Ticket list and search: a search bar over a lazily loaded table.

The table's rows come a page at a time from ``TicketListModel``; a
``QSortFilterProxyModel`` sits between model and view and forwards the lazy
fetching (it does not sort: the order is the service's newest-first keyset
order, which is the only order that stays correct over a million rows).

Double-click or Enter on a row emits ``ticketActivated(ticket_id)``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.tickets.search import FTS_MIN_CHARS, TicketQuery
from callcenter.ui.tickets.list_model import PAGE_SIZE, TICKET_ID_ROLE, PageSource, TicketListModel

KEY_KINDS = ("number", "phone", "account", "meter")


class TicketTable(QTableView):
    """A table that reports Enter/Return on the current row as activation."""

    enterPressed = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enterPressed.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class TicketListView(QWidget):
    ticketActivated = Signal(str)
    # a search by phone or account looks a caller up: (phone, account), either may be "";
    # a desk that syncs fetches that caller's tickets from central (ui/sync/caller_fetch.py)
    callerSearched = Signal(str, str)

    def __init__(self, source: PageSource, profile: SiteProfile, clock: Clock, lang: str = "zh",
                 parent: QWidget | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.setObjectName("ticketListView")
        self._tz = ZoneInfo(profile.timezone)
        self._loaded_once = False
        self.model = TicketListModel(source, profile, lang, page_size, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.key_kind = self._combo("ticketSearchKeyKind", "查询方式", [
            (self.tr("Ticket no."), "number"), (self.tr("Phone"), "phone"),
            (self.tr("Account"), "account"), (self.tr("Meter"), "meter")])
        self.key_edit = self._line("ticketSearchKey", "工单号、电话、户号或表号",
                                   self.tr("Number / phone / account / meter"))
        self.text_edit = self._line("ticketSearchText", "受理内容或地址",
                                    self.tr("Content or address text"))
        self.agent_edit = self._line("ticketSearchAgent", "受理坐席工号", self.tr("Agent ID"))
        self.agent_edit.setMaximumWidth(110)
        self.category = self._combo("ticketSearchCategory", "业务类型", [
            (self.tr("All categories"), None)] + [
            (c.label(lang), c.code) for c in profile.categories])
        self.status = self._combo("ticketSearchStatus", "工单状态", [
            (self.tr("All states"), None)] + [
            (self.model.status_name(code), code) for code in
            ("accepted", "dispatched", "in_progress", "replied", "visited", "archived")])
        self.department = self._combo("ticketSearchDepartment", "处理部门", [
            (self.tr("All departments"), None)] + [
            (d.label(lang), d.code) for d in profile.departments])
        self.use_dates = QCheckBox(self.tr("Created between"), self)
        self.use_dates.setObjectName("ticketSearchUseDates")
        self.use_dates.setAccessibleName("按受理日期筛选")
        local_today = clock.utc_now().astimezone(self._tz).date()
        today = QDate(local_today.year, local_today.month, local_today.day)
        self.date_from = self._date("ticketSearchDateFrom", "起始日期", today.addDays(-7))
        self.date_to = self._date("ticketSearchDateTo", "截止日期", today)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.overdue = QCheckBox(self.tr("Overdue only"), self)
        self.overdue.setObjectName("ticketSearchOverdue")
        self.overdue.setAccessibleName("只看超期工单")
        self.search_btn = self._button("ticketSearchButton", "查询", self.tr("Search"), self.search)
        self.clear_btn = self._button("ticketSearchClear", "清空条件", self.tr("Clear"), self.clear)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("ticketSearchStatusLabel")
        self.status_label.setAccessibleName("查询状态")

        self.table = TicketTable(self)
        self.table.setObjectName("ticketTable")
        self.table.setAccessibleName("工单列表")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((200, 118, 72, 64, 168, 104, 96, 240, 300, 80, 60)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._activate)
        self.table.enterPressed.connect(self._activate)

        row1 = QHBoxLayout()
        for w in (self.key_kind, self.key_edit, self.text_edit, self.search_btn, self.clear_btn):
            row1.addWidget(w)
        row1.setStretch(1, 2)
        row1.setStretch(2, 3)
        row2 = QHBoxLayout()
        for w in (self.category, self.status, self.department, self.agent_edit, self.use_dates,
                  self.date_from, self.date_to, self.overdue):
            row2.addWidget(w)
        row2.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status_label)

        for edit in (self.key_edit, self.text_edit, self.agent_edit):
            edit.returnPressed.connect(self.search)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # the desk owns other F-keys
        refresh.activated.connect(self.search)
        self.model.pageLoaded.connect(self._on_loaded)
        self.model.loadingChanged.connect(self._on_loading)
        self.model.loadFailed.connect(self._on_failed)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)

    # ----- building helpers ------------------------------------------------
    def _line(self, name: str, a11y: str, placeholder: str) -> QLineEdit:
        w = QLineEdit(self)
        w.setObjectName(name)
        w.setAccessibleName(a11y)
        w.setPlaceholderText(placeholder)
        return w

    def _combo(self, name: str, a11y: str, items: list[tuple[str, str | None]]) -> QComboBox:
        w = QComboBox(self)
        w.setObjectName(name)
        w.setAccessibleName(a11y)
        for label, data in items:
            w.addItem(label, data)
        return w

    def _date(self, name: str, a11y: str, value: QDate) -> QDateEdit:
        w = QDateEdit(value, self)
        w.setObjectName(name)
        w.setAccessibleName(a11y)
        w.setCalendarPopup(True)
        w.setDisplayFormat("yyyy-MM-dd")
        return w

    def _button(self, name: str, a11y: str, text: str, slot: object) -> QPushButton:
        w = QPushButton(text, self)
        w.setObjectName(name)
        w.setAccessibleName(a11y)
        w.clicked.connect(slot)
        return w

    # ----- behaviour ---------------------------------------------------------
    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._loaded_once:  # the team list loads when first looked at, not at start-up
            self._loaded_once = True
            self.search()

    def current_query(self) -> TicketQuery:
        key = self.key_edit.text().strip()
        kind = self.key_kind.currentData()
        keys = {k: (key if kind == k else "") for k in KEY_KINDS}
        start = end = None
        if self.use_dates.isChecked():
            start = self._utc(self.date_from.date())
            end = self._utc(self.date_to.date().addDays(1))
        return TicketQuery(
            **keys, text=self.text_edit.text().strip(), created_from=start, created_to=end,
            category=self.category.currentData(), status=self.status.currentData(),
            department=self.department.currentData(), agent=self.agent_edit.text().strip() or None,
            overdue_only=self.overdue.isChecked(),
        )

    def _utc(self, day: QDate) -> datetime:
        """Midnight of a site-local day, in UTC."""
        return datetime(day.year(), day.month(), day.day(), tzinfo=self._tz).astimezone(UTC)

    def search(self) -> None:
        self._loaded_once = True
        query = self.current_query()
        self.model.set_query(query)
        if query.phone or query.account:
            self.callerSearched.emit(query.phone, query.account)

    def searched_caller(self) -> tuple[str, str] | None:
        """(phone, account) of the search shown, if it looked a caller up."""
        q = self.model.query
        return (q.phone, q.account) if q.phone or q.account else None

    def show_again(self) -> None:
        """Run the search shown once more (its caller's tickets came from central)."""
        self.model.set_query(self.model.query)

    def forget(self) -> None:
        """Sign-out: the search and its results go; the list loads again when the
        next user looks at it."""
        for edit in (self.key_edit, self.text_edit, self.agent_edit):
            edit.clear()
        for combo in (self.key_kind, self.category, self.status, self.department):
            combo.setCurrentIndex(0)
        self.use_dates.setChecked(False)
        self.overdue.setChecked(False)
        self.model.set_query(self.current_query(), load=False)
        self._loaded_once = False  # loads again when next shown, or at the next search

    def clear(self) -> None:
        for edit in (self.key_edit, self.text_edit, self.agent_edit):
            edit.clear()
        for combo in (self.key_kind, self.category, self.status, self.department):
            combo.setCurrentIndex(0)
        self.use_dates.setChecked(False)
        self.overdue.setChecked(False)
        self.search()

    def _activate(self, index: QModelIndex) -> None:
        ticket_id = self.proxy.data(index, TICKET_ID_ROLE)
        if ticket_id:
            self.ticketActivated.emit(str(ticket_id))

    def _on_loading(self) -> None:
        if self.model.loading and self.model.rowCount() == 0:
            self.status_label.setText(self.tr("Searching..."))

    def _on_loaded(self, count: int) -> None:
        more = self.model.has_more()
        if count == 0:
            text = self.tr("No tickets found.")
        elif more:
            text = self.tr("%1 tickets shown; scroll down for more.").replace("%1", str(count))
        else:
            text = self.tr("%1 tickets found.").replace("%1", str(count))
        words = self.text_edit.text().split()
        if any(len(w) < FTS_MIN_CHARS for w in words):
            text += " " + self.tr("Tip: type 3 or more characters for a fast text search.")
        self.status_label.setText(text)

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(self.tr("The search failed: %1").replace("%1", message))
