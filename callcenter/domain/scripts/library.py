"""A whole library: every script file parsed, problems collected per file, and
duplicate ids refused, so one bad file never keeps the others from loading."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Script
from .parsing import parse_script
from .problems import Locator, Problem
from .selection import CallContext, PhaseIndex


@dataclass(frozen=True)
class SourceFile:
    name: str  # shown in problems (a path, or "db:ID@vN")
    text: str
    version: int = 0
    unreadable: str = ""  # why the file could not be read as text (then ``text`` is empty)
    unreadable_line: int = 1


class Library:
    """Immutable: a published change builds a new Library; a call keeps the one
    it started with (the script does not change under the agent)."""

    def __init__(self, scripts: Iterable[Script], problems: Iterable[Problem] = ()) -> None:
        self.scripts: tuple[Script, ...] = tuple(scripts)
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        self._by_id = {s.id: s for s in self.scripts}
        self._index = PhaseIndex(self.scripts)

    def get(self, script_id: str) -> Script | None:
        return self._by_id.get(script_id)

    def choose(self, ctx: CallContext) -> list[Script]:
        return self._index.choose(ctx)

    def for_role(self, role: str, ctx: CallContext) -> Script | None:
        return self._index.for_role(role, ctx)

    def __len__(self) -> int:
        return len(self.scripts)


def build(sources: Iterable[SourceFile], *, categories: Iterable[str] | None = None) -> Library:
    cats = frozenset(categories) if categories is not None else None
    scripts: dict[str, Script] = {}
    problems: list[Problem] = []
    for src in sources:
        if src.unreadable:
            problems.append(Problem(src.name, src.unreadable_line, src.unreadable))
            continue
        script, found = parse_script(src.text, src.name, categories=cats, version=src.version)
        if script is None:
            problems.extend(found)
            continue
        if script.id in scripts:
            problems.append(Problem(src.name, Locator(src.text).key("id"),
                                    f"duplicate id {script.id!r} (also in {scripts[script.id].file})"))
            continue
        scripts[script.id] = script
    return Library(scripts.values(), problems)


def with_overrides(base: Library, sources: Iterable[SourceFile], *,
                   categories: Iterable[str] | None = None) -> Library:
    """``base`` with published versions in place of the shipped scripts of the same
    id (or added). A published version with problems is refused and the shipped
    one kept, with the problems reported."""
    cats = frozenset(categories) if categories is not None else None
    scripts = {s.id: s for s in base.scripts}
    problems = list(base.problems)
    for src in sources:
        script, found = parse_script(src.text, src.name, categories=cats, version=src.version)
        if script is None:
            problems.extend(found)
        else:
            scripts[script.id] = script
    return Library(scripts.values(), problems)


def call_loop_problems(library: Library, where: str) -> list[Problem]:
    """What the call loop needs and ``library`` lacks (``scripts check``): any
    script at all, a greeting said on answering, and the apology after a late
    answer (004 Q56), each without a ticket category to wait for."""
    scripts = list(library.scripts)
    if not scripts:
        return [Problem(where, 1, "the library is empty: no script was found (*.toml)")]

    def has(role: str, needs: frozenset[str]) -> bool:
        return any(s.role == role and "answer" in s.applies.phases and not s.applies.categories
                   and s.applies.required <= needs for s in scripts)

    out = []
    if not has("greeting", frozenset()):
        out.append(Problem(where, 1, 'no greeting: the call loop needs a script with role = "greeting" '
                                     'and phase = "answer"'))
    if not has("apology", frozenset({"late_answer"})):
        out.append(Problem(where, 1, 'no late-answer apology: the call loop needs a script with '
                                     'role = "apology", phase = "answer" and conditions = ["late_answer"]'))
    return out
