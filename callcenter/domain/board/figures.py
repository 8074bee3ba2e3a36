"""The board's figures, computed from sums the store aggregates (pure).

One definition of each figure, so the tiles, the charts' tables, the formula
shown on hover and the alerts agree. The inputs are counts and sums over the
calls of a period (``CallTotals``: the services' aggregate query fills them);
every ratio is None when its denominator is zero, never a made-up 0 or 100 %.

Definitions (95598-rules.md section 1):
- offered: calls that rang and ended (answered, back-filled, returned to the
  queue after the ring timeout, or abandoned while ringing)
- answered: answered + back-filled
- service level: calls answered within the ring limit / offered
- average talk: mean of answer-to-hang-up (hold included) over answered calls with
  a measured talk, against the 150 s target
- wrap-up: mean of hang-up to ready/dispatch, and the share done within 60 s
- AHT: mean of net talk + hold + wrap-up over answered calls with both measured
  (net talk = talk - hold, so AHT = talk + wrap-up)
- returned to the queue: calls nobody answered before the ring timeout
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from callcenter.domain.sla import SlaTargets


@dataclass(frozen=True)
class BoardSettings:
    """The profile's ``[board]`` section."""

    service_level_target_pct: float = 80.0
    stale_after_s: float = 60.0  # a desk silent longer shows as unknown
    wrap_up_alert_s: float = 120.0  # an agent in 话后 longer raises a lead alert
    alert_window_min: float = 30.0  # service level alert window
    near_deadline_h: float = 24.0  # an open ticket due within this is "near deadline"

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> BoardSettings:
        d = cls()
        out = cls(
            service_level_target_pct=float(data.get("service_level_target_pct", d.service_level_target_pct)),
            stale_after_s=float(data.get("stale_after_s", d.stale_after_s)),
            wrap_up_alert_s=float(data.get("wrap_up_alert_s", d.wrap_up_alert_s)),
            alert_window_min=float(data.get("alert_window_min", d.alert_window_min)),
            near_deadline_h=float(data.get("near_deadline_h", d.near_deadline_h)),
        )
        if not 0 < out.service_level_target_pct <= 100:
            raise ValueError("board.service_level_target_pct must be in (0, 100]")
        if min(out.stale_after_s, out.wrap_up_alert_s, out.alert_window_min, out.near_deadline_h) <= 0:
            raise ValueError("board settings must be positive")
        return out


@dataclass(frozen=True)
class CallTotals:
    offered: int = 0
    answered: int = 0  # answered + back-filled
    within_limit: int = 0  # answered within the ring limit
    returned: int = 0  # ring timeout: back to the queue
    abandoned: int = 0
    talk_n: int = 0
    talk_sum_s: float = 0.0
    hold_sum_s: float = 0.0  # over the same calls as talk
    wrap_n: int = 0
    wrap_sum_s: float = 0.0
    wrap_on_time: int = 0  # wrap-up within the target
    aht_n: int = 0  # answered calls with talk and wrap-up measured
    aht_sum_s: float = 0.0  # talk + wrap-up of those (= net talk + hold + wrap-up)

    def __add__(self, o: CallTotals) -> CallTotals:
        return CallTotals(
            self.offered + o.offered, self.answered + o.answered,
            self.within_limit + o.within_limit, self.returned + o.returned,
            self.abandoned + o.abandoned, self.talk_n + o.talk_n, self.talk_sum_s + o.talk_sum_s,
            self.hold_sum_s + o.hold_sum_s, self.wrap_n + o.wrap_n, self.wrap_sum_s + o.wrap_sum_s,
            self.wrap_on_time + o.wrap_on_time, self.aht_n + o.aht_n, self.aht_sum_s + o.aht_sum_s)

    def __sub__(self, o: CallTotals) -> CallTotals:
        return CallTotals(
            self.offered - o.offered, self.answered - o.answered,
            self.within_limit - o.within_limit, self.returned - o.returned,
            self.abandoned - o.abandoned, self.talk_n - o.talk_n, self.talk_sum_s - o.talk_sum_s,
            self.hold_sum_s - o.hold_sum_s, self.wrap_n - o.wrap_n, self.wrap_sum_s - o.wrap_sum_s,
            self.wrap_on_time - o.wrap_on_time, self.aht_n - o.aht_n, self.aht_sum_s - o.aht_sum_s)


def total_of(parts: Iterable[CallTotals]) -> CallTotals:
    """The sum of many totals, field by field (one pass, no intermediate objects)."""
    columns = list(zip(*(_values(p) for p in parts), strict=True))
    return CallTotals(*(sum(c) for c in columns)) if columns else CallTotals()


def _values(t: CallTotals) -> tuple[Any, ...]:
    return (t.offered, t.answered, t.within_limit, t.returned, t.abandoned, t.talk_n,
            t.talk_sum_s, t.hold_sum_s, t.wrap_n, t.wrap_sum_s, t.wrap_on_time, t.aht_n,
            t.aht_sum_s)


def _ratio(a: float, b: float) -> float | None:
    return None if b == 0 else a / b


@dataclass(frozen=True)
class CallFigures:
    offered: int
    answered: int
    returned: int
    abandoned: int
    service_level_pct: float | None
    avg_talk_s: float | None
    talk_target_s: float
    avg_hold_s: float | None
    avg_wrap_s: float | None
    wrap_on_time_pct: float | None
    wrap_target_s: float
    aht_s: float | None

    @property
    def talk_over_target(self) -> bool:
        return self.avg_talk_s is not None and self.avg_talk_s > self.talk_target_s


def figures(t: CallTotals, targets: SlaTargets) -> CallFigures:
    sl = _ratio(t.within_limit, t.offered)
    on_time = _ratio(t.wrap_on_time, t.wrap_n)
    return CallFigures(
        offered=t.offered, answered=t.answered, returned=t.returned, abandoned=t.abandoned,
        service_level_pct=None if sl is None else 100.0 * sl,
        avg_talk_s=_ratio(t.talk_sum_s, t.talk_n), talk_target_s=targets.talk_target_s,
        avg_hold_s=_ratio(t.hold_sum_s, t.talk_n),
        avg_wrap_s=_ratio(t.wrap_sum_s, t.wrap_n),
        wrap_on_time_pct=None if on_time is None else 100.0 * on_time,
        wrap_target_s=targets.wrapup_target_s,
        aht_s=_ratio(t.aht_sum_s, t.aht_n),
    )


def service_level_breached(t: CallTotals, settings: BoardSettings) -> bool:
    """Service level below the target (no offered calls: no breach)."""
    sl = _ratio(t.within_limit, t.offered)
    return sl is not None and 100.0 * sl < settings.service_level_target_pct


FORMULAS = {
    "offered": "offered = answered + back-filled + returned to queue + abandoned",
    "service_level": "service level = answered within the ring limit / offered",
    "avg_talk": "average talk = Σ(hang-up − answer) / answered calls (target 150 s)",
    "wrap": "wrap-up = Σ(ready or dispatch − hang-up) / calls; on time = wrap-up ≤ 60 s",
    "aht": "AHT = Σ(net talk + hold + wrap-up) / answered calls",
    "returned": "returned to queue = calls not answered before the ring timeout",
    "tickets": "tickets per site-local hour of creation, by category",
}
