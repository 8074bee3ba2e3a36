"""``callcenter sip demo [DIR] [--launch | --stop]`` and ``callcenter sip set-password``.

``demo`` starts a Kamailio on 127.0.0.1 and a caller that phones the desk a
few times (callcenter/services/phone/demo.py) and prints the command for the
desk; with ``--launch`` it also starts the desk's window. ``set-password``
keeps the desk's SIP password in the OS keyring (read from stdin or asked for,
never from the command line).
"""

from __future__ import annotations

import argparse
import getpass
import shlex
import subprocess
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter sip", description="The SIP soft phone.")
    sub = p.add_subparsers(dest="action", required=True)
    demo = sub.add_parser("demo", help="Kamailio and a caller on this machine (127.0.0.1)")
    demo.add_argument("dir", nargs="?", type=Path,
                      help="where the demo lives (default: <data dir>/sip-demo)")
    demo.add_argument("--calls", type=int, default=5, help="answered calls the caller makes")
    what = demo.add_mutually_exclusive_group()
    what.add_argument("--launch", action="store_true", help="also start the desk's window")
    what.add_argument("--stop", action="store_true", help="stop the demo's Kamailio and caller")
    pw = sub.add_parser("set-password", help="keep the SIP password in the OS keyring")
    pw.add_argument("--data-dir", type=Path, help="the desk's data dir (its sip.toml)")
    pw.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    return p


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    from callcenter.services.site.settings import default_data_dir

    if ns.action == "set-password":
        return _set_password(ns.data_dir or default_data_dir(), ns.password_stdin)
    from callcenter.services.phone import demo

    folder: Path = ns.dir or default_data_dir() / "sip-demo"
    if ns.stop:
        pids = demo.stop(folder)
        print(f"SIP demo in {folder} stopped ({len(pids)} processes)")
        return 0
    try:
        state = demo.setup(folder, ns.calls)
    except demo.DemoUnavailable as exc:
        print(f"callcenter sip: {exc}", file=sys.stderr)
        return 1
    cmd = [sys.executable, "-m", "callcenter", "--demo", "--telephony", "sip",
           "--data-dir", str(state["desk_dir"])]
    print(f"Kamailio on {state['registrar']}; a caller phones desk1 {ns.calls} times "
          f"(stop: callcenter sip demo {folder} --stop)")
    print(f"desk: CALLCENTER_SIP_PASSWORD=(in {folder / demo.STATE}) {shlex.join(cmd)}")
    if ns.launch:
        return subprocess.Popen(cmd, env=demo.desk_env(state)).wait()
    return 0


def _set_password(data_dir: Path, from_stdin: bool) -> int:
    from callcenter.services.phone.settings import (
        SipSettingsError,
        load_sip_settings,
        store_sip_password,
    )
    from callcenter.services.sync.credentials import CredentialError

    try:
        s = load_sip_settings(data_dir)
    except SipSettingsError as exc:
        print(f"callcenter sip: {exc}", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\n") if from_stdin else getpass.getpass(
        f"SIP password for {s.keyring_user}: ")
    try:
        store_sip_password(s, password)
    except CredentialError as exc:
        print(f"callcenter sip: {exc}", file=sys.stderr)
        return 1
    print(f"SIP password for {s.keyring_user} stored in the keyring")
    return 0
