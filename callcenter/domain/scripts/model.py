"""What a script is once parsed: plain frozen values, shared by every call.

A script says *when* it applies (call phase, ticket category, call conditions)
and *what* to say (text with placeholders). A guided script also has steps: a
question with answers that branch, a check of a call condition, or an end with
an outcome (e.g. dispatch a repair).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .placeholders import Template

# Call phases a script can apply to (where the call is when the agent needs it).
PHASES = frozenset({
    "answer",  # just picked up: apology (late), greeting
    "hold", "resume",
    "cannot_answer",  # 004 Q62 (1): answerable soon
    "transfer",  # 004 Q62 (2): must pass to a department
    "complaint",  # 000 投诉: calm first
    "triage",  # guided fault-repair triage, 004 Q65/Q66
    "closing",
    "outbound",  # callbacks and proactive calls (000 电话外拨服务规范)
    "any",  # reference scripts the agent finds by search
})

# Conditions of the call a script may require ("late_answer") or exclude ("!outbound").
CONDITIONS = frozenset({
    "late_answer",  # answered after the ring limit (004 Q56)
    "outbound",  # the desk called out (callback)
    "known_outage",  # the caller's address is inside a known outage
    "known_customer",  # the screen pop found the caller
    "repeat_complaint",  # the caller complained about this before (004 Q68)
})

# Outcomes a guided script can end in.
OUTCOMES = frozenset({"dispatch_repair", "explain_property_boundary", "known_outage",
                      "arrears", "record_only"})

# What an answer may write into the ticket.
FILL_KEYS = ("category", "subtype", "department", "note")


@dataclass(frozen=True)
class Applies:
    phases: frozenset[str]
    categories: frozenset[str] = frozenset()  # empty: any category (or none yet)
    required: frozenset[str] = frozenset()  # conditions that must hold
    excluded: frozenset[str] = frozenset()  # conditions that must not hold


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    label_en: str
    next: str
    fills: Mapping[str, str] = field(default_factory=dict)  # category / subtype / note


@dataclass(frozen=True)
class Step:
    """One node of a guided script.

    kind ``question``: ``say`` and ``answers``; kind ``check``: ``check`` names a
    call condition, ``if_true``/``if_false`` the next steps (resolved without
    asking); kind ``end``: ``outcome`` and what to ``say``.
    """

    id: str
    kind: str  # question | check | end
    say: Template
    say_en: Template | None = None
    answers: tuple[Answer, ...] = ()
    check: str = ""
    if_true: str = ""
    if_false: str = ""
    outcome: str = ""
    fills: Mapping[str, str] = field(default_factory=dict)

    def say_for(self, lang: str) -> Template:
        return self.say_en if lang == "en" and self.say_en is not None else self.say


@dataclass(frozen=True)
class Script:
    id: str
    title: str
    title_en: str
    role: str  # the line key shown in the panel: greeting, apology, hold, ...
    applies: Applies
    text: Template
    text_en: Template | None = None
    order: int = 50  # within a phase, lower is said first
    keywords: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    file: str = ""
    version: int = 0  # 0: the shipped file; n: published version n

    def text_for(self, lang: str) -> Template:
        return self.text_en if lang == "en" and self.text_en is not None else self.text

    def title_for(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    @property
    def guided(self) -> bool:
        return bool(self.steps)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)
