"""A profile and calendar published on one desk reach every other desk through
central (reference data, whatever the desk's kind and team), and a desk started
afterwards works by them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from callcenter.app import AppOptions, build
from callcenter.domain.auth.roles import Actor, Role
from callcenter.domain.clock import FakeClock
from callcenter.services.site.documents import current_calendar, current_profile, publish_in
from callcenter.sync.central import CentralClient

from .desk_sim import desk_url, open_desk

from tests.services.test_site_documents import EXTRA_HOLIDAY, RENAMED  # isort: skip

LEAD = Actor("9001", Role.SHIFT_LEAD)  # publishes site documents


def test_a_published_profile_reaches_a_desk_of_another_team_and_its_next_start(
        qtbot: QtBot, tmp_path: Path, central_url: str) -> None:
    clock = FakeClock()
    lead_url, agent_url = desk_url(central_url, "L1", team="T1"), desk_url(central_url, "A9", team="T9")
    lead = open_desk(tmp_path / "lead.sqlite3", "L1", lambda: CentralClient(lead_url), clock)
    (tmp_path / "agent").mkdir()
    agent = open_desk(tmp_path / "agent" / "desk.sqlite3", "A9", lambda: CentralClient(agent_url), clock)
    try:
        lead.db.write_now(lambda s: publish_in(s, "profile", RENAMED, LEAD, clock.utc_now(), "L1"))
        lead.db.write_now(lambda s: publish_in(s, "calendar", EXTRA_HOLIDAY, LEAD, clock.utc_now(), "L1"))
        assert lead.engine.run_once().pushed_ops == 4  # each document and its audit record
        assert current_profile(agent.db).unit_name == "国网临江供电公司"
        report = agent.engine.run_once()
        assert "site_documents" in report.tables
        assert current_profile(agent.db).unit_name == "国网江城供电公司"
        assert not current_calendar(agent.db).is_working_day(date(2026, 11, 24))
    finally:
        lead.close()
        agent.close()
    app = QApplication.instance()
    assert app is not None
    ctx = build(AppOptions(data_dir=tmp_path / "agent", workstation="A9"))
    try:
        qtbot.addWidget(ctx.window)
        ctx.telephony.stop()
        assert ctx.desk.profile.unit_name == "国网江城供电公司"
    finally:
        ctx.shutdown()
