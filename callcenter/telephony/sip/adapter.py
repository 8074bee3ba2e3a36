"""``SipTelephony``: the telephony port on a real SIP user agent.

Commands from the desk (GUI thread) are queued to the SIP thread and return at
once; what the SIP thread reports comes back through ``post`` (the app passes
a Qt queued call onto the GUI thread) and only there reaches the desk's
listener, so the port keeps its promise: events on the scheduler's thread,
never inside a command, never after ``stop()``.

Besides the port's events it tells ``add_registration_listener`` listeners
whether the phone is registered (话机在线/离线), and keeps per-call timings
(``timings``) for the bench and the tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from callcenter.telephony.port import (
    CallAbandoned,
    CallOffered,
    CallReleased,
    Listener,
    TransferProgress,
)
from callcenter.telephony.sip.account import MediaSettings, SipAccount
from callcenter.telephony.sip.agent import SipAgent
from callcenter.telephony.sip.events import (
    AgentEvent,
    Answered,
    ConsultState,
    Ended,
    Failed,
    Offered,
    Recorded,
    Refused,
    Registration,
    Transferred,
)

Post = Callable[[Callable[[], None]], None]
RegistrationListener = Callable[[Registration], None]


@dataclass
class CallTiming:
    """Monotonic nanoseconds of one call's steps, as each thread saw them."""

    invite_ns: int
    ringing_sent_ns: int
    offered_ns: int | None = None  # the desk's listener returned (ring shown)
    answer_cmd_ns: int | None = None  # the desk asked to answer
    answer_start_ns: int | None = None  # the SIP thread took the command up
    ok_sent_ns: int | None = None  # 200 OK sent
    ended: Ended | None = None
    recorded: Recorded | None = None


class SipTelephony:
    """A ``TelephonyPort`` on ``SipAgent``; see the module docstring."""

    def __init__(self, account: SipAccount, post: Post, *, media: MediaSettings | None = None) -> None:
        self.account = account
        self.media = media or MediaSettings()
        self._post = post
        self._listener: Listener | None = None
        self._agent: SipAgent | None = None
        self._reg_listeners: list[RegistrationListener] = []
        self.registration: Registration | None = None
        self.failures: list[str] = []
        self.refused: list[Refused] = []
        self.transfers: list[Transferred] = []
        self.consults: list[ConsultState] = []
        self._timings: dict[str, CallTiming] = {}
        self._completing: set[str] = set()  # 完成转接 asked: the consult leg's end is expected
        self._generation = 0  # events of an earlier start() are dropped

    # ----- TelephonyPort ---------------------------------------------------
    def start(self, listener: Listener) -> None:
        if self._listener is not None:
            raise RuntimeError("SipTelephony is already started")
        self._listener = listener
        self._generation += 1
        generation = self._generation
        agent = SipAgent(self.account, self.media,
                         lambda ev: self._post(lambda: self._deliver(generation, ev)))
        self._agent = agent
        agent.start()

    def stop(self) -> None:
        self._listener = None
        self._generation += 1
        agent, self._agent = self._agent, None
        if agent is not None:
            agent.stop()

    def set_available(self, available: bool) -> None:
        agent = self._agent
        if agent is not None:
            # at once, not queued: an INVITE the SIP thread takes up before the
            # queue would otherwise see the old state and answer 486
            agent.set_available(available)

    def answer(self, call_id: str) -> None:
        timing = self._timings.get(call_id)
        if timing is not None:
            timing.answer_cmd_ns = time.monotonic_ns()
        self._command(call_id, "answer")

    def hold(self, call_id: str) -> None:
        self._command(call_id, "hold")

    def resume(self, call_id: str) -> None:
        self._command(call_id, "resume")

    def hang_up(self, call_id: str) -> Literal["agent", "customer"] | None:
        agent = self._agent
        if agent is None:
            return None
        by = agent.hangups.agent_hangs_up(call_id)
        if by == "agent":  # else the customer's BYE came first: nothing to send
            self._command(call_id, "hang_up")
        return by

    def requeue(self, call_id: str) -> None:
        self._command(call_id, "decline")

    def transfer(self, call_id: str, target: str) -> None:
        """Blind transfer (REFER) of a connected call to ``target`` (another desk or
        the shift lead). ``transfers`` gets the outcome and the listener a
        ``TransferProgress``; on success the call is released as hung up by the agent."""
        agent = self._agent
        if agent is not None:
            agent.submit(lambda: agent.transfer(call_id, target))

    def consult(self, call_id: str, target: str) -> None:
        """Consult transfer: hold the customer and call ``target``; then
        ``complete_consult`` (put through) or ``cancel_consult`` (take back).
        ``consults`` gets the consultation call's states."""
        agent = self._agent
        if agent is not None:
            agent.submit(lambda: agent.consult(call_id, target))

    def complete_consult(self, call_id: str) -> None:
        self._completing.add(call_id)
        self._command(call_id, "complete_consult")

    def cancel_consult(self, call_id: str) -> None:
        self._completing.discard(call_id)
        self._command(call_id, "cancel_consult")

    def pause_recording(self, call_id: str, paused: bool) -> None:
        """Secure pause: the recorder hears silence until resumed (the SIP thread)."""
        agent = self._agent
        if agent is not None:
            agent.submit(lambda: agent.pause_recording(call_id, paused))

    # ----- beyond the port -------------------------------------------------

    def add_registration_listener(self, listener: RegistrationListener) -> None:
        """Called on the GUI thread whenever the registration state is reported."""
        self._reg_listeners.append(listener)

    @property
    def online(self) -> bool:
        return self.registration is not None and self.registration.online

    @property
    def sip_port(self) -> int:
        """The desk's local SIP port (0 until the agent has started)."""
        return self._agent.sip_port if self._agent is not None else 0

    def timings(self) -> dict[str, CallTiming]:
        return dict(self._timings)

    def recording(self, call_id: str) -> Path | None:
        timing = self._timings.get(call_id)
        return timing.ended.recording if timing is not None and timing.ended else None

    def recorded(self, call_id: str) -> Recorded | None:
        """The call's closed recording, once it is closed."""
        timing = self._timings.get(call_id)
        return timing.recorded if timing is not None else None

    # ----- plumbing ----------------------------------------------------------
    def _transfer_progress(self, ev: Transferred) -> None:
        assert self._listener is not None
        if not ev.final:
            self._listener(TransferProgress(ev.call_id, "ringing", ev.code))
        elif ev.code // 100 == 2:
            self._listener(TransferProgress(ev.call_id, "completed", ev.code))
        else:  # the target refused the customer, who stays with the desk
            self._completing.discard(ev.call_id)
            self._listener(TransferProgress(ev.call_id, "refused", ev.code))

    def _ended(self, call_id: str) -> bool:
        timing = self._timings.get(call_id)
        return timing is not None and timing.ended is not None

    def _consult_progress(self, ev: ConsultState) -> None:
        assert self._listener is not None
        if ev.state == "EARLY":
            self._listener(TransferProgress(ev.call_id, "ringing", ev.code))
        elif ev.state == "CONFIRMED":
            self._listener(TransferProgress(ev.call_id, "answered", ev.code))
        elif ev.state == "DISCONNECTED" and ev.call_id not in self._completing \
                and not self._ended(ev.call_id):
            # refused, unreachable, or the target left: the customer waits on hold
            self._listener(TransferProgress(ev.call_id, "refused", ev.code))

    def _command(self, call_id: str, name: str) -> None:
        agent = self._agent
        if agent is not None:
            method = getattr(agent, name)
            agent.submit(lambda: method(call_id))

    def _deliver(self, generation: int, ev: AgentEvent) -> None:
        """On the GUI thread: turn a SIP event into the port's event."""
        if generation != self._generation or self._listener is None:
            return
        if isinstance(ev, Registration):
            self.registration = ev
            for fn in list(self._reg_listeners):
                fn(ev)
        elif isinstance(ev, Offered):
            new = CallTiming(ev.invite_ns, ev.ringing_ns)
            self._timings[ev.call_id] = new
            self._listener(CallOffered(ev.call_id, ev.caller))
            new.offered_ns = time.monotonic_ns()
        elif isinstance(ev, Answered):
            timing = self._timings.get(ev.call_id)
            if timing is not None:
                timing.answer_start_ns, timing.ok_sent_ns = ev.start_ns, ev.ok_ns
        elif isinstance(ev, Ended):
            timing = self._timings.get(ev.call_id)
            if timing is not None:
                timing.ended = ev
            if ev.phase == "ringing":
                if ev.by == "customer":
                    self._listener(CallAbandoned(ev.call_id))
                elif ev.code == 603:  # the agent rejected it: confirm like the simulator
                    self._listener(CallReleased(ev.call_id, by="agent"))
            else:
                self._listener(CallReleased(ev.call_id, by=ev.by))
            self._completing.discard(ev.call_id)
            agent = self._agent
            if agent is not None:
                agent.hangups.forget(ev.call_id)
        elif isinstance(ev, Recorded):
            timing = self._timings.get(ev.call_id)
            if timing is not None:
                timing.recorded = ev
        elif isinstance(ev, Transferred):
            if ev.final:
                self.transfers.append(ev)
            self._transfer_progress(ev)
        elif isinstance(ev, ConsultState):
            self.consults.append(ev)
            self._consult_progress(ev)
        elif isinstance(ev, Refused):
            self.refused.append(ev)
        elif isinstance(ev, Failed):
            self.failures.append(ev.message)
            if ev.fatal:  # the phone never started: it is offline, and says why
                self.registration = Registration(False, 0, ev.message)
                for fn in list(self._reg_listeners):
                    fn(self.registration)
