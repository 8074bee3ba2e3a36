"""Report months: parsing, the months a report compares with, and their UTC span.

A report month is a site-local calendar month (rules section 4, seed 004 Q61):
the tickets the site accepted between local midnight of the 1st and local
midnight of the next month's 1st. Records are UTC, so the month becomes a
half-open UTC range through the site's time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class BadMonth(ValueError):
    """Not a month of the form YYYY-MM (01..12)."""


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.year <= 9998:
            raise BadMonth(f"{self.year:04d}-{self.month:02d}")

    @classmethod
    def parse(cls, text: str) -> Month:
        m = _MONTH.match(text.strip())
        if m is None:
            raise BadMonth(text)
        return cls(int(m.group(1)), int(m.group(2)))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def plus(self, months: int) -> Month:
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def previous(self) -> Month:
        """上月: the month before (January's is December of the year before)."""
        return self.plus(-1)

    def same_last_year(self) -> Month:
        """上年同期: the same month one year earlier."""
        return Month(self.year - 1, self.month)

    def utc_span(self, timezone: str) -> tuple[datetime, datetime]:
        """[start, end) in UTC of this month in the site's local time."""
        tz = ZoneInfo(timezone)
        start = datetime(self.year, self.month, 1, tzinfo=tz)
        nxt = self.plus(1)
        end = datetime(nxt.year, nxt.month, 1, tzinfo=tz)
        return start.astimezone(UTC), end.astimezone(UTC)

    @classmethod
    def containing(cls, at: datetime, timezone: str) -> Month:
        """The site-local month that the instant ``at`` (aware) falls in."""
        local = at.astimezone(ZoneInfo(timezone))
        return cls(local.year, local.month)
