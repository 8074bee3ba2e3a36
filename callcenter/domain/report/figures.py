"""Rates and comparisons of the monthly report, and its category groups.

The 供电优质服务月报表 counts tickets in four groups (seed 004 Q61: 咨询建议,
故障报修, 投诉, 举报). Categories of the profile outside them (service
requests, praise, ...) are counted as "other" so the rows add up to the month's
total. Rates are None where their denominator is zero: "no calls" is not 0 %.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

INQUIRY_SUGGESTION = "inquiry_suggestion"
FAULT_REPAIR = "fault_repair"
COMPLAINT = "complaint"
REPORT = "report"
OTHER = "other"
GROUPS: tuple[str, ...] = (INQUIRY_SUGGESTION, FAULT_REPAIR, COMPLAINT, REPORT, OTHER)

# ticket category code -> report group (anything not listed: OTHER)
CATEGORY_GROUP: Mapping[str, str] = {
    "inquiry": INQUIRY_SUGGESTION,
    "opinion": INQUIRY_SUGGESTION,
    "suggestion": INQUIRY_SUGGESTION,
    "fault_repair": FAULT_REPAIR,
    "complaint": COMPLAINT,
    "report": REPORT,
}


def group_of(category: str) -> str:
    return CATEGORY_GROUP.get(category, OTHER)


def grouped(counts: Mapping[str, int]) -> dict[str, int]:
    """Per-category counts folded into the report's groups (every group present)."""
    out = dict.fromkeys(GROUPS, 0)
    for category, n in counts.items():
        out[group_of(category)] += n
    return out


def rate(part: int, whole: int) -> float | None:
    """part / whole as a fraction (0..1), None when there is nothing to divide."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Change:
    """A count against a base period: 增减值 and 增减率."""

    current: int
    base: int

    @property
    def delta(self) -> int:
        return self.current - self.base

    @property
    def ratio(self) -> float | None:
        """delta / base as a fraction; None when the base period had none."""
        return rate(self.delta, self.base)
