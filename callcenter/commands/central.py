"""``callcenter central upgrade --url URL``,
``callcenter central add-desk NAME [--team T] [--kind K] --url URL`` and
``callcenter central demo [DIR] [--launch | --stop]``.

``demo`` is the one-command trial on one machine: an embedded PostgreSQL
(pgserver) with the central schema and two desks pointed at it, a phone agent
(DEMO-A) and a shift lead (LEAD-1); see callcenter/services/sync/central_demo.py.
With ``--launch`` it also starts both desks' windows.

The URL is an admin connection to the central PostgreSQL (it must be able to
create roles). ``add-desk`` reads the new desk's password from
``--password-stdin`` or asks for it, never from the command line, so it does
not end up in shell history or ``ps``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shlex
import subprocess
import sys
from pathlib import Path

import psycopg
from sqlalchemy.exc import SQLAlchemyError

from callcenter.sync import central
from callcenter.sync.central_names import DESK_KINDS


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter central", description="Central PostgreSQL tools.")
    sub = p.add_subparsers(dest="action", required=True)
    up = sub.add_parser("upgrade", help="bring the central schema up to date")
    up.add_argument("--url", default=os.environ.get("CALLCENTER_CENTRAL_URL"),
                    help="admin URL (default: $CALLCENTER_CENTRAL_URL)")
    add = sub.add_parser("add-desk", help="create or re-key the database role of one desk")
    add.add_argument("name", help="desk (workstation) code")
    add.add_argument("--url", default=os.environ.get("CALLCENTER_CENTRAL_URL"),
                     help="admin URL (default: $CALLCENTER_CENTRAL_URL)")
    add.add_argument("--team", help="the desk's team; for a department desk its department code "
                                    "(tickets.department); chooses the rows the desk pulls")
    add.add_argument("--kind", default="agent", choices=DESK_KINDS,
                     help="agent (default), lead (shift lead), qa, department or admin")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    demo = sub.add_parser("demo", help="an embedded PostgreSQL and two desks on this machine")
    demo.add_argument("dir", nargs="?", type=Path,
                      help="where the server and the desks live (default: <data dir>/central-demo)")
    what = demo.add_mutually_exclusive_group()
    what.add_argument("--launch", action="store_true", help="also start both desks' windows")
    what.add_argument("--stop", action="store_true", help="stop the demo's server")
    return p


def _demo(ns: argparse.Namespace) -> int:
    from callcenter.services.site.settings import default_data_dir
    from callcenter.services.sync import central_demo

    folder: Path = ns.dir or default_data_dir() / "central-demo"
    try:
        if ns.stop:
            if central_demo.stop(folder):
                print(f"demo central in {folder / 'pg'} stopped")
            else:
                print(f"demo central in {folder / 'pg'} was not running")
            return 0
        desks = central_demo.setup(folder)
    except central_demo.DemoUnavailable as exc:
        print(f"callcenter central: {exc}", file=sys.stderr)
        return 1
    print(f"demo central running in {folder / 'pg'} (stop: callcenter central demo {folder} --stop)")
    # the desks open one below and right of the other (their titles say which is which)
    commands = {code: [sys.executable, "-m", "callcenter", "--demo", "--data-dir", str(d),
                       "--geometry", f"1280x760+{40 + 320 * i}+{40 + 120 * i}"]
                for i, (code, d) in enumerate(desks.items())}
    for code, cmd in commands.items():
        print(f"desk {code}: {shlex.join(cmd)}")
    if ns.launch:
        procs = [subprocess.Popen(cmd) for cmd in commands.values()]
        return max(p.wait() for p in procs)
    return 0


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if ns.action == "demo":
        try:
            return _demo(ns)
        except (psycopg.Error, SQLAlchemyError) as exc:
            print(f"callcenter central: {exc}".rstrip(), file=sys.stderr)
            return 1
    if not ns.url:
        print("callcenter central: --url (or CALLCENTER_CENTRAL_URL) is required", file=sys.stderr)
        return 2
    try:
        return _run(ns)
    except (psycopg.Error, SQLAlchemyError) as exc:  # unreachable server, bad login, schema not upgraded yet
        print(f"callcenter central: {exc}".rstrip(), file=sys.stderr)
        return 1


def _run(ns: argparse.Namespace) -> int:
    if ns.action == "upgrade":
        central.upgrade(ns.url)
        print("central schema up to date")
        for problem in central.durability_problems(ns.url):
            print(f"warning: {problem}: a crash of central can lose pushes it acknowledged",
                  file=sys.stderr)
        return 0
    if ns.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for desk {ns.name}: ")
    if not password:
        print("callcenter central: empty password", file=sys.stderr)
        return 2
    try:
        role = central.create_desk_role(ns.url, ns.name, password, team=ns.team, kind=ns.kind)
    except ValueError as exc:
        print(f"callcenter central: {exc}", file=sys.stderr)
        return 2
    print(f"desk {ns.name} ({ns.kind}{', team ' + ns.team if ns.team else ''}): role {role}")
    return 0
