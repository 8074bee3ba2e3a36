"""The calls of an agent's work shift so far, across sign-ins at this desk.

A shift is one or more sign-ins of the same agent at the same desk with short
breaks between them (a meal, the screen lock's 切换用户, a restart of the app):
signing in again within ``SHIFT_GAP`` of the last sign-out continues the shift,
so the status bar's shift statistics do not start again from 0. The figures
come from the calls stored for those sign-ins (their summaries were derived
from the call events when each call closed)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from callcenter.domain.call_events import CallSummary, Outcome, shift_stats
from callcenter.services.storage.database import Database
from callcenter.store.models import AgentShift, CallSession

SHIFT_GAP = timedelta(hours=4)  # signed out longer than this: the next sign-in is a new shift
MAX_SIGN_INS = 50  # sign-ins looked back over (a shift has a handful)


def shift_calls(session: Session, agent_id: str, workstation: str,
                signed_in_at: datetime) -> list[CallSummary]:
    """The summaries of the calls of the agent's earlier sign-ins in the shift that
    the sign-in at ``signed_in_at`` continues (oldest first; [] for a new shift)."""
    earlier = session.execute(
        select(AgentShift.id, AgentShift.signed_in_at, AgentShift.signed_out_at)
        .where(AgentShift.agent_id == agent_id, AgentShift.origin_workstation == workstation,
               AgentShift.signed_in_at < signed_in_at)
        .order_by(AgentShift.signed_in_at.desc()).limit(MAX_SIGN_INS)).all()
    chain: list[uuid.UUID] = []
    start = signed_in_at
    for shift_id, began, ended in earlier:
        if start - (ended or began) > SHIFT_GAP:
            break
        chain.append(shift_id)
        start = began
    if not chain:
        return []
    rows = session.scalars(select(CallSession).where(CallSession.shift_id.in_(chain))
                           .order_by(CallSession.started_at))
    return [CallSummary(
        outcome=Outcome(r.outcome), ring_s=r.ring_s, talk_s=r.talk_s, hold_s=r.hold_s,
        wrapup_s=r.wrapup_s, hung_up_by=r.hung_up_by, late_answer=r.late_answer,
        talk_over=r.talk_over, wrapup_over=r.wrapup_over,
    ) for r in rows if r.outcome != Outcome.RINGING.value]


class ShiftCalls:
    """Part of CallDesk (a mixin): after a sign-in, the earlier calls of the shift
    join the statistics. The read is queued behind the desk's writes (the last
    call's summary, the sign-out), so it sees them; the GUI thread never waits."""

    _summaries: list[CallSummary]
    _shift_id: uuid.UUID | None
    _db: Database
    _post: Callable[[Callable[[], None]], None]
    workstation: str

    def _emit(self, name: str, *args: Any) -> None:
        raise NotImplementedError  # CallDesk's

    def _restore_shift_calls(self, agent_id: str, signed_in_at: datetime) -> None:
        shift_id, ws = self._shift_id, self.workstation

        def apply(earlier: list[CallSummary]) -> None:
            if self._shift_id != shift_id or not earlier:  # signed out meanwhile
                return
            self._summaries[:0] = earlier
            self._emit("stats_changed", shift_stats(self._summaries))

        def done(f: Future[list[CallSummary]]) -> None:
            if not f.cancelled() and f.exception() is None:
                earlier = f.result()
                self._post(lambda: apply(earlier))

        self._db.write(lambda s: shift_calls(s, agent_id, ws, signed_in_at)).add_done_callback(done)
