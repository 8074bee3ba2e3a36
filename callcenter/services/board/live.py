"""The lead's live desk states: a LISTEN session woken by central's NOTIFY.

Only a lead desk runs ``LiveStates``: a thread of its own with a central session
of its own that LISTENs on ``callcenter_desk_state`` (central c0017). A
notification for the watched team (or any, when watching every team) makes it
pull ``sync.board_states`` at once; it also pulls every ``fallback_s`` (a desk
that fell silent becomes unknown and a heartbeat brings one back without a
NOTIFY). Results go to ``on_states`` on this thread; the UI re-emits them as a
Qt signal. A lost connection is retried with a capped backoff.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from callcenter.domain.board.states import DeskState

if TYPE_CHECKING:
    from callcenter.sync.central import CentralClient

log = logging.getLogger(__name__)
CHANNEL = "callcenter_desk_state"


@dataclass(frozen=True)
class BoardStates:
    team: str | None
    central_now: datetime  # central's clock when the states were read
    mono_at: float  # this desk's time.monotonic() when they arrived
    states: tuple[DeskState, ...]

    def now(self, mono: float) -> datetime:
        """Central's time now, from the pull and the monotonic time since."""
        return self.central_now + timedelta(seconds=max(0.0, mono - self.mono_at))


class LiveStates:
    def __init__(self, connect: Callable[[], CentralClient], desk: str, *,
                 on_states: Callable[[BoardStates], None],
                 on_error: Callable[[str], None] = lambda e: None,
                 team: str | None = None, fallback_s: float = 15.0,
                 poll_stop_s: float = 0.5, retry_cap_s: float = 30.0) -> None:
        self._connect = connect
        self.desk = desk
        self._on_states = on_states
        self._on_error = on_error
        self._team = team
        self.fallback_s = fallback_s
        self.poll_stop_s = poll_stop_s
        self.retry_cap_s = retry_cap_s
        self._stop = threading.Event()
        self._refresh = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="board-listen", daemon=True)
        self.listening = threading.Event()  # set once LISTEN is in place (tests, bench)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def set_team(self, team: str | None) -> None:
        with self._lock:
            self._team = team
        self._refresh.set()

    def _pull(self, client: CentralClient) -> None:
        with self._lock:
            team = self._team
        answer = client.board_states(self.desk, team)
        mono = time.monotonic()
        central_now = datetime.fromisoformat(str(answer["now"]))
        states = tuple(DeskState.from_json(r) for r in answer["states"])
        self._on_states(BoardStates(answer.get("team"), central_now, mono, states))

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                client = self._connect()
            except Exception as exc:
                failures += 1
                self._on_error(str(exc).strip() or type(exc).__name__)
                self._stop.wait(min(self.retry_cap_s, 2.0 ** failures))
                continue
            try:
                client.listen(CHANNEL)
                self.listening.set()
                self._pull(client)
                failures = 0
                last = time.monotonic()
                while not self._stop.is_set():
                    payloads = client.wait_notifies(self.poll_stop_s)
                    with self._lock:
                        team = self._team
                    wanted = any(team is None or p == team for p in payloads)
                    if self._refresh.is_set():
                        self._refresh.clear()
                        wanted = True
                    if wanted or time.monotonic() - last >= self.fallback_s:
                        self._pull(client)
                        last = time.monotonic()
            except Exception as exc:
                failures += 1
                log.info("board listen failed: %s", exc)
                self._on_error(str(exc).strip() or type(exc).__name__)
                self._stop.wait(min(self.retry_cap_s, 2.0 ** failures))
            finally:
                self.listening.clear()
                try:
                    client.close()
                except Exception:
                    pass
