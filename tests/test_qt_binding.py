"""The Qt binding itself must not leak or drop references.

PySide6 6.12.0 decremented None/False on every processEvents() call and queued
signal, which aborted the app after a few minutes ("bool_dealloc"); this test
fails fast on such a binding instead.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot


class _Pinger(QObject):
    ping = Signal()


def test_event_loop_and_queued_signals_keep_refcounts(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    none0, false0 = sys.getrefcount(None), sys.getrefcount(False)
    for _ in range(3000):
        app.processEvents()
    p = _Pinger()
    got: list[int] = []
    p.ping.connect(lambda: got.append(1), Qt.ConnectionType.QueuedConnection)
    t = threading.Thread(target=lambda: [p.ping.emit() for _ in range(3000)])
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(got) == 3000)
    # a healthy binding moves these by a handful; the broken one by thousands
    assert abs(sys.getrefcount(None) - none0) < 500
    assert abs(sys.getrefcount(False) - false0) < 500
