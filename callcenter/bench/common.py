"""What every benchmark scenario shares: its description, its inputs, its errors."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from callcenter.domain.auth.roles import Actor, Role
from callcenter.services.auth.current_user import CurrentUser

NS_PER_MS = 1_000_000
NS_PER_S = 1_000_000_000

Metrics = dict[str, float | int]


class BenchError(RuntimeError):
    """A scenario could not run or produced no figures; the message says why."""


@dataclass(frozen=True)
class BenchArgs:
    size: int
    runs: int
    data_dir: Path
    progress: Callable[[str], None]
    central: str | None = None  # --central: an admin URL of an existing PostgreSQL (sync-* scenarios)
    seconds: float | None = None  # --seconds: how long a timed scenario runs (sync-fleet)
    durable: bool = True  # sync-*: a central that fsyncs its commits (False: the fast throwaway one)


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    size_means: str  # what --size counts for this scenario
    runs_means: str  # what --runs counts for this scenario
    default_size: int
    default_runs: int
    run: Callable[[BenchArgs], Metrics]
    path: str = ""  # the code path timed and where the clock stops (the JSON's "path")
    central: bool = False  # a sync scenario: its JSON says whether central was durable


DURABLE = "durable"  # the key a sync scenario's metrics carry (True/False), moved up in the JSON


def check_figures(metrics: Metrics) -> Metrics:
    """Refuse impossible figures: every figure a finite number, none negative."""
    for key, value in metrics.items():
        if isinstance(value, bool) and key == DURABLE:
            continue
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise BenchError(f"{key} is not a number: {value!r}")
        if not math.isfinite(value) or value < 0:
            raise BenchError(f"impossible figure {key} = {value}")
    return metrics


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100) of values sorted ascending."""
    if not sorted_values:
        raise BenchError("no samples")
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return float(sorted_values[min(rank, len(sorted_values)) - 1])


def remove_db_files(path: Path) -> None:
    """Delete an SQLite file and its WAL/shared-memory companions, if present."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            os.remove(p)
        except FileNotFoundError:
            pass


def rounded(value: float, digits: int = 3) -> float:
    return round(float(value), digits)


def signed_in_agent(agent_id: str) -> CurrentUser:
    """The desk's signed-in user for a bench that saves tickets as an agent."""
    return CurrentUser(Actor(agent_id, Role.AGENT))
