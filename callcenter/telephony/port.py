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


TelephonyEvent = CallOffered | CallAbandoned | CallReleased
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

    def hang_up(self, call_id: str) -> None:
        """The agent releases the call; the adapter answers with ``CallReleased(by="agent")``."""

    def requeue(self, call_id: str) -> None:
        """Nobody answered: send the ringing call back to the queue."""
