"""``callcenter report monthly --month YYYY-MM --out FILE.xlsx [--pdf FILE.pdf]
[--central URL | --data-dir DIR] [--profile FILE] [--lang zh|en]``.

The monthly 供电优质服务月报表 (rules section 4, seed 004 Q61). With
``--central`` (an admin or reader URL) it covers the whole site; otherwise it
reads this desk's store and its title says it is the desk's own subset. Exit 0
when the files are written; 2 on a usage error, a bad month or an unreadable
store/central (one line on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from callcenter.domain.report.period import Month
    from callcenter.domain.site_profile import SiteProfile
    from callcenter.services.report.monthly import MonthlyReport

    Built = tuple[MonthlyReport, SiteProfile]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter report", description="Reports.")
    sub = p.add_subparsers(dest="kind", required=True)
    m = sub.add_parser("monthly", help="the monthly 供电优质服务月报表 (xlsx, optional PDF)")
    m.add_argument("--month", required=True, help="the site-local month, YYYY-MM")
    m.add_argument("--out", required=True, type=Path, help="the xlsx to write")
    m.add_argument("--pdf", type=Path, help="also an A4 PDF")
    where = m.add_mutually_exclusive_group()
    where.add_argument("--central", metavar="URL", help="central's URL: the whole site")
    where.add_argument("--data-dir", type=Path, help="this desk's data directory (default)")
    m.add_argument("--profile", type=Path,
                   help="site profile TOML (default: the desk's published one, else the shipped)")
    m.add_argument("--lang", choices=["zh", "en"], default="zh")
    return p


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    from callcenter.domain.clock import SystemClock
    from callcenter.domain.report.period import BadMonth, Month

    try:
        month = Month.parse(ns.month)
    except BadMonth:
        print(f"callcenter report: not a month (YYYY-MM): {ns.month}", file=sys.stderr)
        return 2
    for target in (ns.out, ns.pdf):
        if target is not None and not target.parent.is_dir():
            print(f"callcenter report: no such folder: {target.parent}", file=sys.stderr)
            return 2
    now = SystemClock().utc_now()
    built = _central(ns, month, now) if ns.central else _desk(ns, month, now)
    if built is None:
        return 2
    from callcenter.services.report.labels import profile_names, with_names
    from callcenter.services.report.xlsx import write_xlsx

    report, profile = built
    report = with_names(report, profile_names(profile, ns.lang))
    write_xlsx(report, ns.out, lang=ns.lang)
    print(f"wrote {ns.out}: {report.month}, {report.total.current} tickets "
          f"({'whole site' if report.scope == 'site' else 'this desk only'})")
    if ns.pdf is not None:
        pages = _pdf(report, ns.pdf, ns.lang)
        print(f"wrote {ns.pdf}: {pages} A4 page(s)")
    return 0


def _central(ns: argparse.Namespace, month: Month, now: datetime) -> Built | None:
    import sqlalchemy.exc

    from callcenter.services.report.source import from_central
    from callcenter.services.site.profile import load_profile

    profile = load_profile(ns.profile)
    try:
        return from_central(ns.central, profile, month, now), profile
    except (sqlalchemy.exc.SQLAlchemyError, ValueError) as exc:
        print(f"callcenter report: central: {str(exc).splitlines()[0]}", file=sys.stderr)
        return None


def _desk(ns: argparse.Namespace, month: Month, now: datetime) -> Built | None:
    from callcenter.services.report.source import from_desk
    from callcenter.services.site.documents import current_profile
    from callcenter.services.site.profile import load_profile
    from callcenter.services.site.settings import default_data_dir
    from callcenter.services.storage.database import open_database

    path = (ns.data_dir or default_data_dir()) / "desk.sqlite3"
    if not os.path.exists(path):
        print(f"callcenter report: no store at {path}", file=sys.stderr)
        return None
    db = open_database(path)
    try:
        profile = load_profile(ns.profile) if ns.profile else current_profile(db)
        return from_desk(db, profile, month, now), profile
    finally:
        db.close()


def _pdf(report: MonthlyReport, path: Path, lang: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a command prints, never shows
    from PySide6.QtGui import QGuiApplication

    from callcenter.ui.report.pdf import write_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    assert app is not None
    return write_pdf(report, path, lang=lang)
