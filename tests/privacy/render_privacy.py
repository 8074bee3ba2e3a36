"""Render the privacy screens offscreen to PNG (Chinese UI): a ticket's detail as the
QA reviewer sees it (numbers masked), the "show full number" dialog, the detail once
revealed, and the ticket list and callback queue as the shift lead sees them.

    QT_QPA_PLATFORM=offscreen python -m tests.privacy.render_privacy OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from callcenter.app import AppOptions, build
from callcenter.domain.clock import SystemClock
from callcenter.domain.ticket import TicketDraft
from callcenter.services.callbacks.queue import CallbackRow
from callcenter.services.demo.users import seed_demo_users


def _settle(until: Callable[[], bool]) -> None:
    loop = QEventLoop()
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline:
        if until():
            return
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 10)
    raise SystemExit("the window did not settle")


def _save(w: QWidget, out: Path) -> None:
    QApplication.processEvents()
    w.grab().save(str(out))
    print(out)


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build(AppOptions(data_dir=Path(tmp), workstation="R01", reveal_recorder=lambda r: None))
        # the users and their roles (7001 QA, 9001 lead, ...) without the demo city
        seed_demo_users(ctx.db, ctx.desk.profile, SystemClock(), ctx.desk.workstation)
        try:
            ctx.telephony.stop()
            draft = TicketDraft(category="complaint", content="客户反映多次停电，请回电13912345678核实。",
                                caller_name="王五", caller_phone="13800138002",
                                address="江城区解放路12号")
            saved = ctx.desk.tickets.save(draft, agent_id="1024").result(timeout=5)
            ctx.desk.sign_in("7001")  # QA reviewer
            lifecycle = next(k for k in ctx.keep if type(k).__name__ == "LifecycleController")
            lifecycle.open_ticket(saved.id)
            _settle(lambda: saved.id in lifecycle.dialogs)
            dlg = lifecycle.dialogs[saved.id]
            _save(dlg, out / "detail_masked.png")
            dlg.ask_reveal()
            ask = dlg.reveal_dialog
            ask.reason.setText("")
            ask._ok()  # no reason: the dialog says why it stays masked
            _save(ask, out / "reveal_dialog.png")
            ask.reason.setText("客户投诉复核，需核对来电号码")
            ask._ok()
            _save(dlg, out / "detail_revealed.png")
            dlg.reject()
            _settle(lambda: saved.id not in lifecycle.dialogs)
            ctx.desk.sign_out()
            ctx.desk.sign_in("9001")  # shift lead: the ticket list is masked
            tab = next(k for k in ctx.keep if type(k).__name__ == "TicketListFeature")
            ctx.window.resize(1280, 800)
            ctx.window.show()
            ctx.window.tools.setCurrentWidget(tab.view)
            tab.view.search()
            _settle(lambda: tab.view.model.rowCount() > 0 and tab.view.model.row_at(0) is not None)
            _save(tab.view, out / "list_lead.png")
            cb = next(k for k in ctx.keep if type(k).__name__ == "CallbackFeature").view
            now = datetime.now(UTC)
            cb.model.set_rows([CallbackRow(uuid.uuid4(), 1, uuid.uuid4(), saved.number, "complaint",
                                           "王五", "13800138002", now, now + timedelta(hours=20),
                                           None, None, 0, "pending", overdue=False, ready=True)])
            ctx.window.tools.setCurrentWidget(cb)
            cb.table.selectRow(0)
            _save(cb, out / "callbacks_lead.png")
            ctx.window.hide()
        finally:
            ctx.shutdown()
    del app


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/privacy-shots")
