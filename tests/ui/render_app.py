"""Render the whole app (every feature installed) during a demo call, offscreen.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.render_app OUT_DIR [zh|en]

resources/screenshots/app.png (the README's second picture) is OUT_DIR/app.png;
OUT_DIR/tab_N.png show each tool tab.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from callcenter.app import AppOptions, build

ONE_CALL = Path(__file__).parents[1] / "e2e" / "one_call.toml"  # a demo customer in an outage


def render(out: Path, lang: str = "zh") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build(AppOptions(data_dir=Path(tmp), demo=True, scenario=ONE_CALL, lang=lang))
        w = ctx.window
        w.resize(1440, 900)
        w.show()
        steps = {"n": 0}

        def step() -> None:
            steps["n"] += 1
            state = ctx.desk.status.state.value
            if steps["n"] == 1:
                ctx.desk.sign_in("1024")
            elif steps["n"] == 2:
                ctx.desk.set_ready()
            elif state == "ringing":
                ctx.desk.answer()
            elif state == "talking" and steps["n"] > 30 or steps["n"] > 300:
                shots.append(out / "app.png")
                w.grab().save(str(shots[-1]))
                for i in range(w.tools.count()):
                    w.tools.setCurrentIndex(i)
                    app.processEvents()
                    shots.append(out / f"tab_{i}.png")
                    w.grab().save(str(shots[-1]))
                app.quit()
                return
            QTimer.singleShot(100, step)

        QTimer.singleShot(300, step)
        app.exec()
        ctx.shutdown()
        w.close()
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"):
        print(p)
