"""显示完整号码 inside the QA workspace, through the real window: numbers masked
in the list and the detail; a reveal asks why (audited) and shows the selected
call's numbers in full; choosing another call masks them again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from callcenter.app import AppContext
from callcenter.domain.audit.chain import AuditAction
from callcenter.services.audit.log import recent_in
from callcenter.ui.privacy.reveal_dialog import RevealDialog
from tests.qa.test_workspace_ui import ctx, feature  # noqa: F401 (the fixture)
from tests.ui.test_sign_in_ui import sign_in


def test_reveal_the_selected_calls_numbers(qtbot: QtBot, ctx: AppContext) -> None:  # noqa: F811
    f = feature(ctx)
    sign_in(qtbot, ctx, "7001", "demo7001")
    view = f.view
    assert view is not None and view.may_reveal
    ctx.window.tools.setCurrentWidget(view)
    view.search_btn.click()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=15_000)
    rows = view.model.rows
    first = next(i for i, r in enumerate(rows) if r.ticket_id is not None and r.contact)
    other = next(i for i, r in enumerate(rows) if i != first and r.ticket_id is not None)
    view.table.selectRow(first)
    row = rows[first]
    assert "****" in row.caller and "****" in row.contact
    assert row.caller in view.numbers.text() and row.contact in view.numbers.text()
    assert view.reveal_btn.isVisible()
    view.reveal_btn.click()
    dlg = f.reveal_dialog
    assert isinstance(dlg, RevealDialog) and dlg.isVisible()
    dlg.buttons.accepted.emit()  # no reason: refused, still masked
    assert dlg.error.isVisible() and "****" in view.numbers.text()
    dlg.reason.setText("客户要求回电核实")
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "****" not in view.numbers.text(), timeout=10_000)
    shown = view.model.data(view.model.index(first, 3))
    assert "*" not in shown and len(shown) >= 7 and shown in view.numbers.text()
    assert not view.reveal_btn.isVisible()
    entries = ctx.db.read_now(lambda s: recent_in(s))
    unmask = [e.entry for e in entries if e.entry is not None and e.entry.action == AuditAction.UNMASK]
    assert unmask and unmask[0].user_id == "7001" and unmask[0].detail["reason"] == "客户要求回电核实"
    # for that ticket only: another call is masked, and back again is masked too
    proxy_row = lambda i: view.proxy.mapFromSource(view.model.index(i, 0)).row()  # noqa: E731
    view.table.selectRow(proxy_row(other))
    assert "****" in view.numbers.text() and view.reveal_btn.isVisible()
    view.table.selectRow(proxy_row(first))
    assert "****" in view.model.data(view.model.index(first, 3)) and "****" in view.numbers.text()
