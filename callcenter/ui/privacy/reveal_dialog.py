""""Show full number" (显示完整号码): asks why, records it, then tells the caller.

``ask_reveal`` opens the dialog (window-modal, never blocking the event loop); the
reason is required. The reveal goes through ``services.privacy.reveal.Reveals``,
which records it (the audit log) before ``on_revealed`` runs; the caller keeps the
number unmasked for that one ticket only, for as long as its window is open.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.auth.roles import Actor
from callcenter.services.privacy.reveal import MAX_REASON, RevealRefused, Reveals


class RevealDialog(QDialog):
    """Signal reasonGiven(str) when OK is pressed with a reason; the dialog stays
    open until ``done_ok`` (recorded) or ``show_error`` (refused)."""

    reasonGiven = Signal(str)

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revealDialog")
        self.setWindowTitle(self.tr("Show full number"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        lay = QVBoxLayout(self)
        info = QLabel(self.tr("Full phone and ID numbers of %1 will show until its window "
                              "is closed. Your ID, the ticket, the reason and the time are "
                              "recorded.").replace("%1", subject), self)
        info.setWordWrap(True)
        lay.addWidget(info)
        lay.addWidget(QLabel(self.tr("Reason (required):"), self))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("revealReason")
        self.reason.setAccessibleName("查看原因")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("e.g. customer asked to be called back on it"))
        lay.addWidget(self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("revealError")
        self.error.setStyleSheet("color:#dc2626;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Show"))
        ok.setObjectName("revealOkButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text never clipped
        self.setMinimumWidth(460)

    def _ok(self) -> None:
        why = self.reason.text().strip()
        if not why:
            self.show_error("no_reason")
            self.reason.setFocus()
            return
        self.reasonGiven.emit(why)

    def show_error(self, code: str) -> None:
        text = {
            "no_reason": self.tr("Enter why you need the full number."),
            "reason_too_long": self.tr("The reason is too long."),
            "signed_out": self.tr("Sign in first."),
            "not_allowed": self.tr("Your role may not see full numbers."),
        }.get(code, self.tr("The reveal could not be recorded, so the number stays masked: %1")
              .replace("%1", code))
        self.error.setText("⚠ " + text)
        self.error.show()
        self.adjustSize()


def reveal_button(parent: QWidget) -> QPushButton:
    b = QPushButton(QCoreApplication.translate("RevealDialog", "Show full number"), parent)
    b.setObjectName("revealNumberButton")
    b.setAccessibleName("显示完整号码")
    return b


def ask_reveal(parent: QWidget, reveals: Reveals, actor: Actor | None, ticket_id: uuid.UUID,
               subject: str, on_revealed: Callable[[], None]) -> RevealDialog:
    """Open the dialog; on a recorded reveal close it and call ``on_revealed``."""
    dlg = RevealDialog(subject, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def given(reason: str) -> None:
        try:
            reveals.reveal(actor, reason, ticket_id=ticket_id)
        except RevealRefused as exc:
            dlg.show_error(exc.code)
            return
        except PermissionDenied as exc:
            dlg.show_error("signed_out" if exc.actor is None else "not_allowed")
            return
        except Exception as exc:  # noqa: BLE001 - the recorder failed: nothing is shown
            dlg.show_error(type(exc).__name__)
            return
        dlg.accept()
        on_revealed()

    dlg.reasonGiven.connect(given)
    dlg.open()
    return dlg
