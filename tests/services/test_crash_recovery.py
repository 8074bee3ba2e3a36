"""After kill -9 the next start closes what was left open, from the events, and
marks it as closed by recovery (issue 19)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from callcenter.services.calls.recovery import RECOVERY, Recovered, recover_in
from callcenter.services.site.profile import load_profile
from callcenter.store.models import AgentShift, AgentStateEvent, CallEventRow, CallSession
from callcenter.telephony.port import CallOffered

from .conftest import DeskRig
from .test_call_desk import kinds, ready, ring


def test_an_answered_call_and_its_shift_left_open_are_closed_on_the_next_start(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    rig.sched.advance(9.0)
    rig.desk.answer()  # ... and the app is killed while talking: nothing more is written
    rig.sched.advance(30.0)
    rig.tel.send(CallOffered("c2", "13800138002"))  # (ignored: the agent is busy)
    call = rig.desk.current_call
    assert call is not None
    rig.db.flush()
    row = rig.db.read_now(lambda s: s.get(CallSession, call.id))
    assert row is not None and row.outcome == "ringing"  # what kill -9 left behind
    shift = rig.db.read_now(lambda s: s.scalars(select(AgentShift)).one())
    assert shift.signed_out_at is None

    later = rig.clock.utc_now()
    rig.clock.advance(3600)  # the next start, an hour later
    done = rig.db.write_now(lambda s: recover_in(s, load_profile(), "W01", rig.clock.utc_now()))
    assert done == Recovered(calls=1, shifts=1)
    row = rig.db.read_now(lambda s: s.get(CallSession, call.id))
    assert row is not None and row.outcome == "answered"
    assert row.ring_s == pytest.approx(9.0) and row.talk_s is None  # the hang-up was never seen
    assert kinds(rig, call.id)[-1] == RECOVERY
    last = rig.db.read_now(lambda s: s.scalars(select(CallEventRow).where(
        CallEventRow.call_id == call.id).order_by(CallEventRow.seq.desc())).first())
    assert last is not None and last.at == rig.clock.utc_now() and "last_event_at" in last.data
    shift = rig.db.read_now(lambda s: s.scalars(select(AgentShift)).one())
    assert shift.signed_out_at is not None and shift.signed_out_at <= later  # its last known moment
    out = rig.db.read_now(lambda s: s.scalars(select(AgentStateEvent).order_by(
        AgentStateEvent.at.desc(), AgentStateEvent.state)).first())
    assert out is not None and (out.state, out.reason) == ("signed_out", RECOVERY)
    # a second start finds nothing left to close
    assert rig.db.write_now(lambda s: recover_in(s, load_profile(), "W01", rig.clock.utc_now())) \
        == Recovered()


def test_a_call_that_only_rang_is_closed_as_missed(rig: DeskRig) -> None:
    ready(rig)
    ring(rig)
    call = rig.desk.current_call
    assert call is not None
    rig.db.flush()
    rig.db.write_now(lambda s: recover_in(s, load_profile(), "W01", rig.clock.utc_now()))
    row = rig.db.read_now(lambda s: s.get(CallSession, call.id))
    assert row is not None and row.outcome == "missed"
