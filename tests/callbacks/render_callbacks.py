"""Render the callback tab offscreen to PNG, with a few tasks in the queue.

    QT_QPA_PLATFORM=offscreen python -m tests.callbacks.render_callbacks OUT_DIR [ZH_DICT.py]

With ZH_DICT.py (a module with ``ZH = {"English": "中文"}``) the tab's own strings
are shown in Chinese before they are merged into resources/i18n.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTranslator
from PySide6.QtWidgets import QApplication

from callcenter.services.callbacks.queue import AttemptRequest, Callbacks, CallResult
from callcenter.services.tickets.entry import Tickets
from callcenter.services.tickets.workflow import TicketWorkflow
from callcenter.ui.callbacks.integration import install
from callcenter.ui.shared.fonts import install_cjk_font
from callcenter.ui.shared.i18n import install_translator
from tests.callbacks.conftest import AGENT, LEAD, CallbackRig, add_rig_users
from tests.fakes import signed_in
from tests.ui.desk_window import make_desk_window


class DictTranslator(QTranslator):
    def __init__(self, zh: dict[str, str]) -> None:
        super().__init__()
        self._zh = zh

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        return self._zh.get(source)


def _settle(app: QApplication, until: object) -> None:
    """Run the event loop until ``until()`` holds (database results arrive queued)."""
    loop = QEventLoop()
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline:
        if until():  # type: ignore[operator]
            return
        # block until the next event arrives (queued results), up to 10 ms
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 10)
    raise SystemExit("the callback tab did not settle")


def render(out: Path, zh_file: Path | None = None) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_cjk_font(app)
    install_translator(app, "zh")
    if zh_file is not None:
        spec = importlib.util.spec_from_file_location("zh_dict", zh_file)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        dict_tr = DictTranslator(mod.ZH)
        app.installTranslator(dict_tr)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        dw = make_desk_window(Path(tmp), customers=5)
        profile = dw.desk.profile
        add_rig_users(dw.db, profile, dw.clock)
        wf = TicketWorkflow(dw.db, dw.clock, "W01")
        user = signed_in()
        cb = Callbacks(dw.db, profile, dw.clock, wf, "W01", user=user)
        tickets = Tickets(dw.db, profile, dw.clock, "W01", user=user)
        rig = CallbackRig(dw.db, dw.clock, profile, tickets, wf, cb)
        for i, text in enumerate(("家中停电，邻居有电", "电压不稳，灯光闪烁", "表箱门损坏")):
            rig.replied_ticket(content=text, phone=f"1380013800{i + 1}")
        cb.enqueue().result(timeout=5)
        rows = cb.queue().result(timeout=5).rows
        first = cb.take(rows[0].id, AGENT, rows[0].version).result(timeout=5)  # a result needs it taken
        cb.record_attempt(AttemptRequest(first.id, AGENT, first.version, CallResult.NOT_REACHED,
                                         "无人接听", dw.clock.utc_now() + timedelta(minutes=40))
                          ).result(timeout=5)
        rig.sign_in(LEAD)
        cb.assign(rows[2].id, "1025", LEAD, rows[2].version).result(timeout=5)
        dw.clock.advance(23 * 3600 + 57 * 60)  # the first two are overdue now
        feature = install(dw.window, dw.desk, dw.db, profile, dw.clock, wf)
        w = dw.window
        w.resize(1360, 820)
        w.show()
        dw.desk.sign_in(LEAD)
        w.tools.setCurrentWidget(feature.view)
        _settle(app, lambda: feature.view.model.rowCount() == 3 and feature.view._detail is not None
                and feature.due_label.text() != "")
        view = feature.view
        view.table.selectRow(1)  # a free task: the lead may take and call it too
        _settle(app, lambda: view.take_btn.isEnabled())
        shots.append(out / "callbacks_free.png")  # "take it first, then dial"
        w.grab().save(str(shots[-1]))
        view.take()
        _settle(app, lambda: view.dial_btn.isEnabled())
        view.dial()
        _settle(app, lambda: view.satisfied_btn.isEnabled())
        shots.append(out / "callbacks.png")
        w.grab().save(str(shots[-1]))
        view.satisfied_btn.click()
        box = view.confirm_box
        assert box is not None
        _settle(app, box.isVisible)
        shots.append(out / "callbacks_confirm.png")
        box.grab().save(str(shots[-1]))
        box.reject()
        feature.close()
        dw.db.flush()
        dw.close()
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None):
        print(p)
