"""Calls back once, right after a widget's first paint has been delivered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Watches ``widget`` for its first paint event; when that paint has run
    (the next turn of the event loop), calls ``then`` once and stops watching."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        self._seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self._seen and watched is self._widget and event.type() == QEvent.Type.Paint:
            self._seen = True
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after the paint this event is about to do
        return False
