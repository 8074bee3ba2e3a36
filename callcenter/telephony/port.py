"""The telephony port: what any CTI adapter must offer the desk.

Events flow in through the listener given to ``TelephonyPort.start``; commands
flow out through the port's methods. Events are plain frozen dataclasses.
An adapter calls the listener on the thread that drives its ``Scheduler`` (the
GUI thread in the app), never from a thread of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol


@dataclass(frozen=True)
class CallOffered:
    """A call is ringing at this agent's phone."""

    call_id: str
    caller_number: str


@dataclass(frozen=True)
class CallAbandoned:
    """The caller hung up while it was still ringing."""

    call_id: str


@dataclass(frozen=True)
class CallReleased:
    """The call ended; ``by`` says who hung up first."""

    call_id: str
    by: Literal["agent", "customer"]


TransferStepName = Literal["ringing", "answered", "refused", "completed"]


@dataclass(frozen=True)
class TransferProgress:
    """A step of the transfer asked for ``call_id`` (blind or consult).

    ``ringing``: the target's phone rings; ``answered``: the target took the
    consultation; ``refused``: the target is busy, declined, unreachable, or
    left the consultation (``code`` says which; the customer stays with the
    agent); ``completed``: the customer is through to the target, and the
    agent's leg ends (a ``CallReleased(by="agent")`` may follow, and may be
    ignored).
    """

    call_id: str
    step: TransferStepName
    code: int = 0


TelephonyEvent = CallOffered | CallAbandoned | CallReleased | TransferProgress
Listener = Callable[[TelephonyEvent], None]


class TelephonyPort(Protocol):
    def start(self, listener: Listener) -> None:
        """Begin delivering events to ``listener``."""

    def stop(self) -> None:
        """Stop delivering events and cancel anything scheduled."""

    def set_available(self, available: bool) -> None:
        """The agent is ready (示闲) for the next call, or not."""

    def answer(self, call_id: str) -> None: ...

    def hold(self, call_id: str) -> None: ...

    def resume(self, call_id: str) -> None: ...

    def hang_up(self, call_id: str) -> Literal["agent", "customer"] | None:
        """The agent releases the call; the adapter answers with ``CallReleased``.

        Returns who hung up first as far as the phone knows at this instant:
        ``"customer"`` when the customer's release already reached the phone but
        not yet the desk (two hang-ups crossing), else ``"agent"`` (None: the
        adapter cannot tell, which the desk takes as the agent)."""

    def requeue(self, call_id: str) -> None:
        """Nobody answered: send the ringing call back to the queue."""

    def transfer(self, call_id: str, target: str) -> None:
        """转接: blind transfer of the connected call to ``target`` (a desk or SIP
        user); ``TransferProgress`` reports ringing, then completed or refused."""

    def consult(self, call_id: str, target: str) -> None:
        """咨询转接: hold the customer and call ``target``; ``TransferProgress``
        reports ringing, answered or refused."""

    def complete_consult(self, call_id: str) -> None:
        """完成转接: put the held customer through to the answered target."""

    def cancel_consult(self, call_id: str) -> None:
        """取回: end the consultation (if still up) and resume the customer."""

    def pause_recording(self, call_id: str, paused: bool) -> None:
        """Secure pause: while ``paused`` the call's recording keeps its length but
        holds silence (the customer is giving an ID number); the call goes on."""
