"""The one QApplication of a process, for code outside ui/ that drives widgets
(benchmarks, scripts) without importing Qt widgets itself."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication([sys.argv[0] if sys.argv else "callcenter"])
