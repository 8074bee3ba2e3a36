"""Wires ticket detail, lifecycle actions and the department desk into the window.

Reads and writes run on the database threads; results come back through the
GuiPoster, so the GUI thread never waits. ``open_ticket(ticket_id)`` is what a
ticket list calls on activation.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import Actor, Role, TransitionRefused
from callcenter.services.calls.desk import CallDesk
from callcenter.services.privacy.reveal import Reveals
from callcenter.services.storage.database import Database, StoreFailure
from callcenter.services.tickets.deadline_watch import DeadlineWatch
from callcenter.services.tickets.detail import TicketDetail, TicketDetails
from callcenter.services.tickets.workflow import ActionRequest, StaleTicket, TicketWorkflow
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.shared.refusals import permission_message
from callcenter.ui.tickets.deadline_status import DeadlineStatus
from callcenter.ui.tickets.department_view import DepartmentView
from callcenter.ui.tickets.detail_dialog import TicketDetailDialog

REFRESH_MS = 15_000


class LifecycleController(QObject):
    def __init__(self, window: MainWindow, desk: CallDesk, db: Database, profile: SiteProfile,
                 clock: Clock, workflow: TicketWorkflow, lang: str,
                 reveals: Reveals | None = None) -> None:
        super().__init__(window)
        self._reveals = reveals
        self._w, self._desk, self._db, self._profile = window, desk, db, profile
        self._clock, self._wf, self._lang = clock, workflow, lang
        self._details = TicketDetails(db, user=desk.user)
        self._poster = GuiPoster(self)
        self.dialogs: dict[uuid.UUID, TicketDetailDialog] = {}
        # (parent, call id): set by the app to ui/replay's open_replay
        self.replay_opener: Callable[[QWidget, uuid.UUID], object] | None = None
        self.view = DepartmentView(profile, lang)
        self.view.ticketActivated.connect(self.open_ticket)
        self.view.refreshRequested.connect(self.refresh_department)
        window.add_tool_tab(self.view, self.tr("Department desk"))
        self._refresh = QTimer(self)
        self._refresh.setObjectName("departmentRefreshTick")
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.refresh_department)
        self._refresh.start()
        self._last_agent: str | None = None
        window.bridge.deskChanged.connect(self.on_desk_changed)
        window.add_clear_hook(self.forget)
        self._watch = DeadlineWatch(db, clock)
        self.deadline_status = DeadlineStatus(window)
        window.statusBar().addPermanentWidget(self.deadline_status)
        window.bridge.ticketSavedSig.connect(lambda _t: self.refresh_counts())
        self._refresh.timeout.connect(self.refresh_counts)
        self.refresh_counts()

    # ----- who is signed in ------------------------------------------------
    def actor(self) -> Actor | None:
        """Who is signed in on this desk (services/auth/current_user.py)."""
        return self._desk.user.actor

    def on_desk_changed(self, _snap: Any = None) -> None:
        agent = self._desk.snapshot().agent_id
        if agent != self._last_agent:
            self._last_agent = agent
            # another user (or nobody) at the desk: no ticket window, and so no
            # "show full number", outlives the user who opened it
            for dlg in list(self.dialogs.values()):
                dlg.reject()
            self.refresh_department()
            self.refresh_counts()

    def forget(self) -> None:
        """Sign-out: the previous user's open tickets and department list go."""
        for dlg in list(self.dialogs.values()):
            dlg.close()
            dlg.deleteLater()  # not only hidden: its ticket must not stay in memory
        self.dialogs.clear()
        self.view.model.set_rows([])

    def refresh_counts(self) -> None:
        actor = self.actor()
        dept = actor.department if actor is not None and actor.role is Role.DEPARTMENT else None
        self._deliver(self._watch.counts(dept), self.deadline_status.show_counts)

    # ----- department desk ---------------------------------------------------
    def refresh_department(self) -> None:
        actor = self.actor()
        if actor is None or actor.role is not Role.DEPARTMENT or actor.department is None:
            self.view.set_department(None, None)
            return
        dept = next((d for d in self._profile.departments if d.code == actor.department), None)
        self.view.set_department(actor.department, dept.label(self._lang) if dept else None)
        self._deliver(self._details.department_queue(actor.department), self._show_queue)

    def _show_queue(self, rows: Any) -> None:
        self.view.model.now = self._clock.utc_now()
        self.view.model.set_rows(rows)

    # ----- detail and actions --------------------------------------------------
    def open_replay(self, parent: QWidget, call_id: uuid.UUID | None) -> None:
        if call_id is not None and self.replay_opener is not None:
            self.replay_opener(parent, call_id)

    def open_ticket(self, ticket_id: uuid.UUID) -> None:
        self._deliver(self._details.detail(ticket_id), self._show_detail, self._refused)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, PermissionDenied):
            self._w.statusBar().showMessage(permission_message(exc), 8000)

    def _show_detail(self, detail: TicketDetail) -> None:
        actor = self.actor()
        if actor is None:
            self._w.statusBar().showMessage(self.tr("Sign in first."), 5000)
            return
        dlg = self.dialogs.get(detail.id)
        if dlg is None:
            dlg = TicketDetailDialog(detail, actor, self._profile, self._lang, self._w,
                                     reveals=self._reveals)
            dlg.actionRequested.connect(self._act)
            dlg.replayRequested.connect(lambda cid, d=dlg: self.open_replay(d, cid))
            dlg.finished.connect(lambda _r, tid=detail.id: self._closed(tid))
            self.dialogs[detail.id] = dlg
            dlg.open()
        else:
            dlg.show_detail(detail)

    def _closed(self, ticket_id: uuid.UUID) -> None:
        dlg = self.dialogs.pop(ticket_id, None)
        if dlg is not None:
            dlg.deleteLater()

    def _act(self, req: ActionRequest) -> None:
        try:
            fut = self._wf.submit(req)
        except PermissionDenied as exc:  # signed out (or someone else) meanwhile
            dlg = self.dialogs.get(req.ticket_id)
            if dlg is not None:
                dlg.show_message(permission_message(exc))
            return

        def done(f: Future[Any]) -> None:
            self._poster.post(lambda: self._after_act(req, f))
        fut.add_done_callback(done)

    def _after_act(self, req: ActionRequest, fut: Future[Any]) -> None:
        dlg = self.dialogs.get(req.ticket_id)
        exc = fut.exception()
        if exc is None:
            def refreshed(d: TicketDetail) -> None:
                if dlg is not None:
                    dlg.show_done(d)
            self._deliver(self._details.detail(req.ticket_id), refreshed)
            self.refresh_department()
            self.refresh_counts()
            return
        if dlg is None:
            return
        if isinstance(exc, StaleTicket):
            # reload what the other window saved; the dialog keeps what was typed
            def reload(d: TicketDetail) -> None:
                dlg.show_detail(d)
                dlg.show_refusal("stale")
            self._deliver(self._details.detail(req.ticket_id), reload)
        elif isinstance(exc, TransitionRefused):
            dlg.show_refusal(exc.reason)
        elif isinstance(exc, PermissionDenied):
            dlg.show_message(permission_message(exc))
        elif isinstance(exc, StoreFailure):
            dlg.show_refusal("store")
        else:
            dlg.show_refusal(str(exc))

    def _deliver(self, fut: Future[Any], fn: Callable[[Any], None],
                 failed: Callable[[BaseException], None] | None = None) -> None:
        def done(f: Future[Any]) -> None:
            exc = f.exception()
            if exc is None:
                self._poster.post(lambda: fn(f.result()))
            elif failed is not None:
                self._poster.post(lambda: failed(exc))
        fut.add_done_callback(done)


def install(window: MainWindow, desk: CallDesk, db: Database, profile: SiteProfile, clock: Clock,
            workflow: TicketWorkflow, lang: str, reveals: Reveals | None = None) -> LifecycleController:
    return LifecycleController(window, desk, db, profile, clock, workflow, lang, reveals)
