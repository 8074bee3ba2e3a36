"""``callcenter site``: the site profile and calendar published to every desk.

    callcenter site publish (--profile FILE | --calendar FILE) --author NAME [--data-dir DIR]
    callcenter site list [--data-dir DIR]

``publish`` checks the file as the app checks the shipped ones (a file with a
problem is refused with ``FILE:LINE: reason`` and exit 1), stores it in this
desk's database as the next version, and sync takes it to central and every
other desk (services/site/documents.py). Desks use it from their next start.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from callcenter.domain.calendar import CalendarError
from callcenter.domain.site_profile import ProfileError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter site", description="Site profile and calendar.")
    sub = p.add_subparsers(dest="action", required=True)
    pub = sub.add_parser("publish", help="publish a profile or calendar to every desk")
    which = pub.add_mutually_exclusive_group(required=True)
    which.add_argument("--profile", type=Path, help="site profile TOML")
    which.add_argument("--calendar", type=Path, help="working-day calendar TOML")
    pub.add_argument("--author", required=True, help="who publishes: a shift lead's 工号")
    pub.add_argument("--data-dir", type=Path)
    lst = sub.add_parser("list", help="list the published versions on this desk")
    lst.add_argument("--data-dir", type=Path)
    return p


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    from sqlalchemy import select

    from callcenter.domain.auth.permissions import PermissionDenied
    from callcenter.services.auth.directory import user_actor
    from callcenter.services.site.documents import publish_in
    from callcenter.services.site.settings import default_data_dir, load_settings
    from callcenter.services.storage.database import open_database
    from callcenter.store.site_models import SiteDocument

    data_dir: Path = ns.data_dir or default_data_dir()
    db = open_database(data_dir / "desk.sqlite3")
    try:
        if ns.action == "list":
            rows = db.read_now(lambda s: s.execute(
                select(SiteDocument.kind, SiteDocument.number, SiteDocument.author,
                       SiteDocument.created_at, SiteDocument.origin_workstation)
                .order_by(SiteDocument.kind, SiteDocument.number)).all())
            for kind, number, author, at, ws in rows:
                print(f"{kind} #{number}  {at:%Y-%m-%d %H:%M} UTC  by {author} on {ws}")
            if not rows:
                print("nothing published: desks use the files shipped with the app")
            return 0
        kind, path = ("profile", ns.profile) if ns.profile else ("calendar", ns.calendar)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            print(f"{path}:1: {exc}", file=sys.stderr)
            return 1
        workstation = load_settings(data_dir).workstation
        # the author's role as a desk signing in with that ID gets it (services/auth)
        by = user_actor(db, ns.author.strip())
        try:
            done = db.write_now(lambda s: publish_in(s, kind, text, by, datetime.now(UTC),
                                                     workstation))
        except (ProfileError, CalendarError) as exc:
            print(str(exc).replace(f"{kind} (not published)", str(path)), file=sys.stderr)
            return 1
        except PermissionDenied:
            who = f"{by.user_id} ({by.role.value})" if by else f"{ns.author.strip()} (no such user)"
            print(f"callcenter site: {who} may not publish site documents: only a shift lead "
                  "does; nothing was published", file=sys.stderr)
            return 1
        print(f"published {kind} #{done.number}; other desks get it with their next sync "
              "and use it from their next start")
        return 0
    finally:
        db.close()
