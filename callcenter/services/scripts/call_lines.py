"""What the agent says: the lines shown on answer and during the call.

``BasicScripts`` reads the three lines of basic.toml (kept for tests and as the
fallback); ``LibraryScripts`` gives the same answer-time lines from the script
library; ``CallScripts`` is one call's view of the library: the snapshot taken
when the call was answered (a script published mid-call does not change under
the agent), the values known so far and the call's conditions.

A placeholder without a value is rendered as a visible blank ``＿＿`` so the
agent sees something is missing instead of raw braces.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from callcenter.domain.scripts import guided
from callcenter.domain.scripts.library import Library
from callcenter.domain.scripts.model import Script
from callcenter.domain.scripts.placeholders import BLANK as _BLANK
from callcenter.domain.scripts.selection import CallContext
from callcenter.services.customers.screen_pop import ScreenPop
from callcenter.services.scripts.library import ScriptLibraryService
from callcenter.services.site.resources import RESOURCES

BASIC_SCRIPTS = RESOURCES / "scripts" / "basic.toml"
BLANK = _BLANK


@dataclass(frozen=True)
class ScriptLine:
    key: str  # greeting | apology | closing | hold | resume | ... (the script's role)
    text: str
    script_id: str = ""
    version: int = 0  # 0: shipped file; n: published version n
    title: str = ""


class AnswerScripts(Protocol):
    """What CallDesk asks for when the agent answers."""

    def line(self, key: str, values: dict[str, str]) -> ScriptLine: ...

    def on_answer(self, late: bool, values: dict[str, str]) -> list[ScriptLine]: ...


class _Blanking(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return BLANK


def render(template: str, values: dict[str, str]) -> str:
    return string.Formatter().vformat(template, (), _Blanking(values))


class BasicScripts:
    def __init__(self, path: Path = BASIC_SCRIPTS, lang: str = "zh") -> None:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        field = "text_en" if lang == "en" else "text"
        self._texts = {k: str(v.get(field) or v["text"]) for k, v in data.items()}

    def line(self, key: str, values: dict[str, str]) -> ScriptLine:
        return ScriptLine(key, render(self._texts[key], values))

    def on_answer(self, late: bool, values: dict[str, str]) -> list[ScriptLine]:
        """Lines to show on answer: the apology first after a late answer (004 Q56)."""
        lines = [self.line("apology", values)] if late else []
        return lines + [self.line("greeting", values)]


def script_line(script: Script, values: Mapping[str, str], lang: str) -> ScriptLine:
    return ScriptLine(script.role, script.text_for(lang).render(values), script.id, script.version,
                      script.title_for(lang))


class LibraryScripts:
    """The answer-time lines from the library, same contract as ``BasicScripts``:
    the apology first after a late answer, then the greeting; ``line("closing")``.
    A role the library lacks falls back to basic.toml."""

    def __init__(self, service: ScriptLibraryService, lang: str = "zh") -> None:
        self._service = service
        self._lang = lang
        self._basic = BasicScripts(lang=lang)

    def line(self, key: str, values: dict[str, str]) -> ScriptLine:
        lib = self._service.library
        phase = {"apology": "answer", "greeting": "answer"}.get(key, key)
        conditions = frozenset({"late_answer"}) if key == "apology" else frozenset()
        script = lib.for_role(key, CallContext(phase, "", conditions))
        if script is None:
            return self._basic.line(key, values)
        return script_line(script, values, self._lang)

    def on_answer(self, late: bool, values: dict[str, str]) -> list[ScriptLine]:
        ctx = CallContext("answer", "", frozenset({"late_answer"}) if late else frozenset())
        lines = [script_line(s, values, self._lang) for s in self._service.library.choose(ctx)]
        if late and not any(ln.key == "apology" for ln in lines):
            lines.insert(0, self._basic.line("apology", values))  # 004 Q56 is not optional
        if not any(ln.key == "greeting" for ln in lines):
            lines.append(self._basic.line("greeting", values))
        return lines


@dataclass(frozen=True)
class OutageFacts:
    """What the outage feature knows about an outage covering the caller."""

    cause: str
    restore_time: str  # as the agent reads it out, e.g. "今天18:00"
    area: str = ""


# The seam for the outage feature: given the screen pop, the known outage at the
# caller's address/account/transformer area, or None.
KnownOutage = Callable[[ScreenPop], OutageFacts | None]


def no_known_outage(_pop: ScreenPop) -> OutageFacts | None:
    return None


def deadline_text(now: datetime, days: int, timezone: str, lang: str = "zh") -> str:
    """The reply date ``days`` after ``now`` in site time, as the agent says it."""
    day = (now.astimezone(ZoneInfo(timezone)) + timedelta(days=days)).date()
    return f"{day:%d %b}" if lang == "en" else f"{day.month}月{day.day}日前"


def pop_values(pop: ScreenPop) -> dict[str, str]:
    """Placeholder values the screen pop can give (only when the caller is sure)."""
    out = {"caller_number": pop.caller_number}
    if len(pop.customers) == 1:
        c = pop.customers[0]
        out["customer_name"] = c.name
        out["address"] = c.address
        if c.accounts:
            out["account_no"] = c.accounts[0].account_no
    return out


def outage_values(facts: OutageFacts) -> dict[str, str]:
    return {"outage_cause": facts.cause, "outage_restore_time": facts.restore_time,
            "outage_area": facts.area}


class CallScripts:
    """One call's scripts. Everything renders from ``library`` as it was when the
    call was answered, with the values and conditions known so far."""

    def __init__(self, library: Library, lang: str = "zh", values: Mapping[str, str] | None = None,
                 conditions: frozenset[str] = frozenset()) -> None:
        self.library = library
        self.lang = lang
        self.values: dict[str, str] = dict(values or {})
        self.conditions = conditions

    def update(self, values: Mapping[str, str]) -> None:
        self.values.update({k: v for k, v in values.items() if v})

    def add_condition(self, name: str) -> None:
        self.conditions = self.conditions | {name}

    def lines(self, phase: str, category: str = "") -> list[ScriptLine]:
        ctx = CallContext(phase, category, self.conditions)
        return [script_line(s, self.values, self.lang) for s in self.library.choose(ctx)]

    def render(self, script_id: str) -> ScriptLine | None:
        script = self.library.get(script_id)
        return None if script is None else script_line(script, self.values, self.lang)

    def start_triage(self, category: str = "fault_repair") -> guided.Walk | None:
        ctx = CallContext("triage", category, self.conditions)
        script = next((s for s in self.library.choose(ctx) if s.guided), None)
        return None if script is None else guided.start(script, self.conditions)

    def say(self, walk: guided.Walk) -> str:
        return walk.step.say_for(self.lang).render(self.values)
