"""Transfer rules (domain/transfer.py), the profile's [[transfer_targets]],
the scenario's [[targets]] and the simulator's side of a transfer (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from callcenter.domain.agent_state import Action, AgentState, agent_actions
from callcenter.domain.clock import FakeClock, ManualScheduler
from callcenter.domain.site_profile import ProfileError, profile_from_mapping
from callcenter.domain.transfer import (
    Transfer,
    TransferMode,
    TransferStep,
    TransferTargetInvalid,
    checked_target,
    transfer_actions,
)
from callcenter.telephony.port import CallOffered, CallReleased, TelephonyEvent, TransferProgress
from callcenter.telephony.scenario import (
    Scenario,
    ScenarioCall,
    ScenarioError,
    ScenarioTarget,
    load_scenario,
)
from callcenter.telephony.simulator import SimulatedTelephony

from .test_site_profile import minimal

A = Action


def test_consult_steps_narrow_what_the_agent_may_do() -> None:
    held = agent_actions(AgentState.HELD)
    consult = Transfer(TransferMode.CONSULT, "9001")
    assert transfer_actions(held, None) == {A.RESUME, A.HANG_UP}
    assert transfer_actions(held, consult) == {A.RETRIEVE, A.HANG_UP}
    answered = Transfer(TransferMode.CONSULT, "9001", TransferStep.ANSWERED)
    assert transfer_actions(held, answered) == {A.RETRIEVE, A.HANG_UP, A.COMPLETE_TRANSFER}
    completing = Transfer(TransferMode.CONSULT, "9001", TransferStep.COMPLETING)
    assert transfer_actions(held, completing) == {A.HANG_UP}
    talking = agent_actions(AgentState.TALKING)
    assert transfer_actions(talking, None) == {A.HOLD, A.HANG_UP, A.TRANSFER, A.CONSULT}
    assert transfer_actions(talking, Transfer(TransferMode.BLIND, "9001")) == {A.HANG_UP}


@pytest.mark.parametrize("text", ["9001", " desk2 ", "sip:9001@pbx.example.local",
                                  "lead.one@10.0.0.1:5061"])
def test_targets_that_are_desks_or_sip_users(text: str) -> None:
    assert checked_target(text) == text.strip()


@pytest.mark.parametrize("text", ["", "值班长", "90 01", "9001;x", "<sip:9001>", "a" * 65])
def test_targets_that_are_not(text: str) -> None:
    with pytest.raises(TransferTargetInvalid):
        checked_target(text)


def test_profile_transfer_targets() -> None:
    data = minimal()
    data["transfer_targets"] = [{"label": "值班长", "label_en": "Shift lead", "target": "9001"},
                                {"label": "坐席 1002", "target": "1002"}]
    p = profile_from_mapping(data)
    assert [(t.name("zh"), t.name("en"), t.target) for t in p.transfer_targets] == [
        ("值班长", "Shift lead", "9001"), ("坐席 1002", "坐席 1002", "1002")]
    assert profile_from_mapping(minimal()).transfer_targets == ()
    for bad, message in ((
            [{"label": "x"}], "needs label and target"),
            ([{"label": "x", "target": "9 001"}], "no desk or SIP user"),
            ([{"label": "a", "target": "9001"}, {"label": "b", "target": "9001"}], "duplicate")):
        data["transfer_targets"] = bad
        with pytest.raises(ProfileError, match=message):
            profile_from_mapping(data)


def test_scenario_targets_load_and_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[[calls]]\nat_s = 1\ncaller = "13800138001"\n'
                    '[[targets]]\ntarget = "9001"\nanswer_s = 3\n'
                    '[[targets]]\ntarget = "1002"\nrefuse_code = 486\n', encoding="utf-8")
    s = load_scenario(path)
    assert s.targets == (ScenarioTarget("9001", 3.0), ScenarioTarget("1002", 2.0, 486))
    assert s.target("7777") == ScenarioTarget("7777", 2.0)  # not listed: answers after 2 s
    for bad, message in (('target = "9001"\nrefuse_code = 200', "4xx-6xx"),
                         ('target = "9001"\nanswer = 3', "unknown key"),
                         ("target = 9001", "quoted string")):
        path.write_text('[[calls]]\nat_s = 1\ncaller = "13800138001"\n[[targets]]\n' + bad,
                        encoding="utf-8")
        with pytest.raises(ScenarioError, match=message):
            load_scenario(path)


def _connected_sim(targets: tuple[ScenarioTarget, ...]) -> tuple[
        SimulatedTelephony, ManualScheduler, list[TelephonyEvent]]:
    sched = ManualScheduler(FakeClock())
    sim = SimulatedTelephony(sched, scenario=Scenario((ScenarioCall(0.0, "13800138001"),),
                                                      targets=targets), offer_delay_s=0.0)
    events: list[TelephonyEvent] = []
    sim.start(events.append)
    sim.set_available(True)
    sched.advance(0.0)
    assert isinstance(events[-1], CallOffered)
    sim.answer("sim-1")
    return sim, sched, events


def test_the_simulator_reports_only_from_its_scheduler_and_nothing_after_stop() -> None:
    sim, sched, events = _connected_sim((ScenarioTarget("9001", 3.0),))
    sim.transfer("sim-1", "9001")
    assert len(events) == 1  # nothing inside the command
    sched.advance(0.0)
    assert events[-1] == TransferProgress("sim-1", "ringing", 180)
    sched.advance(3.0)
    assert events[-2:] == [TransferProgress("sim-1", "completed", 200),
                           CallReleased("sim-1", by="agent")]
    sim2, sched2, events2 = _connected_sim((ScenarioTarget("9001", 3.0),))
    sim2.consult("sim-1", "9001")
    sim2.stop()
    sched2.advance(10.0)
    assert len(events2) == 1


def test_the_simulator_consult_answers_then_completes_or_is_taken_back() -> None:
    sim, sched, events = _connected_sim((ScenarioTarget("9001", 1.0),))
    sim.consult("sim-1", "9001")
    sim.complete_consult("sim-1")  # too early: not answered yet, ignored
    sched.advance(1.0)
    assert events[-1] == TransferProgress("sim-1", "answered", 200)
    sim.cancel_consult("sim-1")
    sched.advance(5.0)
    assert events[-1] == TransferProgress("sim-1", "answered", 200)  # nothing more
    assert sim.hang_up("sim-1") == "agent"
    sched.advance(0.0)
    assert events[-1] == CallReleased("sim-1", by="agent")
