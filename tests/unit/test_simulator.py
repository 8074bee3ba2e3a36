"""The simulator adapter, driven by a FakeClock: no sleeps, no Qt."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from callcenter.domain.clock import NS_PER_S, FakeClock, ManualScheduler
from callcenter.telephony.port import (
    CallAbandoned,
    CallOffered,
    CallReleased,
    TelephonyEvent,
    TelephonyPort,
)
from callcenter.telephony.scenario import (
    RandomConfig,
    Scenario,
    ScenarioCall,
    ScenarioError,
    load_scenario,
)
from callcenter.telephony.simulator import SimulatedTelephony

DEMO = Path(__file__).resolve().parents[2] / "resources" / "scenarios" / "demo.toml"


class Rig:
    """A simulator plus a recorder of (seconds since start, event)."""

    def __init__(
        self,
        *,
        scenario: Scenario | None = None,
        caller_numbers: Sequence[str] = (),
        rng: random.Random | None = None,
        random_config: RandomConfig | None = None,
    ) -> None:
        self.clock = FakeClock()
        self.sched = ManualScheduler(self.clock)
        self.t0 = self.clock.monotonic_ns()
        self.sim = SimulatedTelephony(
            self.sched,
            scenario=scenario,
            caller_numbers=caller_numbers,
            rng=rng,
            random_config=random_config,
        )
        self.log: list[tuple[float, TelephonyEvent]] = []
        self.sim.start(self._record)

    def _record(self, event: TelephonyEvent) -> None:
        self.log.append(((self.clock.monotonic_ns() - self.t0) / NS_PER_S, event))

    @property
    def events(self) -> list[TelephonyEvent]:
        return [e for _, e in self.log]

    def advance(self, seconds: float) -> None:
        self.sched.advance(seconds)


def scenario(*calls: ScenarioCall, loop: bool = False) -> Scenario:
    return Scenario(calls=calls, loop=loop)


def test_is_a_telephony_port() -> None:
    port: TelephonyPort = SimulatedTelephony(ManualScheduler(FakeClock()))
    assert port is not None


def test_call_is_offered_only_once_the_agent_is_available() -> None:
    rig = Rig(scenario=scenario(ScenarioCall(10, "13800138001", None, None)))
    rig.advance(60)
    assert rig.events == []
    assert rig.sim.queued_count == 1

    rig.sim.set_available(True)
    assert rig.events == []  # never synchronous
    rig.advance(0.4)
    assert rig.events == []
    rig.advance(0.1)
    assert rig.log == [(60.5, CallOffered("sim-1", "13800138001"))]
    assert rig.sim.queued_count == 0


def test_arrival_while_available_is_offered_after_the_offer_delay() -> None:
    rig = Rig(scenario=scenario(ScenarioCall(10, "13800138001", None, None)))
    rig.sim.set_available(True)
    rig.advance(20)
    assert rig.log == [(10.5, CallOffered("sim-1", "13800138001"))]


def test_calls_queue_fifo_and_unavailable_agent_gets_no_offer() -> None:
    rig = Rig(
        scenario=scenario(
            ScenarioCall(2, "13800138002", None, 5),
            ScenarioCall(1, "13800138001", None, 5),
        )
    )
    rig.advance(3)
    rig.sim.set_available(True)
    rig.sim.set_available(False)  # cancels the pending offer
    rig.advance(10)
    assert rig.events == []
    rig.sim.set_available(True)
    rig.advance(1)
    # Sorted by at_s: the call at 1 s arrived first.
    assert rig.events == [CallOffered("sim-1", "13800138001")]


def test_abandon_while_ringing_then_next_call_is_offered() -> None:
    rig = Rig(
        scenario=scenario(
            ScenarioCall(0, "13800138002", 8, 60),
            ScenarioCall(1, "13800138003", None, None),
        )
    )
    rig.sim.set_available(True)
    rig.advance(30)
    assert rig.log == [
        (0.5, CallOffered("sim-1", "13800138002")),
        (8.5, CallAbandoned("sim-1")),
        (9.0, CallOffered("sim-2", "13800138003")),
    ]
    rig.sim.answer("sim-1")  # too late: ignored
    rig.advance(100)
    assert len(rig.events) == 3


def test_customer_hangs_up_after_talk_s_and_answer_stops_patience() -> None:
    rig = Rig(scenario=scenario(ScenarioCall(0, "13800138001", 8, 25)))
    rig.sim.set_available(True)
    rig.advance(5)
    rig.sim.answer("sim-1")
    rig.sim.hold("sim-1")  # hold does not move the customer's hang-up
    rig.advance(100)
    assert rig.log == [
        (0.5, CallOffered("sim-1", "13800138001")),
        (30.0, CallReleased("sim-1", by="customer")),
    ]


def test_agent_hang_up_is_released_asynchronously_by_agent() -> None:
    rig = Rig(scenario=scenario(ScenarioCall(0, "13800138005", None, None)))
    rig.sim.set_available(True)
    rig.advance(1)
    rig.sim.answer("sim-1")
    rig.advance(300)  # waits for the agent forever
    rig.sim.hang_up("sim-1")
    assert len(rig.events) == 1  # not inside the command
    rig.advance(0)
    assert rig.events[-1] == CallReleased("sim-1", by="agent")
    rig.sim.hang_up("sim-1")  # already ended: ignored
    rig.advance(10)
    assert len(rig.events) == 2
    assert rig.sched.pending_count == 0


def test_answer_makes_the_agent_busy_until_available_again() -> None:
    rig = Rig(
        scenario=scenario(
            ScenarioCall(0, "13800138001", None, 10),
            ScenarioCall(1, "13800138002", None, None),
        )
    )
    rig.sim.set_available(True)
    rig.advance(1)
    rig.sim.answer("sim-1")
    rig.advance(60)  # the customer hung up at 11.0; wrap-up in progress
    rig.sim.set_available(True)
    rig.advance(1)
    assert rig.log == [
        (0.5, CallOffered("sim-1", "13800138001")),
        (11.0, CallReleased("sim-1", by="customer")),
        (61.5, CallOffered("sim-2", "13800138002")),
    ]


def test_requeue_puts_the_call_back_at_the_front() -> None:
    rig = Rig(
        scenario=scenario(
            ScenarioCall(0, "13800138001", 8, None),
            ScenarioCall(0.1, "13800138002", None, None),
        )
    )
    rig.sim.set_available(True)
    rig.advance(5)
    rig.sim.requeue("sim-1")
    rig.advance(60)  # no re-offer, and patience no longer runs
    assert rig.events == [CallOffered("sim-1", "13800138001")]
    assert rig.sim.queued_count == 2

    rig.sim.set_available(True)
    rig.advance(1)
    assert rig.log[-1] == (65.5, CallOffered("sim-1", "13800138001"))
    rig.advance(8)  # patience restarts with the new ring
    assert rig.log[-2:] == [
        (73.5, CallAbandoned("sim-1")),
        (74.0, CallOffered("sim-2", "13800138002")),
    ]


def test_commands_for_unknown_calls_are_ignored() -> None:
    rig = Rig(scenario=scenario(ScenarioCall(0, "13800138001", None, None)))
    for command in (rig.sim.answer, rig.sim.hold, rig.sim.resume, rig.sim.hang_up):
        command("nope")
    rig.sim.requeue("nope")
    rig.sim.answer("sim-1")  # queued, not ringing
    rig.advance(10)
    assert rig.events == []


def test_stop_cancels_everything() -> None:
    rig = Rig(
        scenario=scenario(
            ScenarioCall(0, "13800138001", 8, 30),
            ScenarioCall(50, "13800138002", None, None),
        )
    )
    rig.sim.set_available(True)
    rig.advance(1)
    rig.sim.answer("sim-1")
    rig.sim.hang_up("sim-1")  # release pending
    rig.sim.stop()
    assert rig.sched.pending_count == 0
    rig.advance(1000)
    assert rig.events == [CallOffered("sim-1", "13800138001")]


def test_looping_scenario_repeats_with_fresh_call_ids() -> None:
    rig = Rig(
        scenario=scenario(
            ScenarioCall(5, "13800138001", 1, None),
            ScenarioCall(20, "13800138002", 1, None),
            loop=True,
        )
    )
    rig.sim.set_available(True)
    rig.advance(50)
    offers = [(t, e) for t, e in rig.log if isinstance(e, CallOffered)]
    assert offers == [
        (5.5, CallOffered("sim-1", "13800138001")),
        (20.5, CallOffered("sim-2", "13800138002")),
        (25.5, CallOffered("sim-3", "13800138001")),
        (40.5, CallOffered("sim-4", "13800138002")),
        (45.5, CallOffered("sim-5", "13800138001")),
    ]


def test_random_mode_poisson_arrivals_and_callers() -> None:
    known = [f"138001380{n:02d}" for n in range(1, 6)]
    config = RandomConfig(
        mean_interarrival_s=20.0, abandon_share=1.0, abandon_patience_s=(1.0, 1.0)
    )
    rig = Rig(caller_numbers=known, rng=random.Random(42), random_config=config)
    rig.sim.set_available(True)
    rig.advance(20_000)

    offers = [(t, e) for t, e in rig.log if isinstance(e, CallOffered)]
    assert len(offers) > 800
    assert all(isinstance(e, CallAbandoned) for _, e in rig.log[1::2])
    gaps = [b[0] - a[0] for a, b in zip(offers, offers[1:], strict=False)]
    assert 17.0 < sum(gaps) / len(gaps) < 23.0

    callers = [e.caller_number for _, e in offers]
    unknown = [c for c in callers if c not in known]
    assert set(callers) & set(known) == set(known)
    assert 0.05 < len(unknown) / len(callers) < 0.15
    assert all(re.fullmatch(r"1[35789]\d{9}", c) for c in unknown)
    ids = [e.call_id for _, e in offers]
    assert len(set(ids)) == len(ids)


def test_random_mode_talk_and_wait_for_agent_shares() -> None:
    config = RandomConfig(mean_interarrival_s=5.0, abandon_share=0.0, talk_s=(20.0, 200.0))
    rig = Rig(rng=random.Random(7), random_config=config)  # no numbers: all unknown
    waited_for_agent = 0
    talks: list[float] = []
    for _ in range(300):
        rig.sim.set_available(True)
        rig.advance(10)  # the queue is never empty at this rate
        offered = rig.events[-1]
        assert isinstance(offered, CallOffered)
        assert re.fullmatch(r"1[35789]\d{9}", offered.caller_number)
        rig.sim.answer(offered.call_id)
        answered_at = (rig.clock.monotonic_ns() - rig.t0) / NS_PER_S
        rig.advance(250)
        if rig.events[-1] == CallReleased(offered.call_id, by="customer"):
            talks.append(rig.log[-1][0] - answered_at)
        else:
            waited_for_agent += 1
            rig.sim.hang_up(offered.call_id)
            rig.advance(0)
    assert 0.2 < waited_for_agent / 300 < 0.4
    assert all(20.0 <= t <= 200.0 for t in talks)


def test_random_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        RandomConfig(mean_interarrival_s=0)
    with pytest.raises(ValueError):
        RandomConfig(abandon_share=1.5)
    with pytest.raises(ValueError):
        RandomConfig(talk_s=(200.0, 20.0))


def test_load_demo_scenario() -> None:
    demo = load_scenario(DEMO)
    assert 6 <= len(demo.calls) <= 12
    callers = {c.caller for c in demo.calls}
    assert {f"138001380{n:02d}" for n in range(1, 9)} <= callers
    assert "13999990000" in callers
    assert any(c.patience_s == 8 for c in demo.calls)
    assert any(c.patience_s is None for c in demo.calls)
    assert any(c.talk_s is None for c in demo.calls)
    assert any(c.talk_s == 170 for c in demo.calls)
    assert demo.duration_s <= 600


def test_demo_scenario_plays_through() -> None:
    rig = Rig(scenario=load_scenario(DEMO))
    rig.sim.set_available(True)
    rig.advance(400)
    assert isinstance(rig.events[0], CallOffered)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("calls = [", "not valid TOML"),
        ("loop = false\n", "at least one [[calls]]"),
        ('[[calls]]\nat_s = 1\ncaller = "13800138001"\n[[calls]]\ncaller = "1"\n', "calls[1]"),
        ('[[calls]]\nat_s = -1\ncaller = "13800138001"\n', "calls[0]: at_s"),
        ("[[calls]]\nat_s = 1\ncaller = 13800138001\n", "calls[0]: caller"),
        ('[[calls]]\nat_s = 1\ncaller = "138"\npatience = 8\n', "calls[0]: unknown key"),
        ('[[calls]]\nat_s = 1\ncaller = "13800138001"\ntalk_s = 0\n', "calls[0]: talk_s"),
        ('[[calls]]\nat_s = true\ncaller = "13800138001"\n', "calls[0]: at_s"),
        ('loop = true\n[[calls]]\nat_s = 0\ncaller = "13800138001"\n', "at_s > 0"),
    ],
)
def test_broken_scenario_names_file_and_call(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(path) in str(info.value)
    assert needle in str(info.value)


def test_missing_scenario_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(ScenarioError, match="absent.toml"):
        load_scenario(path)
