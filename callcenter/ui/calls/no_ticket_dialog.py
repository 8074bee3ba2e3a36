"""无需建单: 示忙 during wrap-up asks before it ends the call without a ticket.

The agent confirms with a reason, chosen from the list or typed; the reason is
the recorded outcome of the call. Cancel keeps the wrap-up and the filled form.
The dialog never acts itself: ``confirmed(reason)`` is emitted and the window
does the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class NoTicketDialog(QDialog):
    confirmed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noTicketDialog")
        self.setWindowTitle(self.tr("End wrap-up without a ticket?"))
        lay = QVBoxLayout(self)
        self.question = QLabel(self.tr(
            "No ticket has been saved for this call. Set busy only if the call needs no "
            "ticket (无需建单), and say why; otherwise cancel, and save with F8 or F9."), self)
        self.question.setWordWrap(True)
        lay.addWidget(self.question)
        self.reason = QComboBox(self)
        self.reason.setObjectName("noTicketReason")
        self.reason.setAccessibleName("无需建单原因")
        self.reason.setEditable(True)  # a preset reason, or the agent's own words
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItem("")
        for text in (self.tr("Answered on the call"), self.tr("Nuisance or silent call"),
                     self.tr("Wrong number"), self.tr("Caller hung up before saying why")):
            self.reason.addItem(text)
        self.reason.setCurrentIndex(0)
        label = QLabel(self.tr("&Reason (choose or type):"), self)
        label.setBuddy(self.reason)
        lay.addWidget(label)
        lay.addWidget(self.reason)
        self.message = QLabel(self)
        self.message.setObjectName("noTicketMessage")
        self.message.setStyleSheet("color:#c62828;font-weight:bold;")
        self.message.hide()
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.ok_btn = self.buttons.addButton(self.tr("No ticket needed, set busy"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_btn.setObjectName("noTicketConfirm")
        self.cancel_btn = self.buttons.addButton(self.tr("Cancel, keep the form"),
                                                 QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_btn.setObjectName("noTicketCancel")
        self.ok_btn.setDefault(True)  # Enter with no reason only asks for one
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def _confirm(self) -> None:
        if not self.reason_text():
            self.message.setText("⚠ " + self.tr("Choose or type the reason no ticket is needed."))
            self.message.show()
            self.reason.setFocus()
            return
        self.confirmed.emit(self.reason_text())
        self.accept()
