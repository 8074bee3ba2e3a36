"""A looked-up caller's history from central: when the screen pop shows a
caller, the sync worker fetches their tickets from central (other teams'
included, SyncEngine.fetch_caller) and the pop is shown again from the store.
A search of the ticket list by phone or account is a lookup too: the list is
searched again when that caller's tickets have arrived.

The fetch runs on the worker's thread and its result arrives through
``SyncStatusBridge.fetched``; the new pop is read on the Database's reader
thread and handed back with a queued signal, so the GUI thread never waits.
A result for a caller no longer on screen is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QObject, Qt, Signal

from callcenter.services.customers.phone import phone_key
from callcenter.services.customers.screen_pop import ScreenPop
from callcenter.services.sync.engine import FetchResult
from callcenter.services.sync.worker import SyncWorker
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.sync.status import SyncStatusBridge
from callcenter.ui.tickets.list_view import TicketListView


class CallerFetch(QObject):
    """Signals: ``popRead(ScreenPop)`` (internal: a re-read pop, to the GUI thread)."""

    popRead = Signal(object)

    def __init__(self, window: MainWindow, worker: SyncWorker, bridge: SyncStatusBridge,
                 lookup: Callable[[str], Future[ScreenPop]], tz: tzinfo, *,
                 tickets: TicketListView | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(window)
        self._w = window
        self._worker = worker
        self._lookup = lookup
        self._tz = tz
        self._now = now
        window.bridge.screenPopReady.connect(self._on_pop)
        bridge.fetched.connect(self._on_fetched, Qt.ConnectionType.QueuedConnection)
        self.popRead.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._tickets = tickets
        if tickets is not None:
            tickets.callerSearched.connect(self._on_search)

    def _on_pop(self, pop: ScreenPop) -> None:
        if not pop.caller_number:
            return
        accounts = tuple(a.account_no for c in pop.customers for a in c.accounts)
        self._worker.fetch_caller(pop.caller_number, accounts)

    def _on_search(self, phone: str, account: str) -> None:
        self._worker.fetch_caller(phone_key(phone) if phone else "", (account,) if account else ())

    def _on_fetched(self, result: FetchResult) -> None:
        self._refresh_search(result)
        panel = self._w.screen_pop
        if panel.current_number != result.phone:
            return  # the call is over, or another caller is on screen
        when = self._now().astimezone(self._tz).strftime("%H:%M")
        panel.set_note(self.tr("History includes central's tickets (%1)").replace("%1", when))
        if result.applied:
            self._lookup(result.phone).add_done_callback(self._read_done)

    def _refresh_search(self, result: FetchResult) -> None:
        if self._tickets is None or not result.applied:
            return
        shown = self._tickets.searched_caller()
        if shown is None:
            return
        phone, account = shown
        if (phone and phone_key(phone) == result.phone) or (account and account in result.accounts):
            self._tickets.show_again()

    def _read_done(self, fut: Future[ScreenPop]) -> None:
        if fut.exception() is None:
            try:
                self.popRead.emit(fut.result())
            except RuntimeError:  # the window is gone
                pass

    def _show(self, pop: ScreenPop) -> None:
        panel = self._w.screen_pop
        if panel.current_number == pop.caller_number:
            panel.show_pop(pop)  # the same caller: the note stays
