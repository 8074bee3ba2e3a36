"""Live desk states as the lead's board shows them.

A desk publishes its state and since when (central keeps ``heard_at``, central's
clock, refreshed by a heartbeat while nothing changes). The board computes
time in state and staleness from those timestamps and a "now" it is given:
central's time at the last pull plus the monotonic time elapsed since, so a
desk's or the lead's wrong wall clock never makes a desk look stale or fresh.
A desk not heard from for longer than ``stale_after_s`` shows as UNKNOWN,
never as its last state forever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

UNKNOWN = "unknown"
STATES = ("signed_out", "busy", "ready", "ringing", "talking", "held", "wrap_up")
HEARTBEAT_S = 20.0  # a desk re-publishes its unchanged state this often
STALE_AFTER_S = 60.0  # default: a desk silent longer than this is unknown (3 heartbeats)


@dataclass(frozen=True)
class DeskState:
    desk: str
    team: str | None
    agent_id: str | None
    state: str
    reason: str | None
    since: datetime  # UTC, when the state began (the desk's record)
    heard_at: datetime  # UTC, central's clock at the desk's last publish

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> DeskState:
        return cls(desk=str(row["desk"]), team=row.get("team"), agent_id=row.get("agent_id"),
                   state=str(row["state"]), reason=row.get("reason"),
                   since=_utc(row["since"]), heard_at=_utc(row["heard_at"]))


def _utc(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@dataclass(frozen=True)
class ShownState:
    desk: str
    agent_id: str | None
    state: str  # one of STATES or UNKNOWN
    reason: str | None
    in_state_s: float | None  # None when unknown
    silent_s: float


def shown(ds: DeskState, now: datetime, stale_after_s: float = STALE_AFTER_S) -> ShownState:
    """What the board shows for one desk at ``now`` (central's clock)."""
    silent = max(0.0, (now - ds.heard_at).total_seconds())
    if silent > stale_after_s:
        return ShownState(ds.desk, ds.agent_id, UNKNOWN, None, None, silent)
    return ShownState(ds.desk, ds.agent_id, ds.state, ds.reason,
                      max(0.0, (now - ds.since).total_seconds()), silent)


def wrap_up_overruns(states: list[ShownState], limit_s: float) -> list[ShownState]:
    """Desks in 话后 for longer than ``limit_s`` (a lead alert)."""
    return [s for s in states if s.state == "wrap_up" and (s.in_state_s or 0.0) > limit_s]
