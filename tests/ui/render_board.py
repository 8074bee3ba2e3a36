"""Render the 班长看板 tab offscreen on the seeded shift (tests/board/shift.py) with
live desk states, one of them silent (unknown) and one over the wrap-up limit.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.render_board OUT_DIR [zh|en]
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer
from PySide6.QtWidgets import QApplication

from callcenter.domain.board.states import DeskState
from callcenter.services.board.live import BoardStates
from callcenter.ui.shared.fonts import install_cjk_font
from callcenter.ui.shared.i18n import install_translator
from tests.board import shift
from tests.ui.board_rig import board, seeded


def render(out: Path, lang: str = "zh") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_cjk_font(app)
    tr = install_translator(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = seeded(Path(tmp) / "desk.sqlite3")
        window, auth, feature = board(db, lang)
        window.resize(1500, 900)
        window.show()
        done: list[object] = []
        feature.loaded.connect(done.append)
        auth.lead()
        deadline = QDeadlineTimer(10_000)
        while not done and not deadline.hasExpired():
            app.processEvents()
        now = shift.NOW
        states = (
            DeskState("W01", "A", "1001", "talking", None, now - timedelta(seconds=75), now),
            DeskState("W02", "A", "1002", "wrap_up", None, now - timedelta(seconds=130), now),
            DeskState("W03", "A", "1003", "busy", "meal", now - timedelta(seconds=400), now),
            DeskState("W04", "A", "1004", "ready", None, now - timedelta(seconds=20), now),
            DeskState("W05", "A", "1005", "ready", None, now - timedelta(seconds=900),
                      now - timedelta(seconds=95)),
        )
        feature.statesArrived.emit(BoardStates("A", now, time.monotonic(), states))
        app.processEvents()
        assert feature.view is not None
        feature.view.states.tick()
        app.processEvents()
        path = out / f"board_{lang}.png"
        window.grab().save(str(path))
        shots.append(path)
        feature.view.calls_chart.toggle.click()
        app.processEvents()
        path = out / f"board_numbers_{lang}.png"
        window.grab().save(str(path))
        shots.append(path)
        auth.signedOut.emit()
        window.close()
        db.close()
    if tr is not None:
        app.removeTranslator(tr)
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"):
        print(p)
