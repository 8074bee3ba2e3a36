"""The agent desk window: softphone bar on top, caller and script on the left,
the ticket form on the right, shift figures in the status bar.

It wires widgets to the CallDesk; each piece lives in its own module.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.agent_state import AgentState, IllegalTransition
from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.clock import Clock
from callcenter.domain.ticket import TicketInvalid
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.services.privacy.policy import policy_for
from callcenter.services.storage.database import StoreFailure, StoreFailureKind
from callcenter.services.tickets.entry import SavedTicket, TicketExtra
from callcenter.ui.calls.backfill_dialog import BackfillDialog
from callcenter.ui.calls.desk_bridge import DeskBridge
from callcenter.ui.calls.no_ticket_dialog import NoTicketDialog
from callcenter.ui.calls.screen_pop_panel import ScreenPopPanel
from callcenter.ui.calls.softphone_bar import SoftphoneBar
from callcenter.ui.calls.stats_bar import StatsLabel
from callcenter.ui.calls.transfer_controls import TransferControls
from callcenter.ui.scripts.panel import ScriptPanel
from callcenter.ui.shared.refusals import permission_message
from callcenter.ui.tickets.form import TicketForm

DISPLAY_TICK_MS = 50
TOOLS_MIN_HEIGHT = 240  # repaint only; every value is recomputed from monotonic stamps


class MainWindow(QMainWindow):
    def __init__(self, desk: CallDesk, bridge: DeskBridge, clock: Clock, lang: str = "zh") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        self.desk = desk
        self.show_who(None)
        self.bridge = bridge
        self._clock = clock
        self._lang = lang
        profile = desk.profile
        self._backfill: BackfillDialog | None = None
        self.no_ticket_dialog: NoTicketDialog | None = None  # open while 示忙 asks (wrap-up)
        self._last_state: AgentState | None = None
        self._finish_guards: list[Callable[[bool], bool]] = []
        self._save_extensions: list[Callable[[], TicketExtra | None]] = []
        self.sign_in_dialog: QDialog | None = None  # the one open now (ui/auth sets it)
        self._sign_in: Callable[[], None] | None = None
        self._sign_out: Callable[[], None] | None = None
        self._clear_hooks: list[Callable[[], None]] = []

        central = QWidget(self)
        lay = QVBoxLayout(central)
        self.softphone = SoftphoneBar(profile, lang, central)
        self.notice = QLabel()
        self.notice.setObjectName("noticeBanner")
        self.notice.setAccessibleName("提示")
        self.notice.setWordWrap(True)
        self.notice.hide()
        lay.addWidget(self.softphone)
        split = QSplitter(Qt.Orientation.Horizontal, central)
        split.setObjectName("deskSplit")
        split.setChildrenCollapsible(False)
        # banners (outage hit, ticket history, notices) sit over the tools on the
        # left: however many show, the ticket form on the right keeps its place
        side = QWidget(split)
        side.setObjectName("deskSide")
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        self._banners = QVBoxLayout()
        self._banners.setContentsMargins(0, 0, 0, 0)
        side_lay.addLayout(self._banners)
        side_lay.addWidget(self.notice)
        self.tools = QTabWidget(side)
        side_lay.addWidget(self.tools, 1)
        self.tools.setObjectName("toolTabs")
        # the tallest tool tab must not set the window's height: the desk fits 768 lines
        self.tools.setMinimumHeight(TOOLS_MIN_HEIGHT)
        self.tools.setAccessibleName("工具页")
        left = QWidget(self.tools)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.screen_pop = ScreenPopPanel(profile, lang, left)
        self.scripts = ScriptPanel(left)
        self._left_lay = left_lay
        left_lay.addWidget(self.screen_pop, 3)
        left_lay.addWidget(self.scripts, 2)
        self.tools.addTab(left, self.tr("Call"))
        self.form = TicketForm(profile, lang, split)
        split.addWidget(side)
        split.addWidget(self.form)
        split.setSizes([480, 800])
        lay.addWidget(split, 1)
        self.setCentralWidget(central)

        self.stats = StatsLabel(self)
        self.statusBar().addPermanentWidget(self.stats)
        self.statusBar().setObjectName("statusBar")

        menu = self.menuBar().addMenu(self.tr("&Tickets"))
        menu.setObjectName("ticketsMenu")
        menu.setAccessibleName("工单")
        self.backfill_action = QAction(self.tr("Back-fill a ticket..."), self)
        self.backfill_action.setObjectName("backfillAction")
        self.backfill_action.setShortcut(QKeySequence("Ctrl+B"))
        self.backfill_action.triggered.connect(self.open_backfill)
        menu.addAction(self.backfill_action)
        self.addAction(self.backfill_action)

        sp = self.softphone
        sp.signInOutRequested.connect(self.sign_in_or_out)
        sp.readyRequested.connect(lambda: self._do(desk.set_ready))
        sp.busyRequested.connect(self.set_busy)
        sp.answerRequested.connect(lambda: self._do(desk.answer))
        sp.holdToggleRequested.connect(self._toggle_hold)
        sp.hangUpRequested.connect(lambda: self._do(desk.hang_up))
        sp.finishReadyRequested.connect(lambda: self.finish(dispatch=False))
        sp.dispatchRequested.connect(lambda: self.finish(dispatch=True))
        self.transfer = TransferControls(self, desk, sp, bridge, lang)  # 转接 / 咨询转接 / 完成转接 / 取回
        self.screen_pop.newCustomerRequested.connect(self._new_customer)
        self.screen_pop.new_btn.toggled.connect(self.form.set_new_customer)
        sp.breached.connect(self._breach_sound)

        bridge.deskChanged.connect(self._on_desk)
        bridge.screenPopReady.connect(self._on_pop)
        bridge.scriptLinesShown.connect(self.scripts.show_lines)
        bridge.noticeRaised.connect(self._on_notice)
        bridge.ticketSavedSig.connect(self._on_saved)
        bridge.ticketFailedSig.connect(self._on_failed)
        bridge.statsChanged.connect(self.stats.show_stats)
        bridge.storeErrorSig.connect(self._on_store_error)

        self.display_tick = QTimer(self)
        self.display_tick.setObjectName("displayTick")
        self.display_tick.setTimerType(Qt.TimerType.PreciseTimer)
        self.display_tick.setInterval(DISPLAY_TICK_MS)
        self.display_tick.timeout.connect(self._tick)
        self.display_tick.start()
        self._on_desk(desk.snapshot())

    # ----- extension points (features install themselves here) --------
    def add_tool_tab(self, widget: QWidget, title: str) -> int:
        """A tab beside the call tab (outage lookup, script library, ...)."""
        return self.tools.addTab(widget, title)

    def add_banner(self, widget: QWidget) -> None:
        """A strip under the softphone bar (outage hit, emergency notice, ...)."""
        self._banners.addWidget(widget)

    def replace_script_panel(self, panel: QWidget) -> None:
        """Swap the basic script panel for a richer one; it must offer show_lines/clear/texts."""
        self._left_lay.replaceWidget(self.scripts, panel)
        self.scripts.hide()
        self.scripts.deleteLater()
        self.scripts = panel  # type: ignore[assignment]

    def add_finish_guard(self, guard: Callable[[bool], bool]) -> None:
        """``guard(dispatch)`` runs before 置闲/下发工单; returning False cancels the save
        (the guard tells the agent why)."""
        self._finish_guards.append(guard)

    def set_sign_in_flow(self, sign_in: Callable[[], None], sign_out: Callable[[], None]) -> None:
        """Who signs in and how (F2): the auth feature's password dialog and sign-out."""
        self._sign_in, self._sign_out = sign_in, sign_out

    def add_clear_hook(self, hook: Callable[[], None]) -> None:
        """``hook()`` runs at sign-out: the feature forgets everything of the previous
        user and caller (lists, search boxes, open dialogs)."""
        self._clear_hooks.append(hook)

    def show_who(self, who: str | None) -> None:
        """The title names this desk and who is signed in: two desks on one screen
        (the central demo) are told apart."""
        title = self.tr("95598 agent desk") + " · " + self.desk.workstation
        self.setWindowTitle(title + (" · " + who if who else ""))

    def clear_for_next_user(self) -> None:
        """Nothing of the previous user or caller stays on screen or in a panel."""
        self.show_who(None)
        if self._backfill is not None:
            self._backfill.close()
        if self.no_ticket_dialog is not None:
            self.no_ticket_dialog.reject()
        self.screen_pop.clear()
        self.scripts.clear()
        self.form.clear()
        self.form.clear_errors()
        self.notice.clear()
        self.notice.hide()
        self.statusBar().clearMessage()
        for hook in self._clear_hooks:
            hook()

    def add_save_extension(self, provider: Callable[[], TicketExtra | None]) -> None:
        """``provider()`` is asked at each save for work to do in the ticket's own
        transaction (e.g. linking the ticket to an outage)."""
        self._save_extensions.append(provider)

    # ----- commands ----------------------------------------------------
    def _do(self, fn: object) -> bool:
        try:
            fn()  # type: ignore[operator]
        except IllegalTransition:
            self.statusBar().showMessage(self.tr("That is not possible in the current state."), 5000)
            return False
        except PermissionDenied as exc:
            self.statusBar().showMessage(permission_message(exc), 10000)
            return False
        return True

    def sign_in_or_out(self) -> None:
        if self.desk.status.state is AgentState.SIGNED_OUT:
            if self._sign_in is None:
                self.statusBar().showMessage(self.tr("Sign-in is not available."), 5000)
                return
            self._sign_in()
        elif self._sign_out is not None:
            self._sign_out()
        elif self._do(self.desk.sign_out):
            self.clear_for_next_user()

    def set_busy(self, reason: str) -> None:
        """示忙. During wrap-up it first asks: the call ends without a ticket only
        when the agent confirms 无需建单 with a reason; until then the wrap-up and
        the filled form stay, with F8/F9 usable."""
        if self.desk.status.state is not AgentState.WRAP_UP:
            self._do(lambda: self.desk.set_busy(reason))
            return
        if self.no_ticket_dialog is not None:
            return
        dlg = NoTicketDialog(self)
        self.no_ticket_dialog = dlg
        dlg.confirmed.connect(lambda why: self._busy_without_ticket(reason, why))
        dlg.finished.connect(self._no_ticket_closed)
        dlg.open()

    def _busy_without_ticket(self, reason: str, why: str) -> None:
        if self._do(lambda: self.desk.set_busy(reason, no_ticket_reason=why)):
            self.form.clear()
            self.screen_pop.clear()
            self.scripts.clear()
            self.statusBar().showMessage(
                self.tr("Call ended without a ticket: %1").replace("%1", why), 8000)

    def _no_ticket_closed(self) -> None:
        if self.no_ticket_dialog is not None:
            self.no_ticket_dialog.deleteLater()
        self.no_ticket_dialog = None

    def _toggle_hold(self) -> None:
        if self.desk.status.state is AgentState.HELD:
            self._do(self.desk.resume)
        else:
            self._do(self.desk.hold)

    def finish(self, dispatch: bool) -> None:
        """置闲 (save and set ready) or 下发工单 (save and dispatch)."""
        self.form.clear_errors()
        if not all(guard(dispatch) for guard in self._finish_guards):
            return
        req = self.form.dispatch_request() if dispatch else None
        extras = [x for x in (p() for p in self._save_extensions) if x is not None]
        try:
            self.desk.finish_wrapup(self.form.draft(), req, extras=extras,
                                    register_customer=self.screen_pop.register_customer)
        except TicketInvalid as exc:
            self.form.show_errors(exc.errors)
        except IllegalTransition:
            self.statusBar().showMessage(self.tr("A ticket is saved after the call ends."), 5000)
        except PermissionDenied as exc:  # nothing saved; the form keeps what was typed
            self.statusBar().showMessage(permission_message(exc), 10000)

    def open_backfill(self) -> None:
        if self.desk.snapshot().agent_id is None:
            self.statusBar().showMessage(self.tr("Sign in first."), 5000)
            return
        dlg = BackfillDialog(self.desk.profile, self._lang, self, now=self._clock.utc_now)
        self._backfill = dlg
        dlg.submitted.connect(self._submit_backfill)
        dlg.finished.connect(self._backfill_closed)
        dlg.open()

    def _submit_backfill(self) -> None:
        dlg = self._backfill
        if dlg is None:
            return
        try:
            self.desk.backfill(dlg.form.draft(), dlg.backfill())
        except TicketInvalid as exc:
            dlg.show_errors(exc.errors)
        except PermissionDenied as exc:
            self.statusBar().showMessage(permission_message(exc), 10000)

    def _backfill_closed(self) -> None:
        if self._backfill is not None:
            self._backfill.deleteLater()
        self._backfill = None

    def _breach_sound(self, _timer: str) -> None:
        # colour is never the only signal: the text changes, and the desk beeps
        if not os.environ.get("CALLCENTER_NO_SOUND"):
            QApplication.beep()

    def _new_customer(self, number: str) -> None:
        self.form.set_caller_phone(number)
        self.form.focus_first()

    # ----- desk events -------------------------------------------------
    def _tick(self) -> None:
        self.softphone.tick(self._clock.monotonic_ns())

    def _on_desk(self, snap: DeskSnapshot) -> None:
        self.screen_pop.numbers = policy_for(self.desk.user.actor)
        self.softphone.apply(snap)
        st = snap.status.state
        if st is not AgentState.WRAP_UP and self.no_ticket_dialog is not None:
            self.no_ticket_dialog.reject()  # the wrap-up ended otherwise: nothing to ask
        if st is AgentState.RINGING and snap.call is not None:
            self.screen_pop.show_ringing(snap.call.caller_number)
            self.notice.hide()
        if st is AgentState.TALKING and self._last_state is AgentState.RINGING:
            self.form.focus_first()  # answered: what the agent types goes into the ticket
        self._last_state = st
        if st is AgentState.READY and snap.call is None:
            self.screen_pop.clear()
            self.scripts.clear()
        self._tick()

    def _on_pop(self, pop: object) -> None:
        self.screen_pop.show_pop(pop)  # type: ignore[arg-type]
        self.form.prefill_from_pop(pop)  # type: ignore[arg-type]

    def _on_notice(self, code: str, data: dict[str, str]) -> None:
        if code == "missed_call":
            text = self.tr("Missed call from %1: it went back to the queue and you are now busy "
                           "(missed call). Press F3 when you are ready.").replace(
                "%1", data.get("caller", ""))
        elif code == "abandoned":
            text = self.tr("The caller hung up before you answered.")
        elif code == "transfer_refused":
            text = self.tr("The transfer target %1 did not take the call (%2): the customer is "
                           "still yours.").replace("%1", data.get("target", "")).replace(
                "%2", data.get("code", ""))
        else:
            text = code
        self.notice.setText("⚠ " + text)
        self.notice.setStyleSheet("background:#fef3c7;padding:6px;")
        self.notice.show()
        self.statusBar().showMessage(text, 10000)

    def _on_saved(self, saved: SavedTicket) -> None:
        if saved.backfilled and self._backfill is not None:
            self._backfill.accept()
        else:
            self.form.clear()
            self.screen_pop.clear()
            self.scripts.clear()
        self.show_saved(saved)

    def show_saved(self, saved: SavedTicket) -> None:
        """The save confirmation: a green strip under the softphone bar naming the
        ticket (and, dispatched, the department) until the next call rings, and the
        same words in the status bar."""
        if saved.department:
            dept = next((d for d in self.desk.profile.departments if d.code == saved.department),
                        None)
            text = self.tr("Ticket %1 saved and dispatched to %2.").replace(
                "%1", saved.number).replace("%2", dept.label(self._lang) if dept else saved.department)
        else:
            text = self.tr("Ticket %1 saved.").replace("%1", saved.number)
        self.notice.setText("✔ " + text)
        self.notice.setStyleSheet("background:#dcfce7;color:#14532d;font-weight:bold;padding:6px;")
        self.notice.show()
        self.statusBar().showMessage(text, 8000)

    def _failure_text(self, failure: StoreFailure) -> str:
        return {
            StoreFailureKind.LOCKED: self.tr("The database is busy (locked by another program)."),
            StoreFailureKind.READ_ONLY: self.tr("The database file is read-only."),
            StoreFailureKind.DISK_FULL: self.tr("The disk is full."),
            StoreFailureKind.OTHER: self.tr("The database reported an error."),
        }[failure.kind]

    def _on_failed(self, failure: StoreFailure) -> None:
        text = (self.tr("The ticket was NOT saved: ") + self._failure_text(failure)
                + self.tr(" Everything you typed is kept; try again."))
        if self._backfill is not None:
            self._backfill.form.show_message(text)
        else:
            self.form.show_message(text)
        self.statusBar().showMessage(text, 15000)

    def _on_store_error(self, failure: StoreFailure) -> None:
        self.statusBar().showMessage(
            self.tr("Could not record a call event: ") + self._failure_text(failure), 15000)

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self.display_tick.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
