"""Who hung up first when the agent and the customer hang up at nearly the
same time (two BYEs crossing).

The desk asks on the GUI thread; the customer's BYE (or CANCEL) is handled on
the SIP thread, and reaches the desk only later, posted. Both moments go
through one lock, so whichever happened first in time wins and both sides
agree: the desk's HUNG_UP event and the SIP agent's ``Ended.by``.

* The agent's hang-up is claimed the moment the desk asks (before the BYE is
  queued to the SIP thread): a customer BYE the SIP thread handles after that
  crossed the agent's and does not count as first.
* A customer BYE the SIP thread handled before the agent asked is first, even
  though the desk has not seen it yet: the desk's hang-up then records the
  customer, and no BYE of the agent's is sent.
"""

from __future__ import annotations

import threading
from typing import Literal

By = Literal["agent", "customer"]


class HangUpOrder:
    """Thread-safe first-come record of hang-ups per call id."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._agent: set[str] = set()
        self._customer: set[str] = set()

    def agent_hangs_up(self, call_id: str) -> By:
        """Any thread: the agent asks to hang up. ``"customer"`` if the
        customer's release was handled first (then send nothing)."""
        with self._lock:
            if call_id in self._customer:
                return "customer"
            self._agent.add(call_id)
            return "agent"

    def call_ended(self, call_id: str, *, by_agent: bool) -> By:
        """SIP thread: the call ended; ``by_agent`` if this side ended it
        itself (a transfer done, shutting down). Who was first."""
        with self._lock:
            if by_agent or call_id in self._agent:
                self._agent.discard(call_id)
                return "agent"
            self._customer.add(call_id)
            return "customer"

    def first(self, call_id: str) -> By | None:
        """Who is on record as first for a call not yet forgotten (diagnostics)."""
        with self._lock:
            if call_id in self._agent:
                return "agent"
            return "customer" if call_id in self._customer else None

    def forget(self, call_id: str) -> None:
        """The desk has seen the end of the call: nothing can cross it any more."""
        with self._lock:
            self._agent.discard(call_id)
            self._customer.discard(call_id)
