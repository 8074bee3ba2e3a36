"""Load the site profile TOML (default: the State Grid 95598 profile in resources/)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from callcenter.domain import profile_schema
from callcenter.domain.handover.shifts import ShiftError
from callcenter.domain.scripts.problems import syntax_line
from callcenter.domain.site_profile import (
    ProfileError,
    ProfileValueError,
    SiteProfile,
    profile_from_mapping,
)
from callcenter.domain.storable_text import unstorable_values
from callcenter.services.site.resources import RESOURCES

DEFAULT_PROFILE = RESOURCES / "profiles" / "sgcc_95598.toml"


def load_profile(path: Path | None = None) -> SiteProfile:
    """Raises ``ProfileError`` as ``FILE:LINE: reason`` so a bad profile is refused at start."""
    p = Path(path) if path else DEFAULT_PROFILE
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ProfileError(f"{p}:1: cannot read the profile: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ProfileError(f"{p}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}; GBK?): "
                           "save the profile as UTF-8") from exc
    return parse_profile(text, str(p))


def parse_profile(text: str, name: str) -> SiteProfile:
    """A profile from its TOML text (a file, or one central published); errors as
    ``NAME:LINE: reason``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{name}:{syntax_line(str(exc), text)}: TOML syntax error: {exc}") from exc
    for path, key, where in unstorable_values(data):  # a "\u0000" escape (issue 19)
        lines = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.lstrip().startswith(key)]
        line = next((i for i, ln in lines if "\\u0000" in ln or "\\U00000000" in ln),
                    lines[0][0] if lines else 1)
        raise ProfileError(f"{name}:{line}: {path} holds a character that cannot be stored "
                           f"({where}); remove it")
    problems = profile_schema.check(data, text)  # unknown keys, wrong types, missing sections
    if problems:
        raise ProfileError("\n".join(f"{name}:{line}: {why}" for line, why in problems))
    try:
        return profile_from_mapping(data)
    except ShiftError as exc:  # shifts and [handover]: the key's own line
        line = profile_schema.line_of(text, exc.path)
        raise ProfileError(f"{name}:{line}: {exc}") from exc
    except ProfileValueError as exc:
        line = next((i for i, ln in enumerate(text.splitlines(), 1) if exc.value in ln), 1)
        raise ProfileError(f"{name}:{line}: {exc}") from exc
    except ProfileError as exc:
        raise ProfileError(f"{name}:1: {exc}") from exc
