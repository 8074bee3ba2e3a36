"""The ``callcenter`` command.

    callcenter [--demo] [--lang zh|en] [--data-dir DIR] [--profile FILE] [--scenario FILE]
               [--central URL] [--log-level DEBUG|INFO|WARNING|ERROR]
    callcenter db upgrade [--data-dir DIR]
    callcenter bench NAME [--size N] [--json]
    callcenter sync --once | --watch | set-password | status   (callcenter/commands/sync.py)
    callcenter site publish | list                            (callcenter/commands/site.py)
    callcenter audit verify [--data-dir DIR | --central URL]  (callcenter/commands/audit.py)
    callcenter report monthly --month YYYY-MM --out F.xlsx [--pdf F.pdf] [--central URL | --data-dir DIR]
    callcenter sip demo DIR --launch | --stop | set-password  (callcenter/commands/sip.py)
    callcenter handover compile [--at TIME] --json | export ID --pdf FILE   (commands/handover.py)
    callcenter qa checks [--call ID | --since DATE] | sample  (callcenter/commands/qa.py)
    callcenter --telephony sip [--sip-registrar H:P] [--sip-user U]   a real SIP soft phone
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# `callcenter NAME ...` -> callcenter/commands/MODULE.py main(argv)
SUBCOMMANDS = {"scripts": "scripts", "outages": "outages", "central": "central", "sync": "sync",
               "site": "site", "users": "users", "audit": "audit", "sip": "sip",
               "handover": "handover", "qa": "qa", "report": "report"}


# what `callcenter --help` lists under the desk's own options (one line each)
SUBCOMMAND_HELP = {
    "db": "db upgrade [--data-dir DIR]: bring the desk's store up to date",
    "scripts": "scripts check [DIR]: validate a script library",
    "outages": "outages import FILE | lookup [TEXT]: the outage list on this desk",
    "central": "central upgrade | add-desk | demo: the central PostgreSQL",
    "sync": "sync --once | --watch | set-password | status: this desk's sync",
    "site": "site publish | list: the site profile and calendar for every desk",
    "users": "users add | disable | enable | reset-password | list: the site's users",
    "audit": "audit verify: check every desk's audit chain",
    "sip": "sip demo | set-password: the SIP soft phone",
    "handover": "handover compile | export: the shift handover record",
    "qa": "qa checks | sample | calibration: quality review of stored calls",
    "report": "report monthly --month YYYY-MM --out FILE.xlsx [--pdf FILE]: the monthly report",
    "bench": "bench NAME [--size N] [--json]: the benchmarks (README: Benchmarks)",
}


def _app_parser() -> argparse.ArgumentParser:
    epilog = "sub-commands (callcenter NAME --help for each):\n" + "\n".join(
        f"  {line}" for line in SUBCOMMAND_HELP.values())
    p = argparse.ArgumentParser(prog="callcenter", description="95598 agent desk",
                                epilog=epilog,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--demo", action="store_true", help="seed demo customers and play demo calls")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.add_argument("--data-dir", type=Path, help="where the local database lives")
    p.add_argument("--profile", type=Path, help="site profile TOML")
    p.add_argument("--scenario", type=Path, help="telephony scenario TOML (default: random calls)")
    p.add_argument("--workstation", help="workstation code used in ticket numbers")
    p.add_argument("--central", metavar="URL",
                   help="central PostgreSQL to sync with (default: $CALLCENTER_CENTRAL_URL, "
                        "then the desk's settings.toml)")
    p.add_argument("--autopilot", type=int, default=0, metavar="N",
                   help="handle N calls by itself, then quit (demos, end-to-end tests)")
    p.add_argument("--log-level", choices=["DEBUG", "INFO", "WARNING", "ERROR"], default="INFO",
                   type=str.upper, help="diagnostic log level (the log's place: README)")
    p.add_argument("--telephony", choices=["sim", "sip"], default="sim",
                   help="sim: the built-in simulator (default); sip: a real SIP soft phone "
                        "(DATA_DIR/sip.toml, password from `callcenter sip set-password`)")
    p.add_argument("--sip-registrar", metavar="HOST:PORT", help="override sip.toml's registrar")
    p.add_argument("--sip-user", help="override sip.toml's SIP user")
    p.add_argument("--geometry", metavar="WxH+X+Y",
                   help="the window's size and place on the screen, e.g. 1280x760+40+40")
    p.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return p


def _not_utf8(args: list[str]) -> str | None:
    """The first argument that was not valid UTF-8 on the command line (Python
    keeps its bytes as lone surrogates, which no file, store or screen takes)."""
    for i, a in enumerate(args, 1):
        if any("\udc80" <= ch <= "\udcff" for ch in a):
            shown = a.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            return f"argument {i} is not valid UTF-8 text: {shown}"
    return None


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # every file the desk writes holds personal data or secrets: owner-only
    from callcenter.services.privacy.files import private_umask

    private_umask()
    bad = _not_utf8(args)
    if bad is not None:
        print(f"callcenter: {bad}", file=sys.stderr)
        return 2
    from callcenter.domain.site_profile import ProfileError
    from callcenter.services.storage.database import StoreOpenError

    try:
        return _dispatch(args)
    except StoreOpenError as exc:  # read-only folder or store, full disk: one line, not a traceback
        print(f"callcenter: {exc}", file=sys.stderr)
        return 1
    except ProfileError as exc:  # FILE:LINE: reason (not UTF-8, unknown key, ...)
        print(f"callcenter: {exc}", file=sys.stderr)
        return 2


def _dispatch(args: list[str]) -> int:
    if args[:1] == ["bench"]:
        from callcenter.bench import main as bench_main

        return bench_main(args[1:])
    if args[:1] and args[0] in SUBCOMMANDS:
        import importlib

        module = importlib.import_module(f"callcenter.commands.{SUBCOMMANDS[args[0]]}")
        return int(module.main(args[1:]))
    if args[:1] == ["db"]:
        p = argparse.ArgumentParser(prog="callcenter db")
        p.add_argument("action", choices=["upgrade"])
        p.add_argument("--data-dir", type=Path)
        ns = p.parse_args(args[1:])
        from callcenter.services.site.settings import default_data_dir
        from callcenter.services.storage.database import open_database

        path = (ns.data_dir or default_data_dir()) / "desk.sqlite3"
        db = open_database(path)
        db.close()
        print(f"up to date: {path}")
        return 0
    ns = _app_parser().parse_args(args)
    try:
        from callcenter.app import AppOptions, run
    except ImportError as exc:  # Qt's own libraries need one the system lacks (libEGL, ...)
        if ".so" not in str(exc):
            raise
        from callcenter.ui.shared.platform_check import missing_library_line

        print(f"callcenter: {missing_library_line(str(exc))}", file=sys.stderr)
        return 2
    return run(AppOptions(
        data_dir=ns.data_dir, demo=ns.demo, lang=ns.lang, profile=ns.profile,
        scenario=ns.scenario, workstation=ns.workstation, central_url=ns.central,
        autopilot_calls=ns.autopilot, exit_when_shown=ns.exit_when_shown,
        log_level=ns.log_level, telephony=ns.telephony, sip_registrar=ns.sip_registrar,
        sip_user=ns.sip_user, geometry=ns.geometry,
    ))


if __name__ == "__main__":
    raise SystemExit(main())
