"""Transfer at the desk (issue 16) through the port, with the built-in simulator
as the switch: a real SQLite file, a fake clock and a manual scheduler."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from callcenter.domain.agent_state import Action, AgentState, IllegalTransition
from callcenter.domain.clock import FakeClock, ManualScheduler
from callcenter.domain.transfer import TransferMode, TransferStep, TransferTargetInvalid
from callcenter.services.calls.desk import CallDesk
from callcenter.services.customers.screen_pop import Customers
from callcenter.services.scripts.call_lines import BasicScripts
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database
from callcenter.services.tickets.entry import Tickets
from callcenter.store.models import CallEventRow, CallSession
from callcenter.telephony.scenario import Scenario, ScenarioCall, ScenarioTarget
from callcenter.telephony.simulator import SimulatedTelephony
from tests.fakes import signed_in

from .conftest import Posted, Recorder

LEAD, BUSY_DESK, SILENT = "9001", "1002", "1003"


class SimRig:
    def __init__(self, db: Database, talk_s: float | None = None) -> None:
        self.db = db
        self.clock = FakeClock()
        self.sched = ManualScheduler(self.clock)
        scenario = Scenario(
            calls=(ScenarioCall(0.0, "13800138001", talk_s=talk_s),),
            targets=(ScenarioTarget(LEAD, answer_s=3.0),
                     ScenarioTarget(BUSY_DESK, answer_s=4.0, refuse_code=486)),
        )
        self.tel = SimulatedTelephony(self.sched, scenario=scenario, offer_delay_s=0.0)
        profile = load_profile()
        self.posted = Posted()
        tickets = Tickets(db, profile, self.clock, "W01", user=signed_in())
        self.desk = CallDesk(
            clock=self.clock, scheduler=self.sched, telephony=self.tel, profile=profile, db=db,
            tickets=tickets, customers=Customers(db, self.clock, profile.recent_ticket_days),
            scripts=BasicScripts(), workstation="W01", post=self.posted.post,
        )
        self.rec = Recorder()
        self.desk.add_listener(self.rec)

    def talking(self) -> None:
        self.desk.sign_in("1024")
        self.desk.set_ready()
        self.sched.advance(0.1)
        assert self.desk.status.state is AgentState.RINGING
        self.sched.advance(2.0)
        self.desk.answer()
        self.sched.advance(10.0)

    def allowed(self) -> frozenset[Action]:
        return self.desk.snapshot().allowed

    def rows(self) -> list[CallEventRow]:
        call_id = self._call_id
        return self.db.read_now(lambda s: list(s.scalars(
            select(CallEventRow).where(CallEventRow.call_id == call_id)
            .order_by(CallEventRow.seq))))

    @property
    def _call_id(self) -> object:
        self.db.flush()
        return self.db.read_now(lambda s: s.scalars(select(CallSession.id)).one())


@pytest.fixture
def sim(db: Database) -> SimRig:
    return SimRig(db)


def kinds_since(rig: SimRig, first: str) -> list[tuple[str, dict[str, object]]]:
    rows = [(r.kind, dict(r.data)) for r in rig.rows()]
    start = next(i for i, (k, _) in enumerate(rows) if k == first)
    return rows[start:]


def test_talking_offers_transfer_and_consult_but_not_the_consult_steps(sim: SimRig) -> None:
    sim.talking()
    acts = sim.allowed()
    assert {Action.TRANSFER, Action.CONSULT, Action.HOLD, Action.HANG_UP} <= acts
    assert not acts & {Action.COMPLETE_TRANSFER, Action.RETRIEVE}
    with pytest.raises(IllegalTransition):
        sim.desk.complete_transfer()
    with pytest.raises(IllegalTransition):
        sim.desk.retrieve()


def test_blind_transfer_completes_into_wrap_up_released_by_the_agent(sim: SimRig) -> None:
    sim.talking()
    sim.desk.transfer(LEAD)
    call = sim.desk.current_call
    assert call is not None and call.transfer is not None
    assert call.transfer.mode is TransferMode.BLIND
    assert sim.desk.status.state is AgentState.TALKING
    assert sim.allowed() == {Action.HANG_UP}  # nothing else while the switch puts it through
    sim.sched.advance(0.0)
    assert call.telephony_id and sim.desk.current_call is not None
    assert sim.desk.current_call.transfer is not None
    assert sim.desk.current_call.transfer.step is TransferStep.RINGING
    sim.sched.advance(3.0)
    assert sim.desk.status.state is AgentState.WRAP_UP
    done = sim.desk.current_call
    assert done is not None and done.hung_up_by == "agent" and done.transfer is None
    assert Action.FINISH_WRAP_UP in sim.allowed()
    steps = kinds_since(sim, "transfer_requested")
    assert [k for k, _ in steps] == ["transfer_requested", "transfer_ringing",
                                     "transfer_completed", "hung_up"]
    assert steps[0][1] == {"mode": "blind", "target": LEAD}
    assert steps[-1][1] == {"by": "agent", "reason": "transferred"}
    evs = {e.kind.value: e for e in sim.desk.call_events()}
    assert evs["transfer_completed"].mono_ns - evs["transfer_requested"].mono_ns == 3_000_000_000
    assert evs["transfer_completed"].at.tzinfo is not None  # UTC like every call event
    sim.sched.advance(1.0)  # the switch's own release confirmation changes nothing
    assert sim.desk.status.state is AgentState.WRAP_UP
    assert [k for k, _ in kinds_since(sim, "hung_up")] == ["hung_up"]


def test_blind_transfer_refused_leaves_the_customer_with_the_agent(sim: SimRig) -> None:
    sim.talking()
    sim.desk.transfer(BUSY_DESK)
    sim.sched.advance(4.0)
    assert sim.desk.status.state is AgentState.TALKING
    call = sim.desk.current_call
    assert call is not None and call.transfer is None and call.released_mono_ns is None
    assert {Action.TRANSFER, Action.CONSULT, Action.HANG_UP} <= sim.allowed()
    assert [k for k, _ in kinds_since(sim, "transfer_requested")] == [
        "transfer_requested", "transfer_ringing", "transfer_refused"]
    assert kinds_since(sim, "transfer_refused")[0][1] == {"target": BUSY_DESK, "code": 486}
    assert sim.rec.of("notice")[-1] == ("transfer_refused", {"target": BUSY_DESK, "code": "486"})


def test_consult_holds_the_customer_then_completes(sim: SimRig) -> None:
    sim.talking()
    sim.desk.consult(LEAD)
    assert sim.desk.status.state is AgentState.HELD  # the hold rules apply
    assert sim.allowed() == {Action.HANG_UP, Action.RETRIEVE}  # not yet 完成转接, nor resume
    sim.sched.advance(1.0)
    with pytest.raises(IllegalTransition):
        sim.desk.complete_transfer()  # the lead has not answered yet
    sim.sched.advance(2.0)
    assert sim.allowed() == {Action.HANG_UP, Action.RETRIEVE, Action.COMPLETE_TRANSFER}
    sim.sched.advance(5.0)  # the agent briefs the lead
    sim.desk.complete_transfer()
    assert sim.allowed() == {Action.HANG_UP}
    sim.sched.advance(0.0)
    assert sim.desk.status.state is AgentState.WRAP_UP
    assert [k for k, _ in kinds_since(sim, "held")] == [
        "held", "transfer_requested", "transfer_ringing", "transfer_answered",
        "transfer_completed", "hung_up"]
    sim.desk.finish_wrapup_without_ticket("urge")
    sim.db.flush()
    row = sim.db.read_now(lambda s: s.scalars(select(CallSession)).one())
    assert row.hung_up_by == "agent"
    assert row.hold_s == pytest.approx(8.0)  # the consultation counts as hold time
    assert row.talk_s == pytest.approx(18.0)


def test_consult_retrieve_resumes_the_customer(sim: SimRig) -> None:
    sim.talking()
    sim.desk.consult(LEAD)
    sim.sched.advance(3.0)
    sim.desk.retrieve()
    assert sim.desk.status.state is AgentState.TALKING
    call = sim.desk.current_call
    assert call is not None and call.transfer is None and call.held_since_mono_ns is None
    sim.sched.advance(10.0)  # the lead's late answer timer is gone: nothing more happens
    assert [k for k, _ in kinds_since(sim, "held")] == [
        "held", "transfer_requested", "transfer_ringing", "transfer_answered",
        "transfer_returned", "resumed"]
    sim.desk.hang_up()
    assert sim.desk.current_call is not None and sim.desk.current_call.hung_up_by == "agent"


def test_consult_refused_keeps_the_customer_held_until_taken_back(sim: SimRig) -> None:
    sim.talking()
    sim.desk.consult(BUSY_DESK)
    sim.sched.advance(4.0)
    assert sim.desk.status.state is AgentState.HELD
    call = sim.desk.current_call
    assert call is not None and call.transfer is not None
    assert call.transfer.step is TransferStep.REFUSED and call.transfer.code == 486
    assert sim.allowed() == {Action.HANG_UP, Action.RETRIEVE}
    sim.desk.retrieve()
    assert sim.desk.status.state is AgentState.TALKING
    assert [k for k, _ in kinds_since(sim, "held")][-3:] == [
        "transfer_refused", "transfer_returned", "resumed"]


def test_the_customer_hanging_up_during_a_consult_ends_it(db: Database) -> None:
    sim = SimRig(db, talk_s=15.0)
    sim.talking()  # 2 s ring + 10 s talk: the customer hangs up 5 s into the consult
    sim.desk.consult(LEAD)
    sim.sched.advance(5.0)
    assert sim.desk.status.state is AgentState.WRAP_UP
    call = sim.desk.current_call
    assert call is not None and call.hung_up_by == "customer" and call.transfer is None
    assert Action.FINISH_WRAP_UP in sim.allowed()
    sim.sched.advance(5.0)
    assert [k for k, _ in kinds_since(sim, "held")][-1] == "hung_up"


def test_a_typed_target_is_checked_before_anything_happens(sim: SimRig) -> None:
    sim.talking()
    before = len(sim.desk.call_events())
    for bad in ("", "  ", "值班长", "9001; drop", "sip:"):
        with pytest.raises(TransferTargetInvalid):
            sim.desk.transfer(bad)
        with pytest.raises(TransferTargetInvalid):
            sim.desk.consult(bad)
    assert len(sim.desk.call_events()) == before
    assert sim.desk.status.state is AgentState.TALKING
    sim.desk.transfer(" sip:9001@example.org ")  # a full URI, trimmed, goes through
    assert sim.desk.current_call is not None and sim.desk.current_call.transfer is not None
    assert sim.desk.current_call.transfer.target == "sip:9001@example.org"


def test_an_unlisted_target_answers_after_the_default(sim: SimRig) -> None:
    sim.talking()
    sim.desk.consult(SILENT)
    sim.sched.advance(1.9)
    assert Action.COMPLETE_TRANSFER not in sim.allowed()
    sim.sched.advance(0.1)
    assert Action.COMPLETE_TRANSFER in sim.allowed()
