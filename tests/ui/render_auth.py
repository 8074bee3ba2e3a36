"""Render the sign-in screens offscreen: the sign-in dialog with a refusal, the
screen lock, and the administrators' user screen.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.render_auth OUT_DIR [zh|en]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from callcenter.app import AppOptions, build
from callcenter.ui.auth.sign_in_dialog import SignInDialog


def _wait(app: QApplication, cond, ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(ms)
    while not cond():
        if deadline.hasExpired():
            raise TimeoutError("render step did not finish")
        app.processEvents()


def _save(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    return path


def render(out: Path, lang: str = "zh") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build(AppOptions(data_dir=Path(tmp), demo=True, lang=lang, workstation="W01"))
        ctx.telephony.stop()
        w = ctx.window
        w.resize(1280, 800)
        w.show()
        auth = ctx.auth
        assert auth is not None
        dlg = auth.request_sign_in()
        dlg.agent_id.setText("1001")
        dlg.password.setText("wrong password")
        dlg.submitted.emit()
        _wait(app, lambda: "⚠" in dlg.error.text())
        shots.append(_save(dlg, out / "sign_in_refused.png"))
        dlg.password.setText("demo1001")
        dlg.submitted.emit()
        _wait(app, lambda: auth.current is not None)
        shots.append(_save(auth.lock(), out / "screen_lock.png"))
        shots.append(_save(w, out / "screen_locked_window.png"))
        auth.lock_dialog.switch_btn.click()  # type: ignore[union-attr]
        dlg = w.sign_in_dialog
        assert isinstance(dlg, SignInDialog)
        dlg.agent_id.setText("6001")
        dlg.password.setText("demo6001")
        dlg.submitted.emit()
        _wait(app, lambda: auth.current is not None)
        admin = next(k for k in ctx.keep if type(k).__name__ == "UsersAdminFeature")
        assert admin.view is not None
        _wait(app, lambda: admin.view.model.rowCount() > 0)
        w.tools.setCurrentWidget(admin.view)
        app.processEvents()
        shots.append(_save(w, out / "users_admin.png"))
        add = admin.open_add()
        add.user_id.setText("1001")
        add.name.setText("陈静")
        add.password.setText("first-pw-1")
        add.again.setText("first-pw-1")
        add.ok.click()
        _wait(app, lambda: "⚠" in add.error.text() and add.ok.isEnabled())
        shots.append(_save(add, out / "add_user_refused.png"))
        add.reject()
        ctx.shutdown()
        w.close()
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"):
        print(p)
