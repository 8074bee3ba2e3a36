"""Issue 17, item 19: the ticket detail dialog in Chinese names its deadline in
Chinese and says where the ticket went, with no 下发部门 label beside nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from callcenter.domain.ticket import TicketDraft
from callcenter.services.tickets.entry import DispatchRequest
from callcenter.services.tickets.workflow import TicketWorkflow
from callcenter.ui.shared.i18n import install_translator
from callcenter.ui.tickets.detail_dialog import TicketDetailDialog
from callcenter.ui.tickets.lifecycle_integration import LifecycleController, install

from .desk_window import DeskWindow, make_desk_window

DRAFT = TicketDraft(category="fault_repair", content="整栋楼停电", caller_phone="13800138001",
                    address="临江市江城区幸福路12号", area_type="urban", priority="urgent")


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskWindow, LifecycleController]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    d = make_desk_window(tmp_path)
    qtbot.addWidget(d.window)
    ctl = install(d.window, d.desk, d.db, d.desk.profile, d.clock,
                  TicketWorkflow(d.db, d.clock, "W01"), "zh")
    d.window.show()
    yield d, ctl
    for dlg in list(ctl.dialogs.values()):
        dlg.close()
    for timer in d.window.findChildren(QTimer):
        timer.stop()
    d.close()
    if tr is not None:
        app.removeTranslator(tr)


def _open(qtbot: QtBot, ctl: LifecycleController, tid: object) -> TicketDetailDialog:
    ctl.open_ticket(tid)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tid in ctl.dialogs)
    return ctl.dialogs[tid]  # type: ignore[index]


def _department_label(dlg: TicketDetailDialog) -> QLabel:
    form = next(lay for lay in dlg.findChildren(QFormLayout) if lay.indexOf(dlg.department) >= 0)
    label = form.labelForField(dlg.department)
    assert isinstance(label, QLabel) and label.text() == "下发部门"
    return label


def test_a_dispatched_ticket_says_its_department_and_deadline_in_chinese(
        qtbot: QtBot, rig: tuple[DeskWindow, LifecycleController]) -> None:
    d, ctl = rig
    tid = d.saved_earlier(DRAFT, dispatch=DispatchRequest("repair", 1)).id
    d.desk.sign_in("1024")  # an agent: may urge, not dispatch again
    dlg = _open(qtbot, ctl, tid)
    header = dlg.header.text()
    assert "时限" in header and "Deadline" not in header
    assert "下发部门 抢修中心" in header
    assert not re.search(r"\b[A-Z][a-z]+\b", re.sub(r"<[^>]+>", "", header)), header
    assert not _department_label(dlg).isVisible()  # no label beside a hidden choice
    assert not dlg.department.isVisible()


def test_a_ticket_that_may_be_dispatched_shows_the_department_choice(
        qtbot: QtBot, rig: tuple[DeskWindow, LifecycleController]) -> None:
    d, ctl = rig
    tid = d.saved_earlier(DRAFT).id
    d.desk.sign_in("9001")  # the shift lead dispatches
    dlg = _open(qtbot, ctl, tid)
    qtbot.waitUntil(dlg.department.isVisible)
    assert _department_label(dlg).isVisible()
    assert "下发部门" not in dlg.header.text()  # not dispatched yet: nothing to name
