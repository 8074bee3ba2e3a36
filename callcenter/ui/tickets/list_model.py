"""The ticket list as a Qt table model that loads keyset pages on demand.

The view asks ``canFetchMore``/``fetchMore`` as it scrolls; each page comes
from ``TicketSearch.page_async`` on the search thread and is delivered back
through a queued signal, so the GUI thread never runs a query. Rows are kept
as the service's plain ``TicketRow`` objects and formatted in ``data`` only
for the cells on screen (the Anki pattern: keep ids, build cells lazily).

Memory stays flat however far the agent scrolls: only the start cursor of
every page is kept for good; the rows themselves live in an LRU cache of
``CACHED_PAGES`` pages. A row whose page was evicted shows "…" while that page
is fetched again (from its start cursor) and then updates in place.

A new query bumps a generation number; pages of an older query that arrive
late are dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from concurrent.futures import Future
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.privacy.policy import NOBODY, NumberPolicy, Surface
from callcenter.services.tickets.search import Cursor, Page, TicketQuery, TicketRow
from callcenter.ui.shared.refusals import permission_message

PAGE_SIZE = 500
CACHED_PAGES = 40  # 20,000 rows in memory at most
PLACEHOLDER = "…"
OVERDUE_BG = QColor("#fde2e2")
OVERDUE_FG = QColor("#991b1b")
TICKET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_SERVED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, TICKET_ID_ROLE,
                           OVERDUE_ROLE})


class PageSource(Protocol):
    def page_async(self, query: TicketQuery, after: Cursor | None = None,
                   limit: int = ...) -> Future[Page]: ...


class TicketListModel(QAbstractTableModel):
    pageLoaded = Signal(int)  # rows now loaded
    # no bool argument: PySide6 6.12 loses a reference to True/False on every
    # Python emit of a Signal(bool), and the interpreter aborts at exit
    loadingChanged = Signal()  # read ``loading``
    loadFailed = Signal(str)
    _arrived = Signal(int, int, object)  # (generation, page no, Future[Page]) from the search thread

    COLUMNS = ("number", "created_at", "category", "status", "deadline", "caller_phone",
               "account_no", "address", "content", "department", "created_by")

    def __init__(self, source: PageSource, profile: SiteProfile, lang: str = "zh",
                 page_size: int = PAGE_SIZE, parent: QObject | None = None,
                 cached_pages: int = CACHED_PAGES) -> None:
        super().__init__(parent)
        self._source = source
        self._profile = profile
        self._lang = lang
        self._tz = ZoneInfo(profile.timezone)
        self._page_size = page_size
        self._max_pages = max(2, cached_pages)
        self.numbers = NOBODY  # the signed-in user's view of phone numbers (set_viewer)
        self._pages: OrderedDict[int, list[TicketRow]] = OrderedDict()  # LRU, page no -> rows
        self._starts: list[Cursor | None] = []  # start cursor of every page loaded so far
        self._count = 0  # rows loaded so far (the table's row count)
        self._query = TicketQuery()
        self._cursor: Cursor | None = None  # where the next new page starts
        self._more = False  # nothing to fetch until a query is set
        self._loading = False
        self._generation = 0
        self._pending: Future[Page] | None = None
        self._refilling: set[int] = set()
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)
        self._headers = {
            "number": self.tr("Ticket no."), "created_at": self.tr("Created"),
            "category": self.tr("Category"), "status": self.tr("Status"),
            "deadline": self.tr("Deadline"), "caller_phone": self.tr("Phone"),
            "account_no": self.tr("Account"), "address": self.tr("Address"),
            "content": self.tr("Content"), "department": self.tr("Department"),
            "created_by": self.tr("Agent"),
        }
        self._status_names = {
            "accepted": self.tr("Accepted"), "dispatched": self.tr("Dispatched"),
            "in_progress": self.tr("In progress"), "replied": self.tr("Replied"),
            "visited": self.tr("Called back"), "archived": self.tr("Archived"),
        }
        self._overdue_text = self.tr("OVERDUE")
        self._near_text = self.tr("near deadline")
        self._overdue_bg = QBrush(OVERDUE_BG)
        self._overdue_fg = QBrush(OVERDUE_FG)

    def set_viewer(self, policy: NumberPolicy) -> None:
        """Who looks (services.privacy.policy): phone numbers masked or full."""
        if policy != self.numbers:
            self.numbers = policy
            if self._count:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self._count - 1, len(self.COLUMNS) - 1))

    # ----- loading ---------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def query(self) -> TicketQuery:
        return self._query

    def set_query(self, query: TicketQuery, *, load: bool = True) -> None:
        """Forget the rows and start loading the first page of ``query`` (or, with
        ``load`` False, show nothing until the next search: sign-out)."""
        self._generation += 1
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        self.beginResetModel()
        self._pages.clear()
        self._starts = []
        self._refilling.clear()
        self._count = 0
        self._query = query
        self._cursor = None
        self._more = load
        self._set_loading(False)
        self.endResetModel()
        if load:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt API)
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802, B008 (Qt API)
        if not self.canFetchMore(parent):
            return
        self._set_loading(True)
        self._pending = self._request(len(self._starts), self._cursor)

    def _request(self, page_no: int, start: Cursor | None) -> Future[Page]:
        generation = self._generation
        future = self._source.page_async(self._query, start, self._page_size)

        def done(f: Future[Page]) -> None:
            try:
                self._arrived.emit(generation, page_no, f)
            except RuntimeError:  # the model was deleted while the page loaded
                pass

        future.add_done_callback(done)
        return future

    def _on_arrived(self, generation: int, page_no: int, future: Future[Page]) -> None:
        if generation != self._generation or future.cancelled():
            return
        if page_no < len(self._starts):
            self._on_refilled(page_no, future)
            return
        self._pending = None
        self._set_loading(False)
        try:
            page = future.result()
        except Exception as exc:  # noqa: BLE001 (shown to the agent, list stays usable)
            self._more = False
            self.loadFailed.emit(_failure_text(exc))
            return
        self._starts.append(self._cursor)
        self._cursor = page.next
        self._more = page.next is not None
        if page.rows:
            first = self._count
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._count += len(page.rows)
            self._keep(page_no, page.rows)
            self.endInsertRows()
        self.pageLoaded.emit(self._count)

    def _on_refilled(self, page_no: int, future: Future[Page]) -> None:
        self._refilling.discard(page_no)
        try:
            rows = future.result().rows
        except Exception as exc:  # noqa: BLE001
            self.loadFailed.emit(_failure_text(exc))
            return
        first = page_no * self._page_size
        rows = rows[: max(0, min(self._page_size, self._count - first))]
        self._keep(page_no, rows)
        if rows:
            last = first + len(rows) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def _keep(self, page_no: int, rows: list[TicketRow]) -> None:
        self._pages[page_no] = rows
        self._pages.move_to_end(page_no)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loadingChanged.emit()

    def status_name(self, code: str) -> str:
        return self._status_names.get(code, code)

    def has_more(self) -> bool:
        return self._more

    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    def row_at(self, row: int) -> TicketRow | None:
        """The row if its page is in memory; otherwise ask for the page again."""
        page_no, offset = divmod(row, self._page_size)
        rows = self._pages.get(page_no)
        if rows is None:
            if page_no not in self._refilling and page_no < len(self._starts):
                self._refilling.add(page_no)
                self._request(page_no, self._starts[page_no])
            return None
        self._pages.move_to_end(page_no)
        return rows[offset] if offset < len(rows) else None

    # ----- the table -------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self._headers[self.COLUMNS[section]]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the delegate asks ~10 roles per visible cell on every paint: answer
        # the ones we never serve before doing any other work
        if role not in _SERVED_ROLES:
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < self._count or not 0 <= column < len(self.COLUMNS):
            return None  # also an invalid index (row -1)
        r = self.row_at(row)
        if r is None:
            return PLACEHOLDER if role == _DISPLAY else None
        if role == _DISPLAY or role == _TOOLTIP:
            text = self._cell(r, self.COLUMNS[column])
            if role == _TOOLTIP and r.overdue:
                return f"{self._overdue_text} · {text}"
            return text
        if role == _BACKGROUND:
            return self._overdue_bg if r.overdue else None
        if role == _FOREGROUND:
            return self._overdue_fg if r.overdue else None
        if role == TICKET_ID_ROLE:
            return str(r.id)
        return r.overdue  # OVERDUE_ROLE

    def _cell(self, r: TicketRow, column: str) -> str:
        if column == "number":
            return ("⚠ " if r.overdue else "") + r.number
        if column == "created_at":
            return f"{r.created_at.astimezone(self._tz):%Y-%m-%d %H:%M}"
        if column == "category":
            cat = self._profile.category(r.category)
            return cat.label(self._lang) if cat else r.category
        if column == "status":
            return self._status_names.get(r.status, r.status)
        if column == "deadline":
            if r.deadline_at is None:
                return ""
            when = f"{r.deadline_at.astimezone(self._tz):%m-%d %H:%M}"
            if r.overdue:
                return f"⚠ {self._overdue_text} {when}"
            return f"⏳ {self._near_text} {when}" if r.near_deadline else when
        if column == "caller_phone":
            return self.numbers.phone(r.caller_phone or "", Surface.TICKETS)
        if column == "content":
            return self.numbers.text(r.content_preview, Surface.TICKETS)
        if column == "department":
            dept = next((d for d in self._profile.departments if d.code == r.department), None)
            return dept.label(self._lang) if dept else (r.department or "")
        value = getattr(r, column)
        return str(value) if value is not None else ""


def _failure_text(exc: BaseException) -> str:
    """A refusal (signed out, a role that may not read tickets) in the user's words."""
    return permission_message(exc) if isinstance(exc, PermissionDenied) else str(exc)
