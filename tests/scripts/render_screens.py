"""Render the script feature's screens to PNG, offscreen, in Chinese.

    QT_QPA_PLATFORM=offscreen python -m tests.scripts.render_screens OUT_DIR [LANG] [QM]

QM: a .qm to use instead of the shipped one (to look at translations not merged yet).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QComboBox

from callcenter.services.scripts.call_lines import OutageFacts
from callcenter.telephony.port import CallOffered
from callcenter.ui.scripts.integration import install
from callcenter.ui.shared.fonts import install_cjk_font
from callcenter.ui.shared.i18n import install_translator
from tests.fakes import ime_commit
from tests.ui.desk_window import make_desk_window


def _settle(app: QApplication, until: object = None) -> None:
    for _ in range(200):
        app.processEvents()
        if until is None or until():  # type: ignore[operator]
            return


def render(out: Path, lang: str = "zh", outage: bool = False, qm: str | None = None) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_cjk_font(app)
    if qm:
        tr: QTranslator | None = QTranslator(app)
        assert tr is not None and tr.load(qm), qm
        app.installTranslator(tr)
    else:
        tr = install_translator(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        dw = make_desk_window(Path(tmp), lang=lang)
        w = dw.window
        facts = OutageFacts("10千伏幸福线故障抢修", "今天18:00", "江城区幸福路片区")
        integ = install(w, dw.desk, db=dw.db, profile=dw.desk.profile, clock=dw.clock, lang=lang,
                        known_outage=(lambda _pop: facts) if outage else None)
        w.resize(1360, 860)
        w.show()
        dw.desk.sign_in("9001")  # the shift lead, so the editor can be shown too
        dw.desk.set_ready()
        dw.tel.send(CallOffered("c1", "13800138004"))
        dw.advance(16.0)
        dw.desk.answer()
        _settle(app, lambda: w.screen_pop.body.toPlainText() != "")
        shots.append(out / "script_answer_late.png")
        w.grab().save(str(shots[-1]))
        dw.desk.hold()
        _settle(app)
        dw.desk.resume()
        cat = w.form.findChild(QComboBox, "ticketCategory")
        cat.setCurrentIndex(cat.findData("fault_repair"))
        _settle(app)
        g = integ.panel.guide()
        if g is not None and not outage:
            g.choose("paid")
            g.choose("single")
            g.choose("yes")
        _settle(app)
        shots.append(out / ("script_triage_outage.png" if outage else "script_triage.png"))
        w.grab().save(str(shots[-1]))
        integ.open_search()
        ime_commit(integ.tab.search, "投诉")
        _settle(app)
        shots.append(out / "script_search.png")
        w.grab().save(str(shots[-1]))
        integ.open_editor()
        dlg = integ.editor
        assert dlg is not None
        for i in range(dlg.list.count()):
            if "pass_to_department" in dlg.list.item(i).text():
                dlg.list.setCurrentRow(i)
        _settle(app)
        shots.append(out / "script_editor.png")
        dlg.grab().save(str(shots[-1]))
        dlg.reject()
        dw.close()
    if tr is not None:
        app.removeTranslator(tr)
    return shots


if __name__ == "__main__":
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh"
    qm = sys.argv[3] if len(sys.argv) > 3 else None
    for p in render(Path(sys.argv[1]), lang, qm=qm):
        print(p)
    for p in render(Path(sys.argv[1]), lang, outage=True, qm=qm)[1:2]:
        print(p)
