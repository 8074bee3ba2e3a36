"""Which scripts apply now: by call phase, ticket category and call conditions.

For each role (greeting, apology, ...) only the most specific matching script is
kept, so a site can ship a general greeting and an outbound variant side by side.
Scripts are indexed by phase once, so choosing is cheap during a call.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .model import Script


@dataclass(frozen=True)
class CallContext:
    phase: str
    category: str = ""
    conditions: frozenset[str] = field(default_factory=frozenset)


def matches(script: Script, ctx: CallContext) -> bool:
    a = script.applies
    if ctx.phase not in a.phases:
        return False
    if a.categories and ctx.category not in a.categories:
        return False
    if not a.required <= ctx.conditions:
        return False
    return not (a.excluded & ctx.conditions)


def specificity(script: Script) -> int:
    a = script.applies
    return len(a.required) + len(a.excluded) + (2 if a.categories else 0)


class PhaseIndex:
    """Scripts grouped by phase and role, each role's candidates most specific
    first, so choosing stops at the first match of each role."""

    def __init__(self, scripts: Iterable[Script]) -> None:
        groups: dict[str, dict[str, list[Script]]] = {}
        for s in scripts:
            for phase in s.applies.phases:
                groups.setdefault(phase, {}).setdefault(s.role, []).append(s)
        self._by_phase: Mapping[str, tuple[tuple[Script, ...], ...]] = {
            phase: tuple(
                tuple(sorted(group, key=lambda s: (-specificity(s), s.order, s.id)))
                for group in roles.values()
            )
            for phase, roles in groups.items()
        }

    def choose(self, ctx: CallContext) -> list[Script]:
        """The scripts to show for ``ctx``: one per role (the most specific), in order."""
        chosen = []
        for candidates in self._by_phase.get(ctx.phase, ()):
            for s in candidates:
                if matches(s, ctx):
                    chosen.append(s)
                    break
        chosen.sort(key=lambda s: (s.order, s.id))
        return chosen

    def for_role(self, role: str, ctx: CallContext) -> Script | None:
        return next((s for s in self.choose(ctx) if s.role == role), None)
