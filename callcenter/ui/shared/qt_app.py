"""The one QApplication of a process, for code outside ui/ that drives widgets
(benchmarks, scripts) without importing Qt widgets itself; and ``settle_heap``,
called once the main window is up."""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtWidgets import QApplication


def serial_painting() -> None:
    """Paint on the GUI thread only: set before anything paints (before the
    QApplication is made). Why: Qt's raster engine hands every fill of 96 rows or
    more (a scroll bar's gradient, a plot's vertical line, a cached item's blit) to
    its own thread pool in slices and waits for them; on a desk PC with two busy
    cores each hand-off costs more than the fill. The replay's seek spent about a
    third of its time in those waits (py-spy, issue 14); ``QT_NO_GUI_THREADPOOL``
    is Qt's switch for it (read once, when the pool would first be made). A value
    already in the environment is kept."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    serial_painting()
    return QApplication([sys.argv[0] if sys.argv else "callcenter"])


def settle_heap() -> None:
    """Collect once and move everything alive into the permanent generation.

    Why: a full (oldest-generation) garbage collection walks every tracked object
    and holds the GIL while it does. Once the app has started, that is about
    70,000 objects of imports, SQLAlchemy mappers and the UI, which live as long
    as the process: a full collection of them took 150-400 ms, and when one was
    triggered by a background thread (the sync worker allocating during a push)
    the GUI thread froze for that long. Frozen objects (``gc.freeze``) are never
    examined again, so later collections only walk what was made since; and the
    automatic full collections, which wait until the survivors of younger
    collections reach a quarter of the objects in the oldest generation, come
    rarely. Call it once, after the window is built (app.py); the objects stay
    alive either way (a frozen cycle that becomes garbage is never freed, a
    one-off cost for start-up objects)."""
    gc.collect()
    gc.freeze()
