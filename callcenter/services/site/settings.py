"""Per-desk settings kept in the user data dir (settings.toml): the workstation
code, the last agent ID and the central PostgreSQL URL.

The central URL never holds a password (``postgresql://desk_w01@host:5432/callcenter``);
the password lives in the system keyring (services/sync/credentials.py). Where the
URL comes from, first found wins: the command line's ``--central``, then the
``CALLCENTER_CENTRAL_URL`` environment variable, then settings.toml (see
``central_url_from``), so one run can point elsewhere without editing the file.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from callcenter.services.privacy.files import write_private_text

APP_NAME = "callcenter"
CENTRAL_URL_ENV = "CALLCENTER_CENTRAL_URL"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass
class DeskSettings:
    workstation: str
    last_agent_id: str = ""
    central_url: str = ""  # libpq URL without a password; "" = this desk does not sync


def load_settings(data_dir: Path) -> DeskSettings:
    """Read settings.toml; a new desk gets a random workstation code, saved at once,
    so ticket numbers stay unique across desks without asking a server.
    Older files (without ``central_url``) load as a desk that does not sync."""
    path = data_dir / "settings.toml"
    if path.exists():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return DeskSettings(str(data["workstation"]), str(data.get("last_agent_id", "")),
                            str(data.get("central_url", "")))
    s = DeskSettings("W" + secrets.token_hex(2).upper())
    save_settings(data_dir, s)
    return s


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (quotes, backslashes and control characters escaped)."""
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def save_settings(data_dir: Path, s: DeskSettings) -> None:
    from callcenter.services.sync.credentials import url_has_password  # the one place that parses libpq URLs

    if s.central_url and url_has_password(s.central_url):
        raise ValueError("the central URL must not contain a password "
                         "(store it with `callcenter sync set-password`)")
    path = data_dir / "settings.toml"
    lines = [f"workstation = {toml_string(s.workstation)}",
             f"last_agent_id = {toml_string(s.last_agent_id)}"]
    if s.central_url:
        lines.append(f"central_url = {toml_string(s.central_url)}")
    write_private_text(path, "\n".join(lines) + "\n")


def central_url_from(flag: str | None, settings: DeskSettings,
                     environ: Mapping[str, str] = os.environ) -> str:
    """The central URL to use: ``--central`` > $CALLCENTER_CENTRAL_URL > settings.toml."""
    return (flag or environ.get(CENTRAL_URL_ENV) or settings.central_url or "").strip()
