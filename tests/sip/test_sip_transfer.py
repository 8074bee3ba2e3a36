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


def _states(desk_consults: list, state: str) -> bool:  # type: ignore[type-arg]
    return any(c.state == state for c in desk_consults)


def test_consult_then_put_through_replaces_the_desk_with_the_lead(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller) -> None:
    desk, customer = make_desk(), make_caller()
    lead = make_caller(answer_as="desk2")
    wait(qtbot, lambda: lead.saw("registered"))
    call_id = offered(qtbot, desk, customer)
    desk.tel.answer(call_id)
    wait(qtbot, lambda: customer.saw("state", state="CONFIRMED"))
    desk.tel.consult(call_id, "desk2")
    wait(qtbot, lambda: customer.saw("media", status="remote_hold"))  # the customer waits on hold
    wait(qtbot, lambda: _states(desk.tel.consults, "CONFIRMED"))  # the desk talks to the lead
    assert lead.saw("incoming") and not desk.of(CallReleased)
    desk.tel.complete_consult(call_id)
    wait(qtbot, lambda: customer.saw("refer"))
    wait(qtbot, lambda: lead.saw("replaced"))  # the customer took over the desk's consultation
    wait(qtbot, lambda: desk.of(CallReleased))
    assert desk.of(CallReleased) == [CallReleased(call_id, by="agent")]
    assert [t.code for t in desk.tel.transfers] == [200]
    wait(qtbot, lambda: _states(desk.tel.consults, "DISCONNECTED"))
    wait(qtbot, lambda: len([e for e in customer.poll() if e.get("state") == "CONFIRMED"]) >= 2)


def test_consult_then_return_takes_the_customer_back(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller) -> None:
    desk, customer = make_desk(), make_caller()
    lead = make_caller(answer_as="desk2")
    wait(qtbot, lambda: lead.saw("registered"))
    call_id = offered(qtbot, desk, customer)
    desk.tel.answer(call_id)
    wait(qtbot, lambda: customer.saw("state", state="CONFIRMED"))
    desk.tel.consult(call_id, "desk2")
    wait(qtbot, lambda: _states(desk.tel.consults, "CONFIRMED"))
    actives = sum(1 for e in customer.poll() if e.get("status") == "active")
    desk.tel.cancel_consult(call_id)
    wait(qtbot, lambda: _states(desk.tel.consults, "DISCONNECTED"))
    wait(qtbot, lambda: sum(1 for e in customer.poll() if e.get("status") == "active") > actives)
    assert not desk.of(CallReleased) and not customer.saw("refer")
    desk.tel.hang_up(call_id)
    wait(qtbot, lambda: desk.of(CallReleased))
