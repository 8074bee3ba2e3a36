"""The transfer target chooser (转接 / 咨询转接): the profile's targets
(值班长, other desks) to pick, or a desk number typed in.

The dialog never acts itself: ``chosen(target)`` is emitted with a checked
target and the caller does the rest. A target that is no desk number or SIP
user is refused with a message, and what was typed stays.
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

from callcenter.domain.transfer import (
    TransferMode,
    TransferTarget,
    TransferTargetInvalid,
    checked_target,
)


class TransferDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, mode: TransferMode, targets: tuple[TransferTarget, ...], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.mode = mode
        blind = mode is TransferMode.BLIND
        self.setWindowTitle(self.tr("Transfer the call") if blind else self.tr("Consult transfer"))
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr(
            "The customer is put through to the target at once; if the target does not "
            "answer, the customer stays with you.") if blind else self.tr(
            "The customer is put on hold while you call the target; then complete the "
            "transfer (F12) or take the customer back (Shift+F11)."), self)
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.target = QComboBox(self)
        self.target.setObjectName("transferTarget")
        self.target.setAccessibleName("转接目标")
        self.target.setEditable(True)  # a listed target, or a desk number typed in
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for t in targets:
            self.target.addItem(f"{t.name(lang)} ({t.target})", t.target)
        label = QLabel(self.tr("&Target (choose, or type a desk number):"), self)
        label.setBuddy(self.target)
        lay.addWidget(label)
        lay.addWidget(self.target)
        self.message = QLabel(self)
        self.message.setObjectName("transferMessage")
        self.message.setStyleSheet("color:#c62828;font-weight:bold;")
        self.message.hide()
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.ok_btn = self.buttons.addButton(
            self.tr("Transfer") if blind else self.tr("Call the target"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_btn.setObjectName("transferConfirm")
        self.cancel_btn = self.buttons.addButton(self.tr("Cancel"),
                                                 QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_btn.setObjectName("transferCancel")
        self.ok_btn.setDefault(True)
        self._done = False
        line = self.target.lineEdit()
        if line is not None:  # Enter in the typed target confirms, like the default button
            line.returnPressed.connect(self._confirm)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.target.setFocus()

    def target_text(self) -> str:
        """The chosen target: a listed entry's target, else what was typed."""
        text = self.target.currentText().strip()
        index = self.target.findText(text)
        if index >= 0 and self.target.itemData(index):
            return str(self.target.itemData(index))
        return text

    def show_error(self, text: str) -> None:
        self.message.setText("⚠ " + text)
        self.message.show()
        self.target.setFocus()

    def _confirm(self) -> None:
        if self._done:
            return
        try:
            target = checked_target(self.target_text())
        except TransferTargetInvalid:
            self.show_error(self.tr("Choose a target, or type a desk number or SIP user "
                                    "(digits and letters, no spaces)."))
            return
        self._done = True
        self.chosen.emit(target)
        self.accept()
