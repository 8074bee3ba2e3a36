"""Working days across weekends, holidays and make-up days; deadline units."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from callcenter.domain.calendar import CalendarError, WorkCalendar, parse_calendar
from callcenter.domain.deadlines import (
    Deadline,
    DeadlineState,
    DeadlineUnit,
    deadline_state,
    due_at,
)

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "calendar" / "cn_workdays.toml"
TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return parse_calendar(SHIPPED.read_text(encoding="utf-8"), str(SHIPPED))


def test_shipped_calendar_says_its_source_and_year(cal: WorkCalendar) -> None:
    assert "2026" in cal.source
    assert cal.covered_years == frozenset({2026})


@pytest.mark.parametrize(("d", "working"), [
    (date(2026, 11, 23), True),    # a Monday
    (date(2026, 11, 22), False),   # a Sunday
    (date(2026, 10, 1), False),    # National Day, a Thursday
    (date(2026, 10, 10), True),    # make-up Saturday
    (date(2026, 9, 20), True),     # make-up Sunday
    (date(2026, 2, 14), True),     # make-up Saturday before Spring Festival
    (date(2026, 2, 23), False),    # Spring Festival Monday
    (date(2027, 1, 1), True),      # outside the covered years: weekends only (a Friday)
])
def test_working_day(cal: WorkCalendar, d: date, working: bool) -> None:
    assert cal.is_working_day(d) is working


def test_add_working_days_across_weekend_holiday_and_make_up_days(cal: WorkCalendar) -> None:
    # Fri 2026-11-20 + 3 working days -> Wed 11-25 (weekend skipped)
    assert cal.add_working_days(date(2026, 11, 20), 3) == date(2026, 11, 25)
    # Tue 2026-09-29 + 3: Wed 30 is 1, Oct 1-7 holidays, Thu 8 is 2, Fri 9 is 3
    assert cal.add_working_days(date(2026, 9, 29), 3) == date(2026, 10, 9)
    # ... + 4 lands on the make-up Saturday 10-10
    assert cal.add_working_days(date(2026, 9, 29), 4) == date(2026, 10, 10)
    # Fri 2026-02-13 + 1 is the make-up Saturday 02-14; + 2 jumps the whole festival
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert cal.add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert cal.add_working_days(date(2026, 2, 13), 0) == date(2026, 2, 13)
    assert cal.working_days_between(date(2026, 9, 29), date(2026, 10, 10)) == 4


def test_due_at_keeps_local_time_of_day_for_working_days(cal: WorkCalendar) -> None:
    start = datetime(2026, 9, 29, 10, 30, tzinfo=TZ).astimezone(UTC)
    due = due_at(start, Deadline(3, DeadlineUnit.WORKING_DAYS), cal, TZ)
    assert due == datetime(2026, 10, 9, 10, 30, tzinfo=TZ)
    assert due_at(start, Deadline(45, DeadlineUnit.MINUTES), cal, TZ) - start == timedelta(minutes=45)
    assert due_at(start, Deadline(2, DeadlineUnit.HOURS), cal, TZ) - start == timedelta(hours=2)
    assert due_at(start, Deadline(5, DeadlineUnit.DAYS), cal, TZ) - start == timedelta(days=5)


def test_deadline_state_at_the_edges() -> None:
    start = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
    due = start + timedelta(hours=10)
    assert deadline_state(start, due, start + timedelta(hours=7, minutes=59)) is DeadlineState.ON_TIME
    assert deadline_state(start, due, start + timedelta(hours=8)) is DeadlineState.WARNING
    assert deadline_state(start, due, due) is DeadlineState.WARNING
    assert deadline_state(start, due, due + timedelta(seconds=1)) is DeadlineState.OVERDUE


def test_agent_may_shorten_never_lengthen() -> None:
    profile = Deadline(5, DeadlineUnit.DAYS)
    assert Deadline(3, DeadlineUnit.DAYS).shorter_or_equal(profile)
    assert not Deadline(6, DeadlineUnit.DAYS).shorter_or_equal(profile)
    with pytest.raises(ValueError):
        Deadline(0, DeadlineUnit.DAYS)


@pytest.mark.parametrize(("text", "line", "words"), [
    ('source = "x"\n[years.2026]\nholidays = [\n  "2026-01-01",\n  "2026-02-30",\n]\n', 5,
     "not a date"),
    ('[years.2026]\nholidays = ["2026-01-01"]\n', 1, "source"),
    ('source = "x"\n[years.2026]\nholidays = ["2027-01-01"]\n', 3, "listed under 2026"),
    ('source = "x"\n[years.2026]\nholidays = ["2026-01-04"]\nworkdays = ["2026-01-04"]\n', 3,
     "both"),
    ('source = "x"\n[years.2026\n', 2, ""),
])
def test_bad_calendar_names_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(CalendarError) as err:
        parse_calendar(text, "cal.toml")
    assert str(err.value).startswith(f"cal.toml:{line}:")
    assert words in str(err.value)
