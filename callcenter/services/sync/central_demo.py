"""Two desks and a central PostgreSQL on one machine, for demos and trials.

``setup(dir)`` starts an embedded PostgreSQL (the pip package pgserver, left
running in ``dir/pg`` after this process exits), brings it to the central
schema head, creates the desks' roles and writes each desk's settings.toml
(workstation code + central URL) under ``dir/<desk>``. Run the desks with
``callcenter --demo --data-dir dir/<desk>``; ``stop(dir)`` stops the server
(also while desks are connected).

Demo only: the embedded server trusts connections on its private unix socket
(pgserver's default), so the desks need no password. A real site runs its own
PostgreSQL with password (SCRAM) logins, one role per desk
(``callcenter central add-desk``), the password in each desk's OS keyring
(``callcenter sync set-password``).
"""

from __future__ import annotations

import os
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from callcenter.services.site.settings import DeskSettings, load_settings, save_settings
from callcenter.sync import central


@dataclass(frozen=True)
class DemoDesk:
    code: str  # workstation code (ticket numbers, sync desk id)
    kind: str  # sync.desks kind: agent | lead | ...
    team: str | None
    folder: str  # data dir under the demo dir


DESKS = (
    DemoDesk("DEMO-A", "agent", "T1", "desk-a"),
    DemoDesk("LEAD-1", "lead", "T1", "lead"),
)


class DemoUnavailable(RuntimeError):
    pass


def _server_module() -> Any:
    try:
        import pgserver
    except ImportError as exc:  # an optional extra: pip install -e '.[central-demo]'
        raise DemoUnavailable(
            "the embedded PostgreSQL needs the pgserver package: "
            "pip install -e '.[central-demo]'") from exc
    return pgserver


def _server(pg: Path, cleanup_mode: str | None) -> Any:
    pgserver = _server_module()
    pg.mkdir(parents=True, exist_ok=True)
    # the server runs as its own user when started by root: it must reach its files
    for p in (pg.parent, pg):
        p.chmod(p.stat().st_mode | 0o055)
    return pgserver.get_server(pg, cleanup_mode=cleanup_mode)


def _as_role(url: str, role: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, quote(role) + "@" + host, parts.path, parts.query, ""))


def setup(folder: Path) -> dict[str, Path]:
    """Start (or reuse) the demo's central and make its desks; returns desk code -> data dir."""
    folder = folder.resolve()
    admin = _server(folder / "pg", None).get_uri()
    central.upgrade(admin)
    out: dict[str, Path] = {}
    for d in DESKS:
        # the password is never used (trust on the private socket) nor kept
        role = central.create_desk_role(admin, d.code, secrets.token_urlsafe(16), team=d.team,
                                        kind=d.kind)
        data_dir = folder / d.folder
        current = load_settings(data_dir) if (data_dir / "settings.toml").exists() else None
        save_settings(data_dir, DeskSettings(d.code, current.last_agent_id if current else "",
                                             _as_role(admin, role)))
        out[d.code] = data_dir
    return out


def _postmaster_pid(pg: Path) -> int | None:
    """The running server's process id (postmaster.pid's first line), None when stopped."""
    try:
        pid = int((pg / "postmaster.pid").read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:  # alive, owned by the server's own user
        pass
    return pid


def stop(folder: Path) -> bool:
    """Stop the demo's server, whoever is connected to it (desks, a ``--launch``
    still waiting for its desks): False when it was not running.

    pgserver stops a server only when the last process that opened it lets go,
    and a ``--launch`` holds it as long as its desks run; so this runs
    ``pg_ctl stop -m fast`` itself (connected desks are disconnected; they work on
    and show 离线) and checks that the server is gone."""
    pg = folder.resolve() / "pg"
    if not (pg / "PG_VERSION").exists():
        raise DemoUnavailable(f"no demo server in {pg}")
    if _postmaster_pid(pg) is None:
        return False
    _server_module()  # the pgserver package is there (else: what to install)
    from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

    # as root, pgserver runs the server as its own user, and pg_ctl must be that user
    user = "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    try:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pg, user=user, timeout=60)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise DemoUnavailable(f"could not stop the demo server in {pg}: {exc}") from exc
    if _postmaster_pid(pg) is not None:
        raise DemoUnavailable(f"the demo server in {pg} is still running")
    (pg / ".handle_pids.json").unlink(missing_ok=True)  # nobody holds it now
    return True
