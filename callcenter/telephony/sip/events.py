"""What the SIP thread reports: plain frozen values, handed to the adapter's sink
(on the SIP thread) and from there posted to the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Registration:
    online: bool
    code: int
    reason: str


@dataclass(frozen=True)
class Offered:
    call_id: str
    caller: str
    invite_ns: int  # monotonic: the INVITE reached the desk's account
    ringing_ns: int  # monotonic: 180 Ringing was sent


@dataclass(frozen=True)
class Refused:
    call_id: str
    code: int  # 486 busy / not available


@dataclass(frozen=True)
class Answered:
    call_id: str
    start_ns: int  # monotonic: the SIP thread took up the answer command
    ok_ns: int  # monotonic: 200 OK sent


@dataclass(frozen=True)
class Ended:
    call_id: str
    phase: Literal["ringing", "connected"]
    by: Literal["agent", "customer"]
    code: int
    recording: Path | None  # finished later: see ``Recorded``
    talk_s: float  # 200 OK to disconnect, by the monotonic clock


@dataclass(frozen=True)
class Recorded:
    """The call's WAV is closed (pjmedia closes it on its media thread, a few
    milliseconds after the call ends); ``seconds`` is read from its header."""

    call_id: str
    path: Path
    seconds: float
    complete: bool  # False: the header was not finalised in time


@dataclass(frozen=True)
class Transferred:
    """A transfer (REFER) got a report: with ``final`` ``code`` 200 means the
    target answered the customer and the desk's leg is being hung up; a
    provisional one (``final`` False, 180/183) says the target's phone rings."""

    call_id: str
    target: str
    code: int
    final: bool = True


@dataclass(frozen=True)
class ConsultState:
    """The desk's consultation call (to the lead or another desk) for
    ``call_id`` changed state: CALLING, EARLY, CONFIRMED or DISCONNECTED."""

    call_id: str
    target: str
    state: str
    code: int


@dataclass(frozen=True)
class Failed:
    message: str
    fatal: bool = False  # the agent could not start at all


AgentEvent = (Registration | Offered | Refused | Answered | Ended | Recorded | Transferred
              | ConsultState | Failed)
Sink = Callable[[AgentEvent], None]
