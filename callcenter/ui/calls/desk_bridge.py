"""Re-emits the CallDesk's listener calls as Qt signals (the Electrum pattern),
and gives services a ``post`` that runs a function on the GUI thread.

Signals: deskChanged(DeskSnapshot), screenPop(ScreenPop), scriptLines(list),
notice(str, dict), ticketSaved(SavedTicket), ticketFailed(StoreFailure),
statsChanged(ShiftStats), storeError(StoreFailure).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from callcenter.services.calls.desk_types import DeskListener


class GuiPoster(QObject):
    """``post(fn)`` from any thread; ``fn`` runs on the thread that owns this object."""

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        self._posted.emit(fn)

    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class DeskBridge(QObject, DeskListener):
    deskChanged = Signal(object)
    screenPopReady = Signal(object)
    scriptLinesShown = Signal(object)
    noticeRaised = Signal(str, object)
    ticketSavedSig = Signal(object)
    ticketFailedSig = Signal(object)
    statsChanged = Signal(object)
    storeErrorSig = Signal(object)

    def desk_changed(self, snap: Any) -> None:
        self.deskChanged.emit(snap)

    def screen_pop(self, pop: Any) -> None:
        self.screenPopReady.emit(pop)

    def script_lines(self, lines: Any) -> None:
        self.scriptLinesShown.emit(lines)

    def notice(self, code: str, data: Any) -> None:
        self.noticeRaised.emit(code, data)

    def ticket_saved(self, saved: Any) -> None:
        self.ticketSavedSig.emit(saved)

    def ticket_failed(self, failure: Any) -> None:
        self.ticketFailedSig.emit(failure)

    def stats_changed(self, stats: Any) -> None:
        self.statsChanged.emit(stats)

    def store_error(self, failure: Any) -> None:
        self.storeErrorSig.emit(failure)
