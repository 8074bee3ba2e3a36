"""Desk state publishing (every desk) over the desk's normal sync connection.

``DeskStatePublisher`` listens to the CallDesk; a change of agent state (or of
the busy reason, or of the signed-in agent) wakes the sync worker, which on its
own thread calls ``tick(client)``: one ``sync.publish_state`` upsert, an
autocommit statement with no session state (a transaction pooler is fine).
While nothing changes it re-publishes every ``heartbeat_s`` so central knows the
desk is alive; a board shows a desk it has not heard from for its stated time as
unknown (domain/board/states.py). Offline, nothing is queued: the next tick
after the connection is back publishes the state as it is then.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from callcenter.domain.board.states import HEARTBEAT_S
from callcenter.domain.clock import NS_PER_S, Clock
from callcenter.services.calls.desk_types import DeskListener, DeskSnapshot

if TYPE_CHECKING:
    from callcenter.sync.central import CentralClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _State:
    agent_id: str | None
    state: str
    reason: str | None
    since_mono_ns: int


class DeskStatePublisher(DeskListener):
    def __init__(self, desk: str, clock: Clock, wake: Callable[[], None],
                 heartbeat_s: float = HEARTBEAT_S) -> None:
        self.desk = desk
        self._clock = clock
        self._wake = wake
        self.heartbeat_s = heartbeat_s
        self._lock = threading.Lock()
        self._latest: _State | None = None
        self._sent: _State | None = None
        self._sent_mono_ns = 0
        self.published = 0  # upserts sent (for tests and the bench)

    def desk_changed(self, snap: DeskSnapshot) -> None:
        st = _State(snap.agent_id, snap.status.state.value, snap.status.busy_reason,
                    snap.state_since_mono_ns)
        with self._lock:
            if st == self._latest:
                return
            self._latest = st
        self._wake()

    def tick(self, client: CentralClient) -> None:
        """Publish if the state changed or a heartbeat is due (worker thread)."""
        now_mono = self._clock.monotonic_ns()
        with self._lock:
            st = self._latest
            due = st is not None and (
                st != self._sent or now_mono - self._sent_mono_ns >= self.heartbeat_s * NS_PER_S)
        if st is None or not due:
            return
        since = self._clock.utc_now() - timedelta(
            microseconds=(now_mono - st.since_mono_ns) // 1000)
        client.publish_state(self.desk, st.agent_id, st.state, st.reason, since)
        with self._lock:
            self._sent, self._sent_mono_ns = st, now_mono
            self.published += 1
