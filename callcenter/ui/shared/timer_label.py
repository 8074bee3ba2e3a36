"""A label that shows a duration computed from monotonic timestamps.

The display tick only asks it to repaint; the value always comes from
``now - start``. Signals: secondShown(int) each time the whole-second value on
screen changes (the timer-lag benchmark measures against it); levelChanged(TimerLevel).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from callcenter.domain.clock import NS_PER_S
from callcenter.domain.sla import TimerLevel

LEVEL_STYLE = {
    TimerLevel.NORMAL: "",
    TimerLevel.WARNING: "background:#f59e0b;color:#111;border-radius:4px;padding:2px 6px;",
    TimerLevel.BREACH: "background:#dc2626;color:white;border-radius:4px;padding:2px 6px;",
}


class TimerLabel(QLabel):
    secondShown = Signal(int)
    levelChanged = Signal(object)  # TimerLevel

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.start_mono_ns: int | None = None
        self._shown_second: int | None = None
        self._level = TimerLevel.NORMAL

    def start(self, mono_ns: int) -> None:
        self.start_mono_ns = mono_ns
        self._shown_second = None

    def stop(self) -> None:
        self.start_mono_ns = None
        self._shown_second = None
        self.set_level(TimerLevel.NORMAL)
        self.clear()

    def elapsed_s(self, now_ns: int) -> float | None:
        if self.start_mono_ns is None:
            return None
        return (now_ns - self.start_mono_ns) / NS_PER_S

    def show_value(self, text: str, second: int, level: TimerLevel) -> None:
        if text != self.text():
            self.setText(text)
        self.set_level(level)
        if second != self._shown_second:
            self._shown_second = second
            self.secondShown.emit(second)

    def set_level(self, level: TimerLevel) -> None:
        if level is not self._level:
            self._level = level
            self.setStyleSheet(LEVEL_STYLE[level])
            self.setProperty("level", level.value)
            self.levelChanged.emit(level)

    @property
    def level(self) -> TimerLevel:
        return self._level
