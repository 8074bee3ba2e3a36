"""Setting a top-level key of a script's TOML text in place, for the lead's form
editor (issue 17): the text stays the storage, so comments, key order and the
keys the form does not show are kept; only the assignment of ``key`` changes
(or is added before the first table). The result is TOML that ``tomllib`` reads."""

from __future__ import annotations

import json
import re

_TABLE = re.compile(r"^\s*\[")


def toml_value(value: str | list[str]) -> str:
    """A TOML basic string (or array of them); several lines as a ``\"\"\"`` block
    when that needs no escaping, as the shipped library writes them."""
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if "\n" in value and '"""' not in value and "\\" not in value and not value.endswith('"') \
            and not value.startswith("\n") \
            and not any(ord(c) < 32 and c not in "\n\t" for c in value):
        return '"""' + value + '"""'
    return json.dumps(value, ensure_ascii=False)  # JSON's escapes are valid in a TOML basic string


def _value_end(text: str, start: int) -> int:
    """Index just past the value that begins at ``start`` (after ``key =``)."""
    rest = text[start:]
    stripped = rest.lstrip(" \t")
    at = start + len(rest) - len(stripped)
    for quote in ('"""', "'''"):
        if stripped.startswith(quote):
            close = text.find(quote, at + 3)
            if close < 0:
                return len(text)
            end = close + 3
            while end < len(text) and text[end] == quote[0]:  # """a"""" ends on the last quote
                end += 1
            return _line_end(text, end)
    if stripped.startswith("["):
        depth, i, quote_char = 0, at, ""
        while i < len(text):
            c = text[i]
            if quote_char:
                if c == "\\" and quote_char == '"':
                    i += 1
                elif c == quote_char:
                    quote_char = ""
            elif c in "\"'":
                quote_char = c
            elif c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
                if depth == 0:
                    return _line_end(text, i + 1)
            i += 1
        return len(text)
    return _line_end(text, at)


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def set_key(text: str, key: str, value: str | list[str]) -> str:
    """``text`` with the top-level ``key`` set to ``value``."""
    assignment = f"{key} = {toml_value(value)}"
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE)
    pos = 0
    for line in text.splitlines(keepends=True):
        if _TABLE.match(line):
            break  # keys after the first [table] are not top-level
        pos += len(line)
    head = text[:pos]
    m = pattern.search(head)
    while m is not None and _in_multiline(head, m.start()):
        m = pattern.search(head, m.end())
    if m is None:
        sep = "" if not head or head.endswith("\n") else "\n"
        return head + sep + assignment + "\n" + text[pos:]
    end = _value_end(text, m.end())
    return text[:m.start()] + assignment + text[end:]


def _in_multiline(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a triple-quoted string (a line of script text
    such as ``title = ...`` is not a key)."""
    return (text.count('"""', 0, pos) % 2 == 1) or (text.count("'''", 0, pos) % 2 == 1)
