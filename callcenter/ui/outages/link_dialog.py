"""Asked when the agent presses 下发工单 on a fault-repair ticket for a caller
inside an active outage: the repair is already known, so the ticket is linked
to the outage instead of dispatched again — or dispatched anyway, with a reason."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from callcenter.services.outages.lookup import OutageHit
from callcenter.ui.outages.texts import summary


class OutageLinkDialog(QDialog):
    linkChosen = Signal()
    overrideChosen = Signal(str)  # the reason

    def __init__(self, hit: OutageHit, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outageLinkDialog")
        self.setWindowTitle(self.tr("Caller inside an active outage"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        text = QLabel(self.tr("This fault is already known: %1. The ticket will be linked to the "
                              "outage instead of dispatched again. To dispatch anyway, give a reason.")
                      .replace("%1", f"{hit.source_id} · {summary(hit, tz)}"), self)
        text.setObjectName("outageLinkText")
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("outageOverrideReason")
        self.reason.setAccessibleName("仍要下发的原因")
        self.reason.setPlaceholderText(self.tr("Reason to dispatch anyway"))
        row = QHBoxLayout()
        self.link_btn = QPushButton(self.tr("Link to outage"), self)
        self.link_btn.setObjectName("outageLinkButton")
        self.link_btn.setAccessibleName("关联停电")
        self.link_btn.setDefault(True)
        self.override_btn = QPushButton(self.tr("Dispatch anyway"), self)
        self.override_btn.setObjectName("outageOverrideButton")
        self.override_btn.setAccessibleName("仍要下发")
        self.override_btn.setEnabled(False)
        self.cancel_btn = QPushButton(self.tr("Back"), self)
        self.cancel_btn.setObjectName("outageLinkCancel")
        self.cancel_btn.setAccessibleName("返回")
        for b in (self.link_btn, self.override_btn, self.cancel_btn):
            row.addWidget(b)
        lay.addWidget(text)
        lay.addWidget(self.reason)
        lay.addLayout(row)
        self.reason.textChanged.connect(lambda t: self.override_btn.setEnabled(bool(t.strip())))
        self.link_btn.clicked.connect(self._link)
        self.override_btn.clicked.connect(self._override)
        self.cancel_btn.clicked.connect(self.reject)

    def _link(self) -> None:
        self.accept()
        self.linkChosen.emit()

    def _override(self) -> None:
        reason = self.reason.text().strip()
        if reason:
            self.accept()
            self.overrideChosen.emit(reason)
