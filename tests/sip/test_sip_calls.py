"""The desk's SIP port against a real Kamailio and a real caller (issue 16)."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.telephony.port import CallAbandoned, CallOffered, CallReleased
from callcenter.telephony.sip.kamailio import Kamailio

from .audio import seconds_of, tone_track
from .conftest import TONES, Caller, Desk, MakeCaller, MakeDesk

pytestmark = pytest.mark.sip
WAIT_MS = 10_000


def wait(qtbot: QtBot, pred: Callable[[], object]) -> None:
    qtbot.waitUntil(lambda: bool(pred()), timeout=WAIT_MS)


def online(qtbot: QtBot, desk: Desk) -> None:
    wait(qtbot, lambda: desk.tel.online)


def offered(qtbot: QtBot, desk: Desk, caller: Caller, number: str = "13912345678") -> str:
    """Make ``desk`` ready, have ``caller`` phone it; returns the ringing call's id."""
    online(qtbot, desk)
    desk.tel.set_available(True)
    wait(qtbot, lambda: caller.saw("ready"))
    before = len(desk.of(CallOffered))
    caller.call("desk1", number)
    wait(qtbot, lambda: len(desk.of(CallOffered)) > before)
    return str(desk.of(CallOffered)[-1].call_id)


def test_ring_answer_talk_and_agent_hangs_up_with_a_recording_of_the_tone(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    desk, caller = make_desk(), make_caller()
    call_id = offered(qtbot, desk, caller, "13912345678")
    assert desk.of(CallOffered)[-1].caller_number == "13912345678"
    # the caller hears 180 Ringing before anyone answers
    wait(qtbot, lambda: caller.saw("state", state="EARLY", code=180))
    assert not caller.saw("state", state="CONFIRMED")
    desk.tel.answer(call_id)
    wait(qtbot, lambda: caller.saw("state", state="CONFIRMED", code=200))
    wait(qtbot, lambda: caller.saw("playing"))
    # talk for the whole tone, then the agent hangs up (BYE from the desk)
    played_at = next(e["t"] for e in caller.events if e["ev"] == "playing")
    # (the caller stamps events with CLOCK_MONOTONIC, the same clock as ours)
    wait(qtbot, lambda: time.monotonic() - played_at > 3.4)
    desk.tel.hang_up(call_id)
    wait(qtbot, lambda: desk.of(CallReleased))
    assert desk.of(CallReleased) == [CallReleased(call_id, by="agent")]
    wait(qtbot, lambda: caller.saw("state", state="DISCONNECTED"))
    wait(qtbot, lambda: desk.tel.recorded(call_id) is not None)

    rec = desk.tel.recorded(call_id)
    timing = desk.tel.timings()[call_id]
    assert rec is not None and rec.complete and timing.ended is not None
    assert abs(rec.seconds - timing.ended.talk_s) <= 0.5, (rec.seconds, timing.ended.talk_s)
    # owner-only, and within 1 MB a minute
    assert stat.S_IMODE(os.stat(rec.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(rec.path.parent).st_mode) == 0o700
    assert os.path.getsize(rec.path) <= 1_000_000 * rec.seconds / 60 + 44
    # the caller's two tones are in it, each for about as long as it was played
    track = tone_track(rec.path)
    for start, end, hz in TONES:
        heard = seconds_of(track, hz)
        assert abs(heard - (end - start)) <= 0.5, (hz, heard, track)


def test_secure_pause_leaves_silence_of_the_same_length_in_the_recording(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    """While the customer gives an ID number nothing of the call reaches the file,
    and the file keeps time with the call (the replay's gap stays where it was)."""
    desk, caller = make_desk(), make_caller()
    call_id = offered(qtbot, desk, caller)
    desk.tel.answer(call_id)
    wait(qtbot, lambda: caller.saw("playing"))
    played_at = next(e["t"] for e in caller.events if e["ev"] == "playing")
    # the caller plays 600 Hz for 1.5 s, then 1500 Hz: pause across the change
    wait(qtbot, lambda: time.monotonic() - played_at > 1.0)
    desk.tel.pause_recording(call_id, True)
    paused_at = time.monotonic()
    wait(qtbot, lambda: time.monotonic() - played_at > 2.2)
    desk.tel.pause_recording(call_id, False)
    resumed_at = time.monotonic()
    wait(qtbot, lambda: time.monotonic() - played_at > 3.4)
    desk.tel.hang_up(call_id)
    wait(qtbot, lambda: desk.tel.recorded(call_id) is not None)

    rec = desk.tel.recorded(call_id)
    timing = desk.tel.timings()[call_id]
    assert rec is not None and rec.complete and timing.ended is not None
    assert abs(rec.seconds - timing.ended.talk_s) <= 0.5, (rec.seconds, timing.ended.talk_s)
    track = tone_track(rec.path)
    silent = sum(0.1 for f in track if f == 0.0)
    gap = resumed_at - paused_at
    # the pause's own length is silence (give or take the commands' trip to the SIP thread)
    assert silent >= gap - 0.4, (silent, gap, track)
    # and of each tone only what was played outside the pause was kept
    heard_600, heard_1500 = seconds_of(track, 600.0), seconds_of(track, 1500.0)
    assert heard_600 <= 1.5 - (1.5 - (paused_at - played_at)) + 0.4, (heard_600, track)
    assert heard_1500 <= 1.5 - (resumed_at - played_at - 1.5) + 0.4, (heard_1500, track)
    assert heard_600 > 0.3 and heard_1500 > 0.3, track


def test_the_customer_hangs_up_first(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    desk, caller = make_desk(), make_caller()
    call_id = offered(qtbot, desk, caller)
    desk.tel.answer(call_id)
    wait(qtbot, lambda: caller.saw("state", state="CONFIRMED"))
    caller.send(op="hangup")
    wait(qtbot, lambda: desk.of(CallReleased))
    assert desk.of(CallReleased) == [CallReleased(call_id, by="customer")]
    wait(qtbot, lambda: desk.tel.recorded(call_id) is not None)


def test_hold_and_resume_are_re_invites(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    desk, caller = make_desk(), make_caller()
    call_id = offered(qtbot, desk, caller)
    desk.tel.answer(call_id)
    wait(qtbot, lambda: caller.saw("media", status="active"))
    desk.tel.hold(call_id)
    wait(qtbot, lambda: caller.saw("media", status="remote_hold"))
    actives = sum(1 for e in caller.poll() if e.get("status") == "active")
    desk.tel.resume(call_id)
    wait(qtbot, lambda: sum(1 for e in caller.poll() if e.get("status") == "active") > actives)
    desk.tel.hang_up(call_id)
    wait(qtbot, lambda: desk.of(CallReleased))
    assert desk.of(CallReleased) == [CallReleased(call_id, by="agent")]


def test_a_caller_who_gives_up_while_ringing_is_a_cancel(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    desk, caller = make_desk(), make_caller()
    call_id = offered(qtbot, desk, caller)
    wait(qtbot, lambda: caller.saw("state", state="EARLY"))
    caller.send(op="hangup")  # CANCEL
    wait(qtbot, lambda: desk.of(CallAbandoned))
    assert desk.of(CallAbandoned) == [CallAbandoned(call_id)]
    assert not desk.of(CallReleased)
    wait(qtbot, lambda: caller.saw("state", state="DISCONNECTED", code=487))
    assert desk.tel.recording(call_id) is None
    # the desk can ring again at once
    second = offered(qtbot, desk, caller)
    assert second != call_id


def test_an_invite_while_busy_gets_486(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    desk, first, second = make_desk(), make_caller(), make_caller()
    call_id = offered(qtbot, desk, first)
    desk.tel.answer(call_id)
    wait(qtbot, lambda: first.saw("state", state="CONFIRMED"))
    wait(qtbot, lambda: second.saw("ready"))
    second.call("desk1", "13800138000")
    wait(qtbot, lambda: second.saw("state", state="DISCONNECTED"))
    assert second.saw("state", state="DISCONNECTED", code=486)
    assert len(desk.of(CallOffered)) == 1  # the desk was not disturbed
    assert first.saw("state", state="CONFIRMED") and not first.saw("state", state="DISCONNECTED")
    desk.tel.hang_up(call_id)
    wait(qtbot, lambda: desk.of(CallReleased))


def test_a_desk_not_ready_answers_486_and_rings_nobody(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller
) -> None:
    desk, caller = make_desk(), make_caller()
    online(qtbot, desk)
    wait(qtbot, lambda: caller.saw("ready"))
    caller.call("desk1")  # the agent never said 示闲
    wait(qtbot, lambda: caller.saw("state", state="DISCONNECTED"))
    assert caller.saw("state", state="DISCONNECTED", code=486)
    assert not desk.of(CallOffered)


def test_unauthenticated_and_malformed_requests_are_refused_and_nothing_is_recorded(
        qtbot: QtBot, make_desk: MakeDesk, make_caller: MakeCaller, tmp_path: Path
) -> None:
    import socket

    desk = make_desk()
    online(qtbot, desk)
    desk.tel.set_available(True)
    intruder = make_caller(password="wrong")
    wait(qtbot, lambda: intruder.saw("ready"))
    intruder.call("desk1")
    wait(qtbot, lambda: intruder.saw("state", state="DISCONNECTED"))
    end = [e for e in intruder.events if e.get("state") == "DISCONNECTED"][-1]
    assert end["code"] in (401, 403, 407), end
    # garbage straight at the desk's SIP port: dropped by the stack
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.sendto(b"INVITE nonsense\r\n\r\n\x00\xff", ("127.0.0.1", desk.tel.sip_port))
        s.sendto(b"SIP/2.0 200 OK\r\nVia: broken\r\n\r\n", ("127.0.0.1", desk.tel.sip_port))
    # the desk was never offered a call, recorded nothing, and still takes a real one
    caller = make_caller()
    call_id = offered(qtbot, desk, caller)
    assert len(desk.of(CallOffered)) == 1
    recordings = tmp_path / "recordings"
    assert not recordings.exists() or not list(recordings.iterdir())
    desk.tel.hang_up(call_id)
    wait(qtbot, lambda: desk.of(CallReleased))


def test_a_phone_that_cannot_start_is_offline_and_says_why(qtbot: QtBot, kamailio: Kamailio) -> None:
    from callcenter.telephony.sip.account import SipAccount
    from callcenter.telephony.sip.adapter import SipTelephony
    from callcenter.ui.calls.desk_bridge import GuiPoster

    poster = GuiPoster()
    tel = SipTelephony(SipAccount(kamailio.address, "desk1", "pw", domain="not a domain"),
                       poster.post)
    seen: list[object] = []
    tel.add_registration_listener(seen.append)
    tel.start(lambda ev: None)
    try:
        wait(qtbot, lambda: seen)
        assert not tel.online
        assert tel.registration is not None and "SIP start failed" in tel.registration.reason
    finally:
        tel.stop()
        poster.deleteLater()
