"""Secure pause at the desk: the phone's recording is told first, then the event
marks the gap (the SIP recorder's silence itself: tests/sip/test_sip_calls.py)."""

from __future__ import annotations

from callcenter.telephony.port import CallReleased

from .conftest import DeskRig
from .test_call_desk import kinds, ready, ring


def test_pause_and_resume_reach_the_phone_and_the_call_events(rig: DeskRig) -> None:
    ready(rig)
    assert not rig.desk.set_recording_paused(True)  # nothing answered: nothing to pause
    ring(rig)
    assert not rig.desk.set_recording_paused(True)  # still ringing
    rig.desk.answer()
    call = rig.desk.current_call
    assert call is not None
    rig.sched.advance(30.0)
    assert rig.desk.set_recording_paused(True)
    rig.sched.advance(12.0)
    assert rig.desk.set_recording_paused(False)
    assert [c for c in rig.tel.commands if c[0] == "pause_recording"] == [
        ("pause_recording", ("c1", True)), ("pause_recording", ("c1", False))]
    rig.tel.send(CallReleased("c1", by="customer"))
    rig.db.flush()
    seen = kinds(rig, call.id)
    assert seen.index("secure_paused") < seen.index("secure_resumed") < seen.index("hung_up")
