"""What the built-in simulator plays: a scripted scenario or random traffic.

A scenario makes demos and training sessions repeatable (the same caller
abandons at the same moment every time); ``RandomConfig`` gives endless,
plausible traffic for soak runs. Both are plain data so the simulator stays
free of file handling, and a bad scenario file fails early with a message that
names the file and the call, not deep inside a timer callback.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ScenarioError(ValueError):
    """A scenario file is missing, not TOML, or describes an impossible call."""


@dataclass(frozen=True)
class ScenarioCall:
    """One scripted call.

    ``at_s`` is seconds after ``start()``. ``patience_s`` is how long the caller
    lets the agent's phone ring before hanging up (None: never hangs up while
    ringing). ``talk_s`` is how long after the answer the customer hangs up
    (None: waits for the agent to hang up).
    """

    at_s: float
    caller: str
    patience_s: float | None = None
    talk_s: float | None = None

    def __post_init__(self) -> None:
        if not math.isfinite(self.at_s) or self.at_s < 0:
            raise ValueError(f"at_s must be a finite number >= 0, got {self.at_s!r}")
        if not _is_phone_number(self.caller):
            raise ValueError(f"caller must be a phone number of digits, got {self.caller!r}")
        for name in ("patience_s", "talk_s"):
            value = getattr(self, name)
            if value is not None and (not math.isfinite(value) or value <= 0):
                raise ValueError(f"{name} must be a finite number > 0, got {value!r}")


@dataclass(frozen=True)
class ScenarioTarget:
    """How a transfer target (a desk or the shift lead) behaves when the agent
    transfers or consults: its phone rings, then it answers after
    ``answer_s`` seconds, or with ``refuse_code`` it refuses (486 busy, 603
    declined, 480 not there) after ``answer_s``. Targets not listed answer
    after ``DEFAULT_TARGET_ANSWER_S``."""

    target: str
    answer_s: float = 2.0
    refuse_code: int | None = None

    def __post_init__(self) -> None:
        if not self.target.strip():
            raise ValueError("target must not be empty")
        if not math.isfinite(self.answer_s) or self.answer_s < 0:
            raise ValueError(f"answer_s must be a finite number >= 0, got {self.answer_s!r}")
        if self.refuse_code is not None and not 400 <= self.refuse_code <= 699:
            raise ValueError(f"refuse_code must be a SIP failure code (4xx-6xx), "
                             f"got {self.refuse_code!r}")


DEFAULT_TARGET_ANSWER_S = 2.0


@dataclass(frozen=True)
class Scenario:
    """Scripted calls; with ``loop`` the script repeats forever.

    When looping, the next round starts the moment the last call of the round
    arrives (its time zero is the largest ``at_s``), so the spacing between
    rounds equals the first call's ``at_s``. ``targets`` say how transfer
    targets behave.
    """

    calls: tuple[ScenarioCall, ...]
    loop: bool = False
    targets: tuple[ScenarioTarget, ...] = ()

    def target(self, name: str) -> ScenarioTarget:
        found = next((t for t in self.targets if t.target == name), None)
        return found if found is not None else ScenarioTarget(name, DEFAULT_TARGET_ANSWER_S)

    def __post_init__(self) -> None:
        # A looping script that takes no time would schedule calls forever
        # without the clock ever moving.
        if self.loop and self.duration_s <= 0:
            raise ValueError("a looping scenario needs a call with at_s > 0")

    @property
    def duration_s(self) -> float:
        """When the last call arrives (0 for an empty scenario)."""
        return max((c.at_s for c in self.calls), default=0.0)


@dataclass(frozen=True)
class RandomConfig:
    """Shape of random traffic; the defaults look like a quiet hotline shift.

    Shares are probabilities per call. ``abandon_share`` of callers hang up
    after a patience drawn uniformly from ``abandon_patience_s``; the others
    never hang up while ringing. ``wait_for_agent_share`` of callers never hang
    up after the answer; the others talk for a duration drawn uniformly from
    ``talk_s``. ``unknown_caller_share`` of calls come from random mobile
    numbers that are not in the caller list (new customers).
    """

    mean_interarrival_s: float = 20.0
    abandon_share: float = 0.15
    abandon_patience_s: tuple[float, float] = (4.0, 15.0)
    talk_s: tuple[float, float] = (20.0, 200.0)
    wait_for_agent_share: float = 0.3
    unknown_caller_share: float = 0.1

    def __post_init__(self) -> None:
        if not math.isfinite(self.mean_interarrival_s) or self.mean_interarrival_s <= 0:
            raise ValueError("mean_interarrival_s must be > 0")
        for name in ("abandon_share", "wait_for_agent_share", "unknown_caller_share"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be within 0..1")
        for name in ("abandon_patience_s", "talk_s"):
            low, high = getattr(self, name)
            if not (0 < low <= high and math.isfinite(high)):
                raise ValueError(f"{name} must be a range 0 < low <= high")


_CALL_KEYS = {"at_s", "caller", "patience_s", "talk_s"}
_TOP_KEYS = {"loop", "calls", "targets"}
_TARGET_KEYS = {"target", "answer_s", "refuse_code"}


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario TOML file (format: see resources/scenarios/demo.toml).

    Unknown keys are errors so a typo such as ``patience = 8`` cannot silently
    turn into "waits forever".
    """
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise ScenarioError(f"{path}: cannot read scenario: {e.strerror or e}") from e
    except tomllib.TOMLDecodeError as e:
        raise ScenarioError(f"{path}: not valid TOML: {e}") from e

    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ScenarioError(f"{path}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    loop = data.get("loop", False)
    if not isinstance(loop, bool):
        raise ScenarioError(f"{path}: loop must be true or false, got {loop!r}")
    raw_calls = data.get("calls")
    if not isinstance(raw_calls, list) or not raw_calls:
        raise ScenarioError(f"{path}: needs at least one [[calls]] table")

    calls = tuple(_parse_call(path, i, raw) for i, raw in enumerate(raw_calls))
    raw_targets = data.get("targets", [])
    if not isinstance(raw_targets, list):
        raise ScenarioError(f"{path}: targets must be [[targets]] tables")
    targets = tuple(_parse_target(path, i, raw) for i, raw in enumerate(raw_targets))
    try:
        return Scenario(calls=calls, loop=loop, targets=targets)
    except ValueError as e:
        raise ScenarioError(f"{path}: {e}") from e


def _parse_call(path: Path, index: int, raw: object) -> ScenarioCall:
    where = f"{path}: calls[{index}]"
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"{where}: must be a table, got {raw!r}")
    unknown = set(raw) - _CALL_KEYS
    if unknown:
        raise ScenarioError(f"{where}: unknown key(s): {', '.join(sorted(unknown))}")
    for key in ("at_s", "caller"):
        if key not in raw:
            raise ScenarioError(f"{where}: missing {key}")
    caller = raw["caller"]
    if not isinstance(caller, str):
        raise ScenarioError(f"{where}: caller must be a quoted string, got {caller!r}")
    try:
        return ScenarioCall(
            at_s=_number(raw, "at_s"),
            caller=caller,
            patience_s=_optional_number(raw, "patience_s"),
            talk_s=_optional_number(raw, "talk_s"),
        )
    except (TypeError, ValueError) as e:
        raise ScenarioError(f"{where}: {e}") from e


def _parse_target(path: Path, index: int, raw: object) -> ScenarioTarget:
    where = f"{path}: targets[{index}]"
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"{where}: must be a table, got {raw!r}")
    unknown = set(raw) - _TARGET_KEYS
    if unknown:
        raise ScenarioError(f"{where}: unknown key(s): {', '.join(sorted(unknown))}")
    target = raw.get("target")
    if not isinstance(target, str):
        raise ScenarioError(f"{where}: target must be a quoted string, got {target!r}")
    code = raw.get("refuse_code")
    if code is not None and (isinstance(code, bool) or not isinstance(code, int)):
        raise ScenarioError(f"{where}: refuse_code must be a whole number, got {code!r}")
    try:
        answer = _optional_number(raw, "answer_s")
        return ScenarioTarget(target, DEFAULT_TARGET_ANSWER_S if answer is None else answer, code)
    except (TypeError, ValueError) as e:
        raise ScenarioError(f"{where}: {e}") from e


def _number(raw: Mapping[str, Any], key: str) -> float:
    value = raw[key]
    # bool is an int subclass; ``at_s = true`` is a mistake, not 1 second.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{key} must be a number of seconds, got {value!r}")
    return float(value)


def _optional_number(raw: Mapping[str, Any], key: str) -> float | None:
    # TOML has no null: leaving the key out means "none".
    return _number(raw, key) if key in raw else None


def _is_phone_number(text: str) -> bool:
    digits = text[1:] if text.startswith("+") else text
    return 3 <= len(digits) <= 20 and digits.isascii() and digits.isdigit()
