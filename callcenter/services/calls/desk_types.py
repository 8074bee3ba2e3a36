"""Plain values the CallDesk hands to the UI, and the listener it calls."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from callcenter.domain.agent_state import Action, AgentStatus
from callcenter.domain.call_events import ShiftStats
from callcenter.domain.transfer import Transfer
from callcenter.services.customers.screen_pop import ScreenPop
from callcenter.services.scripts.call_lines import ScriptLine
from callcenter.services.storage.database import StoreFailure
from callcenter.services.tickets.entry import SavedTicket


@dataclass(frozen=True)
class CurrentCall:
    id: uuid.UUID  # the local call session id
    telephony_id: str
    caller_number: str
    ring_mono_ns: int
    answered_mono_ns: int | None = None
    released_mono_ns: int | None = None
    held_since_mono_ns: int | None = None
    late_answer: bool = False
    hung_up_by: str | None = None
    transfer: Transfer | None = None  # 转接 / 咨询转接 in progress (services/calls/transfer.py)


@dataclass(frozen=True)
class DeskSnapshot:
    agent_id: str | None
    status: AgentStatus
    state_since_mono_ns: int
    call: CurrentCall | None
    allowed: frozenset[Action]
    saving: bool  # a ticket save is in flight; finishing again is refused


class DeskListener:
    """What the CallDesk tells its UI. Every method is called on the desk's thread.
    Subclass and override what you need; the defaults ignore the call."""

    def desk_changed(self, snap: DeskSnapshot) -> None: ...

    def screen_pop(self, pop: ScreenPop) -> None: ...

    def script_lines(self, lines: list[ScriptLine]) -> None: ...

    def notice(self, code: str, data: dict[str, Any]) -> None: ...

    def ticket_saved(self, saved: SavedTicket) -> None: ...

    def ticket_failed(self, failure: StoreFailure) -> None: ...

    def stats_changed(self, stats: ShiftStats) -> None: ...

    def store_error(self, failure: StoreFailure) -> None: ...


def script_line_data(line: ScriptLine) -> dict[str, Any]:
    """A shown script line as the data of its SCRIPT_SHOWN call event."""
    data: dict[str, Any] = {"key": line.key, "text": line.text}
    if line.script_id:
        data.update(script_id=line.script_id, version=line.version)
    return data
