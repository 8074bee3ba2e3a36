"""Load the site's working-day calendar (resources/calendar/cn_workdays.toml by default)."""

from __future__ import annotations

from pathlib import Path

from callcenter.domain.calendar import CalendarError, WorkCalendar, parse_calendar
from callcenter.services.site.resources import RESOURCES

DEFAULT_CALENDAR = RESOURCES / "calendar" / "cn_workdays.toml"


def load_calendar(path: Path | None = None) -> WorkCalendar:
    """Raises ``CalendarError`` as ``FILE:LINE: reason`` so a bad file is refused at start."""
    p = Path(path) if path else DEFAULT_CALENDAR
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise CalendarError(f"{p}:1: {exc}") from exc
    return parse_calendar(text, str(p))
