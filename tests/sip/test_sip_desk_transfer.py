"""Transfer and crossing hang-ups at the desk (CallDesk) on real SIP: a Kamailio
on loopback, the desk's pjsua2 agent here, the customer and a second desk as
pjsua2 agents in subprocesses (issue 16)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.domain.agent_state import AgentState
from callcenter.domain.call_events import EventKind
from callcenter.domain.clock import SystemClock
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.calls.desk import CallDesk
from callcenter.services.customers.screen_pop import Customers
from callcenter.services.scripts.call_lines import BasicScripts
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import open_database
from callcenter.services.tickets.entry import Tickets
from callcenter.telephony.sip.events import Ended
from callcenter.telephony.sip.kamailio import Kamailio
from callcenter.ui.shared.qt_scheduler import QtScheduler

from .conftest import Desk, MakeCaller
from .test_sip_calls import wait

pytestmark = pytest.mark.sip


class Gate:
    """The GUI thread's inbox, which the test may hold shut: what the SIP thread
    reports then waits, as it does when the GUI thread is busy for a moment."""

    def __init__(self, post: Callable[[Callable[[], None]], None]) -> None:
        self._post = post
        self._lock = threading.Lock()
        self.held: list[Callable[[], None]] | None = None

    def post(self, fn: Callable[[], None]) -> None:
        with self._lock:
            if self.held is not None:
                self.held.append(fn)
                return
        self._post(fn)

    def hold(self) -> None:
        with self._lock:
            self.held = []

    def release(self) -> None:
        with self._lock:
            held, self.held = self.held or [], None
        for fn in held:
            self._post(fn)


@dataclass
class Rig:
    desk: CallDesk
    sip: Desk
    gate: Gate

    @property
    def state(self) -> AgentState:
        return self.desk.status.state

    def kinds(self) -> list[EventKind]:
        return [e.kind for e in self.desk.call_events()]

    def event(self, kind: EventKind) -> dict[str, object]:
        return dict(next(e for e in self.desk.call_events() if e.kind is kind).data)


@pytest.fixture
def rig(kamailio: Kamailio, tmp_path: Path) -> Iterator[Rig]:
    profile = load_profile()
    db = open_database(tmp_path / "desk.sqlite3")
    clock = SystemClock()
    scheduler = QtScheduler()
    sip = Desk(kamailio.address, tmp_path / "recordings", start=False)
    gate = Gate(sip.poster.post)
    sip.tel._post = gate.post  # the adapter's way to the GUI thread goes through the gate
    desk = CallDesk(
        clock=clock, scheduler=scheduler, telephony=sip.tel, profile=profile, db=db,
        tickets=Tickets(db, profile, clock, "W01", user=CurrentUser()),
        customers=Customers(db, clock, profile.recent_ticket_days), scripts=BasicScripts(),
        workstation="W01", post=sip.poster.post,
    )
    yield Rig(desk, sip, gate)
    gate.release()
    desk.shutdown()
    db.close()
    sip.poster.deleteLater()
    scheduler.deleteLater()


def talking(qtbot: QtBot, r: Rig, caller_ready: Callable[[], object]) -> None:
    wait(qtbot, lambda: r.sip.tel.online)
    r.desk.sign_in("1024")
    r.desk.set_ready()
    wait(qtbot, caller_ready)


def connect(qtbot: QtBot, r: Rig, customer: object) -> None:
    from .conftest import Caller
    assert isinstance(customer, Caller)
    talking(qtbot, r, lambda: customer.saw("ready"))
    customer.call("desk1")
    wait(qtbot, lambda: r.state is AgentState.RINGING)
    r.desk.answer()
    wait(qtbot, lambda: customer.saw("state", state="CONFIRMED", code=200))


def test_the_desks_blind_transfer_reaches_the_second_desk(
        qtbot: QtBot, rig: Rig, make_caller: MakeCaller) -> None:
    customer = make_caller()
    other = make_caller(answer_as="desk2")  # a second registered desk, answering
    wait(qtbot, lambda: other.saw("registered"))
    connect(qtbot, rig, customer)
    rig.desk.transfer("desk2")
    wait(qtbot, lambda: rig.state is AgentState.WRAP_UP)
    assert other.saw("incoming")
    kinds = rig.kinds()
    steps = kinds[kinds.index(EventKind.TRANSFER_REQUESTED):]
    assert steps[0] is EventKind.TRANSFER_REQUESTED and steps[-2:] == [
        EventKind.TRANSFER_COMPLETED, EventKind.HUNG_UP]
    assert set(steps[1:-2]) <= {EventKind.TRANSFER_RINGING}
    assert rig.event(EventKind.TRANSFER_REQUESTED) == {"mode": "blind", "target": "desk2"}
    assert rig.event(EventKind.TRANSFER_COMPLETED) == {"target": "desk2", "code": 200}
    assert rig.event(EventKind.HUNG_UP) == {"by": "agent", "reason": "transferred"}
    call = rig.desk.current_call
    assert call is not None and call.hung_up_by == "agent"
    # the customer talks to desk2 now: a second confirmed call, still up
    wait(qtbot, lambda: sum(1 for e in customer.poll() if e.get("state") == "CONFIRMED") >= 2)
    wait(qtbot, lambda: customer.saw("state", state="DISCONNECTED"))  # the leg to this desk
    assert sum(1 for e in customer.poll() if e.get("state") == "DISCONNECTED") == 1


def test_the_customers_bye_handled_first_wins_though_the_desk_had_not_seen_it(
        qtbot: QtBot, rig: Rig, make_caller: MakeCaller) -> None:
    customer = make_caller()
    connect(qtbot, rig, customer)
    call = rig.desk.current_call
    assert call is not None
    agent = rig.sip.tel._agent
    assert agent is not None
    rig.gate.hold()  # the GUI thread is busy: the customer's BYE waits in its inbox
    customer.send(op="hangup")
    wait(qtbot, lambda: agent.hangups.first(call.telephony_id) == "customer")
    assert rig.state is AgentState.TALKING  # the desk has not seen it: the agent clicks 挂机
    rig.desk.hang_up()
    assert rig.state is AgentState.WRAP_UP
    assert rig.event(EventKind.HUNG_UP) == {"by": "customer"}
    rig.gate.release()
    wait(qtbot, lambda: rig.sip.tel.timings()[call.telephony_id].ended is not None)
    ended = rig.sip.tel.timings()[call.telephony_id].ended
    assert isinstance(ended, Ended) and ended.by == "customer"
    assert [e.kind for e in rig.desk.call_events()].count(EventKind.HUNG_UP) == 1
    assert agent.hangups.first(call.telephony_id) is None  # forgotten once delivered


def test_two_byes_crossing_the_agents_asked_first(
        qtbot: QtBot, rig: Rig, make_caller: MakeCaller) -> None:
    customer = make_caller()
    connect(qtbot, rig, customer)
    call = rig.desk.current_call
    assert call is not None
    rig.desk.hang_up()  # the agent's BYE is queued, and the customer's is on its way
    customer.send(op="hangup")
    wait(qtbot, lambda: rig.sip.tel.timings()[call.telephony_id].ended is not None)
    ended = rig.sip.tel.timings()[call.telephony_id].ended
    assert isinstance(ended, Ended)
    # whichever BYE the wire delivered first, the agent asked before the
    # customer's reached the desk: both the SIP side and the desk say so
    assert ended.by == "agent"
    assert rig.event(EventKind.HUNG_UP) == {"by": "agent"}


def test_the_desks_consult_holds_the_customer_then_puts_them_through(
        qtbot: QtBot, rig: Rig, make_caller: MakeCaller) -> None:
    customer = make_caller()
    other = make_caller(answer_as="desk2")
    wait(qtbot, lambda: other.saw("registered"))
    connect(qtbot, rig, customer)
    rig.desk.consult("desk2")
    assert rig.state is AgentState.HELD
    wait(qtbot, lambda: customer.saw("media", status="remote_hold"))  # the customer waits
    wait(qtbot, lambda: EventKind.TRANSFER_ANSWERED in rig.kinds())  # desk2 took the consult
    rig.desk.complete_transfer()
    wait(qtbot, lambda: rig.state is AgentState.WRAP_UP)
    assert other.saw("replaced")  # the customer took over the desk's consultation
    kinds = rig.kinds()
    steps = kinds[kinds.index(EventKind.HELD):]
    assert steps[:2] == [EventKind.HELD, EventKind.TRANSFER_REQUESTED]
    assert steps[-3:] == [EventKind.TRANSFER_ANSWERED, EventKind.TRANSFER_COMPLETED,
                          EventKind.HUNG_UP]
    assert set(steps[2:-3]) <= {EventKind.TRANSFER_RINGING}
    assert rig.event(EventKind.HUNG_UP) == {"by": "agent", "reason": "transferred"}
    assert EventKind.TRANSFER_REFUSED not in kinds  # the consult leg's end is no refusal
