"""Text central can store: PostgreSQL ``text`` cannot hold NUL (U+0000), and a
lone surrogate (U+D800-U+DFFF, what Python's ``surrogateescape`` makes of
undecodable bytes) is no character at all: it cannot even be written as UTF-8.

Every entry point (outage imports, the ticket form, scripts, profiles) refuses
such text with a message naming where (``first_unstorable``); sync cleans rows
saved before that (``clean``) when a person chooses to resend them
(callcenter/sync/protocol.py, "Refused rows on the desk")."""

from __future__ import annotations

import re
from typing import Any

_BAD = re.compile("[\x00\ud800-\udfff]")


def first_unstorable(text: str) -> int | None:
    """The index of the first character central cannot store, or None."""
    m = _BAD.search(text)
    return None if m is None else m.start()


def describe(text: str) -> str:
    """``U+0000 at character 5`` (1-based) for the first bad character; "" when none."""
    i = first_unstorable(text)
    if i is None:
        return ""
    return f"U+{ord(text[i]):04X} at character {i + 1}"


def clean(text: str) -> str:
    """``text`` without the characters central cannot store."""
    return _BAD.sub("", text)


def has_unstorable(value: Any) -> bool:
    """Whether ``value`` (a str, or JSON-like lists and dicts of them) holds any."""
    if isinstance(value, str):
        return _BAD.search(value) is not None
    if isinstance(value, dict):
        return any(has_unstorable(k) or has_unstorable(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(has_unstorable(v) for v in value)
    return False


def cleaned(value: Any) -> Any:
    """``value`` with ``clean`` applied to every string in it (dict keys too)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {cleaned(k): cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [cleaned(v) for v in value]
    if isinstance(value, tuple):
        return tuple(cleaned(v) for v in value)
    return value


def unstorable_values(data: object, path: str = "") -> list[tuple[str, str, str]]:
    """(dotted path, last key, which character) of every text in parsed TOML that
    central cannot store (callcenter/domain/storable_text.py)."""
    out: list[tuple[str, str, str]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            out += unstorable_values(v, f"{path}.{k}" if path else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += unstorable_values(v, f"{path}[{i + 1}]")
    elif isinstance(data, str) and first_unstorable(data) is not None:
        key = path.rsplit(".", 1)[-1].split("[", 1)[0]
        out.append((path, key, describe(data)))
    return out
