"""Load the site profile TOML (default: the State Grid 95598 profile in resources/)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from callcenter.domain.site_profile import ProfileError, SiteProfile, profile_from_mapping

from .resources import RESOURCES

DEFAULT_PROFILE = RESOURCES / "profiles" / "sgcc_95598.toml"


def load_profile(path: Path | None = None) -> SiteProfile:
    p = Path(path) if path else DEFAULT_PROFILE
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{p}: {exc}") from exc
    try:
        return profile_from_mapping(data)
    except ProfileError as exc:
        raise ProfileError(f"{p}: {exc}") from exc
