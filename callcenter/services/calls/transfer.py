"""Transfer as desk steps (转接 / 咨询转接 / 完成转接 / 取回), each a call event,
and the switch's reports on them (domain/transfer.py holds the rules).

A blind transfer keeps the agent talking until the switch reports it
completed (the call ends as released by the agent, reason ``transferred``, into
wrap-up as usual) or refused (the customer stays). A consult holds the
customer (HELD, so the hold rules and the hold time apply), rings the target,
and once it answered the agent completes it, or takes the customer back
(RESUMED) at any time.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from callcenter.domain.agent_state import Action, AgentState, AgentStatus, IllegalTransition
from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.clock import Clock
from callcenter.domain.transfer import (
    Transfer,
    TransferMode,
    TransferStep,
    checked_target,
)
from callcenter.services.calls.desk_types import CurrentCall, DeskSnapshot
from callcenter.telephony.port import TelephonyPort, TransferProgress

_STEP_EVENTS = {
    "ringing": (EventKind.TRANSFER_RINGING, TransferStep.RINGING),
    "answered": (EventKind.TRANSFER_ANSWERED, TransferStep.ANSWERED),
    "refused": (EventKind.TRANSFER_REFUSED, TransferStep.REFUSED),
}


class TransferSteps:
    """Mixed into CallDesk: it provides the call, the state, the port and the recorders."""

    _call: CurrentCall | None
    _status: AgentStatus
    _tel: TelephonyPort
    _clock: Clock

    def snapshot(self) -> DeskSnapshot:
        raise NotImplementedError

    def _record(self, kind: EventKind, **data: Any) -> CallEvent:
        raise NotImplementedError

    def _transition(self, action: Action, reason: str | None = None) -> None:
        raise NotImplementedError

    def _changed(self) -> None:
        raise NotImplementedError

    def _emit(self, name: str, *args: Any) -> None:
        raise NotImplementedError

    def _released(self, call: CurrentCall, by: str, **data: Any) -> None:
        raise NotImplementedError

    # ----- agent commands ----------------------------------------------
    def transfer(self, target: str) -> None:
        """转接: hand the connected customer to ``target`` (a desk or SIP user).
        ``TransferTargetInvalid`` for a target that is neither."""
        call = self._transfer_call(Action.TRANSFER)
        target = checked_target(target)
        self._call = replace(call, transfer=Transfer(TransferMode.BLIND, target))
        self._record(EventKind.TRANSFER_REQUESTED, mode=TransferMode.BLIND.value, target=target)
        self._tel.transfer(call.telephony_id, target)
        self._changed()

    def consult(self, target: str) -> None:
        """咨询转接: hold the customer and call ``target``."""
        call = self._transfer_call(Action.CONSULT)
        target = checked_target(target)
        self._transition(Action.CONSULT)
        self._call = replace(call, transfer=Transfer(TransferMode.CONSULT, target),
                             held_since_mono_ns=self._clock.monotonic_ns())
        self._record(EventKind.HELD)
        self._record(EventKind.TRANSFER_REQUESTED, mode=TransferMode.CONSULT.value, target=target)
        self._tel.consult(call.telephony_id, target)
        self._changed()

    def complete_transfer(self) -> None:
        """完成转接: the consulted target answered; put the customer through."""
        call = self._transfer_call(Action.COMPLETE_TRANSFER)
        assert call.transfer is not None
        self._call = replace(call, transfer=replace(call.transfer, step=TransferStep.COMPLETING))
        self._tel.complete_consult(call.telephony_id)
        self._changed()

    def retrieve(self) -> None:
        """取回: end the consultation and talk to the customer again."""
        call = self._transfer_call(Action.RETRIEVE)
        assert call.transfer is not None
        target = call.transfer.target
        self._transition(Action.RETRIEVE)
        self._call = replace(call, transfer=None, held_since_mono_ns=None)
        self._tel.cancel_consult(call.telephony_id)
        self._record(EventKind.TRANSFER_RETURNED, target=target)
        self._record(EventKind.RESUMED)
        self._changed()

    def _transfer_call(self, action: Action) -> CurrentCall:
        call = self._call
        if call is None or action not in self.snapshot().allowed:
            raise IllegalTransition(self._status.state, action)
        return call

    # ----- the switch's reports ----------------------------------------
    def _transfer_progress(self, ev: TransferProgress) -> None:
        call = self._call
        if call is None or call.telephony_id != ev.call_id or call.transfer is None \
                or self._status.state not in (AgentState.TALKING, AgentState.HELD):
            return  # late news of a transfer already over: the record has its end
        tr = call.transfer
        if ev.step == "completed":
            self._record(EventKind.TRANSFER_COMPLETED, target=tr.target, code=ev.code)
            self._transition(Action.HANG_UP)
            self._released(call, "agent", reason="transferred")
            return
        kind, step = _STEP_EVENTS[ev.step]
        if step is TransferStep.RINGING and tr.step is not TransferStep.REQUESTED:
            return  # a repeated provisional report
        if tr.step is TransferStep.COMPLETING and step is not TransferStep.REFUSED:
            return
        self._record(kind, target=tr.target, code=ev.code)
        if step is TransferStep.REFUSED:
            if tr.mode is TransferMode.BLIND:  # the customer is still talking to the agent
                self._call = replace(call, transfer=None)
            else:  # still held: 取回 (or hang up) is the agent's to choose
                self._call = replace(call, transfer=replace(tr, step=step, code=ev.code))
            self._emit("notice", "transfer_refused", {"target": tr.target, "code": str(ev.code)})
        else:
            self._call = replace(call, transfer=replace(tr, step=step, code=ev.code))
        self._changed()
