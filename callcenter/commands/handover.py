"""``callcenter handover compile [--at TIME] [--data-dir DIR] --json`` and
``callcenter handover export ID --pdf FILE``.

``compile`` prints the compiled sections of the shift that holds TIME (site-local
``YYYY-MM-DD HH:MM``, or ISO 8601 with an offset; default now) from the desk's
own store, the same ``compile_in`` the 交接班 tab shows.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from callcenter.domain.clock import SystemClock
from callcenter.domain.site_profile import ProfileError, SiteProfile
from callcenter.services.handover.compile import NoShifts, compile_in, shift_info
from callcenter.services.outages.importer import parse_local_time
from callcenter.services.site.calendar import load_calendar
from callcenter.services.site.profile import load_profile
from callcenter.services.site.settings import default_data_dir
from callcenter.services.storage.database import open_database


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter handover", description="Shift handover records.")
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("compile", help="the compiled sections of the shift that holds TIME")
    c.add_argument("--at", default="", help="site-local YYYY-MM-DD HH:MM or ISO 8601 (default: now)")
    c.add_argument("--data-dir", type=Path)
    c.add_argument("--profile", type=Path, help="site profile TOML")
    c.add_argument("--json", action="store_true", help="print JSON (the only format)")
    e = sub.add_parser("export", help="a record as PDF, with the unit's header")
    e.add_argument("id", help="the record's id")
    e.add_argument("--pdf", type=Path, required=True)
    e.add_argument("--data-dir", type=Path)
    e.add_argument("--profile", type=Path, help="site profile TOML")
    e.add_argument("--lang", choices=("zh", "en"), default="zh")
    return p


def parse_at(text: str, tz: ZoneInfo) -> datetime | None:
    if not text:
        return SystemClock().utc_now()
    local = parse_local_time(text, tz)
    if local is not None:
        return local
    try:
        t = datetime.fromisoformat(text)
    except ValueError:
        return None
    return t.replace(tzinfo=tz).astimezone(UTC) if t.tzinfo is None else t.astimezone(UTC)


def _compile(ns: argparse.Namespace, profile: SiteProfile) -> int:
    tz = ZoneInfo(profile.timezone)
    at = parse_at(ns.at, tz)
    if at is None:
        print(f"callcenter handover compile: --at {ns.at!r} is not YYYY-MM-DD HH:MM", file=sys.stderr)
        return 2
    calendar = load_calendar()
    try:
        info = shift_info(profile, at, calendar.is_working_day)
    except (NoShifts, LookupError) as exc:
        print(f"callcenter handover compile: {exc}", file=sys.stderr)
        return 1
    db = open_database((ns.data_dir or default_data_dir()) / "desk.sqlite3")
    try:
        compiled = db.read_now(lambda s: compile_in(s, profile, info, at))
    finally:
        db.close()
    print(json.dumps(compiled.as_json(), ensure_ascii=False))
    return 0


def main(argv: list[str]) -> int:
    p = _parser()
    try:
        ns = p.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    try:
        profile = load_profile(ns.profile)
    except ProfileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if ns.cmd == "compile":
        return _compile(ns, profile)
    from callcenter.commands.handover_export import export  # Qt only when exporting
    return export(ns, profile)
