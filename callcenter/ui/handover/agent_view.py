"""The agent's part of the handover: mark an event of the shift (with the 1-hour
countdown for Q71 kinds), write the shift summary, see the chase assigned."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.handover.settings import EVENT_CLASSES, HandoverSettings
from callcenter.ui.handover.texts import class_name


class AgentView(QWidget):
    def __init__(self, settings: HandoverSettings, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("agentShift")
        mark = QGroupBox(self.tr("Mark an event of this shift"), self)
        m = QVBoxLayout(mark)
        row = QHBoxLayout()
        self.event_class = QComboBox(mark)
        self.event_class.setObjectName("eventClass")
        for code in EVENT_CLASSES:
            self.event_class.addItem(class_name(code), code)
        self.report_kind = QComboBox(mark)
        self.report_kind.setObjectName("reportKind")
        self.report_kind.addItem(self.tr("No 1-hour report"), "")
        for k in settings.report_kinds:
            self.report_kind.addItem(k.label(lang), k.code)
        row.addWidget(self.event_class)
        row.addWidget(self.report_kind, 1)
        self.event_text = QLineEdit(mark)
        self.event_text.setObjectName("eventText")
        self.event_text.setPlaceholderText(self.tr("What happened"))
        self.mark_btn = QPushButton(self.tr("Mark"), mark)
        row2 = QHBoxLayout()
        row2.addWidget(self.event_text, 1)
        row2.addWidget(self.mark_btn)
        m.addLayout(row)
        m.addLayout(row2)
        self.events = QListWidget(mark)
        self.events.setObjectName("shiftEvents")
        self.reported_btn = QPushButton(self.tr("Reported to the province"), mark)
        m.addWidget(self.events)
        m.addWidget(self.reported_btn)
        summ = QGroupBox(self.tr("My shift summary (goes to the lead's record)"), self)
        sl = QVBoxLayout(summ)
        self.summary = QPlainTextEdit(summ)
        self.summary.setObjectName("shiftSummary")
        self.summary.setMaximumHeight(80)
        self.summary_btn = QPushButton(self.tr("Send the summary"), summ)
        sl.addWidget(self.summary)
        sl.addWidget(self.summary_btn)
        chase = QGroupBox(self.tr("Overdue tickets I chase"), self)
        cl = QVBoxLayout(chase)
        self.chase = QListWidget(chase)
        self.chase.setObjectName("chaseList")
        cl.addWidget(self.chase)
        self.message = QLabel(self)
        self.message.setObjectName("agentHandoverMessage")
        self.message.setWordWrap(True)
        self.summary_box, self.chase_box = summ, chase
        for w in (self.shift_label, mark, summ, chase, self.message):
            lay.addWidget(w)

    def for_lead(self) -> None:
        """The lead marks and reports events too; the summary and the chase are the agents'."""
        self.summary_box.hide()
        self.chase_box.hide()
