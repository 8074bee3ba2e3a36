"""``callcenter audit verify [--data-dir DIR | --central URL]``.

Checks every desk's audit chain (callcenter/domain/audit/chain.py) in this
desk's store, or in central with an admin URL. Exit 0 with ``intact: N
records`` when every chain holds; exit 1 with ``record N: <what is wrong>`` for
the first break of each broken desk; exit 2 on a usage error or an unreadable
store/central.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter audit", description="The tamper-evident audit log.")
    sub = p.add_subparsers(dest="action", required=True)
    ver = sub.add_parser("verify", help="check every desk's hash chain")
    where = ver.add_mutually_exclusive_group()
    where.add_argument("--data-dir", type=Path, help="this desk's data directory (default)")
    where.add_argument("--central", metavar="URL",
                       help="an admin URL of central (checks every desk's chain there)")
    return p


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    from callcenter.services.audit.verify import VerifyReport

    report: VerifyReport
    if ns.central:
        import psycopg

        from callcenter.services.audit.verify import verify_central

        try:
            report = verify_central(ns.central)
        except psycopg.Error as exc:
            print(f"callcenter audit: {exc}".rstrip(), file=sys.stderr)
            return 2
    else:
        from callcenter.services.audit.verify import verify_store
        from callcenter.services.site.settings import default_data_dir
        from callcenter.services.storage.database import open_database

        path = (ns.data_dir or default_data_dir()) / "desk.sqlite3"
        if not os.path.exists(path):
            print(f"callcenter audit: no store at {path}", file=sys.stderr)
            return 2
        db = open_database(path)
        try:
            report = verify_store(db)
        finally:
            db.close()
    for line in report.lines():
        print(line)
    return 0 if report.intact else 1
