"""Shifts in the site profile: tiling checked at start with FILE:LINE, across midnight,
working and non-working days of the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from callcenter.domain.handover.shifts import ShiftDef, parse_shifts, slot_at
from callcenter.domain.site_profile import ProfileError
from callcenter.services.site.profile import DEFAULT_PROFILE, load_profile

TZ = ZoneInfo("Asia/Shanghai")


def _profile_with(tmp_path: Path, shifts: str) -> Path:
    base = DEFAULT_PROFILE.read_text(encoding="utf-8").split("[[shifts]]")[0]
    p = tmp_path / "site.toml"
    p.write_text(base + shifts, encoding="utf-8")
    return p


def _line(path: Path, needle: str, nth: int = 1) -> int:
    hits = [i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if ln.strip().startswith(needle)]
    return hits[nth - 1]


def test_default_profile_has_three_shifts_covering_the_day() -> None:
    p = load_profile()
    assert [s.name for s in p.shifts] == ["白班", "中班", "夜班"]
    assert sum(s.minutes for s in p.shifts) == 24 * 60
    assert p.handover.reminder_minutes == 10
    assert len(p.handover.report_kinds) == 10


def test_overlap_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = _profile_with(tmp_path, '''
[[shifts]]
name = "A"
start = "08:00"
end = "17:00"

[[shifts]]
name = "B"
start = "16:00"
end = "08:00"
''')
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}:{_line(path, 'start =', 2)}:"), msg
    assert "overlaps A at 16:00" in msg


def test_gap_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = _profile_with(tmp_path, '''
[[shifts]]
name = "Day"
start = "08:00"
end = "16:00"

[[shifts]]
name = "Night"
start = "17:00"
end = "08:00"
''')
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}:{_line(path, 'end =', 1)}:"), msg
    assert "gap from 16:00 to 17:00 after shift Day" in msg


def test_bad_time_names_its_line(tmp_path: Path) -> None:
    path = _profile_with(tmp_path, '''
[[shifts]]
name = "All"
start = "8h"
end = "08:00"
''')
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert str(info.value).startswith(f"{path}:{_line(path, 'start =')}:")


def test_night_shift_across_midnight_holds_the_small_hours() -> None:
    shifts = parse_shifts([{"name": "Day", "start": "08:00", "end": "20:00"},
                           {"name": "Night", "start": "20:00", "end": "08:00"}])
    at = datetime(2026, 12, 7, 2, 30, tzinfo=TZ).astimezone(UTC)
    slot = slot_at(shifts, at, TZ, lambda d: d.weekday() < 5)
    assert slot.shift.name == "Night"
    assert slot.day == date(2026, 12, 6)  # it belongs to the evening it started
    assert slot.start == datetime(2026, 12, 6, 20, tzinfo=TZ)
    assert slot.end == datetime(2026, 12, 7, 8, tzinfo=TZ)


def test_holiday_shifts_come_from_the_calendar() -> None:
    shifts = parse_shifts([
        {"name": "Day", "start": "08:00", "end": "16:00", "days": "working"},
        {"name": "Eve", "start": "16:00", "end": "08:00", "days": "working"},
        {"name": "HolidayDay", "start": "08:00", "end": "20:00", "days": "non_working"},
        {"name": "HolidayNight", "start": "20:00", "end": "08:00", "days": "non_working"},
    ])
    holidays = {date(2026, 10, 1)}

    def working(d: date) -> bool:
        return d not in holidays and d.weekday() < 5

    noon = datetime(2026, 10, 1, 12, tzinfo=TZ)
    assert slot_at(shifts, noon, TZ, working).shift.name == "HolidayDay"
    assert slot_at(shifts, datetime(2026, 9, 30, 12, tzinfo=TZ), TZ, working).shift.name == "Day"


def test_a_shift_that_ends_when_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends when it starts"):
        parse_shifts([{"name": "X", "start": "08:00", "end": "08:00"}])


def test_shift_labels() -> None:
    assert ShiftDef("中班", 960, 1440).label() == "中班 16:00-24:00"
