"""Writes the call desk's life to the diagnostic log: sign-in and sign-out, every
agent/telephony state change, call start and end, tickets saved, store failures.

Ids only: the agent's ID, the call's and the ticket's UUIDs; never the caller's
number, a name, an account or what was typed.
"""

from __future__ import annotations

import logging
from typing import Any

from callcenter.services.calls.desk_types import DeskListener, DeskSnapshot
from callcenter.services.storage.database import StoreFailure
from callcenter.services.tickets.entry import SavedTicket

log = logging.getLogger("callcenter.desk")


def failure_text(failure: StoreFailure) -> str:
    """The failure without the SQL parameters a database error may quote."""
    return f"{failure.kind.value}: {failure.detail.split('[parameters:')[0].strip()}"


class DeskLog(DeskListener):
    def __init__(self, initial: DeskSnapshot | None = None) -> None:
        self._agent: str | None = initial.agent_id if initial else None
        self._state: str | None = initial.status.state.value if initial else None
        self._call: Any = None
        self._released: Any = None

    def desk_changed(self, snap: DeskSnapshot) -> None:
        if snap.agent_id != self._agent:
            if self._agent is not None:
                log.info("agent %s signed out", self._agent)
            if snap.agent_id is not None:
                log.info("agent %s signed in", snap.agent_id)
            self._agent = snap.agent_id
        state = snap.status.state.value
        if state != self._state:
            reason = snap.status.busy_reason
            log.info("state %s -> %s%s", self._state, state, f" ({reason})" if reason else "")
            self._state = state
        call = snap.call
        call_id = call.id if call is not None else None
        if call_id != self._call:
            if self._call is not None:
                log.info("call %s ended", self._call)
            if call is not None:
                log.info("call %s offered (telephony id %s)", call.id, call.telephony_id)
            self._call = call_id
        if call is not None and call.hung_up_by and self._released != call.id:
            self._released = call.id
            log.info("call %s released by %s", call.id, call.hung_up_by)

    def notice(self, code: str, data: dict[str, Any]) -> None:
        log.info("notice %s", code)

    def ticket_saved(self, saved: SavedTicket) -> None:
        log.info("ticket %s saved (%s)%s", saved.id, saved.status,
                 " back-filled" if saved.backfilled else "")

    def ticket_failed(self, failure: StoreFailure) -> None:
        log.error("ticket save failed: %s", failure_text(failure))

    def store_error(self, failure: StoreFailure) -> None:
        log.error("call record write failed: %s", failure_text(failure))
