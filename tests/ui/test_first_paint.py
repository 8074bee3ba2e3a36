"""FirstPaint: the startup bench's clock stops once the window has really been painted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from callcenter.ui.shared.first_paint import FirstPaint


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_calls_back_once_after_the_first_paint(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    paints = _Paints()
    window.installEventFilter(paints)
    seen: list[int] = []
    FirstPaint(window, lambda: seen.append(paints.count))
    assert seen == []  # not before the window is shown
    window.show()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] >= 1  # a paint had been delivered when it called back
    window.repaint()
    window.update()
    qtbot.waitUntil(lambda: paints.count > seen[0])
    assert len(seen) == 1  # once only
    window.close()
