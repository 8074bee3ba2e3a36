"""The three service-level timers (rules section 1) and their display levels."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class TimerLevel(Enum):
    NORMAL = "normal"
    WARNING = "warning"  # amber
    BREACH = "breach"  # red


@dataclass(frozen=True)
class SlaTargets:
    ring_limit: int = 3
    ring_no_answer_timeout_s: float = 30.0
    talk_warn_s: float = 120.0
    talk_target_s: float = 150.0
    wrapup_target_s: float = 60.0
    wrapup_warn_remaining_s: float = 15.0


def talk_level(talk_s: float, t: SlaTargets) -> TimerLevel:
    if talk_s > t.talk_target_s:
        return TimerLevel.BREACH
    if talk_s >= t.talk_warn_s:
        return TimerLevel.WARNING
    return TimerLevel.NORMAL


def wrapup_remaining_s(wrapup_s: float, t: SlaTargets) -> float:
    """Seconds left of the wrap-up target; negative once it is overrun."""
    return t.wrapup_target_s - wrapup_s


def wrapup_level(wrapup_s: float, t: SlaTargets) -> TimerLevel:
    remaining = wrapup_remaining_s(wrapup_s, t)
    if remaining < 0:
        return TimerLevel.BREACH
    if remaining <= t.wrapup_warn_remaining_s:
        return TimerLevel.WARNING
    return TimerLevel.NORMAL


def format_mm_ss(seconds: float) -> str:
    """``75.4`` -> ``01:15``; negative values keep their sign (``-00:03``)."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"


def format_countdown(remaining_s: float) -> str:
    """A countdown that counts up past zero: ``45.2`` -> ``00:46`` (rounded up, so
    ``00:15`` appears exactly when the last 15 s begin), ``-5.1`` -> ``+00:05``."""
    if remaining_s >= 0:
        # ceil so the display reaches 00:00 exactly when the target does
        whole = int(remaining_s) + (0 if remaining_s == int(remaining_s) else 1)
        return f"{whole // 60:02d}:{whole % 60:02d}"
    return "+" + format_mm_ss(-remaining_s)
