"""Render the softphone bar's transfer steps and the target chooser at
1366×768, offscreen, through the real app on the simulator (issue 16).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.render_transfer OUT_DIR [zh|en]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from callcenter.app import AppOptions, build
from callcenter.domain.agent_state import Action, AgentState
from tests.ui.render_desk_1366 import ONE_CALL, SCREEN, settle


def render(out: Path, lang: str = "zh") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build(AppOptions(data_dir=Path(tmp), demo=True, scenario=ONE_CALL, lang=lang,
                               workstation="R01"))
        w = ctx.window
        w.resize(*SCREEN)
        w.show()
        settle(app, timeout_s=0.3)

        def shot(name: str, widget: object = None) -> None:
            settle(app, timeout_s=0.3)
            path = out / f"transfer_{lang}_{name}.png"
            (widget or w).grab().save(str(path))  # type: ignore[attr-defined]
            shots.append(path)

        desk = ctx.desk
        desk.sign_in("1001")
        desk.set_ready()
        settle(app, lambda: desk.status.state is AgentState.RINGING)
        desk.answer()
        settle(app, timeout_s=0.5)
        shot("talking")
        w.softphone.consult_btn.click()
        dlg = w.transfer.dialog
        assert dlg is not None
        settle(app, dlg.isVisible)
        shot("dialog", dlg)
        dlg.ok_btn.click()
        settle(app, lambda: Action.COMPLETE_TRANSFER in desk.snapshot().allowed)
        shot("consult_answered")
        shot("bar", w.softphone)
        ctx.shutdown()
        w.close()
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"):
        print(p)
