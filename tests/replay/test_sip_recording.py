"""A SIP call's recording (the adapter's file) is kept under the call's id once
pjmedia has closed it."""

from __future__ import annotations

import stat
import uuid
from pathlib import Path

from callcenter.domain.agent_state import AgentState, AgentStatus
from callcenter.domain.clock import FakeClock, ManualScheduler
from callcenter.services.calls.desk_types import CurrentCall, DeskSnapshot
from callcenter.services.replay.sip_recording import SipRecordings
from callcenter.telephony.sip.recording import open_recording


def snap(call: CurrentCall | None) -> DeskSnapshot:
    return DeskSnapshot("1001", AgentStatus(AgentState.TALKING if call else AgentState.READY),
                        0, call, frozenset(), False)


def test_the_closed_file_moves_to_the_call_id_after_the_call(tmp_path: Path) -> None:
    sched = ManualScheduler(FakeClock())
    sip_dir = tmp_path / "sip"
    path = open_recording(sip_dir, "sip-call-7")
    path.write_bytes(b"RIFF....WAVE")
    closed: dict[str, Path] = {}
    keep = SipRecordings(closed.get, tmp_path / "recordings", sched)
    call = CurrentCall(uuid.uuid4(), "sip-call-7", "13800138001", 0, answered_mono_ns=5)
    keep.desk_changed(snap(call))
    keep.desk_changed(snap(None))  # ended; pjmedia has not closed the file yet
    assert keep.moved == []
    sched.advance(0.6)
    assert keep.moved == []
    closed["sip-call-7"] = path  # the adapter's Recorded arrived
    sched.advance(0.6)
    target = tmp_path / "recordings" / f"{call.id}.wav"
    assert keep.moved == [target] and target.read_bytes() == b"RIFF....WAVE"
    assert not path.exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unanswered_call_has_nothing_to_keep(tmp_path: Path) -> None:
    sched = ManualScheduler(FakeClock())
    asked: list[str] = []
    keep = SipRecordings(lambda tid: asked.append(tid), tmp_path, sched)  # type: ignore[func-returns-value]
    keep.desk_changed(snap(CurrentCall(uuid.uuid4(), "c2", "138", 0)))
    keep.desk_changed(snap(None))
    sched.advance(30.0)
    assert asked == [] and keep.moved == []
