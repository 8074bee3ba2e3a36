"""Wires duplicates and alerts into the running desk through MainWindow's
extension points only (``add_banner``, ``form``, ``statusBar``) and a DeskBridge
of its own on the CallDesk.

- The duplicates panel (a banner, shown when there are earlier tickets) follows
  the ticket form as the agent types, and is reset for every new call.
- "Record as urge" writes an urge (催办) by the signed-in user on the chosen
  ticket, naming this call, then ends the wrap-up without a new ticket.
- A repeat complaint's reply (or progress) shown to the agent is recorded as a
  script-shown call event, so QA replay sees what the customer was told.
- The shift lead's alert banner follows who is signed in; alerts raised on
  this desk reach it at once, the rest by polling (cross-desk needs sync).

Ending the wrap-up: CallDesk has no "finish without ticket" command yet, so
this uses one if present (``finish_wrapup_without_ticket(via=..., **data)``)
and otherwise the documented path, 示忙 then 示闲 (``set_busy`` ends the
wrap-up without a ticket).
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from callcenter.domain.agent_state import AgentState, IllegalTransition
from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import TransitionRefused
from callcenter.services.alerts.inbox import Alerts
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.services.storage.database import Database
from callcenter.services.tickets.duplicates import DuplicateCheck, Duplicates, EarlierTicket
from callcenter.services.tickets.workflow import TicketSnapshot, TicketWorkflow
from callcenter.ui.alerts.view import AlertsView
from callcenter.ui.calls.desk_bridge import DeskBridge
from callcenter.ui.shared.refusals import permission_message
from callcenter.ui.tickets.duplicates_panel import DuplicatesPanel


class DuplicatesDesk(QObject):
    """What ``install`` returns: the widgets and services, for tests and the app.

    Signals: urged(TicketSnapshot) once an urge is recorded and the wrap-up
    ended; urgeFailed(str) with the reason code when it was refused.
    """

    urged = Signal(object)
    urgeFailed = Signal(str)
    _urgeDone = Signal(object, object)  # (EarlierTicket, Future) from the writer thread

    def __init__(self, window: Any, desk: CallDesk, db: Database, profile: SiteProfile,
                 clock: Clock, workflow: TicketWorkflow) -> None:
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.alerts = Alerts(db, clock, desk.workstation, user=desk.user)
        self.duplicates = Duplicates(db, profile, clock, self.alerts, workflow)
        lang = window.form.lang
        self.bridge = DeskBridge(self)
        desk.add_listener(self.bridge)
        self._state: AgentState | None = None
        self._urging = False

        self.alerts_view = AlertsView(self.alerts, profile, window)
        self.panel = DuplicatesPanel(self.duplicates, profile, lang,
                                     lambda: self.desk.snapshot().agent_id, window)
        window.add_banner(self.alerts_view)
        window.add_banner(self.panel)
        self.alerts.add_listener(self.alerts_view.alert_arrived)

        window.form.changed.connect(lambda: self.panel.draft_changed(window.form.draft()))
        self.panel.urgeRequested.connect(self.urge)
        self.panel.alertRaised.connect(self._alert_raised)
        self.panel.checked.connect(self._record_repeat_shown)
        self._recorded: set[tuple[str, str]] = set()
        self._urgeDone.connect(self._urge_done, Qt.ConnectionType.QueuedConnection)
        self.bridge.deskChanged.connect(self._on_desk)
        window.add_clear_hook(self.panel.reset)
        self._on_desk(desk.snapshot())

    def _status(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def _on_desk(self, snap: DeskSnapshot) -> None:
        st = snap.status.state
        if st is AgentState.RINGING and self._state is not AgentState.RINGING:
            self.panel.reset()  # a new call: a new caller
        self._state = st
        self.panel.set_urge_allowed(st is AgentState.WRAP_UP and not snap.saving
                                    and not self._urging)
        self.alerts_view.set_user(snap.agent_id)

    def _record_repeat_shown(self, check: DuplicateCheck) -> None:
        """What the agent was given to tell the customer about the earlier complaint
        is a call event (once per call), so QA replay shows it (rule 004 Q68)."""
        r = check.repeat
        call = self.desk.current_call
        if r is None or call is None:
            return
        key = "repeat_complaint_reply" if r.resolved else "repeat_complaint_progress"
        if (str(call.id), r.earlier.number + key) in self._recorded:
            return
        text = r.reply_text if r.resolved else r.earlier.state.value
        if self.desk.record_script_shown(key, text, ticket=r.earlier.number,
                                         alerted=r.alert is not None):
            self._recorded.add((str(call.id), r.earlier.number + key))

    def _alert_raised(self, _alert: object) -> None:
        self._status(self.tr("Repeat complaint not yet resolved: the shift lead has been alerted."))

    # ---- urge instead of a new ticket -----------------------------------------------------

    def urge(self, earlier: EarlierTicket) -> None:
        snap = self.desk.snapshot()
        if snap.status.state is not AgentState.WRAP_UP or snap.saving or self._urging:
            self._status(self.tr("Urging is possible after the call ends (wrap-up)."))
            return
        call = self.desk.current_call
        draft = self.window.form.draft()
        try:
            fut = self.duplicates.urge(
                earlier.id, agent_id=snap.agent_id or "", note=draft.content.strip(),
                call_id=call.id if call else None, caller=call.caller_number if call else "")
        except PermissionDenied as exc:
            self._status(permission_message(exc), 15000)
            self.urgeFailed.emit(exc.reason)
            return
        self._urging = True
        self.panel.set_urge_allowed(False)
        fut.add_done_callback(lambda f: self._urgeDone.emit(earlier, f))

    def _urge_done(self, earlier: EarlierTicket, fut: Future[TicketSnapshot]) -> None:
        self._urging = False
        exc = fut.exception()
        if isinstance(exc, PermissionDenied):
            self._status(permission_message(exc), 15000)
            self._on_desk(self.desk.snapshot())
            self.urgeFailed.emit(exc.reason)
            return
        if exc is not None:
            reason = exc.reason if isinstance(exc, TransitionRefused) else "store"
            why = {
                "wrong_state": self.tr("the ticket is already closed"),
                "not_allowed_for_role": self.tr("your role may not urge tickets"),
            }.get(reason, self.tr("the database did not take the write"))
            self._status(self.tr("The urge was NOT recorded (%1); nothing changed.")
                         .replace("%1", why), 15000)
            self._on_desk(self.desk.snapshot())
            self.urgeFailed.emit(reason)
            return
        snap = fut.result()
        self._end_wrapup(earlier)
        self.window.form.clear()
        self.panel.reset()
        self._status(self.tr("Urge recorded on ticket %1; no new ticket was saved.")
                     .replace("%1", snap.number))
        self.urged.emit(snap)

    def _end_wrapup(self, earlier: EarlierTicket) -> None:
        finish = getattr(self.desk, "finish_wrapup_without_ticket", None)
        try:
            if finish is not None:
                finish(via="urge", ticket_id=str(earlier.id), number=earlier.number)
                return
            # the documented path until CallDesk has a dedicated command
            self.desk.set_busy(self.desk.profile.busy_reasons[0].code)
            self.desk.set_ready()
        except IllegalTransition:
            pass  # the desk left wrap-up meanwhile (e.g. the agent set busy); nothing to end


def install(window: Any, desk: CallDesk, db: Database, profile: SiteProfile, clock: Clock,
            workflow: TicketWorkflow) -> DuplicatesDesk:
    """Add the duplicates panel and the shift lead's alerts to a running desk."""
    return DuplicatesDesk(window, desk, db, profile, clock, workflow)
