"""``callcenter outages import FILE`` and ``callcenter outages lookup [TEXT] ...``.

The same services the app uses, on the desk's own store file; ``lookup --json``
prints a list (``[]`` when nothing matches) for scripts and tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from callcenter.domain.clock import SystemClock
from callcenter.domain.outages.labels import KIND_ZH, MATCH_ZH, NO_MATCH_ZH, OVERDUE_ZH, PHASE_ZH
from callcenter.services.outages.importer import OutageImport, parse_local_time
from callcenter.services.outages.lookup import LookupQuery, OutageHit, QueryTooLong, lookup_in
from callcenter.services.privacy.policy import export_match
from callcenter.services.site.profile import load_profile
from callcenter.services.site.settings import default_data_dir, load_settings
from callcenter.services.storage.database import Database, open_database


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter outages", description="Outage lists and lookups.")
    sub = p.add_subparsers(dest="cmd", required=True)
    imp = sub.add_parser("import", help="import a dispatch outage list (CSV or .xlsx), all or nothing")
    imp.add_argument("file", type=Path)
    imp.add_argument("--data-dir", type=Path)
    look = sub.add_parser("lookup", help="outages covering an address, account, feeder or 台区")
    look.add_argument("text", nargs="?", default="",
                      help="address, street, 台区 or 线路 (part of a name is fine)")
    look.add_argument("--account", default="")
    look.add_argument("--feeder", default="")
    look.add_argument("--transformer-area", default="")
    look.add_argument("--at", default="", help="site local time YYYY-MM-DD HH:MM (default: now)")
    look.add_argument("--json", action="store_true")
    look.add_argument("--data-dir", type=Path)
    return p


def _open(data_dir: Path | None) -> tuple[Database, Path]:
    d = data_dir or default_data_dir()
    return open_database(d / "desk.sqlite3"), d


def _as_json(h: OutageHit) -> dict[str, object]:
    def iso(t: datetime | None) -> str | None:
        return t.isoformat() if t else None

    return {"id": h.source_id, "kind": h.kind.value, "status": h.status.value, "phase": h.phase.value,
            "cause": h.cause, "start": iso(h.start), "expected_restore": iso(h.expected_restore),
            "actual_restore": iso(h.actual_restore), "announced_at": iso(h.announced_at),
            "short_notice": h.short_notice, "overdue": h.overdue, "area": h.area, "matched_by": h.matched_by,
            "matched_value": export_match(h.matched_by, h.matched_value)}


def _as_text(h: OutageHit, tz: ZoneInfo) -> str:
    """One tab-separated line with the Chinese labels an agent reads on the desk."""
    local = h.start.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    restore = h.expected_restore.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    how = MATCH_ZH.get(h.matched_by, h.matched_by)
    return (f"{h.source_id}\t{KIND_ZH.get(h.kind.value, h.kind.value)}\t"
            f"{OVERDUE_ZH if h.overdue else PHASE_ZH.get(h.phase.value, h.phase.value)}\t"
            f"{local} -> {restore}\t"
            f"{how}：{export_match(h.matched_by, h.matched_value)}\t{h.cause}")


def main(argv: list[str]) -> int:
    p = _parser()
    try:
        ns = p.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    profile = load_profile()
    tz = ZoneInfo(profile.timezone)
    db, data_dir = _open(ns.data_dir)
    try:
        if ns.cmd == "import":
            ws = load_settings(data_dir).workstation
            report = OutageImport(db, SystemClock(), ws, profile.timezone).run(ns.file)
            print(report.text(), file=sys.stdout if report.ok else sys.stderr)
            return 0 if report.ok else 1
        at = parse_local_time(ns.at, tz) if ns.at else None
        if ns.at and at is None:
            print(f"callcenter outages lookup: --at {ns.at!r} is not YYYY-MM-DD HH:MM", file=sys.stderr)
            return 2
        q = LookupQuery(text=ns.text, account=ns.account, feeder=ns.feeder,
                        transformer_area=ns.transformer_area, at=at)
        try:
            hits = db.read_now(lambda s: lookup_in(s, q, SystemClock().utc_now()))
        except QueryTooLong as exc:
            print(f"callcenter outages lookup: {exc}", file=sys.stderr)
            return 2
        if ns.json:
            print(json.dumps([_as_json(h) for h in hits], ensure_ascii=False))
        else:
            for h in hits:
                print(_as_text(h, tz))
            if not hits:
                print(NO_MATCH_ZH)
        return 0
    finally:
        db.close()
