"""Two desks and a central PostgreSQL on one machine, for demos and trials.

``setup(dir)`` starts an embedded PostgreSQL (the pip package pgserver, left
running in ``dir/pg`` after this process exits), brings it to the central
schema head, creates the desks' roles and writes each desk's settings.toml
(workstation code + central URL) under ``dir/<desk>``. Run the desks with
``callcenter --demo --data-dir dir/<desk>``; ``stop(dir)`` stops the server.

Demo only: the embedded server trusts connections on its private unix socket
(pgserver's default), so the desks need no password. A real site runs its own
PostgreSQL with password (SCRAM) logins, one role per desk
(``callcenter central add-desk``), the password in each desk's OS keyring
(``callcenter sync set-password``).
"""

from __future__ import annotations

import secrets
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


def _server(pg: Path, cleanup_mode: str | None) -> Any:
    try:
        import pgserver
    except ImportError as exc:  # an optional extra: pip install -e '.[central-demo]'
        raise DemoUnavailable(
            "the embedded PostgreSQL needs the pgserver package: "
            "pip install -e '.[central-demo]'") from exc
    pg.mkdir(parents=True, exist_ok=True)
    # the server runs as its own user when started by root: it must reach its files
    for p in (pg.parent, pg):
        p.chmod(p.stat().st_mode | 0o055)
    return pgserver.get_server(pg, cleanup_mode=cleanup_mode)  # type: ignore[attr-defined]


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


def stop(folder: Path) -> None:
    pg = folder.resolve() / "pg"
    if not (pg / "PG_VERSION").exists():
        raise DemoUnavailable(f"no demo server in {pg}")
    server = _server(pg, "stop")
    server.cleanup()
