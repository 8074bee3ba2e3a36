"""The keys a site profile may have, their types, and where each is in the file.

Why: ``tomllib`` keeps no positions and the profile reader took what it knew
and ignored the rest, so a misspelt ``limt = 9`` or a missing ``[ring]`` ran
the desk on defaults without a word (and ``site publish`` sent that profile to
every desk). ``check(data, text)`` names each unknown key, missing section and
value of the wrong type with the line it is on (issue 19).

The line of a key comes from a small scan of the text (``key_lines``): table
headers (``[ring]``, ``[[categories]]``, ``[[categories.subtypes]]``, each
array entry counted) and ``key = value`` lines at the start of a line. It does
not follow multi-line strings or dotted keys; a key it cannot place is
reported on its table's line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

# value kinds: "str", "int", "float" (an int is fine), "bool", "list" (of str), a
# dict (a table: its keys), or [dict] (an array of tables)
_NAMED: dict[str, Any] = {"code": "str", "name": "str", "name_en": "str"}
SCHEMA: dict[str, Any] = {
    "site": {"code": "str", "unit_name": "str", "timezone": "str"},
    "ring": {"on_s": "float", "off_s": "float", "limit": "int", "no_answer_timeout_s": "float"},
    "targets": {"talk_warn_s": "float", "talk_target_s": "float", "wrapup_target_s": "float",
                "wrapup_warn_remaining_s": "float"},
    "screen_pop": {"recent_days": "int"},
    "board": {"service_level_target_pct": "float", "stale_after_s": "float",
              "wrap_up_alert_s": "float", "alert_window_min": "float", "near_deadline_h": "float"},
    "dispatch": {"max_deadline_days": "int"},
    "validation": {"account_pattern": "str", "meter_pattern": "str", "agent_id_pattern": "str"},
    "categories": [{"code": "str", "name": "str", "name_en": "str", "required": "list",
                    "default_deadline_days": "int", "subtypes": [_NAMED]}],
    "departments": [_NAMED],
    "busy_reasons": [_NAMED],
    "area_types": [_NAMED],
    "priorities": [_NAMED],
    "deadlines": [{"category": "str", "subtype": "str", "area_type": "str", "unit": "str",
                   "amount": "int", "warn": "float"}],
    "staff": [{"id": "str", "role": "str", "name": "str", "department": "str"}],
    "callback": {"max_attempts": "int", "due_hours": "float"},
    "duplicates": {"days": "int"},
    "security": {"max_failed_sign_ins": "int", "lock_minutes": "float", "idle_lock_minutes": "float"},
    "shifts": [{"name": "str", "start": "str", "end": "str", "team": "str", "days": "str"}],
    "handover": {"reminder_minutes": "int", "arrive_early_minutes": "int",
                 "late_after_minutes": "int", "report_within_minutes": "int",
                 "report_kinds": [_NAMED]},
    # quality review (issue 14; domain/qa/forms.py reads the forms)
    "qa": {"max_disputes": "int", "dispute_days": "int", "forms": [{
        "id": "str", "version": "int", "title": "str", "title_en": "str", "critical_weight": "float",
        "groups": [{"code": "str", "name": "str", "name_en": "str", "questions": [{
            "code": "str", "text": "str", "text_en": "str", "kind": "str", "points": "float",
            "allow_na": "bool", "comment": "str", "fatal": "bool", "critical": "bool", "check": "str",
            "options": [{"code": "str", "label": "str", "label_en": "str", "points": "float"}],
        }]}],
    }]},
    "outages": {"unverified_after_hours": "float"},
    "transfer_targets": [{"label": "str", "label_en": "str", "target": "str"}],  # issue 16
}
# sections a profile must have: the call loop's rules are not to be guessed
REQUIRED = ("site", "ring", "targets", "categories", "departments", "busy_reasons", "area_types",
            "priorities")

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def key_lines(text: str) -> dict[str, int]:
    """Line (1-based) of each table and key, by path: ``ring``, ``ring.limit``,
    ``categories[2].name``, ``categories[1].subtypes[3].code``."""
    out: dict[str, int] = {}
    counts: dict[str, int] = {}
    current = ""
    index: dict[str, str] = {}  # an array-of-tables name -> its current entry's path
    for n, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if m:
            name = m.group(2)
            parts = name.split(".")
            parent = ".".join(parts[:-1])
            base = index.get(parent, parent)
            path = (base + "." if base else "") + parts[-1]
            if m.group(1) == "[[":
                # counted per parent entry: an inner array starts again under each one
                key = f"{base}|{name}"
                counts[key] = counts.get(key, 0) + 1
                path = f"{path}[{counts[key]}]"
                index[name] = path
            out.setdefault(path, n)
            current = path
            continue
        k = _KEY.match(line)
        if k:
            out.setdefault((current + "." if current else "") + k.group(1), n)
    return out


def _line(lines: Mapping[str, int], path: str) -> int:
    while path:
        if path in lines:
            return lines[path]
        path = path.rsplit(".", 1)[0] if "." in path else ""
    return 1


def line_of(text: str, path: str) -> int:
    """The line of a key path (``shifts[2].end``) in the profile text; its table's
    line when the key itself is not there."""
    return _line(key_lines(text), path)


def _kind_ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return True


_KIND_TEXT = {"str": "text in quotes", "int": "a whole number", "float": "a number",
              "bool": "true or false", "list": "a list of texts"}


def _walk(spec: Any, value: Any, path: str, lines: Mapping[str, int],
          out: list[tuple[int, str]]) -> None:
    if isinstance(spec, list):
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            out.append((_line(lines, path), f"{path} must be a list of tables ([[{path}]])"))
            return
        for i, item in enumerate(value, 1):
            _walk(spec[0], item, f"{path}[{i}]", lines, out)
        return
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            out.append((_line(lines, path), f"{path} must be a table ([{path}])"))
            return
        for key, v in value.items():
            where = f"{path}.{key}" if path else key
            if key not in spec:
                close = difflib.get_close_matches(key, list(spec), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else \
                    f"; known: {', '.join(sorted(spec))}"
                out.append((_line(lines, where), f"unknown key {where!r}{hint}"))
                continue
            _walk(spec[key], v, where, lines, out)
        return
    if not _kind_ok(spec, value):
        out.append((_line(lines, path), f"{path} must be {_KIND_TEXT[spec]}, not {value!r}"))


def check(data: Mapping[str, Any], text: str) -> list[tuple[int, str]]:
    """(line, problem) for every unknown key, value of the wrong type and missing
    section of a parsed profile, in line order."""
    lines = key_lines(text)
    out: list[tuple[int, str]] = []
    _walk(SCHEMA, dict(data), "", lines, out)
    for name in REQUIRED:
        if name not in data:
            out.append((1, f"the section [{name}] is missing" if isinstance(SCHEMA[name], dict)
                        else f"the section [[{name}]] is missing"))
    return sorted(out)
