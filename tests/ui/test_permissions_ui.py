"""The desk offers only what the signed-in role may do, and a refusal is one
clear Chinese sentence, never a traceback (issue 12). The services refuse
anyway: tests/permissions checks every cell of the table through them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from callcenter.store.outage_models import EmergencyBanner
from callcenter.ui.outages.integration import OutageDesk
from callcenter.ui.outages.integration import install as install_outages
from callcenter.ui.scripts.integration import ScriptIntegration
from callcenter.ui.scripts.integration import install as install_scripts
from callcenter.ui.shared.i18n import install_translator
from tests.ui.desk_window import DeskWindow, make_desk_window

LEAD, AGENT, QA, DEPT = "9001", "1024", "7001", "8001"


@pytest.fixture
def zh(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    assert tr is not None
    yield
    app.removeTranslator(tr)


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path,
         zh: None) -> Iterator[tuple[DeskWindow, OutageDesk, ScriptIntegration]]:
    d = make_desk_window(tmp_path)
    od = install_outages(d.window, d.desk, db=d.db, bridge=d.bridge, clock=d.clock, profile=d.desk.profile)
    scripts = install_scripts(d.window, d.desk, db=d.db, profile=d.desk.profile, clock=d.clock)
    qtbot.addWidget(d.window)
    d.window.show()
    qtbot.waitExposed(d.window)
    yield d, od, scripts
    od.shutdown()
    d.close()


def _action(d: DeskWindow, name: str) -> QAction:
    act = d.window.findChild(QAction, name)
    assert act is not None, name
    return act


def _banner_from_another_desk(d: DeskWindow) -> None:
    """A lead's banner as sync brings it to this desk's store."""
    now = d.clock.utc_now()
    d.db.write_now(lambda s: s.add(EmergencyBanner(
        message="江城区大面积停电", script="您好……", raised_by=LEAD, raised_at=now, updated_at=now,
        origin_workstation="W09")))


@pytest.mark.parametrize("who", [None, AGENT, QA, DEPT])
def test_a_non_lead_desk_is_not_offered_the_leads_work(
        qtbot: QtBot, desk: tuple[DeskWindow, OutageDesk, ScriptIntegration], who: str | None) -> None:
    d, od, _scripts = desk
    if who is not None:
        d.desk.sign_in(who)
    _banner_from_another_desk(d)
    od.refresh()
    qtbot.waitUntil(od.emergency.isVisible)  # everyone sees the banner ...
    assert not od.emergency.clear_btn.isVisible()  # ... only a lead may clear it
    assert not _action(d, "emergencyRaiseAction").isVisible()
    assert not _action(d, "editScriptsAction").isVisible()
    assert od.ask_emergency() is None


def test_the_shift_lead_is_offered_it_and_loses_it_at_sign_out(
        qtbot: QtBot, desk: tuple[DeskWindow, OutageDesk, ScriptIntegration]) -> None:
    d, od, _scripts = desk
    d.desk.sign_in(LEAD)
    _banner_from_another_desk(d)
    od.refresh()
    qtbot.waitUntil(od.emergency.isVisible)
    assert od.emergency.clear_btn.isVisible()
    assert _action(d, "emergencyRaiseAction").isVisible() and _action(d, "editScriptsAction").isVisible()
    d.desk.sign_out()
    assert not od.emergency.clear_btn.isVisible()
    assert not _action(d, "emergencyRaiseAction").isVisible()
    assert not _action(d, "editScriptsAction").isVisible()
    d.desk.sign_in(LEAD)
    qtbot.mouseClick(od.emergency.clear_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not od.emergency.isVisible())
    row = d.db.read_now(lambda s: s.scalars(select(EmergencyBanner)).one())
    assert (row.cleared_by, row.cleared_at) == (LEAD, d.clock.utc_now())


def test_a_refused_raise_says_why_in_chinese_and_writes_nothing(
        qtbot: QtBot, desk: tuple[DeskWindow, OutageDesk, ScriptIntegration]) -> None:
    d, od, _scripts = desk
    d.desk.sign_in(AGENT)
    od.raise_emergency("江城区大面积停电", "您好……", AGENT)  # as if the menu had been reached
    text = d.window.statusBar().currentMessage()
    assert text == "您的角色（客户代表）无权发布紧急通告，未做任何更改。"
    d.desk.sign_out()
    od.raise_emergency("江城区大面积停电", "您好……", LEAD)
    assert d.window.statusBar().currentMessage() == "请先签入：未签入不能发布紧急通告。"
    assert d.db.read_now(lambda s: s.scalars(select(EmergencyBanner)).all()) == []
    assert not od.emergency.isVisible()


def test_the_script_editor_opens_for_the_lead_only(
        qtbot: QtBot, desk: tuple[DeskWindow, OutageDesk, ScriptIntegration]) -> None:
    d, _od, scripts = desk
    d.desk.sign_in(AGENT)
    scripts.open_editor()
    assert scripts.editor is None
    d.desk.sign_out()
    d.desk.sign_in(LEAD)
    scripts.open_editor()
    assert scripts.editor is not None
    scripts.editor.reject()


@pytest.mark.parametrize("who, may", [(AGENT, True), (LEAD, True), (QA, False), (DEPT, False)])
def test_only_agents_and_leads_are_offered_ready(
        qtbot: QtBot, desk: tuple[DeskWindow, OutageDesk, ScriptIntegration], who: str,
        may: bool) -> None:
    """A QA reviewer or a department user signs in to read and work tickets, never to
    take calls: 示闲 is not offered and F3 leaves them out of the queue."""
    from callcenter.domain.agent_state import AgentState

    d, _od, _scripts = desk
    d.desk.sign_in(who)
    sp = d.window.softphone
    qtbot.waitUntil(lambda: sp.sign_btn.text().startswith("签出"))
    assert sp.ready_btn.isEnabled() is may
    qtbot.keyClick(d.window, Qt.Key.Key_F3)
    expected = AgentState.READY if may else AgentState.BUSY  # signed in: busy until 示闲
    qtbot.waitUntil(lambda: d.desk.status.state is expected)
    if not may:
        assert not d.window._do(d.desk.set_ready)  # the service refuses the button's action too
        assert "接听来电" in d.window.statusBar().currentMessage()
        assert d.desk.status.state is AgentState.BUSY
