"""The working-day calendar: weekends, public holidays and make-up working days.

The data is content (resources/calendar/*.toml, replaced by an administrator
each year); this module parses it and answers "is this a working day?".
Errors name the file and line so a bad file is refused at start, not at the
first deadline it breaks.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta


class CalendarError(ValueError):
    pass


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date]
    makeup_workdays: frozenset[date]
    covered_years: frozenset[int]
    source: str

    def is_working_day(self, d: date) -> bool:
        if d in self.makeup_workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() < 5

    def covers(self, d: date) -> bool:
        """Outside the covered years only weekends are known: deadlines there are a guess."""
        return d.year in self.covered_years

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself never counts)."""
        if n < 0:
            raise ValueError("n must not be negative")
        d = start
        while n > 0:
            d += timedelta(days=1)
            if self.is_working_day(d):
                n -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]."""
        count, d = 0, start
        while d < end:
            d += timedelta(days=1)
            count += self.is_working_day(d)
        return count


def _line_of(text: str, needle: str) -> int:
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return i
    return 1


def parse_calendar(text: str, filename: str) -> WorkCalendar:
    """Parse a calendar TOML; raises ``CalendarError`` as ``FILE:LINE: reason``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        raise CalendarError(f"{filename}:{line}: {exc}") from exc
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise CalendarError(f"{filename}:1: the file must say its source (source = \"...\")")
    years = data.get("years")
    if not isinstance(years, dict) or not years:
        raise CalendarError(f"{filename}:1: no [years.YYYY] tables")
    holidays: set[date] = set()
    workdays: set[date] = set()
    covered: set[int] = set()
    for year_text, table in years.items():
        where = f"{filename}:{_line_of(text, f'[years.{year_text}]')}"
        if not year_text.isdigit():
            raise CalendarError(f"{where}: year {year_text!r} is not a number")
        year = int(year_text)
        covered.add(year)
        for key, bucket in (("holidays", holidays), ("workdays", workdays)):
            for raw in table.get(key, []):
                try:
                    d = date.fromisoformat(str(raw))
                except ValueError:
                    line = _line_of(text, str(raw))
                    raise CalendarError(f"{filename}:{line}: {raw!r} is not a date (YYYY-MM-DD)") from None
                if d.year != year:
                    line = _line_of(text, str(raw))
                    raise CalendarError(f"{filename}:{line}: {raw} is listed under {year}")
                bucket.add(d)
    both = holidays & workdays
    if both:
        d = min(both)
        raise CalendarError(f"{filename}:{_line_of(text, d.isoformat())}: "
                            f"{d} is both a holiday and a make-up working day")
    return WorkCalendar(frozenset(holidays), frozenset(workdays), frozenset(covered), source)


def _line_from_message(message: str) -> int:
    # tomllib says "... (at line 7, column 3)"
    marker = "at line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",")[0].split(")")[0]
        if digits.strip().isdigit():
            return int(digits)
    return 1
