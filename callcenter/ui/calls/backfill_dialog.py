"""Back-fill (补录): a ticket for a call taken while the system was down.

The agent enters the real call time in the site's local time (profile.timezone)
and the caller's number. The dialog never saves by itself: Save emits
``submitted`` and the dialog stays open; the caller validates and saves, then
calls ``accept()`` on success or ``show_errors()`` on failure, so nothing typed
is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import FieldError
from callcenter.services.tickets.entry import Backfill
from callcenter.ui.tickets.form import TicketForm

DEFAULT_AGO = timedelta(minutes=10)
_UTC_ZONE = QTimeZone(QTimeZone.Initialization.UTC)


def _to_qt(wall: datetime) -> QDateTime:
    # The editor holds the site's wall-clock time in a fixed zone (UTC) so the
    # machine's own time zone and its DST rules never shift what the agent typed.
    return QDateTime(QDate(wall.year, wall.month, wall.day),
                     QTime(wall.hour, wall.minute, wall.second), _UTC_ZONE)


def _from_qt(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())


class BackfillDialog(QDialog):
    submitted = Signal()

    def __init__(
        self,
        profile: SiteProfile,
        lang: str = "zh",
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backfillDialog")
        self.setWindowTitle(self.tr("Back-fill a ticket"))
        self.profile = profile
        self._tz = ZoneInfo(profile.timezone)
        self._now = now or (lambda: datetime.now(UTC))
        self._dirty = False

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("For a call taken while the system was down. Enter the real call time "
                    "(local time, {zone}) and the caller's number.").format(zone=profile.timezone),
            self)
        intro.setObjectName("backfillIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.call_time = QDateTimeEdit(self)
        self.call_time.setObjectName("backfillCallTime")
        self.call_time.setAccessibleName("来电时间")
        self.call_time.setTimeZone(_UTC_ZONE)
        self.call_time.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.call_time.setCalendarPopup(True)
        now_local = self._now_local()
        self.call_time.setMaximumDateTime(_to_qt(now_local))
        self.call_time.setDateTime(_to_qt((now_local - DEFAULT_AGO).replace(second=0)))

        self.caller_number = QLineEdit(self)
        self.caller_number.setObjectName("backfillCallerNumber")
        self.caller_number.setAccessibleName("来电号码")
        self.caller_number.editingFinished.connect(self._copy_number)

        self.form = TicketForm(profile, lang, self, with_dispatch=False)
        self.form.add_field("call_time", self.call_time, required=True, row=0)
        self.form.add_field("caller_number", self.caller_number, row=1)
        layout.addWidget(self.form, 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("backfillButtons")
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("backfillSave")
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName("保存")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("backfillCancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName("取消")
        buttons.accepted.connect(self.submitted.emit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.form.priority, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.form.changed.connect(self._mark_dirty)
        self.caller_number.textChanged.connect(self._mark_dirty)
        self.call_time.dateTimeChanged.connect(self._mark_dirty)

    # ---- time -----------------------------------------------------------------------------

    def _now_local(self) -> datetime:
        return self._now().astimezone(self._tz).replace(tzinfo=None)

    def local_call_time(self) -> datetime:
        """The call time as typed: naive wall-clock time in the site's zone."""
        return _from_qt(self.call_time.dateTime())

    def set_local_call_time(self, wall: datetime) -> None:
        """Set the call time; ``wall`` is naive site-local time (aware values are converted)."""
        if wall.tzinfo is not None:
            wall = wall.astimezone(self._tz).replace(tzinfo=None)
        self.call_time.setDateTime(_to_qt(wall))

    def call_time_utc(self) -> datetime:
        return self.local_call_time().replace(tzinfo=self._tz).astimezone(UTC)

    def backfill(self) -> Backfill:
        return Backfill(call_time=self.call_time_utc(), caller_number=self.caller_number.text())

    # ---- errors and closing ---------------------------------------------------------------

    def show_errors(self, errors: list[FieldError]) -> None:
        """Mark wrong fields (call_time and caller_number included) and focus the first."""
        self.form.show_errors(errors)

    def clear_errors(self) -> None:
        self.form.clear_errors()

    def _copy_number(self) -> None:
        number = self.caller_number.text()
        if number and not self.form.caller_phone.text():
            self.form.set_caller_phone(number)

    def _mark_dirty(self) -> None:
        self._dirty = True

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Discard back-fill"),
            self.tr("Close without saving? What you typed for this call will be lost."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        """Cancel / Esc / window close: ask first when something was typed."""
        if self._dirty and not self.confirm_discard():
            return
        super().reject()
