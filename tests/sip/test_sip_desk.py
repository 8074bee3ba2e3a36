"""The call loop (CallDesk) on real SIP: the ring counter starts with the 180,
a ring-no-answer declines the call back to the queue, a caller who gives up on
the second ring is an abandoned call (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.domain.agent_state import AgentState
from callcenter.domain.call_events import EventKind
from callcenter.domain.clock import SystemClock
from callcenter.domain.ring_counter import RingCadence, ring_in_progress
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.calls.desk import CallDesk
from callcenter.services.customers.screen_pop import Customers
from callcenter.services.scripts.call_lines import BasicScripts
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.services.tickets.entry import Tickets
from callcenter.telephony.sip.kamailio import Kamailio
from callcenter.ui.shared.qt_scheduler import QtScheduler

from .conftest import Desk, MakeCaller
from .test_sip_calls import wait

pytestmark = pytest.mark.sip
CADENCE = RingCadence(on_s=0.4, off_s=0.6)  # a ring a second keeps the tests short


@dataclass
class SipDesk:
    desk: CallDesk
    sip: Desk
    clock: SystemClock

    @property
    def state(self) -> AgentState:
        return self.desk.status.state


@pytest.fixture
def sip_desk(kamailio: Kamailio, tmp_path: Path) -> Iterator[SipDesk]:
    base = load_profile()
    profile = replace(base, cadence=CADENCE,
                      targets=replace(base.targets, ring_no_answer_timeout_s=2.5))
    db = open_database(tmp_path / "desk.sqlite3")
    clock = SystemClock()
    scheduler = QtScheduler()
    sip = Desk(kamailio.address, tmp_path / "recordings", start=False)  # CallDesk starts it
    desk = CallDesk(
        clock=clock, scheduler=scheduler, telephony=sip.tel, profile=profile, db=db,
        tickets=Tickets(db, profile, clock, "W01", user=CurrentUser()),
        customers=Customers(db, clock, profile.recent_ticket_days), scripts=BasicScripts(),
        workstation="W01", post=sip.poster.post,
    )
    yield SipDesk(desk, sip, clock)
    desk.shutdown()
    db.close()
    sip.poster.deleteLater()
    scheduler.deleteLater()


def ready(qtbot: QtBot, d: SipDesk) -> None:
    wait(qtbot, lambda: d.sip.tel.online)
    d.desk.sign_in("1024")
    d.desk.set_ready()


def test_the_ring_counter_starts_with_the_180_and_the_call_is_taken(
        qtbot: QtBot, sip_desk: SipDesk, make_caller: MakeCaller) -> None:
    d, caller = sip_desk, make_caller()
    ready(qtbot, d)
    wait(qtbot, lambda: caller.saw("ready"))
    caller.call("desk1", "13912345678")
    wait(qtbot, lambda: d.state is AgentState.RINGING)
    call = d.desk.current_call
    assert call is not None and call.caller_number == "13912345678"
    timing = d.sip.tel.timings()[call.telephony_id]
    # the ring counter starts once the 180 is out, and within 50 ms of the INVITE
    assert timing.ringing_sent_ns <= call.ring_mono_ns
    assert call.ring_mono_ns - timing.invite_ns < 50_000_000
    d.desk.answer()
    wait(qtbot, lambda: caller.saw("state", state="CONFIRMED", code=200))
    assert d.state is AgentState.TALKING
    caller.send(op="hangup")
    wait(qtbot, lambda: d.state is AgentState.WRAP_UP)
    assert d.desk.current_call is not None and d.desk.current_call.hung_up_by == "customer"


def test_unanswered_past_the_limit_the_desk_declines_and_the_call_goes_back(
        qtbot: QtBot, sip_desk: SipDesk, make_caller: MakeCaller) -> None:
    d, caller = sip_desk, make_caller()
    ready(qtbot, d)
    wait(qtbot, lambda: caller.saw("ready"))
    caller.call("desk1")
    wait(qtbot, lambda: d.state is AgentState.RINGING)
    wait(qtbot, lambda: caller.saw("state", state="DISCONNECTED"))
    # 480: the caller's queue offers the call again; the agent is set busy (未接来电)
    assert caller.saw("state", state="DISCONNECTED", code=480)
    assert d.state is AgentState.BUSY
    kinds = [e.kind for e in d.desk.call_events()]
    assert kinds == [EventKind.RINGING, EventKind.RING_TIMEOUT]
    # a busy agent's phone does not ring: the next INVITE gets 486
    caller.call("desk1")
    wait(qtbot, lambda: caller.saw("state", state="DISCONNECTED", code=486))


def test_a_caller_who_hangs_up_on_the_second_ring_is_abandoned(
        qtbot: QtBot, sip_desk: SipDesk, make_caller: MakeCaller) -> None:
    d, caller = sip_desk, make_caller()
    ready(qtbot, d)
    wait(qtbot, lambda: caller.saw("ready"))
    caller.call("desk1")
    wait(qtbot, lambda: d.state is AgentState.RINGING)
    call = d.desk.current_call
    assert call is not None

    def ring() -> int:
        return ring_in_progress((d.clock.monotonic_ns() - call.ring_mono_ns) / 1e9, CADENCE)

    wait(qtbot, lambda: ring() == 2)
    caller.send(op="hangup")  # CANCEL
    wait(qtbot, lambda: d.state is AgentState.READY)
    events = d.desk.call_events()
    assert [e.kind for e in events] == [EventKind.RINGING, EventKind.ABANDONED]
    abandoned_after_s = (events[1].mono_ns - events[0].mono_ns) / 1e9
    assert ring_in_progress(abandoned_after_s, CADENCE) == 2
    assert caller.saw("state", state="DISCONNECTED", code=487)
