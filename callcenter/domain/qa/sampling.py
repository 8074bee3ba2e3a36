"""A random sample of N calls per agent for a period, reproducible and uniform.

Reproducible: the draw depends only on the seed, the agent and the set of calls
(sorted by id first, so the order the store returns them in does not matter);
the seed and the query are stored with the sample, so drawing again over the
same calls gives the same calls. Uniform: each agent's draw is
``random.Random.sample`` over that agent's calls, which gives every subset of N
calls the same chance (tests/qa/test_sampling.py checks it statistically). A
string seed is hashed with SHA-512 by ``random``, so it does not depend on
PYTHONHASHSEED or the platform.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class SampleQuery:
    agents: tuple[str, ...]  # empty: every agent with calls in the period
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    n: int  # calls per agent
    seed: int
    answered_only: bool = False

    def __post_init__(self) -> None:
        if self.n < 0:
            raise ValueError("n must be >= 0")
        if self.end <= self.start:
            raise ValueError("the period ends before it starts")
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("naive datetime: the period is UTC")

    def as_json(self) -> dict[str, Any]:
        return {"agents": list(self.agents), "start": self.start.isoformat(),
                "end": self.end.isoformat(), "n": self.n, "seed": self.seed,
                "answered_only": self.answered_only}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SampleQuery:
        return cls(tuple(str(a) for a in data["agents"]), datetime.fromisoformat(data["start"]),
                   datetime.fromisoformat(data["end"]), int(data["n"]), int(data["seed"]),
                   bool(data.get("answered_only", False)))


def draw_for_agent(call_ids: Iterable[str], n: int, seed: int, agent: str) -> tuple[str, ...]:
    """``n`` of ``call_ids`` (all of them if fewer), in id order."""
    ids = sorted(set(call_ids))
    if len(ids) <= n:
        return tuple(ids)
    rng = random.Random(f"{seed}/{agent}")
    return tuple(sorted(rng.sample(ids, n)))


def draw(population: Mapping[str, Iterable[str]], n: int, seed: int) -> dict[str, tuple[str, ...]]:
    """agent -> the calls drawn for it, agents in order."""
    return {agent: draw_for_agent(population[agent], n, seed, agent) for agent in sorted(population)}
