"""话机在线/离线 on the status bar, for the SIP soft phone.

While the phone is not registered the agent cannot go 示闲 (the desk refuses
it and this says why), and the shift lead gets an alert, once per outage of
the phone (rules section 8, 004 Q70: a soft phone that fails is reported to the
lead). Registration reports come from the SIP adapter already on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from callcenter.services.alerts.inbox import Alerts
from callcenter.services.calls.desk import CallDesk
from callcenter.telephony.sip.adapter import SipTelephony
from callcenter.telephony.sip.events import Registration
from callcenter.ui.shared.main_window import MainWindow

PHONE_OFFLINE = "phone_offline"


class PhoneStatus(QObject):
    def __init__(self, window: MainWindow, desk: CallDesk, telephony: SipTelephony,
                 alerts: Alerts | None) -> None:
        super().__init__(window)
        self._window = window
        self._desk = desk
        self._alerts = alerts
        self._alerted = False
        self.label = QLabel(window)
        self.label.setObjectName("phoneStatus")
        window.statusBar().addPermanentWidget(self.label)
        desk.phone_online = False
        self._show(None)
        telephony.add_registration_listener(self.registration)
        # after the main window's own handler: explain a refused 示闲
        window.softphone.readyRequested.connect(self._ready_requested)

    def registration(self, reg: Registration) -> None:
        was = self._desk.phone_online
        self._desk.phone_online = reg.online
        self._show(reg)
        if reg.online:
            self._alerted = False
        elif (was or reg.code >= 400) and not self._alerted and self._alerts is not None:
            self._alerted = True
            # the desk reports its own phone (004 Q70), whoever is signed in, or nobody
            self._alerts.raise_desk_alert(
                PHONE_OFFLINE,
                f"{self._desk.workstation}: soft phone offline ({reg.code} {reg.reason})")

    def _show(self, reg: Registration | None) -> None:
        if reg is not None and reg.online:
            self.label.setText(self.tr("Phone online"))
            self.label.setStyleSheet("")
            self.label.setToolTip("")
        else:
            self.label.setText("⚠ " + self.tr("Phone offline"))
            self.label.setStyleSheet("color: #b00020; font-weight: bold;")
            detail = f"{reg.code} {reg.reason}" if reg is not None else ""
            self.label.setToolTip(self.tr("Not registered with the phone system. %1")
                                  .replace("%1", detail))

    def _ready_requested(self) -> None:
        if not self._desk.phone_online:
            self._window.statusBar().showMessage(
                self.tr("The phone is offline: you cannot go ready until it is back."), 8000)


def install(window: MainWindow, desk: CallDesk, telephony: SipTelephony,
            alerts: Alerts | None) -> PhoneStatus:
    return PhoneStatus(window, desk, telephony, alerts)
