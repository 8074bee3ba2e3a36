"""The shift lead's emergency banner for a large outage (004 Q70: shorten talk
time, route calls by the lead's assignment) with the outage script.

It is stored in a synced table, so it shows on every desk. Only a shift lead
raises or clears it (the permission table); anyone else's desk shows it
without the clear button, and the services refuse them anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from callcenter.services.outages.lookup import EmergencyNotice

DEFAULT_SCRIPT = ("您好，目前因大面积停电，供电公司正在全力抢修，恢复供电后我们会第一时间通知，"
                  "无需重复报修，给您带来不便，敬请谅解。")


class EmergencyBanner(QFrame):
    clearRequested = Signal(object)  # notice id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyBanner")
        self.setAccessibleName("紧急通告")
        self.setStyleSheet("#emergencyBanner{background:#7f1d1d;color:white;padding:4px;}")
        self.notice: EmergencyNotice | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.text = QLabel(self)
        self.text.setObjectName("emergencyText")
        self.text.setWordWrap(True)
        self.clear_btn = QPushButton(self.tr("Clear"), self)
        self.clear_btn.setObjectName("emergencyClearButton")
        self.clear_btn.setAccessibleName("撤销紧急通告")
        self.clear_btn.clicked.connect(self._clear)
        self._clearable = False
        self.clear_btn.hide()
        lay.addWidget(self.text, 1)
        lay.addWidget(self.clear_btn)
        self.hide()

    def set_clearable(self, clearable: bool) -> None:
        """Offer the clear button (to a shift lead) or not."""
        self._clearable = clearable
        self.clear_btn.setVisible(clearable)

    def show_notice(self, notice: EmergencyNotice | None) -> None:
        self.notice = notice
        if notice is None:
            self.hide()
            return
        self.text.setText(self.tr("⚠ EMERGENCY (shift lead %1): %2").replace("%1", notice.raised_by)
                          .replace("%2", notice.message)
                          + "\n" + self.tr("Script:") + " " + notice.script)
        self.show()

    def _clear(self) -> None:
        if self.notice is not None and self._clearable:
            self.clearRequested.emit(self.notice.id)


class EmergencyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyDialog")
        self.setWindowTitle(self.tr("Raise an emergency banner"))
        form = QFormLayout(self)
        self.message = QLineEdit(self)
        self.message.setObjectName("emergencyMessage")
        self.message.setAccessibleName("通告内容")
        self.script = QPlainTextEdit(DEFAULT_SCRIPT, self)
        self.script.setObjectName("emergencyScript")
        self.script.setAccessibleName("停电话术")
        self.by = QLineEdit(self)
        self.by.setReadOnly(True)  # the signed-in lead raises it, in no one else's name
        self.by.setObjectName("emergencyRaisedBy")
        self.by.setAccessibleName("值班长工号")
        form.addRow(self.tr("Message"), self.message)
        form.addRow(self.tr("Outage script"), self.script)
        form.addRow(self.tr("Shift lead ID"), self.by)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("emergencyButtons")
        for std, name, acc in ((QDialogButtonBox.StandardButton.Ok, "emergencyOk", "发布"),
                               (QDialogButtonBox.StandardButton.Cancel, "emergencyCancel", "取消")):
            b = buttons.button(std)
            b.setObjectName(name)
            b.setAccessibleName(acc)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _ok(self) -> None:
        if self.message.text().strip() and self.by.text().strip():
            self.accept()
        else:
            self.message.setFocus()
