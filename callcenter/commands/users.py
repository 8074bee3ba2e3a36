"""``callcenter users``: the site's users, for administrators.

    callcenter users add ID --name NAME --role agent|lead|qa|department|admin
                     [--team T] [--department D] --password-stdin
    callcenter users disable ID | enable ID
    callcenter users reset-password ID --password-stdin
    callcenter users list [--json]

each with ``--data-dir DIR`` (this desk's store; sync takes the change to
central and every desk) or ``--central URL`` (central directly, as an
administrator). A password is read from standard input, never from the
command line (argv is visible to every user of the machine). The first
administrator is made with ``users add ... --role admin``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

_MESSAGES = {
    "bad_id": "the ID must match the site's 工号 pattern",
    "exists": "this ID already exists",
    "unknown": "no such user",
    "bad_name": "the name must be 1 to 50 printable characters",
    "bad_role": "the role must be agent, lead, qa, department or admin",
    "bad_department": "a department user needs a department code of the profile; others none",
    "bad_team": "the team must be at most 32 printable characters",
    "password_empty": "the password is empty",
    "password_too_long": "the password is longer than 128 characters",
    "password_too_short": "the password must have at least 8 characters",
    "password_same_as_id": "the password must not be the ID",
    "password_nul": "the password contains a NUL character",
    "conflict": "central has a newer change of this user; list and try again",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter users", description="The site's users.")
    where = argparse.ArgumentParser(add_help=False)
    g = where.add_mutually_exclusive_group()
    g.add_argument("--data-dir", type=Path, help="this desk's store (default: the user data dir)")
    g.add_argument("--central", metavar="URL", help="central PostgreSQL, as an administrator")
    sub = p.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", parents=[where], help="add a user")
    add.add_argument("user_id", metavar="ID")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["agent", "lead", "qa", "department", "admin"])
    add.add_argument("--team")
    add.add_argument("--department")
    add.add_argument("--password-stdin", action="store_true", required=True,
                     help="read the password from standard input")
    for name in ("disable", "enable"):
        sub.add_parser(name, parents=[where], help=f"{name} a user").add_argument(
            "user_id", metavar="ID")
    reset = sub.add_parser("reset-password", parents=[where],
                           help="set a password the user must change at the next sign-in")
    reset.add_argument("user_id", metavar="ID")
    reset.add_argument("--password-stdin", action="store_true", required=True)
    lst = sub.add_parser("list", parents=[where], help="list users")
    lst.add_argument("--json", action="store_true")
    return p


def _read_password() -> str:
    line = sys.stdin.readline()
    return line[:-1] if line.endswith("\n") else line


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    from callcenter.services.auth.directory import UserDirectory, UserRefused

    now = datetime.now(UTC)
    password = _read_password() if getattr(ns, "password_stdin", False) else ""
    try:
        if ns.central:
            from callcenter.services.auth.central_users import ADMIN_DESK, CentralUsers
            from callcenter.services.site.profile import load_profile

            profile = load_profile()
            central = CentralUsers(ns.central, UserDirectory(profile, ADMIN_DESK))
            if ns.action == "list":
                return _print(central.list(profile.lockout, now), ns.json)
            if ns.action == "add":
                central.add(ns.user_id, name=ns.name, role=ns.role, password=password, now=now,
                            team=ns.team, department=ns.department)
            elif ns.action in ("disable", "enable"):
                central.set_disabled(ns.user_id, ns.action == "disable", now)
            else:
                central.reset_password(ns.user_id, password, now)
            print(f"{ns.action}: {ns.user_id.strip()} on central; desks get it with their next sync")
            return 0
        return _local(ns, password, now)
    except UserRefused as exc:
        print(f"{ns.action} {exc.user_id or getattr(ns, 'user_id', '')}: "
              f"{_MESSAGES.get(exc.code, exc.code)}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cannot reach the store or central: {exc}", file=sys.stderr)
        return 1


def _local(ns: argparse.Namespace, password: str, now: datetime) -> int:
    from callcenter.services.auth.directory import UserDirectory
    from callcenter.services.site.documents import current_profile
    from callcenter.services.site.settings import default_data_dir, load_settings
    from callcenter.services.storage.database import open_database

    data_dir: Path = ns.data_dir or default_data_dir()
    db = open_database(data_dir / "desk.sqlite3")
    try:
        profile = current_profile(db)
        # no one is signed in at a command line: the audit names the OS account
        users = UserDirectory(profile, load_settings(data_dir).workstation,
                              by=f"os:{getpass.getuser()}"[:16])
        if ns.action == "list":
            return _print(db.read_now(lambda s: users.list_in(s, now)), ns.json)
        if ns.action == "add":
            db.write_now(lambda s: users.add_in(
                s, ns.user_id, name=ns.name, role=ns.role, password=password, now=now,
                team=ns.team, department=ns.department))
        elif ns.action in ("disable", "enable"):
            db.write_now(lambda s: users.set_disabled_in(s, ns.user_id, ns.action == "disable", now))
        else:
            db.write_now(lambda s: users.reset_password_in(s, ns.user_id, password, now))
        print(f"{ns.action}: {ns.user_id.strip()}")
        return 0
    finally:
        db.close()


def _print(users: list, as_json: bool) -> int:  # type: ignore[type-arg]
    if as_json:
        print(json.dumps([{
            "id": u.user_id, "name": u.name, "role": u.role.value, "team": u.team,
            "department": u.department, "disabled": u.disabled,
            "must_change_password": u.must_change_password,
            "locked_until": u.locked_until.isoformat() if u.locked_until else None,
        } for u in users], ensure_ascii=False))
        return 0
    for u in users:
        flags = [f for f, on in (("disabled", u.disabled), ("must change password",
                 u.must_change_password), (f"locked until {u.locked_until:%H:%M} UTC"
                 if u.locked_until else "", bool(u.locked_until))) if on]
        where = u.department or u.team or ""
        print(f"{u.user_id}\t{u.name}\t{u.role.value}\t{where}\t{', '.join(flags)}")
    if not users:
        print("no users yet: add the first administrator with users add ID --role admin")
    return 0
