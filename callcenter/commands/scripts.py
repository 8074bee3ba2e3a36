"""``callcenter scripts check [DIR]``: validate a script library.

Prints one line per problem as ``FILE:LINE: reason`` and exits 1 if there is
any, 0 if the library is clean. DIR defaults to the shipped library. Ticket
categories are checked against the site profile (``--profile FILE``). The app
runs the same check when it loads the library and when a lead publishes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from callcenter.services.scripts.library import SHIPPED_LIBRARY, check_directory
from callcenter.services.site.profile import load_profile


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter scripts", description="Script library tools.")
    sub = p.add_subparsers(dest="action", required=True)
    check = sub.add_parser("check", help="validate a library directory (default: the shipped one)")
    check.add_argument("directory", nargs="?", type=Path, default=SHIPPED_LIBRARY)
    check.add_argument("--profile", type=Path, help="site profile TOML (for ticket categories)")
    return p


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    profile = load_profile(ns.profile)
    problems = check_directory(ns.directory, [c.code for c in profile.categories])
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {ns.directory}", file=sys.stderr)
        return 1
    count = len(list(Path(ns.directory).glob("*.toml")))
    print(f"{count} script(s) OK in {ns.directory}", file=sys.stderr)
    return 0
