"""Render the desk in its main states to PNG, offscreen, in Chinese.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.render_screens OUT_DIR

resources/screenshots/desk.png (the README picture) is OUT_DIR/talking.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from callcenter.telephony.port import CallOffered
from callcenter.ui.shared.fonts import install_cjk_font
from callcenter.ui.shared.i18n import install_translator
from tests.fakes import ime_commit
from tests.ui.desk_window import make_desk_window


def _settle(app: QApplication, until: object = None) -> None:
    for _ in range(200):
        app.processEvents()
        if until is None or until():  # type: ignore[operator]
            return


def render(out: Path, lang: str = "zh") -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_cjk_font(app)
    tr = install_translator(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        dw = make_desk_window(Path(tmp), lang=lang)
        w = dw.window
        w.resize(1360, 820)
        w.show()
        dw.desk.sign_in("1024")
        dw.desk.set_ready()
        dw.tel.send(CallOffered("c1", "13800138004"))
        dw.advance(11.0)
        _settle(app)
        shots.append(out / "ringing.png")
        w.grab().save(str(shots[-1]))
        dw.advance(5.0)
        dw.desk.answer()
        _settle(app, lambda: w.screen_pop.body.toPlainText() != "")
        form = w.form
        cat = form.findChild(QComboBox, "ticketCategory")
        cat.setCurrentIndex(cat.findData("fault_repair"))
        content = form.findChild(QPlainTextEdit, "ticketContent")
        ime_commit(content, "客户家中突然停电，邻居家有电，已检查室内总开关。")
        pr = form.findChild(QComboBox, "ticketPriority")
        pr.setCurrentIndex(pr.findData("soon"))
        dw.advance(125.0)
        _settle(app)
        shots.append(out / "talking.png")
        w.grab().save(str(shots[-1]))
        dw.desk.hang_up()
        dw.advance(50.0)
        phone = form.findChild(QLineEdit, "ticketCallerPhone")
        phone.setText("1380013800")
        w.finish(dispatch=False)
        _settle(app)
        shots.append(out / "wrapup_error.png")
        w.grab().save(str(shots[-1]))
        phone.setText("13800138004")  # corrected: the banner names the next field still wrong
        _settle(app)
        shots.append(out / "wrapup_corrected.png")
        w.grab().save(str(shots[-1]))
        area = form.findChild(QComboBox, "ticketAreaType")
        area.setCurrentIndex(area.findData("urban"))
        dept = form.findChild(QComboBox, "ticketDepartment")
        dept.setCurrentIndex(dept.findData("repair"))
        w.finish(dispatch=True)  # F9: the green strip names the ticket and the department
        for _ in range(500):  # the save runs on the writer thread
            _settle(app, lambda: w.notice.isVisible())
            if w.notice.isVisible():
                break
            dw.db.flush()
        shots.append(out / "saved.png")
        w.grab().save(str(shots[-1]))
        dw.close()
    if tr is not None:
        app.removeTranslator(tr)
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "zh"):
        print(p)
