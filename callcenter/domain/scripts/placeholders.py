"""Placeholders in script text: ``{customer_name}`` is filled from the call; a
value that is missing shows as a visible blank ``＿＿`` so the agent sees there
is something to ask or fill in, never raw braces or nothing at all.

Text is compiled once into literal/field segments (at library load), so rendering
during a call is a join, not a parse.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass

BLANK = "＿＿"

# Every placeholder a script may use, and what it is filled from.
KNOWN_PLACEHOLDERS: Mapping[str, str] = {
    "agent_id": "the agent's ID (工号)",
    "unit": "the unit name from the site profile",
    "customer_name": "the caller's name from the screen pop",
    "caller_number": "the number that called",
    "account_no": "the caller's account number (户号)",
    "address": "the caller's address",
    "deadline": "the reply deadline chosen on the ticket",
    "department": "the department the ticket goes to",
    "ticket_number": "the ticket number once saved",
    "callback_reason": "why we call back (outbound)",
    "outage_cause": "cause of the known outage",
    "outage_restore_time": "expected restoration time of the known outage",
    "outage_area": "area of the known outage",
}


class PlaceholderSyntax(ValueError):
    """Braces that are not a simple ``{name}`` (unbalanced, format spec, index)."""


@dataclass(frozen=True)
class Template:
    source: str
    segments: tuple[tuple[str, str | None], ...]  # (literal, field name or None)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(f for _lit, f in self.segments if f is not None)

    def render(self, values: Mapping[str, str]) -> str:
        out: list[str] = []
        for literal, name in self.segments:
            out.append(literal)
            if name is not None:
                value = values.get(name)
                out.append(value if value else BLANK)
        return "".join(out)


def compile_template(text: str) -> Template:
    """Parse ``text`` once; raises ``PlaceholderSyntax`` for anything but ``{name}``
    (``{{`` and ``}}`` stand for literal braces)."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise PlaceholderSyntax(str(exc)) from None
    segments: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in parts:
        if name is None:
            segments.append((literal, None))
            continue
        if spec or conversion or not name.isidentifier():
            raise PlaceholderSyntax(f"placeholder {{{name}}} must be a plain name like {{agent_id}}")
        segments.append((literal, name))
    return Template(text, tuple(segments))


def render(text: str, values: Mapping[str, str]) -> str:
    """One-off render of raw text (editor preview); blanks for missing values."""
    return compile_template(text).render(values)
