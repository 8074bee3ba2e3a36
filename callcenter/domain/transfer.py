"""Transfer of a connected call (转接 / 咨询转接): the profile's targets, the
transfer in progress, and which softphone actions it allows.

A blind transfer (转接) hands the customer to the target at once; the desk
waits for the switch to report it put through (then the call ends as released
by the agent, reason ``transferred``) or refused (the customer stays with the
agent). A consult transfer (咨询转接) holds the customer (the hold rules apply:
the state is 保持 and the hold time counts), calls the target, and once the
target has answered the agent completes it (完成转接) or takes the customer
back (取回); a refused consultation leaves only 取回 or hanging up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .agent_state import Action


class TransferMode(Enum):
    BLIND = "blind"  # 转接
    CONSULT = "consult"  # 咨询转接


class TransferStep(Enum):
    REQUESTED = "requested"
    RINGING = "ringing"  # the target's phone rings
    ANSWERED = "answered"  # the target answered the consultation
    REFUSED = "refused"  # busy, declined, unreachable or hung up before completion
    COMPLETING = "completing"  # 完成转接 asked; waiting for the switch to confirm


@dataclass(frozen=True)
class TransferTarget:
    """A ``[[transfer_targets]]`` entry: who the agent may pass a call to."""

    label: str  # Chinese, shown by default (e.g. 值班长)
    target: str  # a SIP user / desk number, or a full sip: URI
    label_en: str = ""

    def name(self, lang: str) -> str:
        return (self.label_en or self.label) if lang == "en" else self.label


@dataclass(frozen=True)
class Transfer:
    """The transfer in progress on the current call."""

    mode: TransferMode
    target: str
    step: TransferStep = TransferStep.REQUESTED
    code: int = 0  # the switch's status code of the last step (e.g. 486 when refused)


# a desk number, a SIP user (letters, digits, . _ - +) or a sip: URI of one
_TARGET = re.compile(r"^(sip:)?[A-Za-z0-9._+\-]{1,64}(@[A-Za-z0-9.\-]{1,253}(:\d{1,5})?)?$")


class TransferTargetInvalid(ValueError):
    """A typed or configured target that is no desk number or SIP user."""


def checked_target(text: str) -> str:
    target = text.strip()
    if not _TARGET.fullmatch(target):
        raise TransferTargetInvalid(target)
    return target


def parse_transfer_targets(items: Any) -> tuple[TransferTarget, ...]:
    """The profile's ``[[transfer_targets]]`` (``label``, ``target``, optional
    ``label_en``); ``ValueError`` names the bad entry."""
    out: list[TransferTarget] = []
    for i, raw in enumerate(items or ()):
        try:
            label, target = str(raw["label"]).strip(), str(raw["target"])
        except (KeyError, TypeError) as exc:
            raise ValueError(f"transfer_targets[{i}] needs label and target") from exc
        if not label:
            raise ValueError(f"transfer_targets[{i}].label must not be empty")
        try:
            target = checked_target(target)
        except TransferTargetInvalid as exc:
            raise ValueError(f"transfer_targets[{i}].target {target!r} is no desk or SIP user") \
                from exc
        out.append(TransferTarget(label, target, str(raw.get("label_en", "")).strip()))
    if len({t.target for t in out}) != len(out):
        raise ValueError("transfer_targets has duplicate targets")
    return tuple(out)


_TRANSFER_ACTIONS = frozenset({Action.TRANSFER, Action.CONSULT})
_CONSULT_ACTIONS = frozenset({Action.COMPLETE_TRANSFER, Action.RETRIEVE})


def transfer_actions(actions: frozenset[Action], transfer: Transfer | None) -> frozenset[Action]:
    """Narrow the state machine's actions by the transfer in progress."""
    if transfer is None:
        return actions - _CONSULT_ACTIONS
    if transfer.mode is TransferMode.BLIND:  # the switch is putting the customer through
        return actions & {Action.HANG_UP}
    keep = {Action.HANG_UP}
    if transfer.step is TransferStep.ANSWERED:
        keep.add(Action.COMPLETE_TRANSFER)
    if transfer.step is not TransferStep.COMPLETING:
        keep.add(Action.RETRIEVE)
    return actions & keep
