"""Render the duplicates panel and the shift lead's alerts offscreen to PNG.

    QT_QPA_PLATFORM=offscreen python -m tests.duplicates.render_duplicates OUT_DIR [ZH_DICT.py]

With ZH_DICT.py (a file defining ``ZH = {english: chinese}``) the new strings are
shown in Chinese before they reach resources/i18n.
"""

from __future__ import annotations

import runpy
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from callcenter.domain.ticket import TicketDraft
from callcenter.services.tickets.entry import DispatchRequest
from callcenter.services.tickets.workflow import TicketWorkflow
from callcenter.telephony.port import CallOffered
from callcenter.ui.shared.fonts import install_cjk_font
from callcenter.ui.shared.i18n import install_translator
from callcenter.ui.tickets.duplicates_integration import install
from tests.fakes import ime_commit
from tests.ui.desk_window import make_desk_window

PHONE = "13800138077"


def preview_qm(table: dict[str, str], tmp: Path) -> Path:
    """The shipped .ts plus ``table`` for this feature's new strings, compiled."""
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET

    from callcenter.services.site.resources import RESOURCES

    ts, qm = tmp / "preview.ts", tmp / "preview.qm"
    shutil.copy(RESOURCES / "i18n" / "callcenter_zh_CN.ts", ts)
    ui = sorted(str(p) for p in (Path(__file__).parents[2] / "callcenter" / "ui").rglob("*.py"))
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *ui, "-ts", str(ts)], check=True,
                   capture_output=True)
    tree = ET.parse(ts)
    for m in tree.getroot().iter("message"):
        tr = m.find("translation")
        if tr is not None and m.findtext("source") in table:
            tr.text = table[m.findtext("source") or ""]
            tr.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


def _settle(app: QApplication, until: object = None, timeout_s: float = 5.0) -> None:
    """Run the event loop until ``until()`` holds (answers come from worker threads)."""
    import time

    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while time.monotonic() < deadline:
        app.processEvents()
        if until is None or until():  # type: ignore[operator]
            return
        # wait for the next event (a queued result) instead of sleeping
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


def render(out: Path, zh: dict[str, str] | None) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_cjk_font(app)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        extra: QTranslator | None = None
        if zh:
            extra = QTranslator(app)
            assert extra.load(str(preview_qm(zh, Path(tmp))))
            app.installTranslator(extra)
        else:
            install_translator(app, "zh")
        dw = make_desk_window(Path(tmp))
        f = install(dw.window, dw.desk, dw.db, dw.desk.profile, dw.clock,
                    TicketWorkflow(dw.db, dw.clock, "W01"))
        f.panel.debounce.setInterval(0)
        draft = TicketDraft(category="complaint", content="抄表员多次估抄电量，电费明显偏高",
                            caller_name="李四", caller_phone=PHONE, address="临江市江城区幸福路12号")
        dw.saved_earlier(draft, dispatch=DispatchRequest("marketing", 5))
        dw.clock.advance(7200)
        repair = TicketDraft(category="fault_repair", content="家中停电", caller_phone=PHONE,
                             address="临江市江城区幸福路12号", area_type="urban", priority="soon")
        dw.saved_earlier(repair, dispatch=DispatchRequest("repair", 1))
        dw.clock.advance(3600)
        w = dw.window
        w.resize(1360, 860)
        w.show()
        dw.desk.sign_in("1024")
        dw.desk.set_ready()
        dw.tel.send(CallOffered("c1", PHONE))
        dw.desk.answer()
        dw.desk.hang_up()
        form = w.form
        cat = form.findChild(QComboBox, "ticketCategory")
        cat.setCurrentIndex(cat.findData("complaint"))
        ime_commit(form.findChild(QPlainTextEdit, "ticketContent"), "客户再次投诉估抄电量")
        form.findChild(QLineEdit, "ticketCallerPhone").setText(PHONE)
        _settle(app, lambda: f.panel.result is not None and f.panel.isVisible())
        _settle(app)
        shots.append(out / "duplicates_repeat_unresolved.png")
        w.grab().save(str(shots[-1]))
        shots.append(out / "duplicates_panel.png")
        f.panel.grab().save(str(shots[-1]))
        dw.desk.set_busy("break", no_ticket_reason="render: ends the wrap-up")
        dw.desk.sign_out()
        dw.desk.sign_in("9001")
        _settle(app, lambda: f.alerts_view.list.count() > 0)
        _settle(app)
        shots.append(out / "alerts_lead.png")
        w.grab().save(str(shots[-1]))
        dw.close()
        if extra is not None:
            app.removeTranslator(extra)
    return shots


if __name__ == "__main__":
    table = runpy.run_path(sys.argv[2])["ZH"] if len(sys.argv) > 2 else None
    for p in render(Path(sys.argv[1]), table):
        print(p)
