"""Per-desk settings kept in the user data dir (workstation code, last agent ID)."""

from __future__ import annotations

import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "callcenter"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass
class DeskSettings:
    workstation: str
    last_agent_id: str = ""


def load_settings(data_dir: Path) -> DeskSettings:
    """Read settings.toml; a new desk gets a random workstation code, saved at once,
    so ticket numbers stay unique across desks without asking a server."""
    path = data_dir / "settings.toml"
    if path.exists():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return DeskSettings(str(data["workstation"]), str(data.get("last_agent_id", "")))
    s = DeskSettings("W" + secrets.token_hex(2).upper())
    save_settings(data_dir, s)
    return s


def save_settings(data_dir: Path, s: DeskSettings) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "settings.toml"
    path.write_text(
        f'workstation = "{s.workstation}"\nlast_agent_id = "{s.last_agent_id}"\n', encoding="utf-8"
    )
