"""The score dialog's comments pinned to the timeline: a comment at the replay's
playhead (the time follows the open replay: play, seek or click the axis) or
at a time typed; the list seeks the replay when clicked. Nothing typed is lost
on a refusal."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.qa.pins import MAX_TEXT, Pin, PinInvalid, make_pin
from callcenter.domain.sla import format_mm_ss


class PinsEditor(QGroupBox):
    pinsChanged = Signal(object)  # list[Pin]
    seekRequested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Comments on the timeline"), parent)
        self.setObjectName("qaPinsEditor")
        self.pins: list[Pin] = []
        self.duration_s: float | None = None
        lay = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(72)
        self.list.itemClicked.connect(lambda _i: self._seek_current())
        lay.addWidget(self.list)
        row = QHBoxLayout()
        self.time = QTimeEdit(self)
        self.time.setDisplayFormat("mm:ss")
        self.time.setAccessibleName(self.tr("Time of the comment"))
        self.text = QLineEdit(self)
        self.text.setMaxLength(MAX_TEXT)
        self.text.setPlaceholderText(self.tr("Comment at this time (the replay's playhead)"))
        self.text.returnPressed.connect(self.add)
        self.add_btn = QPushButton(self.tr("Pin comment"), self)
        self.add_btn.clicked.connect(self.add)
        self.remove_btn = QPushButton(self.tr("Remove"), self)
        self.remove_btn.clicked.connect(self.remove_current)
        row.addWidget(self.time)
        row.addWidget(self.text, 1)
        row.addWidget(self.add_btn)
        row.addWidget(self.remove_btn)
        lay.addLayout(row)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self._show()

    def follow_playhead(self, t_s: float) -> None:
        """The open replay's playhead moved: a new comment goes there."""
        self.time.setTime(QTime(0, 0).addSecs(int(t_s)))

    def time_s(self) -> float:
        return float(QTime(0, 0).secsTo(self.time.time()))

    def set_pins(self, pins: Sequence[Pin]) -> None:
        self.pins = sorted(pins)
        self._show()

    def add(self) -> None:
        try:
            pin = make_pin(self.time_s(), self.text.text(), self.duration_s)
        except PinInvalid as exc:
            self.message.setText("⚠ " + {
                "empty": self.tr("Write the comment first."),
                "too_long": self.tr("The comment is too long."),
                "bad_time": self.tr("That time is outside the call."),
            }.get(exc.reason, exc.reason))
            self.text.setFocus()
            return
        self.message.setText("")
        self.text.clear()
        self.pins = sorted([*self.pins, pin])
        self._show()
        self.pinsChanged.emit(list(self.pins))

    def remove_current(self) -> None:
        i = self.list.currentRow()
        if 0 <= i < len(self.pins):
            del self.pins[i]
            self._show()
            self.pinsChanged.emit(list(self.pins))

    def _seek_current(self) -> None:
        i = self.list.currentRow()
        if 0 <= i < len(self.pins):
            self.seekRequested.emit(self.pins[i].t_s)

    def _show(self) -> None:
        self.list.clear()
        for i, p in enumerate(self.pins, 1):
            self.list.addItem(f"{i}. {format_mm_ss(p.t_s)}  {p.text}")
        self.remove_btn.setEnabled(bool(self.pins))
