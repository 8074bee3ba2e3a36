"""`callcenter --telephony sip`: the app's phone is the SIP port; 话机在线/离线 on
the status bar, no 示闲 while offline, and the shift lead is alerted (Q70)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.app import AppOptions, build
from callcenter.domain.agent_state import AgentState
from callcenter.domain.auth.roles import Role
from callcenter.domain.clock import SystemClock
from callcenter.services.alerts.inbox import Alerts
from callcenter.services.phone.settings import PASSWORD_ENV, SipSettings, save_sip_settings
from callcenter.telephony.sip.adapter import SipTelephony
from callcenter.telephony.sip.kamailio import Kamailio
from callcenter.ui.calls.phone_status import PHONE_OFFLINE
from tests.fakes import signed_in

from .conftest import USERS
from .test_sip_calls import wait

pytestmark = pytest.mark.sip


@pytest.fixture
def own_kamailio(tmp_path: Path) -> Iterator[Kamailio]:
    server = Kamailio(tmp_path / "kamailio", USERS)
    server.start()
    yield server
    server.stop()


def test_the_status_bar_shows_the_phone_and_offline_blocks_ready_and_alerts_the_lead(
        qtbot: QtBot, tmp_path: Path, own_kamailio: Kamailio, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "desk"
    save_sip_settings(data, SipSettings(own_kamailio.address, "desk1", register_expiry_s=6))
    monkeypatch.setenv(PASSWORD_ENV, USERS["desk1"])
    ctx = build(AppOptions(data_dir=data, workstation="T01", telephony="sip"))
    try:
        w = ctx.window
        qtbot.addWidget(w)
        w.show()
        assert isinstance(ctx.telephony, SipTelephony)
        label = next(k for k in ctx.keep if type(k).__name__ == "PhoneStatus").label
        assert "话机离线" in label.text()  # until the registrar says yes
        wait(qtbot, lambda: label.text() == "话机在线")
        ctx.desk.sign_in("1024")
        w.softphone.ready_btn.click()
        assert ctx.desk.status.state is AgentState.READY
        ctx.desk.set_busy(ctx.desk.profile.busy_reasons[0].code)

        own_kamailio.stop()
        wait(qtbot, lambda: "话机离线" in label.text())
        w.softphone.ready_btn.click()
        assert ctx.desk.status.state is AgentState.BUSY
        assert "话机离线" in w.statusBar().currentMessage()
        alerts = Alerts(ctx.db, SystemClock(), "T01", user=signed_in("9001", Role.SHIFT_LEAD))
        wait(qtbot, lambda: any(a.kind == PHONE_OFFLINE
                                for a in alerts.open_for("shift_lead").result(5)))

        own_kamailio.start()
        wait(qtbot, lambda: label.text() == "话机在线")
        w.softphone.ready_btn.click()
        assert ctx.desk.status.state is AgentState.READY
        w.grab().save(str(tmp_path / "phone.png"))
    finally:
        ctx.shutdown()
