"""Render the department desk offscreen: the department's list (whole ticket
numbers) and a complaint's detail with its reply form, then with the reply in
its timeline (issue 17 item 17).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.render_department OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from callcenter.app import AppOptions, build
from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import TicketAction, TicketState
from callcenter.services.tickets.entry import DispatchRequest
from tests.ui.render_auth import _save, _wait


def render(out: Path) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = build(AppOptions(data_dir=Path(tmp), demo=True, workstation="W01"))
        try:
            ctx.telephony.stop()
            w = ctx.window
            w.resize(1366, 768)
            w.show()
            ctx.desk.sign_in("1001")
            draft = TicketDraft(category="complaint", content="电费突然翻倍，怀疑抄错表", caller_name="王五",
                                caller_phone="13800138002")
            saved = ctx.desk.tickets.save(draft, agent_id="1001",
                                          dispatch=DispatchRequest("marketing", 1)).result(timeout=5)
            ctx.desk.sign_out()
            ctx.desk.sign_in("8002")
            lifecycle = next(k for k in ctx.keep if type(k).__name__ == "LifecycleController")
            w.tools.setCurrentWidget(lifecycle.view)
            _wait(app, lambda: lifecycle.view.model.rowCount() > 0)
            shots.append(_save(w, out / "department_list.png"))
            lifecycle.open_ticket(saved.id)
            _wait(app, lambda: saved.id in lifecycle.dialogs)
            dlg = lifecycle.dialogs[saved.id]
            dlg.show()
            _wait(app, lambda: TicketAction.ACCEPT in dlg.action_buttons)
            dlg.action_buttons[TicketAction.ACCEPT].click()
            _wait(app, lambda: dlg.detail.state is TicketState.IN_PROGRESS)
            dlg.action_buttons[TicketAction.REPLY].click()  # empty: refused in the complaint's words
            _wait(app, dlg.message.isVisible)
            shots.append(_save(dlg, out / "department_reply_form.png"))
            dlg.reply["result"].setText("已核实：抄表员漏抄，已向客户致歉并更正电费。")
            dlg.action_buttons[TicketAction.REPLY].click()
            _wait(app, lambda: dlg.detail.state is TicketState.REPLIED)
            _wait(app, lambda: TicketAction.REPLY not in dlg.action_buttons)
            app.sendPostedEvents()  # the old buttons' deleteLater
            shots.append(_save(dlg, out / "department_replied.png"))
            dlg.close()
        finally:
            ctx.shutdown()
    return shots


if __name__ == "__main__":
    for p in render(Path(sys.argv[1])):
        print(p)
