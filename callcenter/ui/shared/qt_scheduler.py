"""The domain's Scheduler on the Qt event loop (one-shot, precise, named timers)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class _Handle:
    def __init__(self, timer: QTimer) -> None:
        self._timer = timer

    def cancel(self) -> None:
        self._timer.stop()
        self._timer.deleteLater()


class QtScheduler(QObject):
    def call_later(self, delay_s: float, fn: Callable[[], None]) -> _Handle:
        timer = QTimer(self)
        timer.setObjectName("schedulerOneShot")
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)

        def fire() -> None:
            timer.deleteLater()
            fn()

        timer.timeout.connect(fire)
        timer.start(max(0, int(delay_s * 1000)))
        return _Handle(timer)
