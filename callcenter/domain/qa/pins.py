"""Comments pinned to a time on a call's timeline (issue 14, "Scoring").

A reviewer pins a comment at the replay's playhead (or a time typed or clicked)
while scoring; the pins are saved with the review (``qa_reviews.pins``, JSON:
``{"pins": [{"t_s": float, "text": str}, ...]}``) and shown to the agent as
markers on the replay of a released review. Older rows may name an event's
``seq`` instead of a time: ``Pin.from_json`` keeps it and ``t_s`` is then None
until the replay finds that event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MAX_TEXT = 500
MAX_PINS = 50


class PinInvalid(ValueError):
    """``reason``: empty | too_long | bad_time | too_many."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, order=True)
class Pin:
    t_s: float  # seconds from the call's first event
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"t_s": round(self.t_s, 3), "text": self.text}

    @staticmethod
    def from_json(d: Mapping[str, Any]) -> Pin | None:
        """A stored pin, or None for one without a usable time."""
        t = d.get("t_s")
        if not isinstance(t, int | float) or isinstance(t, bool):
            return None
        return Pin(float(t), str(d.get("text", "")))


def make_pin(t_s: float, text: str, duration_s: float | None = None) -> Pin:
    """A pin as a reviewer typed it; ``PinInvalid`` saying what is wrong."""
    text = text.strip()
    if not text:
        raise PinInvalid("empty")
    if len(text) > MAX_TEXT:
        raise PinInvalid("too_long")
    if t_s < 0 or (duration_s is not None and t_s > duration_s + 0.5):
        raise PinInvalid("bad_time")
    return Pin(round(float(t_s), 3), text)


def checked(pins: Iterable[Pin]) -> list[Pin]:
    """The pins to save, in time order; ``PinInvalid`` for any bad one or too many."""
    out = sorted(make_pin(p.t_s, p.text) for p in pins)
    if len(out) > MAX_PINS:
        raise PinInvalid("too_many")
    return out


def pins_json(pins: Sequence[Pin]) -> dict[str, Any]:
    return {"pins": [p.as_json() for p in pins]}


def pins_from_json(stored: Mapping[str, Any] | None) -> list[Pin]:
    raw = (stored or {}).get("pins", [])
    return sorted(p for p in (Pin.from_json(d) for d in raw if isinstance(d, Mapping)) if p is not None)
