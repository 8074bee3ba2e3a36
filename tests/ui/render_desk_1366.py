"""Render the whole desk at 1366×768 from ring to wrap-up, offscreen, and print
the window's and the form's geometry at each step (issue 17 item 8).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.render_desk_1366 OUT_DIR [zh|en]
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QRect, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from callcenter.app import AppContext, AppOptions, build
from callcenter.domain.agent_state import AgentState

ONE_CALL = Path(__file__).parents[1] / "e2e" / "one_call.toml"  # a demo customer in an outage
SCREEN = (1366, 768)


def settle(app: QApplication, until: Callable[[], bool] = lambda: False, timeout_s: float = 10.0) -> None:
    """Run the event loop until ``until()`` holds (or ``timeout_s``), re-checking after
    each burst of events rather than sleeping."""
    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not deadline.hasExpired():
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)  # wait in the event loop, not asleep outside it
        loop.exec()
        if until():
            app.processEvents()
            return


def in_window(w: QWidget, child: QWidget) -> QRect:
    """Where ``child`` is, in the window's coordinates."""
    top_left = child.mapTo(w, child.rect().topLeft())
    return QRect(top_left, child.size())


def walk_a_call(ctx: AppContext, wait: Callable[[Callable[[], bool]], None],
                shot: Callable[[str], None]) -> None:
    """Sign in, ring, answer (screen pop, outage banner, history), start the fault
    triage, hang up: ``shot(name)`` at each step."""
    from PySide6.QtWidgets import QComboBox

    w = ctx.window
    ctx.desk.sign_in("1001")
    ctx.desk.set_ready()
    wait(lambda: ctx.desk.status.state is AgentState.RINGING)
    shot("ring")
    ctx.desk.answer()
    wait(lambda: w.screen_pop.body.toPlainText() != "" and w.form.caller_phone.text() != "")
    dup = next(k for k in ctx.keep if type(k).__name__ == "DuplicatesDesk")
    outages = next(k for k in ctx.keep if type(k).__name__ == "OutageDesk")
    wait(lambda: outages.active_hit() is not None)
    cat = w.form.findChild(QComboBox, "ticketCategory")
    cat.setCurrentIndex(cat.findData("fault_repair"))  # the triage starts
    wait(lambda: dup.panel.isVisible())
    shot("talking")
    ctx.desk.hang_up()
    wait(lambda: ctx.desk.status.state is AgentState.WRAP_UP)
    shot("wrapup")


def render(out: Path, lang: str = "zh") -> dict[str, tuple[QRect, QRect]]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    geometry: dict[str, tuple[QRect, QRect]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build(AppOptions(data_dir=Path(tmp), demo=True, scenario=ONE_CALL, lang=lang,
                               workstation="R01"))
        w = ctx.window
        w.resize(*SCREEN)
        w.show()
        settle(app, timeout_s=0.3)

        def shot(name: str) -> None:
            settle(app, timeout_s=0.3)
            geometry[name] = (QRect(w.geometry()), in_window(w, w.form))
            w.grab().save(str(out / f"desk_1366_{name}.png"))

        walk_a_call(ctx, lambda cond: settle(app, cond), shot)
        ctx.shutdown()
        w.close()
    return geometry


if __name__ == "__main__":
    for name, (win, form) in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh").items():
        print(name, "window", win.getRect(), "form", form.getRect())
