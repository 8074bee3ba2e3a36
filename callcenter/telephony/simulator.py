"""The built-in CTI: fake callers so the desk can be demoed and tested offline.

It behaves like a single-line agent phone behind an ACD queue:

* Calls arrive (from a ``Scenario`` or as random Poisson traffic) and wait in a
  FIFO queue. Waiting callers never give up while queued; patience only counts
  while this agent's phone rings, and restarts with every ring attempt.
* While the agent is available and has no ringing or connected call, the head
  of the queue is offered after ``offer_delay_s`` (``CallOffered``).
* A ringing caller whose patience runs out hangs up (``CallAbandoned``); the
  agent stays available, so the next call may be offered.
* ``requeue`` puts the ringing call back at the front and makes the agent
  unavailable, as an ACD does after a ring-no-answer.
* ``answer`` also makes the agent unavailable (busy), so nothing is offered
  during wrap-up: the desk calls ``set_available(True)`` when it is ready.
* After the answer, a caller with a talk duration hangs up by itself
  (``CallReleased(by="customer")``). Hold does not pause that timer: a real
  customer can hang up while on hold too.
* ``hang_up`` releases the call; the event comes back asynchronously like a
  real CTI's confirmation. Hanging up a ringing call rejects (drops) it.
* ``transfer`` / ``consult`` ring the target (``TransferProgress`` ringing at
  once), which answers or refuses after its scenario's ``answer_s`` (see
  ``ScenarioTarget``). A blind transfer then completes: ``completed`` and the
  call is released by the agent. A consult holds the customer until
  ``complete_consult`` (completed, released) or ``cancel_consult`` (resumed).
  The customer's talk timer keeps running meanwhile: they may hang up on hold.

Every event is delivered from a scheduler callback, never inside a command
call, and nothing is delivered after ``stop()``. Commands naming an unknown or
ended call are ignored: a real CTI races with the caller and the desk must
cope, so the simulator must not be stricter than the real thing.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from callcenter.domain.clock import Cancellable, Scheduler
from callcenter.telephony.port import (
    CallAbandoned,
    CallOffered,
    CallReleased,
    Listener,
    TelephonyEvent,
    TransferProgress,
    TransferStepName,
)
from callcenter.telephony.scenario import (
    RandomConfig,
    Scenario,
    ScenarioCall,
    ScenarioTarget,
)

# Second digits of common mainland mobile prefixes: 13x, 15x, 17x, 18x, 19x.
_MOBILE_SECOND_DIGITS = "35789"


class _Phase(Enum):
    QUEUED = "queued"
    RINGING = "ringing"
    CONNECTED = "connected"
    ENDED = "ended"


@dataclass
class _SimTransfer:
    consult: bool
    target: ScenarioTarget
    answered: bool = False
    timer: int | None = None  # token of the target's answer/refuse timer


@dataclass
class _SimCall:
    call_id: str
    caller: str
    patience_s: float | None
    talk_s: float | None
    phase: _Phase = _Phase.QUEUED
    held: bool = False
    timer: int | None = None  # token of the patience or talk timer
    transfer: _SimTransfer | None = None


class SimulatedTelephony:
    """A ``TelephonyPort`` driven by a ``Scheduler``; see the module docstring.

    With ``scenario`` the scripted calls are played and ``caller_numbers``,
    ``random_config`` are ignored; without it random traffic is generated.
    """

    def __init__(
        self,
        scheduler: Scheduler,
        *,
        scenario: Scenario | None = None,
        caller_numbers: Sequence[str] = (),
        rng: random.Random | None = None,
        random_config: RandomConfig | None = None,
        offer_delay_s: float = 0.5,
    ) -> None:
        if offer_delay_s < 0:
            raise ValueError("offer_delay_s must be >= 0")
        self._scheduler = scheduler
        self._scenario_calls = (
            sorted(scenario.calls, key=lambda c: c.at_s) if scenario is not None else None
        )
        self._loop = scenario.loop if scenario is not None else False
        self._scenario = scenario if scenario is not None else Scenario(calls=())
        self._caller_numbers = tuple(caller_numbers)
        self._rng = rng if rng is not None else random.Random()
        self._config = random_config if random_config is not None else RandomConfig()
        self._offer_delay_s = offer_delay_s

        self._listener: Listener | None = None
        self._timers: dict[int, Cancellable] = {}
        self._next_token = 0
        self._next_call_no = 0
        self._reset()

    def _reset(self) -> None:
        self._queue: deque[_SimCall] = deque()
        self._calls: dict[str, _SimCall] = {}  # every call not yet ended
        self._available = False
        self._ringing: _SimCall | None = None
        self._connected: _SimCall | None = None
        self._offer_timer: int | None = None

    # -- TelephonyPort -----------------------------------------------------

    def start(self, listener: Listener) -> None:
        if self._listener is not None:
            raise RuntimeError("SimulatedTelephony is already started")
        self._listener = listener
        self._reset()
        if self._scenario_calls is None:
            self._schedule_random_arrival()
        elif self._scenario_calls:
            self._schedule_scenario_arrival(0, self._scenario_calls[0].at_s)

    def stop(self) -> None:
        self._listener = None
        for handle in self._timers.values():
            handle.cancel()
        self._timers.clear()
        self._reset()

    def set_available(self, available: bool) -> None:
        if self._listener is None:
            return
        self._available = available
        if not available:
            self._cancel(self._offer_timer)
            self._offer_timer = None
        self._maybe_offer()

    def answer(self, call_id: str) -> None:
        call = self._live(call_id, _Phase.RINGING)
        if call is None:
            return
        self._cancel(call.timer)
        call.timer = None
        call.phase = _Phase.CONNECTED
        self._ringing = None
        self._connected = call
        self._available = False
        if call.talk_s is not None:
            call.timer = self._later(call.talk_s, lambda: self._customer_hangs_up(call))

    def hold(self, call_id: str) -> None:
        call = self._live(call_id, _Phase.CONNECTED)
        if call is not None:
            call.held = True

    def resume(self, call_id: str) -> None:
        call = self._live(call_id, _Phase.CONNECTED)
        if call is not None:
            call.held = False

    def hang_up(self, call_id: str) -> Literal["agent", "customer"]:
        call = self._live(call_id, _Phase.RINGING, _Phase.CONNECTED)
        if call is None:
            return "agent"  # its events run on the desk's thread: nothing can cross
        self._end(call)
        event = CallReleased(call_id, by="agent")
        self._later(0, lambda: self._emit(event))
        self._maybe_offer()
        return "agent"

    def requeue(self, call_id: str) -> None:
        call = self._live(call_id, _Phase.RINGING)
        if call is None:
            return
        self._cancel(call.timer)
        call.timer = None
        call.phase = _Phase.QUEUED
        self._ringing = None
        self._queue.appendleft(call)
        self._available = False

    def transfer(self, call_id: str, target: str) -> None:
        self._start_transfer(call_id, target, consult=False)

    def consult(self, call_id: str, target: str) -> None:
        self._start_transfer(call_id, target, consult=True)

    def complete_consult(self, call_id: str) -> None:
        call = self._live(call_id, _Phase.CONNECTED)
        tr = call.transfer if call is not None else None
        if call is None or tr is None or not tr.consult or not tr.answered:
            return
        self._later(0, lambda: self._complete_transfer(call))

    def cancel_consult(self, call_id: str) -> None:
        call = self._live(call_id, _Phase.CONNECTED)
        if call is None:
            return
        tr, call.transfer = call.transfer, None
        if tr is not None:
            self._cancel(tr.timer)
        call.held = False

    def pause_recording(self, call_id: str, paused: bool) -> None:
        """Nothing to do: the simulator's recording is made afterwards from the call's
        events, silent between SECURE_PAUSED and SECURE_RESUMED (services/replay)."""

    # -- Diagnostics -------------------------------------------------------

    @property
    def queued_count(self) -> int:
        """Calls waiting in the queue (not ringing, not connected)."""
        return len(self._queue)

    # -- Arrivals ----------------------------------------------------------

    def _schedule_scenario_arrival(self, index: int, delay_s: float) -> None:
        self._later(delay_s, lambda: self._scenario_arrival(index))

    def _scenario_arrival(self, index: int) -> None:
        calls = self._scenario_calls
        assert calls is not None
        call = calls[index]
        self._arrive(call.caller, call.patience_s, call.talk_s)
        if index + 1 < len(calls):
            self._schedule_scenario_arrival(index + 1, calls[index + 1].at_s - call.at_s)
        elif self._loop:
            # The next round's time zero is this (last) arrival; see Scenario.
            self._schedule_scenario_arrival(0, calls[0].at_s)

    def _schedule_random_arrival(self) -> None:
        delay = self._rng.expovariate(1.0 / self._config.mean_interarrival_s)
        self._later(delay, self._random_arrival)

    def _random_arrival(self) -> None:
        call = self._random_call()
        self._arrive(call.caller, call.patience_s, call.talk_s)
        self._schedule_random_arrival()

    def _random_call(self) -> ScenarioCall:
        cfg, rng = self._config, self._rng
        if not self._caller_numbers or rng.random() < cfg.unknown_caller_share:
            caller = "1" + rng.choice(_MOBILE_SECOND_DIGITS) + f"{rng.randrange(10**9):09d}"
        else:
            caller = rng.choice(self._caller_numbers)
        patience = None
        if rng.random() < cfg.abandon_share:
            patience = rng.uniform(*cfg.abandon_patience_s)
        talk = None if rng.random() < cfg.wait_for_agent_share else rng.uniform(*cfg.talk_s)
        return ScenarioCall(0.0, caller, patience, talk)

    def _arrive(self, caller: str, patience_s: float | None, talk_s: float | None) -> None:
        self._next_call_no += 1
        call = _SimCall(f"sim-{self._next_call_no}", caller, patience_s, talk_s)
        self._calls[call.call_id] = call
        self._queue.append(call)
        self._maybe_offer()

    # -- Offering and the caller's side ------------------------------------

    def _can_offer(self) -> bool:
        return (
            self._available
            and self._ringing is None
            and self._connected is None
            and bool(self._queue)
        )

    def _maybe_offer(self) -> None:
        if self._offer_timer is None and self._can_offer():
            self._offer_timer = self._later(self._offer_delay_s, self._offer)

    def _offer(self) -> None:
        self._offer_timer = None
        if not self._can_offer():
            return
        call = self._queue.popleft()
        call.phase = _Phase.RINGING
        self._ringing = call
        if call.patience_s is not None:
            call.timer = self._later(call.patience_s, lambda: self._caller_abandons(call))
        self._emit(CallOffered(call.call_id, call.caller))

    def _caller_abandons(self, call: _SimCall) -> None:
        call.timer = None
        self._end(call)
        self._emit(CallAbandoned(call.call_id))
        self._maybe_offer()

    def _customer_hangs_up(self, call: _SimCall) -> None:
        call.timer = None
        self._end(call)
        self._emit(CallReleased(call.call_id, by="customer"))
        self._maybe_offer()

    # -- Transfer ----------------------------------------------------------

    def _start_transfer(self, call_id: str, target: str, *, consult: bool) -> None:
        call = self._live(call_id, _Phase.CONNECTED)
        if call is None or call.transfer is not None:
            return
        tr = _SimTransfer(consult, self._scenario.target(target))
        call.transfer = tr
        if consult:
            call.held = True
        self._later(0, lambda: self._target_rings(call, tr))
        tr.timer = self._later(tr.target.answer_s, lambda: self._target_decides(call, tr))

    def _target_decides(self, call: _SimCall, tr: _SimTransfer) -> None:
        tr.timer = None
        if call.transfer is not tr:
            return
        code = tr.target.refuse_code
        if code is not None:
            call.transfer = None  # a consult keeps the customer held until 取回
            self._transfer_step(call, "refused", code)
        elif tr.consult:
            tr.answered = True
            self._transfer_step(call, "answered", 200)
        else:
            self._complete_transfer(call)

    def _complete_transfer(self, call: _SimCall) -> None:
        if call.phase is not _Phase.CONNECTED or call.transfer is None:
            return
        self._transfer_step(call, "completed", 200)
        self._end(call)
        self._emit(CallReleased(call.call_id, by="agent"))
        self._maybe_offer()

    def _target_rings(self, call: _SimCall, tr: _SimTransfer) -> None:
        if call.transfer is tr:
            self._transfer_step(call, "ringing", 180)

    def _transfer_step(self, call: _SimCall, step: TransferStepName, code: int) -> None:
        if call.phase is _Phase.CONNECTED:
            self._emit(TransferProgress(call.call_id, step, code))

    # -- Plumbing ----------------------------------------------------------

    def _live(self, call_id: str, *phases: _Phase) -> _SimCall | None:
        call = self._calls.get(call_id)
        return call if call is not None and call.phase in phases else None

    def _end(self, call: _SimCall) -> None:
        self._cancel(call.timer)
        call.timer = None
        if call.transfer is not None:
            self._cancel(call.transfer.timer)
            call.transfer = None
        call.phase = _Phase.ENDED
        self._calls.pop(call.call_id, None)
        if self._ringing is call:
            self._ringing = None
        if self._connected is call:
            self._connected = None

    def _emit(self, event: TelephonyEvent) -> None:
        if self._listener is not None:
            self._listener(event)

    def _later(self, delay_s: float, fn: Callable[[], None]) -> int:
        """Schedule ``fn``; the token lets ``stop()`` cancel it and drops it once run."""
        self._next_token += 1
        token = self._next_token

        def run() -> None:
            if self._timers.pop(token, None) is not None and self._listener is not None:
                fn()

        self._timers[token] = self._scheduler.call_later(delay_s, run)
        return token

    def _cancel(self, token: int | None) -> None:
        if token is not None:
            handle = self._timers.pop(token, None)
            if handle is not None:
                handle.cancel()
