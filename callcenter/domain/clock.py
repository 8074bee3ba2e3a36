"""Time as an injected dependency.

Durations always come from ``monotonic_ns``; ``utc_now`` only stamps records.
``Scheduler`` is how code asks to be called back later without knowing whether
a Qt event loop, a test, or a benchmark drives time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol

NS_PER_S = 1_000_000_000


class Clock(Protocol):
    def monotonic_ns(self) -> int: ...

    def utc_now(self) -> datetime: ...


class SystemClock:
    def monotonic_ns(self) -> int:
        return time.monotonic_ns()

    def utc_now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock tests move by hand; monotonic and wall time advance together."""

    def __init__(self, start: datetime | None = None, mono_ns: int = 1_000 * NS_PER_S) -> None:
        self._utc = start or datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
        self._mono = mono_ns

    def monotonic_ns(self) -> int:
        return self._mono

    def utc_now(self) -> datetime:
        return self._utc

    def advance(self, seconds: float) -> None:
        self._mono += int(round(seconds * NS_PER_S))
        self._utc += timedelta(seconds=seconds)


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class Scheduler(Protocol):
    def call_later(self, delay_s: float, fn: Callable[[], None]) -> Cancellable: ...


@dataclass(order=True)
class _Pending:
    due_ns: int
    seq: int
    fn: Callable[[], None] = field(compare=False)
    cancelled: bool = field(default=False, compare=False)

    def cancel(self) -> None:
        self.cancelled = True


class ManualScheduler:
    """Runs callbacks when a FakeClock is advanced through ``advance``.

    Used by tests and headless runs: callbacks fire in due order, each seeing the
    clock at its own due time.
    """

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self._pending: list[_Pending] = []
        self._seq = 0

    def call_later(self, delay_s: float, fn: Callable[[], None]) -> Cancellable:
        self._seq += 1
        item = _Pending(self.clock.monotonic_ns() + int(round(delay_s * NS_PER_S)), self._seq, fn)
        self._pending.append(item)
        return item

    def advance(self, seconds: float) -> None:
        target = self.clock.monotonic_ns() + int(round(seconds * NS_PER_S))
        while True:
            live = sorted(p for p in self._pending if not p.cancelled and p.due_ns <= target)
            if not live:
                break
            item = live[0]
            self._pending.remove(item)
            step = item.due_ns - self.clock.monotonic_ns()
            if step > 0:
                self.clock.advance(step / NS_PER_S)
            item.fn()
        rest = target - self.clock.monotonic_ns()
        if rest > 0:
            self.clock.advance(rest / NS_PER_S)

    @property
    def pending_count(self) -> int:
        return sum(1 for p in self._pending if not p.cancelled)
