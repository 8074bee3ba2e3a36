"""Wires the outage feature into the running desk through MainWindow's
extension points only: a banner on screen pop, the outage console tab, an
emergency banner, counts on the status bar, an Outages menu, a finish guard
on 下发工单 and a save extension that links the repair ticket to the outage.

Every query runs on the database's reader thread (``db.read`` futures); the
results come back to the GUI thread through a GuiPoster.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow

from callcenter.domain.agent_state import AgentState
from callcenter.domain.auth.permissions import Permission, PermissionDenied
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.services.outages.importer import OutageImport
from callcenter.services.outages.lookup import (
    REPAIR_CATEGORY,
    EmergencyNotice,
    LookupQuery,
    OutageBoard,
    OutageHit,
    Outages,
)
from callcenter.services.storage.database import Database
from callcenter.services.tickets.entry import TicketExtra
from callcenter.ui.calls.desk_bridge import DeskBridge, GuiPoster
from callcenter.ui.outages.banner import OutageBanner
from callcenter.ui.outages.emergency import EmergencyBanner, EmergencyDialog
from callcenter.ui.outages.import_dialog import OutageImportDialog
from callcenter.ui.outages.link_dialog import OutageLinkDialog
from callcenter.ui.outages.lookup_panel import OutageConsole
from callcenter.ui.shared.refusals import permission_message

T = TypeVar("T")
REFRESH_MS = 60_000


class OutageDesk(QObject):
    """What ``install`` returns: the widgets and services, for tests and the app."""

    hitsShown = Signal(object)  # list[OutageHit] for the current call
    boardShown = Signal(object)
    resultsShown = Signal(object)

    def __init__(self, window: Any, desk: CallDesk, bridge: DeskBridge, outages: Outages,
                 importer: OutageImport, clock: Clock, tz: ZoneInfo) -> None:
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.outages = outages
        self.importer = importer
        self._tz = tz
        self._poster = GuiPoster(self)
        self._pop_seq = 0
        self.hits: list[OutageHit] = []
        self.decision: tuple[str, str | None] | None = None  # ("link", None) | ("override", reason)
        self.link_dialog: OutageLinkDialog | None = None
        self.import_dialog: OutageImportDialog | None = None

        self.banner = OutageBanner(tz, window)
        self.emergency = EmergencyBanner(window)
        window.add_banner(self.emergency)
        window.add_banner(self.banner)
        self.console = OutageConsole(tz, clock.utc_now, window)
        self.tab_index = window.add_tool_tab(self.console, self.tr("Outages"))
        self.counts = QLabel(window)
        self.counts.setObjectName("outageCounts")
        self.counts.setAccessibleName("停电统计")
        window.statusBar().addPermanentWidget(self.counts)
        self._menu(window)

        bridge.screenPopReady.connect(self._on_pop)
        bridge.deskChanged.connect(self._on_desk)
        bridge.ticketSavedSig.connect(lambda _saved: self._reset_call())
        window.add_clear_hook(self._reset_call)
        self.console.searchRequested.connect(self.search)
        self.console.refreshRequested.connect(self.refresh)
        self.emergency.clearRequested.connect(self._clear_emergency)
        window.add_finish_guard(self._guard)
        window.add_save_extension(self._extra)

        self.refresh_tick = QTimer(self)
        self.refresh_tick.setObjectName("outageRefreshTick")
        self.refresh_tick.setInterval(REFRESH_MS)
        self.refresh_tick.timeout.connect(self.refresh)
        self.refresh_tick.start()
        self.refresh()

    def _menu(self, window: QMainWindow) -> None:
        menu = window.menuBar().addMenu(self.tr("&Outages"))
        menu.setObjectName("outagesMenu")
        menu.setAccessibleName("停电信息")
        items = ((self.tr("Outage lookup"), "outageLookupAction", "Ctrl+Shift+O", self.open_console),
                 (self.tr("Import outage list..."), "outageImportAction", "", self.choose_import),
                 (self.tr("Raise emergency banner..."), "emergencyRaiseAction", "", self.ask_emergency))
        self.actions: dict[str, QAction] = {}
        for title, name, keys, slot in items:
            act = QAction(title, window)
            self.actions[name] = act
            act.setObjectName(name)
            if keys:
                act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)
            menu.addAction(act)
            window.addAction(act)
        self._offer()

    def _offer(self) -> None:
        """Offer only what the signed-in user may do (the services check it again)."""
        user = self.outages.user
        self.actions["emergencyRaiseAction"].setVisible(user.allows(Permission.EMERGENCY_RAISE))
        self.actions["outageImportAction"].setVisible(user.allows(Permission.OUTAGE_IMPORT))
        self.emergency.set_clearable(user.allows(Permission.EMERGENCY_CLEAR))

    def _deliver(self, fut: Future[T], fn: Callable[[T], None]) -> None:
        def done(f: Future[T]) -> None:
            def run() -> None:
                if f.exception() is None:
                    fn(f.result())
                else:
                    self.window.statusBar().showMessage(
                        self.tr("Outage lookup failed: %1").replace("%1", str(f.exception())), 10000)
            self._poster.post(run)

        fut.add_done_callback(done)

    # ----- in the call ----------------------------------------------------
    def _on_pop(self, pop: Any) -> None:
        self._pop_seq += 1
        seq = self._pop_seq

        def show(hits: list[OutageHit]) -> None:
            if seq == self._pop_seq:
                self.hits = hits
                self.banner.show_hits(hits)
                self.hitsShown.emit(hits)

        self._deliver(self.outages.for_pop(pop), show)

    def _on_desk(self, snap: DeskSnapshot) -> None:
        self._offer()
        st = snap.status.state
        if st is AgentState.RINGING or (st is AgentState.READY and snap.call is None):
            if self.hits or self.banner.isVisible():
                self._reset_call()

    def _reset_call(self) -> None:
        self._pop_seq += 1
        self.hits = []
        self.decision = None
        self.banner.clear()

    def active_hit(self) -> OutageHit | None:
        """The outage a repair ticket from this caller is linked to: active, and not
        so long past its expected restore that it is no longer believed (item 21)."""
        return next((h for h in self.hits if h.takes_repairs), None)

    def _is_repair(self) -> bool:
        return bool(self.window.form.draft().category == REPAIR_CATEGORY)

    def _guard(self, dispatch: bool) -> bool:
        hit = self.active_hit()
        if not dispatch or hit is None or not self._is_repair():
            return True
        if self.decision is not None and self.decision[0] == "override":
            return True  # the agent gave a reason to dispatch anyway
        dlg = OutageLinkDialog(hit, self._tz, self.window)
        self.link_dialog = dlg
        dlg.linkChosen.connect(self._choose_link)
        dlg.overrideChosen.connect(self._choose_override)
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()
        self.window.statusBar().showMessage(
            self.tr("The caller is inside an active outage: link the ticket or give a reason."), 8000)
        return False

    def _choose_link(self) -> None:
        self.decision = ("link", None)
        self.link_dialog = None
        self.window.finish(dispatch=False)

    def _choose_override(self, reason: str) -> None:
        self.decision = ("override", reason)
        self.link_dialog = None
        self.window.finish(dispatch=True)

    def _extra(self) -> TicketExtra | None:
        hit = self.active_hit()
        if hit is None or not self._is_repair():
            return None
        reason = self.decision[1] if self.decision is not None else None
        return self.outages.link_extra(hit.outage_id, agent_id=self.desk.snapshot().agent_id or "",
                                       reason=reason)

    # ----- console, counts, import, emergency ------------------------------
    def open_console(self) -> None:
        self.window.tools.setCurrentIndex(self.tab_index)
        self.console.tabs.setCurrentIndex(0)
        self.console.text.setFocus()

    def search(self, q: LookupQuery) -> None:
        def show(hits: list[OutageHit]) -> None:
            self.console.show_results(hits)
            self.resultsShown.emit(hits)

        self._deliver(self.outages.lookup(q), show)

    def refresh(self) -> None:
        def show(board: OutageBoard) -> None:
            self.console.show_board(board)
            self.counts.setText(self.tr("Outages: %1 active · %2 upcoming · %3 restored")
                                .replace("%1", str(len(board.active)))
                                .replace("%2", str(len(board.upcoming)))
                                .replace("%3", str(len(board.restored))))
            self.boardShown.emit(board)

        self._deliver(self.outages.board(), show)
        # banners raised elsewhere reach this desk's store through sync (issue 6)
        self._deliver(self.outages.current_emergency(), self.emergency.show_notice)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import outage list"), "",
                                              self.tr("Outage lists (*.csv *.xlsx)"))
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> OutageImportDialog | None:
        """The import dialog, for a shift lead; anyone else is told why not (the
        importer refuses them too)."""
        if not self.outages.user.allows(Permission.OUTAGE_IMPORT):
            self.window.statusBar().showMessage(
                self.tr("Only the shift lead imports the outage list."), 8000)
            return None
        dlg = OutageImportDialog(self.importer, self.window)
        self.import_dialog = dlg
        dlg.finishedReport.connect(lambda _r: self.refresh())
        dlg.open()
        dlg.start(path)
        return dlg

    def ask_emergency(self) -> EmergencyDialog | None:
        """Only the shift lead raises an emergency banner (004 Q70: routing by the lead)."""
        agent = self.desk.snapshot().agent_id
        if agent is None or not self.outages.user.allows(Permission.EMERGENCY_RAISE):
            self.window.statusBar().showMessage(
                self.tr("Only the shift lead can raise an emergency banner."), 8000)
            return None
        dlg = EmergencyDialog(self.window)
        dlg.by.setText(agent)
        dlg.accepted.connect(lambda: self.raise_emergency(
            dlg.message.text().strip(), dlg.script.toPlainText().strip(), dlg.by.text().strip()))
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()
        return dlg

    def raise_emergency(self, message: str, script: str, raised_by: str) -> None:
        try:
            fut = self.outages.raise_emergency(message, script, raised_by)
        except PermissionDenied as exc:
            self.window.statusBar().showMessage(permission_message(exc), 10000)
            return
        self._deliver(fut, self.emergency.show_notice)

    def _clear_emergency(self, notice_id: uuid.UUID) -> None:
        try:
            fut = self.outages.clear_emergency(notice_id)
        except PermissionDenied as exc:
            self.window.statusBar().showMessage(permission_message(exc), 10000)
            return
        self._deliver(fut, lambda _none: self.emergency.show_notice(None))

    def shutdown(self) -> None:
        self.refresh_tick.stop()


def install(window: Any, desk: CallDesk, *, db: Database, bridge: DeskBridge, clock: Clock,
            profile: SiteProfile) -> OutageDesk:
    """Add the outage feature to a running desk window; returns its handle."""
    outages = Outages(db, clock, desk.workstation, user=desk.user,
                      unverified_after=profile.outage_unverified_after)
    importer = OutageImport(db, clock, desk.workstation, profile.timezone, user=desk.user)
    return OutageDesk(window, desk, bridge, outages, importer, clock, ZoneInfo(profile.timezone))


__all__ = ["EmergencyNotice", "OutageDesk", "install"]
