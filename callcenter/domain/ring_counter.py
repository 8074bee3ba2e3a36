"""Ring math: a ring is a cadence, not a time (rules section 1).

With the Chinese cadence (1 s on, 4 s off) ring n starts at (n-1)*5 s, so
"answered within 3 rings" means answered before ring 4 starts, i.e. < 15 s.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class RingCadence:
    on_s: float = 1.0
    off_s: float = 4.0

    @property
    def cycle_s(self) -> float:
        return self.on_s + self.off_s


class RingLevel(Enum):
    NORMAL = "normal"
    LAST_ALLOWED = "last_allowed"  # amber: the last ring still within the limit
    OVER = "over"  # red: the ring limit is passed; the apology is due


def _ns(seconds: float) -> int:
    # whole nanoseconds, so cadences like 1.2 s + 4.0 s have exact boundaries
    return int(round(seconds * 1_000_000_000))


def ring_in_progress(elapsed_s: float, cadence: RingCadence) -> int:
    """The 1-based number of the ring in progress ``elapsed_s`` after the first ring."""
    if elapsed_s < 0:
        return 1
    return _ns(elapsed_s) // _ns(cadence.cycle_s) + 1


def ring_start_s(n: int, cadence: RingCadence) -> float:
    return (n - 1) * _ns(cadence.cycle_s) / 1_000_000_000


def answered_within_limit(elapsed_s: float, cadence: RingCadence, ring_limit: int) -> bool:
    return _ns(elapsed_s) < ring_limit * _ns(cadence.cycle_s)


def ring_level(elapsed_s: float, cadence: RingCadence, ring_limit: int) -> RingLevel:
    n = ring_in_progress(elapsed_s, cadence)
    if n > ring_limit:
        return RingLevel.OVER
    if n == ring_limit:
        return RingLevel.LAST_ALLOWED
    return RingLevel.NORMAL
