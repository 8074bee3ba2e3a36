"""The shift lead's open alerts (rule 004 Q68: an unresolved repeat complaint is
reported to the lead on duty at once), as a banner with an acknowledge button.

Why a banner and not a tab: a tab behind the call tab is easy to miss, and the
rule says "at once". It shows only while the signed-in user may read the
lead's alerts (the permission table: a shift lead). New alerts arrive two ways: ``alert_arrived``
when one is raised on this desk's store (immediately), and a named poll timer
that re-reads the open list every few seconds off the GUI thread, which is how
alerts raised at other desks will arrive once sync (issue 6) copies them into
this store. Until then, alerts from other desks do not reach this one.
"""

from __future__ import annotations

import os
import uuid
from concurrent.futures import Future
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.auth.permissions import Permission, PermissionDenied
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.alerts.inbox import REPEAT_COMPLAINT, SHIFT_LEAD, Alerts, AlertView
from callcenter.services.privacy.policy import Surface, policy_for
from callcenter.ui.shared.refusals import permission_message

POLL_MS = 3000
VISIBLE_ROWS = 3


class _Delivery(QObject):
    """Moves results and alert notices from worker threads to the GUI thread."""

    listed = Signal(int, object)
    acked = Signal(object)
    arrived = Signal(object)


class AlertsView(QGroupBox):
    """Signals: shown(list[AlertView]) after each refresh; acknowledged(AlertView)."""

    shown = Signal(object)
    acknowledged = Signal(object)
    failed = Signal(str)

    def __init__(self, alerts: Alerts, profile: SiteProfile, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Alerts for the shift lead"), parent)
        self.setObjectName("alertsView")
        self._alerts = alerts
        self._profile = profile
        self._tz = ZoneInfo(profile.timezone)
        self._user: str | None = None
        self._gen = 0
        self.items: list[AlertView] = []

        self._delivery = _Delivery(self)
        self._delivery.listed.connect(self._listed, Qt.ConnectionType.QueuedConnection)
        self._delivery.acked.connect(self._acked, Qt.ConnectionType.QueuedConnection)
        self._delivery.arrived.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self.poll = QTimer(self)
        self.poll.setObjectName("alertsPoll")
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.refresh)

        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("alertsSummary")
        lay.addWidget(self.summary)
        row = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("alertsList")
        self.list.setAccessibleName("值班长提醒")
        self.list.itemSelectionChanged.connect(self._refresh_button)
        row.addWidget(self.list, 1)
        self.ack_btn = QPushButton(self.tr("Acknowledge"), self)
        self.ack_btn.setObjectName("alertsAcknowledgeButton")
        self.ack_btn.setAccessibleName("确认提醒")
        self.ack_btn.clicked.connect(self.acknowledge_selected)
        row.addWidget(self.ack_btn, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        self._render()
        self.hide()

    # ---- who is signed in -----------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._user is not None

    def set_user(self, user_id: str | None) -> None:
        """Show and poll for a shift lead; hide and stop for anyone else."""
        me = self._alerts.user
        lead = bool(user_id) and me.user_id == user_id and me.allows(Permission.ALERTS_READ_LEAD)
        new = user_id if lead else None
        if new == self._user:
            return
        self._user = new
        self._gen += 1
        self.items = []
        if new is None:
            self.poll.stop()
            self.hide()
            return
        self._render()
        self.show()
        self.poll.start()
        self.refresh()

    # ---- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._user is None:
            return
        self._gen += 1  # only the newest read is shown (an older one may predate an ack)
        gen = self._gen
        try:
            fut = self._alerts.open_for(SHIFT_LEAD)
        except (RuntimeError, PermissionDenied):  # the store closed (shutting down); signed out
            self.poll.stop()
            return
        if fut.done() and fut.exception() is not None:  # a closed store answers at once
            self.poll.stop()
            return
        fut.add_done_callback(lambda f: self._emit(self._delivery.listed, gen, f))

    @staticmethod
    def _emit(signal: object, *args: object) -> None:
        try:
            signal.emit(*args)  # type: ignore[attr-defined]
        except RuntimeError:  # the view was closed before the answer came
            pass

    def alert_arrived(self, alert: AlertView) -> None:
        """From any thread: an alert was raised on this desk."""
        self._emit(self._delivery.arrived, alert)

    def _arrived(self, alert: AlertView) -> None:
        if self._user is None or alert.for_role != SHIFT_LEAD:
            return
        if not any(a.id == alert.id for a in self.items):
            self.items.insert(0, alert)
            self._render()
            if not os.environ.get("CALLCENTER_NO_SOUND"):
                QApplication.beep()
        self.refresh()

    def _listed(self, gen: int, fut: Future[list[AlertView]]) -> None:
        if gen != self._gen:
            return
        exc = fut.exception()
        if exc is not None:
            self.failed.emit(str(exc))
            return
        self.items = fut.result()
        self._render()
        self.shown.emit(self.items)

    # ---- showing --------------------------------------------------------------------------

    def text_for(self, a: AlertView) -> str:
        when = a.created_at.astimezone(self._tz).strftime("%m-%d %H:%M")
        if a.kind == REPEAT_COMPLAINT:
            # "earlier ticket no. · caller's phone or account": the number is masked
            numbers = policy_for(self._alerts.user.actor)
            first, *rest = a.message.split(" · ")
            message = " · ".join([first, *(numbers.phone(x, Surface.ALERTS) for x in rest)])
            what = self.tr("Repeat complaint, earlier ticket not resolved: %1").replace(
                "%1", message)
        else:
            what = a.message
        return "⚠ " + what + "\n" + self.tr("Reported by %1 at %2").replace(
            "%1", a.created_by).replace("%2", when)

    def _render(self) -> None:
        selected = self._selected_id()
        self.list.clear()
        for a in self.items:
            item = QListWidgetItem(self.text_for(a))
            item.setData(Qt.ItemDataRole.UserRole, str(a.id))
            self.list.addItem(item)
            if a.id == selected:
                item.setSelected(True)
        if self.items and not self.list.selectedItems():
            self.list.setCurrentRow(0)
        n = len(self.items)
        self.summary.setText(self.tr("⚠ Open alerts: %1").replace("%1", str(n)) if n
                             else self.tr("No open alerts."))
        self.summary.setStyleSheet("background:#fde2e2;padding:4px;font-weight:bold;" if n else "")
        self.list.setVisible(bool(n))
        self._fit_rows(n)
        self._refresh_button()

    def _fit_rows(self, n: int) -> None:
        """As tall as its rows, up to VISIBLE_ROWS (then it scrolls)."""
        shown = min(n, VISIBLE_ROWS)
        h = sum(self.list.sizeHintForRow(i) for i in range(shown)) or self.list.fontMetrics().height()
        self.list.setFixedHeight(h + 2 * self.list.frameWidth() + 2)

    def _selected_id(self) -> uuid.UUID | None:
        items = self.list.selectedItems()
        return uuid.UUID(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _refresh_button(self) -> None:
        self.ack_btn.setEnabled(self._selected_id() is not None)
        self.ack_btn.setVisible(bool(self.items))

    # ---- acknowledging --------------------------------------------------------------------

    def acknowledge_selected(self) -> None:
        alert_id = self._selected_id()
        if alert_id is None or self._user is None:
            return
        try:
            fut = self._alerts.acknowledge(alert_id, self._user)
        except PermissionDenied as exc:
            self.failed.emit(permission_message(exc))
            return
        self.ack_btn.setEnabled(False)
        fut.add_done_callback(lambda f: self._emit(self._delivery.acked, f))

    def _acked(self, fut: Future[AlertView]) -> None:
        exc = fut.exception()
        if exc is not None:
            self.failed.emit(str(exc))
            self._refresh_button()
            return
        done = fut.result()
        self.items = [a for a in self.items if a.id != done.id]
        self._render()
        self.acknowledged.emit(done)
        self.refresh()
