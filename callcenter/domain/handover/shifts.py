"""Shifts of the site (``[[shifts]]`` in the profile) and which one holds a moment.

A shift is a local time range (``08:00``-``16:00``; ``16:00``-``24:00``;
``22:00``-``06:00`` runs across midnight) in the site's time zone, with the team
that works it. ``days`` narrows a shift to working days or to weekends and
holidays of the calendar (``all``, the default, is every day); the day a shift
belongs to is the local date it starts on.

The shifts of each kind of day must tile the 24 hours: a minute covered twice
(overlap) or not at all (gap) is refused with the shift it is found at, so the
loader can point at its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

DAY_KINDS = ("all", "working", "non_working")
_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")
DAY = 24 * 60


class ShiftError(ValueError):
    """``path`` is the profile key it is about, e.g. ``shifts[2].start``."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class ShiftDef:
    name: str
    start: int  # minutes after local midnight, 0..1439
    end: int  # minutes after local midnight, 1..1440; <= start means the next day
    team: str = ""
    days: str = "all"

    @property
    def minutes(self) -> int:
        return (self.end - self.start) % DAY or DAY

    def label(self) -> str:
        return f"{self.name} {hhmm(self.start)}-{hhmm(self.end)}"

    def runs_on(self, working_day: bool) -> bool:
        return self.days == "all" or (self.days == "working") == working_day


@dataclass(frozen=True)
class ShiftSlot:
    """One shift on one day: its local date and its UTC bounds [start, end)."""

    shift: ShiftDef
    day: date
    start: datetime
    end: datetime

    def contains(self, at: datetime) -> bool:
        return self.start <= at < self.end

    @property
    def key(self) -> str:
        """Stable name of the slot: ``2026-12-06/夜班``."""
        return f"{self.day.isoformat()}/{self.shift.name}"


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(value: Any, path: str, *, end: bool) -> int:
    m = _HHMM.match(str(value)) if isinstance(value, str) else None
    if not m:
        raise ShiftError(f"{path}: {value!r} is not a time like \"08:00\"", path)
    h, mi = int(m.group(1)), int(m.group(2))
    total = h * 60 + mi
    if mi > 59 or total > DAY or (total == DAY and not end):
        raise ShiftError(f"{path}: {value!r} is not a time of day", path)
    return total


def parse_shifts(items: Sequence[Mapping[str, Any]]) -> tuple[ShiftDef, ...]:
    """The ``[[shifts]]`` tables, checked: names unique, times valid, each kind of
    day tiled by its shifts without overlap or gap."""
    out: list[ShiftDef] = []
    for i, raw in enumerate(items, 1):
        p = f"shifts[{i}]"
        name = str(raw.get("name", "")).strip()
        if not name:
            raise ShiftError(f"{p}: a shift needs a name", p)
        if "start" not in raw or "end" not in raw:
            raise ShiftError(f"{p} ({name}): a shift needs start and end", p)
        start = _minutes(raw["start"], f"{p}.start", end=False)
        end = _minutes(raw["end"], f"{p}.end", end=True)
        if start == end % DAY:
            raise ShiftError(f"{p}.end: shift {name} ends when it starts", f"{p}.end")
        days = str(raw.get("days", "all"))
        if days not in DAY_KINDS:
            raise ShiftError(f"{p}.days: {days!r} is not one of {', '.join(DAY_KINDS)}",
                             f"{p}.days")
        if any(s.name == name for s in out):
            raise ShiftError(f"{p}.name: a second shift named {name!r}", f"{p}.name")
        out.append(ShiftDef(name, start, end, str(raw.get("team", "")), days))
    if out:
        check_tiling(out)
    return tuple(out)


def check_tiling(shifts: Sequence[ShiftDef]) -> None:
    """Raise ``ShiftError`` at the first overlap or gap of either kind of day."""
    for working in (True, False):
        kind = "working days" if working else "non-working days"
        day = [(i, s) for i, s in enumerate(shifts, 1) if s.runs_on(working)]
        if not day:
            raise ShiftError(f"shifts: no shift runs on {kind}", "shifts[1]")
        owner: list[int | None] = [None] * DAY
        for i, s in day:
            for k in range(s.minutes):
                m = (s.start + k) % DAY
                if owner[m] is not None:
                    other = shifts[owner[m] - 1]  # type: ignore[operator]
                    raise ShiftError(
                        f"shifts[{i}]: shift {s.name} overlaps {other.name} at {hhmm(m)} "
                        f"on {kind}", f"shifts[{i}].start")
                owner[m] = i
        for i, s in day:
            after = s.end % DAY
            if owner[after] is None:
                gap_end = after
                while owner[gap_end % DAY] is None:
                    gap_end += 1
                raise ShiftError(
                    f"shifts[{i}]: a gap from {hhmm(after)} to {hhmm(gap_end % DAY)} after "
                    f"shift {s.name} on {kind}", f"shifts[{i}].end")


def _slot(s: ShiftDef, day: date, tz: ZoneInfo) -> ShiftSlot:
    start = datetime.combine(day, time()) + timedelta(minutes=s.start)
    end = start + timedelta(minutes=s.minutes)
    return ShiftSlot(s, day, start.replace(tzinfo=tz).astimezone(ZoneInfo("UTC")),
                     end.replace(tzinfo=tz).astimezone(ZoneInfo("UTC")))


def slots_of_day(shifts: Sequence[ShiftDef], day: date, tz: ZoneInfo,
                 is_working_day: Callable[[date], bool]) -> list[ShiftSlot]:
    working = is_working_day(day)
    return sorted((_slot(s, day, tz) for s in shifts if s.runs_on(working)),
                  key=lambda x: x.start)


def slot_at(shifts: Sequence[ShiftDef], at: datetime, tz: ZoneInfo,
            is_working_day: Callable[[date], bool]) -> ShiftSlot:
    """The shift that holds ``at`` (aware). A shift started yesterday evening
    may hold it, so yesterday's shifts are looked at too."""
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    local = at.astimezone(tz).date()
    for day in (local, local - timedelta(days=1), local + timedelta(days=1)):
        for slot in slots_of_day(shifts, day, tz, is_working_day):
            if slot.contains(at):
                return slot
    raise LookupError(f"no shift holds {at.isoformat()}")


def next_slot(shifts: Sequence[ShiftDef], slot: ShiftSlot, tz: ZoneInfo,
              is_working_day: Callable[[date], bool]) -> ShiftSlot:
    """The shift that starts when ``slot`` ends (the incoming shift)."""
    return slot_at(shifts, slot.end, tz, is_working_day)


def previous_slot(shifts: Sequence[ShiftDef], slot: ShiftSlot, tz: ZoneInfo,
                  is_working_day: Callable[[date], bool]) -> ShiftSlot:
    return slot_at(shifts, slot.start - timedelta(minutes=1), tz, is_working_day)
