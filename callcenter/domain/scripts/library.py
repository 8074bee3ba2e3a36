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
