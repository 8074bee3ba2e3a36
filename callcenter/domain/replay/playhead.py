"""Where the replay's playhead is: from a monotonic clock, never from counting ticks.

The position is ``base_s + (now - base_ns) * speed`` while playing, clamped to
``[0, duration]``; reaching the end pauses there. Every change of speed, seek or
pause re-bases, so a display tick that comes late (a busy GUI) shows the right
position rather than drifting behind.
"""

from __future__ import annotations

from collections.abc import Callable

from callcenter.domain.clock import NS_PER_S

SPEEDS = (1.0, 2.0, 4.0)


class Playhead:
    def __init__(self, monotonic_ns: Callable[[], int], duration_s: float) -> None:
        self._now = monotonic_ns
        self.duration_s = max(0.0, duration_s)
        self.speed = 1.0
        self.playing = False
        self._base_s = 0.0
        self._base_ns = monotonic_ns()

    def position(self) -> float:
        if not self.playing:
            return self._base_s
        pos = self._base_s + (self._now() - self._base_ns) / NS_PER_S * self.speed
        if pos >= self.duration_s:
            self._base_s, self.playing = self.duration_s, False
            return self.duration_s
        return pos

    def _rebase(self, pos: float) -> None:
        self._base_s = min(max(0.0, pos), self.duration_s)
        self._base_ns = self._now()

    def play(self) -> None:
        if self.position() >= self.duration_s:
            self._rebase(0.0)  # play again from the start
        else:
            self._rebase(self.position())
        self.playing = True

    def pause(self) -> None:
        self._rebase(self.position())
        self.playing = False

    def seek(self, t_s: float) -> None:
        self._rebase(t_s)

    def set_speed(self, speed: float) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"speed {speed} is not one of {SPEEDS}")
        self._rebase(self.position())
        self.speed = speed
