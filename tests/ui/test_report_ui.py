"""The monthly report from the app: only for leads and administrators, made off
the GUI thread with progress and cancel, written and audited (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.app import AppContext, AppOptions, build
from callcenter.domain.audit.chain import parse_payload
from callcenter.domain.report.period import Month
from callcenter.store.audit_models import AuditRecord
from callcenter.ui.report.dialog import ReportChoice
from callcenter.ui.report.integration import ReportDone, ReportsFeature
from callcenter.ui.shared.i18n import install_translator
from tests.ui.test_sign_in_ui import ONE_CALL, sign_in


@pytest.fixture
def ctx(qtbot: QtBot, tmp_path: Path) -> Iterator[AppContext]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    c = build(AppOptions(data_dir=tmp_path / "data", demo=True, scenario=ONE_CALL, workstation="T05"))
    c.telephony.stop()
    qtbot.addWidget(c.window)
    c.window.show()
    yield c
    c.shutdown()
    if tr is not None:
        app.removeTranslator(tr)


def _feature(ctx: AppContext) -> ReportsFeature:
    found = [k for k in ctx.keep if isinstance(k, ReportsFeature)]
    assert len(found) == 1
    return found[0]


def _exports(ctx: AppContext) -> list[tuple[str, str, str]]:
    """(user, subject, file) of every export audited on this desk."""
    entries = [parse_payload(p) for p in ctx.db.read_now(
        lambda s: list(s.scalars(select(AuditRecord.payload).order_by(AuditRecord.seq))))]
    return [(e.user_id or "", e.subject, e.detail["file"]) for e in entries if e.action == "export"]


def test_menu_only_for_leads_and_admins(qtbot: QtBot, ctx: AppContext) -> None:
    feature = _feature(ctx)
    assert not feature.menu.menuAction().isVisible()
    sign_in(qtbot, ctx, "1001", "demo1001")  # an agent
    assert not feature.action.isEnabled() and feature.open_dialog() is None
    ctx.window.sign_in_or_out()
    qtbot.waitUntil(lambda: ctx.auth is not None and ctx.auth.current is None, timeout=10_000)
    sign_in(qtbot, ctx, "9001", "demo9001")  # a shift lead
    assert feature.action.isEnabled() and feature.menu.menuAction().isVisible()
    assert feature.menu.title() == "报表(&R)"


def test_lead_writes_xlsx_and_pdf_off_the_gui_thread(qtbot: QtBot, ctx: AppContext,
                                                      tmp_path: Path) -> None:
    feature = _feature(ctx)
    sign_in(qtbot, ctx, "9001", "demo9001")
    dlg = feature.open_dialog()
    assert dlg is not None
    dlg.path.setText("")
    dlg.submit()
    assert dlg.isVisible() and dlg.message.text() == "请输入工作簿的保存位置。"
    dlg.path.setText(str(tmp_path / "nowhere" / "r.xlsx"))
    dlg.submit()
    assert "没有这个文件夹" in dlg.message.text() and dlg.path.text().endswith("r.xlsx")
    dlg.path.setText(str(tmp_path / "march"))  # no suffix: .xlsx is added
    with qtbot.waitSignal(feature.finished, timeout=60_000) as done:
        dlg.submit()
        qtbot.waitUntil(lambda: feature.progress is not None or feature.worker is None)
    result = done.args[0]
    assert isinstance(result, ReportDone) and result.error is None and not result.cancelled
    xlsx, pdf = tmp_path / "march.xlsx", tmp_path / "march.pdf"
    assert result.files == (xlsx, pdf) and pdf.stat().st_size > 0
    month = ctx.window.findChild(object, "reportMonth")  # the dialog is gone
    assert month is None
    title = load_workbook(xlsx).worksheets[0]["A1"].value
    assert "本席位数据子集" in title and "国网临江供电公司" in title
    subject = f"monthly report {Month.parse(title.split()[2])}"
    assert _exports(ctx) == [("9001", subject, "march.xlsx"), ("9001", subject, "march.pdf")]
    assert "报表已生成" in ctx.window.statusBar().currentMessage()


def test_cancel_stops_the_run(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    feature = _feature(ctx)
    sign_in(qtbot, ctx, "9001", "demo9001")
    with qtbot.waitSignal(feature.finished, timeout=60_000) as done:
        feature.start(ReportChoice(Month(2026, 3), tmp_path / "c.xlsx", tmp_path / "c.pdf"))
        assert feature.progress is not None and feature.progress.isVisible()
        cancel = feature.progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "取消"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert done.args[0].cancelled
    assert not (tmp_path / "c.pdf").exists()
    assert feature.worker is None and feature.progress is None
    assert ctx.window.statusBar().currentMessage() == "已取消生成报表。"
