"""Walking a guided script (e.g. the fault-repair triage of 004 Q65/Q66).

The walk is a value: answering returns a new walk, so going back is just the
previous value and the UI can never leave it half-updated. ``check`` steps are
resolved from the call's conditions without asking the agent (the seam where a
known outage at the caller's address turns the triage into "read out the cause
and restore time").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Answer, Script, Step

MAX_AUTO_STEPS = 64  # a cycle of checks is refused by the checker; this is a backstop


class WalkError(ValueError):
    pass


@dataclass(frozen=True)
class Taken:
    step_id: str
    answer_id: str
    label: str
    fills: Mapping[str, str]


@dataclass(frozen=True)
class Walk:
    script: Script
    step_id: str
    taken: tuple[Taken, ...] = ()
    conditions: frozenset[str] = frozenset()

    @property
    def step(self) -> Step:
        s = self.script.step(self.step_id)
        if s is None:
            raise WalkError(f"{self.script.id}: no step {self.step_id!r}")
        return s

    @property
    def finished(self) -> bool:
        return self.step.kind == "end"

    @property
    def outcome(self) -> str:
        return self.step.outcome if self.finished else ""

    def answer(self, answer_id: str) -> Walk:
        step = self.step
        if step.kind != "question":
            raise WalkError(f"step {step.id!r} takes no answer")
        ans: Answer | None = next((a for a in step.answers if a.id == answer_id), None)
        if ans is None:
            raise WalkError(f"step {step.id!r} has no answer {answer_id!r}")
        taken = self.taken + (Taken(step.id, ans.id, ans.label, dict(ans.fills)),)
        return _settle(Walk(self.script, ans.next, taken, self.conditions))

    def fills(self) -> dict[str, str]:
        """What the walk so far writes into the ticket: the last category and
        sub-type win; notes add up in the order they were taken."""
        out: dict[str, str] = {}
        notes: list[str] = []
        steps = [t.fills for t in self.taken]
        if self.finished:
            steps.append(self.step.fills)
        for fills in steps:
            for key, value in fills.items():
                if key == "note":
                    notes.append(value)
                else:
                    out[key] = value
        if notes:
            out["note"] = "；".join(notes)
        return out


def _settle(walk: Walk) -> Walk:
    """Follow ``check`` steps until a question or an end."""
    for _ in range(MAX_AUTO_STEPS):
        step = walk.step
        if step.kind != "check":
            return walk
        nxt = step.if_true if step.check in walk.conditions else step.if_false
        walk = Walk(walk.script, nxt, walk.taken, walk.conditions)
    raise WalkError(f"{walk.script.id}: checks loop without reaching a question")


def start(script: Script, conditions: frozenset[str] = frozenset()) -> Walk:
    if not script.steps:
        raise WalkError(f"{script.id} is not a guided script")
    return _settle(Walk(script, script.steps[0].id, (), conditions))
