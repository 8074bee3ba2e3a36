"""Blind transfer (REFER) from the desk to another desk, at the SIP port (issue 16)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from callcenter.telephony.port import CallReleased

from .conftest import MakeCaller, MakeDesk
from .test_sip_calls import offered, wait

pytestmark = pytest.mark.sip


def test_blind_transfer_puts_the_customer_through_and_ends_the_desks_leg(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller) -> None:
    desk, customer = make_desk(), make_caller()
    lead = make_caller(answer_as="desk2")  # the other desk, answering whatever comes
    wait(qtbot, lambda: lead.saw("registered"))
    call_id = offered(qtbot, desk, customer)
    desk.tel.answer(call_id)
    wait(qtbot, lambda: customer.saw("state", state="CONFIRMED"))
    desk.tel.transfer(call_id, "desk2")
    wait(qtbot, lambda: customer.saw("refer"))
    wait(qtbot, lambda: lead.saw("incoming"))
    wait(qtbot, lambda: desk.of(CallReleased))
    assert desk.of(CallReleased) == [CallReleased(call_id, by="agent")]
    assert [(t.code, t.target) for t in desk.tel.transfers] == [(200, "sip:desk2@127.0.0.1")]
    # the customer talks to desk2 now: its new call is confirmed and still up
    wait(qtbot, lambda: len([e for e in customer.poll() if e.get("state") == "CONFIRMED"]) >= 2)
    disconnects = [e for e in customer.poll() if e.get("state") == "DISCONNECTED"]
    assert len(disconnects) == 1  # only the leg to the first desk ended
