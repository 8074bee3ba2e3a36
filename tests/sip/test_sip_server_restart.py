"""The SIP server goes away and comes back: registration recovers by itself and
a connected call goes on, its record and recording complete (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.telephony.port import CallOffered, CallReleased
from callcenter.telephony.sip.kamailio import Kamailio

from .conftest import USERS, MakeCaller, MakeDesk
from .test_sip_calls import offered, online, wait

pytestmark = pytest.mark.sip


@pytest.fixture
def own_kamailio(tmp_path: Path) -> Iterator[Kamailio]:
    server = Kamailio(tmp_path / "kamailio", USERS)
    server.start()
    yield server
    server.stop()


def test_registration_goes_offline_and_recovers_while_idle(
        qtbot: QtBot, own_kamailio: Kamailio, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    desk = make_desk(own_kamailio.address)
    online(qtbot, desk)
    own_kamailio.stop()
    wait(qtbot, lambda: not desk.tel.online)
    assert desk.online_changes[-1] is False
    own_kamailio.start()
    wait(qtbot, lambda: desk.tel.online)
    # and it takes calls again
    caller = make_caller(own_kamailio.address)
    call_id = offered(qtbot, desk, caller)
    desk.tel.hang_up(call_id)
    wait(qtbot, lambda: desk.of(CallReleased))


def test_a_connected_call_survives_the_server_restarting(
        qtbot: QtBot, own_kamailio: Kamailio, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    desk = make_desk(own_kamailio.address)
    caller = make_caller(own_kamailio.address)
    call_id = offered(qtbot, desk, caller)
    desk.tel.answer(call_id)
    wait(qtbot, lambda: caller.saw("state", state="CONFIRMED"))
    own_kamailio.stop()
    wait(qtbot, lambda: not desk.tel.online)
    own_kamailio.start()
    wait(qtbot, lambda: desk.tel.online)
    # media went peer to peer all along: nobody hung up
    assert not caller.saw("state", state="DISCONNECTED") and not desk.of(CallReleased)
    caller.send(op="hangup")  # the BYE is routed through the restarted proxy
    wait(qtbot, lambda: desk.of(CallReleased))
    assert desk.of(CallReleased) == [CallReleased(call_id, by="customer")]
    assert len(desk.of(CallOffered)) == 1
    wait(qtbot, lambda: desk.tel.recorded(call_id) is not None)
    rec, timing = desk.tel.recorded(call_id), desk.tel.timings()[call_id]
    assert rec is not None and rec.complete and timing.ended is not None
    assert timing.ended.talk_s > 1.0
    assert abs(rec.seconds - timing.ended.talk_s) <= 0.5
