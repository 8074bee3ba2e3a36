"""``callcenter sync``: this desk's sync with central, from a terminal.

    callcenter sync --once [--central URL] [--data-dir DIR] [--json]
    callcenter sync --watch [--central URL] [--data-dir DIR]
    callcenter sync set-password [--central URL] [--data-dir DIR] [--password-stdin]
    callcenter sync status [--data-dir DIR] [--json]

The central URL comes from ``--central``, else ``$CALLCENTER_CENTRAL_URL``, else
settings.toml (services/site/settings.py); the desk syncs as its workstation code.
The password comes from the URL, the system keyring or libpq's PGPASSWORD /
~/.pgpass (services/sync/credentials.py); ``set-password`` stores it in the keyring
and remembers a ``--central`` URL (without the password) in settings.toml, so
the app syncs from then on.

``--once`` runs one round (push all, pull until caught up) and exits 0 only
when nothing is left queued and the pull caught up; 1 with the reason when
central is unreachable, refuses the login, or needs a newer desk; 2 on a usage
error. ``--watch`` runs the sync worker until SIGINT/SIGTERM and logs one line
per state change. ``status`` reads the local store only.
"""

from __future__ import annotations

import argparse
import getpass
import json
import signal
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from callcenter.services.site.settings import (
    DeskSettings,
    central_url_from,
    default_data_dir,
    load_settings,
    save_settings,
)
from callcenter.services.storage.database import Database, open_database
from callcenter.services.sync.credentials import (
    CredentialError,
    connect_central,
    failure_of,
    store_password,
    url_has_password,
    without_password,
)
from callcenter.services.sync.engine import SyncEngine
from callcenter.services.sync.worker import SyncState, SyncStatus, SyncWorker

PROG = "callcenter sync"


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit code 2 through main, not sys.exit
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Sync this desk with the central database.")
    p.add_argument("action", nargs="?", choices=["set-password", "status"],
                   help="set-password: keep the desk's password in the system keyring; "
                        "status: the local queue, without connecting")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one round: push all, pull until caught up")
    mode.add_argument("--watch", action="store_true", help="sync until SIGINT/SIGTERM")
    p.add_argument("--central", metavar="URL",
                   help="central PostgreSQL URL (default: $CALLCENTER_CENTRAL_URL, then settings.toml)")
    p.add_argument("--data-dir", type=Path, help="where the local database lives")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--password-stdin", action="store_true", help="set-password: read it from stdin")
    return p


def _err(msg: str) -> None:
    print(f"{PROG}: {msg}", file=sys.stderr)


def main(argv: list[str]) -> int:
    p = _parser()
    try:
        ns = p.parse_args(argv)
        if sum([bool(ns.action), ns.once, ns.watch]) != 1:
            raise UsageError("say one of --once, --watch, set-password, status")
    except UsageError as exc:
        p.print_usage(sys.stderr)
        _err(str(exc))
        return 2
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    data_dir: Path = ns.data_dir or default_data_dir()
    settings = load_settings(data_dir)
    if ns.action == "status":
        return _status(data_dir, ns.json)
    url = central_url_from(ns.central, settings)
    if not url:
        _err("no central URL: pass --central URL, set CALLCENTER_CENTRAL_URL, "
             "or run `callcenter sync set-password --central URL`")
        return 2
    if ns.action == "set-password":
        return _set_password(data_dir, settings, url, ns.central, ns.password_stdin)
    db = open_database(data_dir / "desk.sqlite3")
    try:
        engine = SyncEngine(db, settings.workstation, lambda: connect_central(url))
        if ns.once:
            return _once(db, engine, url, settings.workstation, ns.json)
        return _watch(db, engine, url, settings.workstation)
    finally:
        db.close()


# ----- set-password --------------------------------------------------------------
def _set_password(data_dir: Path, settings: DeskSettings, url: str, flag: str | None,
                  from_stdin: bool) -> int:
    if url_has_password(url):
        _err("give the URL without a password; it is asked for (or read with --password-stdin)")
        return 2
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"password for {url}: ")
    if not password:
        _err("empty password")
        return 2
    try:
        user = store_password(url, password)
    except ValueError as exc:
        _err(str(exc))
        return 2
    except CredentialError as exc:
        _err(str(exc))
        return 1
    print(f"password stored in the system keyring for {user}")
    if flag and settings.central_url != url:
        settings.central_url = url
        save_settings(data_dir, settings)
        print(f"central URL saved in {data_dir / 'settings.toml'}")
    return 0


# ----- --once ----------------------------------------------------------------------
def _once(db: Database, engine: SyncEngine, url: str, desk: str, as_json: bool) -> int:
    from callcenter.sync import outbox_reader as reader

    try:
        report = engine.run_once()
    except Exception as exc:
        failure = failure_of(exc)
        if as_json:
            print(json.dumps({"ok": False, "error": failure.kind.value, "detail": failure.detail,
                              "central": without_password(url), "desk": desk}, ensure_ascii=False))
        _err(f"{failure.headline()} ({without_password(url)}): {failure.detail}")
        return 1
    finally:
        engine.close()
    left = db.read_now(reader.queue_status)
    ok = left.depth == 0 and report.caught_up
    if as_json:
        out = report.as_dict() | {"ok": ok, "queue_left": left.depth, "desk": desk,
                                  "central": without_password(url)}
        print(json.dumps(out, ensure_ascii=False))
    else:
        r = report
        print(f"desk {desk} -> {without_password(url)}")
        print(f"pushed: {r.pushed_ops} ops in {r.pushed_txs} transactions "
              f"({r.push_calls} calls), {r.conflicts} conflicts")
        print(f"pulled: {r.pulled_rows} rows in {r.pages} pages, {r.kept_local} kept local, "
              f"{r.clashes} clashes" + (", full resync" if r.resync else ""))
        print(f"queue left: {left.depth} ops in {left.transactions} transactions; "
              f"pull {'caught up' if r.caught_up else 'NOT caught up'}")
    if not ok:
        _err("not everything was synced")
    return 0 if ok else 1


# ----- --watch ---------------------------------------------------------------------
def _line(s: SyncStatus) -> str:
    now = datetime.now(UTC)
    age = s.oldest_pending_age_s(now)
    parts = [f"{now.isoformat(timespec='seconds')} {s.state.value}", f"queue {s.queue_depth}"]
    if age is not None:
        parts.append(f"oldest {age:.0f}s")
    if s.last_sync_at is not None:
        parts.append(f"last sync {s.last_sync_at.isoformat(timespec='seconds')}")
    parts.append(f"conflicts {s.open_conflicts}")
    if s.error:
        failure = failure_of(Exception(s.error))
        parts.append(f"{failure.headline()}: {failure.detail}")
    return ", ".join(parts)


def _watch(db: Database, engine: SyncEngine, url: str, desk: str) -> int:
    done = threading.Event()
    last: list[tuple[SyncState, str]] = []

    def on_status(s: SyncStatus) -> None:  # on the worker thread
        key = (s.state, s.error)
        if not last or last[-1] != key:
            last.append(key)
            print(_line(s), flush=True)

    def stop(_sig: int, _frame: FrameType | None) -> None:
        done.set()

    print(f"desk {desk} -> {without_password(url)}; Ctrl+C stops", flush=True)
    old = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    worker = SyncWorker(db, engine, on_status=on_status)
    worker.start()
    try:
        while not done.wait(0.5):
            pass
    finally:
        worker.stop()
        for sig, handler in old.items():
            signal.signal(sig, handler)
    return 0


# ----- status ----------------------------------------------------------------------
def _status(data_dir: Path, as_json: bool) -> int:
    from sqlalchemy import func, select

    from callcenter.store.sync_models import SyncConflict
    from callcenter.sync import outbox_reader as reader

    path = data_dir / "desk.sqlite3"
    if not path.exists():
        _err(f"no local store at {path}")
        return 1
    db = open_database(path)
    try:
        q = db.read_now(reader.queue_status)
        push = db.read_now(lambda s: reader.get_state(s, reader.LAST_PUSH_AT))
        pull = db.read_now(lambda s: reader.get_state(s, reader.LAST_PULL_AT))
        conflicts = db.read_now(lambda s: s.execute(
            select(func.count()).select_from(SyncConflict).where(
                SyncConflict.resolved_at.is_(None))).scalar_one())
    finally:
        db.close()
    age = q.oldest_age_s(datetime.now(UTC))
    if as_json:
        print(json.dumps({"queue_depth": q.depth, "queue_transactions": q.transactions,
                          "oldest_pending_at": q.oldest_at.isoformat() if q.oldest_at else None,
                          "oldest_pending_age_s": age, "last_push_at": push, "last_pull_at": pull,
                          "open_conflicts": int(conflicts)}))
        return 0
    print(f"queue: {q.depth} ops in {q.transactions} transactions"
          + (f", oldest {age:.0f} s old" if age is not None else ""))
    print(f"last push: {push or 'never'}")
    print(f"last pull: {pull or 'never'}")
    print(f"open conflicts: {conflicts}")
    return 0
