"""When the agent sees a review: now (when it is submitted), or at a site-local
date and time the reviewer sets; kept in UTC."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QButtonGroup, QDateTimeEdit, QHBoxLayout, QLabel, QRadioButton, QWidget


class ReleaseInPast(ValueError):
    pass


class ReleaseChooser(QWidget):
    def __init__(self, timezone: str, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaRelease")
        self._tz, self._now = ZoneInfo(timezone), now
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Release to the agent:"), self))
        self.now_btn = QRadioButton(self.tr("Now"), self)
        self.at_btn = QRadioButton(self.tr("At"), self)
        group = QButtonGroup(self)
        group.addButton(self.now_btn)
        group.addButton(self.at_btn)
        self.now_btn.setChecked(True)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(self.tr("Release time (site-local)"))
        self.set_local(now().astimezone(self._tz).replace(second=0, microsecond=0) + timedelta(hours=1))
        self.when.setEnabled(False)
        self.at_btn.toggled.connect(self.when.setEnabled)
        for w in (self.now_btn, self.at_btn, self.when):
            lay.addWidget(w)
        lay.addStretch(1)

    def set_local(self, local: datetime) -> None:
        """Put a site-local time in the editor."""
        local = local.astimezone(self._tz)
        self.when.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                        QTime(local.hour, local.minute)))

    def release_at(self) -> datetime | None:
        """None for now; else the chosen time in UTC. ``ReleaseInPast`` if it has passed."""
        if self.now_btn.isChecked():
            return None
        d, t = self.when.date(), self.when.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self._tz)
        at = local.astimezone(UTC)
        if at <= self._now():
            raise ReleaseInPast(local.isoformat())
        return at
