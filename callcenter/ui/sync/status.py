"""The sync part of the status bar, and the feature that ties the worker to the window.

The worker (services/sync/worker.py) calls ``on_status`` on its own thread;
``SyncStatusBridge`` re-emits it as a Qt signal connected with a queued
connection, so ``SyncStatusWidget`` only ever runs on the GUI thread and never
reads the database. The widget shows, as text (colour only adds to it):

    在线 待同步 3（最早 2分15秒前） 上次同步 14:03 ⚠ 冲突 1

The age of the oldest pending op is computed from its timestamp when shown
(a one-second display tick repaints it between statuses); while online it is
shown from a minute on (younger, it is gone with the next round); times are
site-local.
A desk without a central URL shows 未配置中心库 and nothing else: it works as
before, and whoever supports it sees at a glance that it does not sync.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from callcenter.services.sync.conflicts import SyncConflicts
from callcenter.services.sync.engine import FetchResult, SyncReport
from callcenter.services.sync.worker import SyncState, SyncStatus, SyncWorker
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.sync.conflicts_dialog import SyncConflictsDialog

TICK_MS = 1000
AGE_SHOWN_FROM_S = 60  # while online, the oldest op's age is shown from this age on


class SyncStatusBridge(QObject):
    """Worker thread -> GUI thread. Signals: ``statusChanged(SyncStatus)``;
    ``pulled(frozenset[str])``: a round wrote rows from central into these local
    tables (lists showing them refresh instead of waiting for their own poll);
    ``fetched(FetchResult)``: a looked-up caller's tickets came from central."""

    statusChanged = Signal(object)
    pulled = Signal(object)
    fetched = Signal(object)

    def on_status(self, status: SyncStatus) -> None:
        try:
            self.statusChanged.emit(status)
        except RuntimeError:  # the window is gone (quitting): nobody to tell
            pass

    def on_fetched(self, result: FetchResult) -> None:
        try:
            self.fetched.emit(result)
        except RuntimeError:
            pass

    def on_report(self, report: SyncReport) -> None:
        if not report.pulled_rows:
            return
        try:
            self.pulled.emit(frozenset(report.tables))
        except RuntimeError:
            pass


def duration_text(seconds: float) -> str:
    s = int(seconds)
    if s < 60:
        return QCoreApplication.translate("SyncStatusWidget", "%1 s").replace("%1", str(s))
    if s < 3600:
        return QCoreApplication.translate("SyncStatusWidget", "%1 min %2 s").replace(
            "%1", str(s // 60)).replace("%2", str(s % 60))
    return QCoreApplication.translate("SyncStatusWidget", "%1 h %2 min").replace(
        "%1", str(s // 3600)).replace("%2", str(s % 3600 // 60))


class SyncStatusWidget(QWidget):
    conflictsRequested = Signal()

    def __init__(self, tz: tzinfo, parent: QWidget | None = None, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAccessibleName("同步状态")
        self._tz = tz
        self._now = now
        self.status: SyncStatus | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)

        def label(name: str, accessible: str) -> QLabel:
            w = QLabel(self)
            w.setObjectName(name)
            w.setAccessibleName(accessible)
            lay.addWidget(w)
            return w

        self.state_label = label("syncState", "同步连接状态")
        self.queue_label = label("syncQueue", "待同步操作数")
        self.age_label = label("syncOldest", "最早待同步操作的等待时间")
        self.last_label = label("syncLastSync", "上次同步时间")
        self.conflicts_btn = QToolButton(self)
        self.conflicts_btn.setObjectName("syncConflictsButton")
        self.conflicts_btn.setAccessibleName("同步冲突")
        self.conflicts_btn.setAutoRaise(True)
        self.conflicts_btn.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.conflicts_btn.clicked.connect(self.conflictsRequested)
        lay.addWidget(self.conflicts_btn)
        self.rejected_btn = QToolButton(self)
        self.rejected_btn.setObjectName("syncRejectedButton")
        self.rejected_btn.setAccessibleName("被中心库拒绝的记录")
        self.rejected_btn.setAutoRaise(True)
        self.rejected_btn.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.rejected_btn.setStyleSheet("color:#dc2626;")
        self.rejected_btn.clicked.connect(self.conflictsRequested)
        lay.addWidget(self.rejected_btn)
        self.tick = QTimer(self)
        self.tick.setObjectName("syncStatusTick")
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._render_age)
        self.show_status(None)

    # ----- what is shown -----------------------------------------------------
    def state_text(self, s: SyncStatus | None) -> str:
        if s is None:
            return self.tr("Central not configured")
        if s.state is SyncState.OFFLINE:
            # here, not at import: credentials loads psycopg, which the desk's
            # startup need not pay for (the worker loads it when it connects)
            from callcenter.services.sync.credentials import FailureKind, classify_text

            why = {
                FailureKind.UNREACHABLE: self.tr("central unreachable"),
                FailureKind.AUTH: self.tr("login refused"),
                FailureKind.SCHEMA_TOO_OLD: self.tr("upgrade needed"),
                FailureKind.OTHER: self.tr("sync error"),
            }[classify_text(s.error)]
            return self.tr("Offline (%1)").replace("%1", why)
        return {
            SyncState.CONNECTING: self.tr("Connecting…"),
            SyncState.ONLINE: self.tr("Online"),
            SyncState.SCHEMA_TOO_OLD: self.tr("Version too old"),
            SyncState.STOPPED: self.tr("Sync stopped"),
        }[s.state]

    def show_status(self, s: SyncStatus | None) -> None:
        self.status = s
        self.state_label.setText(self.state_text(s))
        colour = "" if s is None else {
            SyncState.ONLINE: "color:#15803d;", SyncState.OFFLINE: "color:#b45309;",
            SyncState.SCHEMA_TOO_OLD: "color:#dc2626;",
        }.get(s.state, "")
        self.state_label.setStyleSheet(colour)
        tip = ""
        if s is not None and s.error:
            tip = s.error
        elif s is None:
            tip = self.tr("This desk does not sync: no central database URL is set "
                          "(callcenter sync set-password --central URL).")
        self.state_label.setToolTip(tip)
        configured = s is not None
        for w in (self.queue_label, self.last_label):
            w.setVisible(configured)
        if s is None:
            self.age_label.hide()
            self.conflicts_btn.hide()
            self.rejected_btn.hide()
            self.tick.stop()
            return
        self.queue_label.setText(self.tr("Queued: %1").replace("%1", str(s.queue_depth)))
        if s.last_sync_at is None:
            self.last_label.setText(self.tr("Last sync: never"))
        else:
            local = s.last_sync_at.astimezone(self._tz)
            fmt = "%H:%M" if local.date() == self._now().astimezone(self._tz).date() else "%m-%d %H:%M"
            self.last_label.setText(self.tr("Last sync: %1").replace("%1", local.strftime(fmt)))
            self.last_label.setToolTip(local.strftime("%Y-%m-%d %H:%M:%S"))
        n = s.open_conflicts - s.rejected
        self.conflicts_btn.setText("⚠ " + self.tr("Conflicts: %1").replace("%1", str(n)))
        self.conflicts_btn.setToolTip(self.tr("Open the sync conflicts"))
        self.conflicts_btn.setVisible(n > 0)
        # a refused row does not stop the rest: it waits here for a person
        self.rejected_btn.setText("⛔ " + self.tr("Refused by central: %1").replace("%1", str(s.rejected)))
        self.rejected_btn.setToolTip(self.tr(
            "Central refused these records; everything else keeps syncing. Open to clean and "
            "resend them or keep them on this desk only."))
        self.rejected_btn.setVisible(s.rejected > 0)
        self._render_age()
        if s.oldest_pending_at is not None and s.state is not SyncState.STOPPED:
            self.tick.start()
        else:
            self.tick.stop()

    def _render_age(self) -> None:
        s = self.status
        age = None if s is None else s.oldest_pending_age_s(self._now())
        if age is None or (s is not None and s.state is SyncState.ONLINE and age < AGE_SHOWN_FROM_S):
            # online, the queue drains every few seconds: a young age is noise (the bar is full)
            self.age_label.hide()
            return
        self.age_label.setText(self.tr("(oldest %1 ago)").replace("%1", duration_text(age)))
        self.age_label.show()


class SyncFeature(QObject):
    """The sync status in the window's status bar, the conflicts dialog behind it,
    and the worker's nudge after every ticket the desk saves."""

    def __init__(self, window: MainWindow, conflicts: SyncConflicts, tz: tzinfo,
                 agent: Callable[[], str | None], lang: str = "zh") -> None:
        super().__init__(window)
        self._lang = lang
        self._w = window
        self._conflicts = conflicts
        self._tz = tz
        self._agent = agent
        self.worker: SyncWorker | None = None
        self.bridge = SyncStatusBridge(self)
        self.widget = SyncStatusWidget(tz, window)
        window.statusBar().addPermanentWidget(self.widget)
        self.bridge.statusChanged.connect(self.widget.show_status,
                                          Qt.ConnectionType.QueuedConnection)
        self.widget.conflictsRequested.connect(self.open_conflicts)
        self.bridge.pulled.connect(self._pulled)
        self.dialog: SyncConflictsDialog | None = None

    def _pulled(self, tables: frozenset[str]) -> None:
        if "site_documents" in tables:  # services/site/documents.py: read at start
            self._w.statusBar().showMessage(self.tr(
                "The site published new settings (profile or calendar); they take effect "
                "when the app is restarted."))

    def attach(self, worker: SyncWorker) -> None:
        """Show ``worker``'s statuses (it must report to ``bridge.on_status``) and
        nudge it after each save."""
        self.worker = worker
        self.widget.show_status(worker.status())
        self._w.bridge.ticketSavedSig.connect(self.nudge)

    def nudge(self, *_args: object) -> None:
        if self.worker is not None:
            self.worker.nudge()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()

    def open_conflicts(self) -> None:
        if self.dialog is None:
            self.dialog = SyncConflictsDialog(self._conflicts, self._tz, self._agent, self._w,
                                              profile=self._w.desk.profile, lang=self._lang)
            self.dialog.resolved.connect(self.nudge)
            self.dialog.finished.connect(self._closed)
            self.dialog.open()
        self.dialog.refresh()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
