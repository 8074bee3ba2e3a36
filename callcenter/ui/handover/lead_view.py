"""The shift lead's 交接班 tab: the outgoing record (draft, every section
editable, submit), the incoming record (check items, ask, confirm with the
password, attendance, addenda, the chase) and the history."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.handover.record import SECTIONS, Section
from callcenter.ui.handover.history import HistoryView
from callcenter.ui.handover.sections import SectionBox


def _sections(parent: QWidget, tz: ZoneInfo) -> tuple[QScrollArea, dict[Section, SectionBox]]:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    inner = QWidget(area)
    lay = QVBoxLayout(inner)
    boxes = {}
    for s in SECTIONS:
        boxes[s] = SectionBox(s, tz, None)
        lay.addWidget(boxes[s])
    area.setWidget(inner)
    return area, boxes


class OutgoingView(QWidget):
    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("handoverShift")
        self.reminder = QLabel(self)
        self.reminder.setObjectName("handoverReminder")
        self.reminder.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.reminder.hide()
        self.state_label = QLabel(self)
        self.area, self.boxes = _sections(self, tz)
        buttons = QHBoxLayout()
        self.open_btn = QPushButton(self.tr("Open the draft"), self)
        self.refresh_btn = QPushButton(self.tr("Refresh the compiled parts"), self)
        self.save_btn = QPushButton(self.tr("Save"), self)
        self.submit_btn = QPushButton(self.tr("Submit to the incoming lead"), self)
        self.submit_btn.setObjectName("handoverSubmit")
        for b in (self.open_btn, self.refresh_btn, self.save_btn, self.submit_btn):
            buttons.addWidget(b)
        early = QHBoxLayout()
        self.override_reason = QLineEdit(self)
        self.override_reason.setPlaceholderText(
            self.tr("Reason to sign out before the incoming shift signs in"))
        self.override_btn = QPushButton(self.tr("Sign out anyway"), self)
        early.addWidget(self.override_reason, 1)
        early.addWidget(self.override_btn)
        self.message = QLabel(self)
        self.message.setObjectName("handoverMessage")
        self.message.setWordWrap(True)
        for w in (self.shift_label, self.reminder, self.state_label):
            lay.addWidget(w)
        lay.addWidget(self.area, 1)
        lay.addLayout(buttons)
        lay.addLayout(early)
        lay.addWidget(self.message)

    def texts(self) -> dict[str, str]:
        return {s.value: b.text.toPlainText() for s, b in self.boxes.items()}

    def set_editable(self, editable: bool) -> None:
        for b in self.boxes.values():
            b.text.setReadOnly(not editable)
        self.save_btn.setEnabled(editable)
        self.submit_btn.setEnabled(editable)
        self.refresh_btn.setEnabled(editable)


class IncomingView(QWidget):
    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.records = QComboBox(self)
        self.records.setObjectName("incomingRecords")
        self.records.setAccessibleName(self.tr("Records to confirm"))
        self.reload_btn = QPushButton(self.tr("Reload"), self)
        top.addWidget(QLabel(self.tr("Record:"), self))
        top.addWidget(self.records, 1)
        top.addWidget(self.reload_btn)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("incomingState")
        self.area, self.boxes = _sections(self, tz)
        for b in self.boxes.values():
            b.text.setReadOnly(True)
        ask = QHBoxLayout()
        self.question = QLineEdit(self)
        self.question.setPlaceholderText(self.tr("Question about the selected item"))
        self.ask_btn = QPushButton(self.tr("Ask"), self)
        self.check_btn = QPushButton(self.tr("Save ticks"), self)
        ask.addWidget(self.question, 1)
        ask.addWidget(self.ask_btn)
        ask.addWidget(self.check_btn)
        conf = QHBoxLayout()
        self.password = QLineEdit(self)
        self.password.setObjectName("confirmPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Your password"))
        self.confirm_btn = QPushButton(self.tr("Confirm the handover"), self)
        self.confirm_btn.setObjectName("handoverConfirm")
        conf.addWidget(self.password, 1)
        conf.addWidget(self.confirm_btn)
        self.attendance = QTableWidget(0, 4, self)
        self.attendance.setObjectName("attendance")
        self.attendance.setHorizontalHeaderLabels(
            [self.tr("Agent"), self.tr("Name"), self.tr("Signed in"), self.tr("Attendance")])
        self.attendance.setMaximumHeight(130)
        att = QHBoxLayout()
        self.attendance_btn = QPushButton(self.tr("Record attendance"), self)
        self.chase_agent = QComboBox(self)
        self.chase_agent.setObjectName("chaseAgent")
        self.chase_btn = QPushButton(self.tr("Assign the overdue chase"), self)
        att.addWidget(self.attendance_btn)
        att.addStretch(1)
        att.addWidget(QLabel(self.tr("Chase overdue tickets:"), self))
        att.addWidget(self.chase_agent)
        att.addWidget(self.chase_btn)
        add = QHBoxLayout()
        self.addendum = QLineEdit(self)
        self.addendum.setPlaceholderText(self.tr("Addendum to a confirmed record"))
        self.addendum_btn = QPushButton(self.tr("Add addendum"), self)
        add.addWidget(self.addendum, 1)
        add.addWidget(self.addendum_btn)
        self.message = QLabel(self)
        self.message.setObjectName("incomingMessage")
        self.message.setWordWrap(True)
        lay.addLayout(top)
        lay.addWidget(self.state_label)
        lay.addWidget(self.area, 1)
        for row in (ask, conf):
            lay.addLayout(row)
        lay.addWidget(self.attendance)
        lay.addLayout(att)
        lay.addLayout(add)
        lay.addWidget(self.message)


class LeadView(QTabWidget):
    def __init__(self, tz: ZoneInfo, shift_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverTabs")
        self.outgoing = OutgoingView(tz, self)
        self.incoming = IncomingView(tz, self)
        self.history = HistoryView(shift_names, self)
        self.addTab(self.outgoing, self.tr("My shift's record"))
        self.addTab(self.incoming, self.tr("Take over"))
        self.addTab(self.history, self.tr("History"))
