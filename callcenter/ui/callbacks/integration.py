"""Installs the callback queue (回访) as a tool tab of the main window, with the
number of callbacks due in the status bar. Uses only MainWindow's extension
points (add_tool_tab, statusBar) and DeskBridge signals.

Add to ``callcenter.app.build`` after the window (and a TicketWorkflow) exist::

    workflow = TicketWorkflow(db, clock, workstation)
    keep.append(callback_integration.install(window, desk, db, profile, clock, workflow,
                                             lang=opts.lang))

``opening`` is the seam for the script library: a function from placeholder
values (unit, agent_id, callback_reason, ...) to the outbound opening line; the
basic line is used until the library's ``outbound_opening`` is passed in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.callbacks.queue import Callbacks, OutboundOpening
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.services.privacy.reveal import Reveals
from callcenter.services.storage.database import Database
from callcenter.services.tickets.workflow import TicketWorkflow
from callcenter.ui.callbacks.queue_view import CallbackQueueView
from callcenter.ui.calls.desk_bridge import DeskBridge
from callcenter.ui.shared.main_window import MainWindow

SYNC_INTERVAL_MS = 60_000  # new replies enter the queue and the due count refreshes


class CallbackFeature(QObject):
    """Owns the tab, the status-bar count and the refresh timer."""

    def __init__(self, window: MainWindow, view: CallbackQueueView, callbacks: Callbacks) -> None:
        super().__init__(view)
        self.setObjectName("callbackFeature")
        self.view = view
        self.callbacks = callbacks
        self.due_label = QLabel(window)
        self.due_label.setObjectName("callbackDueLabel")
        self.due_label.setAccessibleName("待回访数量")
        window.statusBar().addPermanentWidget(self.due_label)
        self.timer = QTimer(self)
        self.timer.setObjectName("callbackSyncTimer")
        self.timer.setInterval(SYNC_INTERVAL_MS)
        self.timer.timeout.connect(view.sync)
        self.timer.start()
        view.dueCountChanged.connect(self.show_due)
        view.messageShown.connect(lambda text: window.statusBar().showMessage(text, 8000))
        window.installEventFilter(self)

    def show_due(self, due: int, overdue: int) -> None:
        text = self.tr("Callbacks due: %1").replace("%1", str(due))
        if overdue:  # colour is never the only signal
            text += " " + self.tr("(⚠ %1 overdue)").replace("%1", str(overdue))
        self.due_label.setText(text)
        self.due_label.setStyleSheet("color:#991b1b;" if overdue else "")

    def on_desk(self, snap: DeskSnapshot) -> None:
        self.view.set_agent(snap.agent_id)

    def close(self) -> None:
        self.timer.stop()
        self.view.close_feature()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Close:
            self.close()  # nothing new starts on a database the app is about to close
        return False


def install(window: MainWindow, desk: CallDesk, db: Database, profile: SiteProfile, clock: Clock,
            workflow: TicketWorkflow, *, lang: str = "zh",
            opening: OutboundOpening | None = None,
            reveals: Reveals | None = None) -> CallbackFeature:
    callbacks = Callbacks(db, profile, clock, workflow, desk.workstation, lang=lang, opening=opening,
                          user=desk.user)
    view = CallbackQueueView(callbacks, profile, clock, lang)
    view.reveals = reveals
    window.add_tool_tab(view, QCoreApplication.translate("CallbackFeature", "Callbacks"))
    feature = CallbackFeature(window, view, callbacks)
    # the desk's own signals, re-emitted on the GUI thread: who is signed in
    bridge = DeskBridge(window)
    bridge.setObjectName("callbackDeskBridge")
    bridge.deskChanged.connect(feature.on_desk)
    desk.add_listener(bridge)
    feature.on_desk(desk.snapshot())
    return feature
