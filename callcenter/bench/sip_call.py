"""sip-call: N real SIP calls through a Kamailio on 127.0.0.1 to the desk's call loop.

The desk is the real ``CallDesk`` on a real SQLite file with the SIP port
(pjsua2 on its own thread, events posted to the Qt thread); the customer is the
scripted pjsua2 caller in a subprocess, playing a 3 s two-tone file. Per call:
the caller dials, the desk rings (its state turns RINGING), the desk answers at
once, they talk ``TALK_S``, the caller hangs up, the desk ends wrap-up without a
ticket and is ready for the next call.

Figures, all from one monotonic clock (one machine):

* ``invite_to_ring_p95_ms``: the INVITE reached the desk's SIP account to the
  desk's state showing RINGING (after the 180 went out and the event crossed
  to the Qt thread);
* ``answer_to_200_p95_ms``: ``desk.answer()`` to the 200 OK sent by the SIP thread;
* ``recording_error_s``: worst |recorded length - talk time (200 OK to BYE)|;
* ``calls_ok``: calls that rang, were answered, released by the customer and
  recorded completely.

Raw baselines in the same run: ``baseline_invite_to_180_p95_ms``, the caller's
own view of INVITE sent to 180 received (Kamailio both ways plus the desk's
stack), and ``baseline_200_transit_p95_ms``, 200 OK sent by the desk to the
caller seeing it (Kamailio on loopback).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, rounded

TALK_S = 1.0
USERS = {"desk1": "bench-desk", "trunk": "bench-trunk"}


class _Caller:
    def __init__(self, registrar: str, tone: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "callcenter.telephony.sip.caller", "--registrar", registrar,
             "--user", "trunk", "--tone", str(tone)],
            env={**os.environ, "CALLCENTER_SIP_PASSWORD": USERS["trunk"]},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.events: list[dict[str, Any]] = []
        self._q: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._q.put(json.loads(line))

    def poll(self) -> list[dict[str, Any]]:
        while True:
            try:
                self.events.append(self._q.get_nowait())
            except queue.Empty:
                return self.events

    def send(self, **cmd: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.send(op="quit")
                self.proc.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(5)


def run(args: BenchArgs) -> Metrics:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from callcenter.domain.agent_state import AgentState
    from callcenter.domain.clock import SystemClock
    from callcenter.services.auth.current_user import CurrentUser
    from callcenter.services.calls.desk import CallDesk
    from callcenter.services.calls.desk_types import DeskListener, DeskSnapshot
    from callcenter.services.customers.screen_pop import Customers
    from callcenter.services.phone.demo import write_tone
    from callcenter.services.scripts.call_lines import BasicScripts
    from callcenter.services.site.profile import load_profile
    from callcenter.services.storage.database import open_database
    from callcenter.services.tickets.entry import Tickets
    from callcenter.telephony.sip.account import MediaSettings, SipAccount
    from callcenter.telephony.sip.adapter import SipTelephony
    from callcenter.telephony.sip.kamailio import Kamailio, KamailioError
    from callcenter.ui.calls.desk_bridge import GuiPoster
    from callcenter.ui.shared.qt_app import application
    from callcenter.ui.shared.qt_scheduler import QtScheduler

    qapp = application()

    def pump_until(done: Callable[[], bool], timeout_s: float, what: str) -> None:
        loop = QEventLoop()
        deadline = time.monotonic() + timeout_s
        timed_out = False

        def check() -> None:
            nonlocal timed_out
            if done():
                loop.quit()
            elif time.monotonic() > deadline:
                timed_out = True
                loop.quit()

        poll = QTimer()
        poll.setInterval(5)
        poll.timeout.connect(check)
        poll.start()
        if not done():
            loop.exec()
        poll.stop()
        if timed_out:
            raise BenchError(f"timed out after {timeout_s:.0f} s waiting for {what}")

    class RingWatch(DeskListener):
        def __init__(self) -> None:
            self.rang_ns: dict[str, int] = {}

        def desk_changed(self, snap: DeskSnapshot) -> None:
            if snap.status.state is AgentState.RINGING and snap.call is not None:
                self.rang_ns.setdefault(snap.call.telephony_id, time.monotonic_ns())

    work = args.data_dir / "sip-call"
    work.mkdir(parents=True, exist_ok=True)
    tone = work / "tone.wav"
    write_tone(tone)
    try:
        server = Kamailio(work / "kamailio", USERS)
        server.start()
    except KamailioError as exc:
        raise BenchError(str(exc)) from exc
    caller = _Caller(server.address, tone)
    base = load_profile()
    profile = replace(base, targets=replace(base.targets, ring_no_answer_timeout_s=30.0))
    db = open_database(work / "desk.sqlite3")
    clock, scheduler, poster = SystemClock(), QtScheduler(), GuiPoster()
    tel = SipTelephony(SipAccount(server.address, "desk1", USERS["desk1"]), poster.post,
                       media=MediaSettings(recordings_dir=work / "recordings", log_level=0))
    desk = CallDesk(clock=clock, scheduler=scheduler, telephony=tel, profile=profile, db=db,
                    tickets=Tickets(db, profile, clock, "BENCH", user=CurrentUser()),
                    customers=Customers(db, clock, profile.recent_ticket_days),
                    scripts=BasicScripts(), workstation="BENCH", post=poster.post)
    watch = RingWatch()
    desk.add_listener(watch)
    call_ids: list[str] = []
    try:
        pump_until(lambda: tel.online, 15, "the desk to register")
        pump_until(lambda: any(e["ev"] == "ready" for e in caller.poll()), 15, "the caller")
        desk.sign_in("1024")
        desk.set_ready()
        for n in range(args.size):
            caller.send(op="call", to="desk1", **{"from": "13912345678"})
            try:
                pump_until(lambda: desk.status.state is AgentState.RINGING, 10,
                           f"call {n + 1} to ring")
            except BenchError as exc:
                raise BenchError(f"{exc}; desk {desk.status.state.value}, SIP failures "
                                 f"{tel.failures[-3:]}, caller said {caller.poll()[-4:]}") from exc
            call = desk.current_call
            assert call is not None
            call_ids.append(call.telephony_id)
            desk.answer()
            talk_end = time.monotonic() + TALK_S
            pump_until(lambda end=talk_end: time.monotonic() >= end, TALK_S + 5, "the talk")
            caller.send(op="hangup")
            pump_until(lambda: desk.status.state is AgentState.WRAP_UP, 10, f"call {n + 1} to end")
            desk.finish_wrapup_without_ticket("bench")
            pump_until(lambda n=n: sum(e.get("state") == "DISCONNECTED" for e in caller.poll()) > n,
                       10, f"the caller to finish call {n + 1}")
            if (n + 1) % 10 == 0:
                args.progress(f"{n + 1}/{args.size} calls")
        last = call_ids[-1] if call_ids else ""
        pump_until(lambda: tel.recorded(last) is not None, 10, "the last recording")
    finally:
        desk.shutdown()
        caller.close()
        server.stop()
        db.close()
        poster.deleteLater()
        scheduler.deleteLater()
        qapp.processEvents()
    return _figures(tel, watch.rang_ns, call_ids, caller.events, args.size)


def _figures(tel: Any, rang_ns: dict[str, int], call_ids: list[str],
             caller_events: list[dict[str, Any]], size: int) -> Metrics:
    timings = tel.timings()
    ring, answer, queued, errors = [], [], [], []
    ok = 0
    for cid in call_ids:
        t = timings.get(cid)
        if t is None or cid not in rang_ns:
            continue
        ring.append(rang_ns[cid] - t.invite_ns)
        if t.answer_cmd_ns is not None and t.ok_sent_ns is not None:
            answer.append(t.ok_sent_ns - t.answer_cmd_ns)
            if t.answer_start_ns is not None:
                queued.append(t.answer_start_ns - t.answer_cmd_ns)
        rec = t.recorded
        if t.ended is not None and t.ended.by == "customer" and rec is not None and rec.complete:
            errors.append(abs(rec.seconds - t.ended.talk_s))
            ok += 1
    # the caller's own clock (the same CLOCK_MONOTONIC): per call, dialed -> EARLY and CONNECTING
    invite_180, transit = [], []
    dialed: float | None = None
    for e in caller_events:
        if e["ev"] == "dialed":
            dialed = e["t"]
        elif e.get("state") == "EARLY" and dialed is not None:
            invite_180.append((e["t"] - dialed) * 1e9)
    oks = [timings[c].ok_sent_ns for c in call_ids if c in timings and timings[c].ok_sent_ns]
    connecting = [e["t"] * 1e9 for e in caller_events if e.get("state") == "CONNECTING"]
    transit = [c - o for o, c in zip(oks, connecting, strict=False)]
    if not ring or not answer or not errors:
        raise BenchError(f"no complete calls measured ({len(ring)} rang, {ok} complete)")
    ring.sort()
    answer.sort()
    invite_180.sort()
    transit.sort()
    queued.sort()
    return {
        "calls": size,
        "calls_ok": ok,
        "invite_to_ring_p95_ms": rounded(percentile(ring, 95) / NS_PER_MS),
        "invite_to_ring_p50_ms": rounded(percentile(ring, 50) / NS_PER_MS),
        "answer_to_200_p95_ms": rounded(percentile(answer, 95) / NS_PER_MS),
        "answer_to_200_p50_ms": rounded(percentile(answer, 50) / NS_PER_MS),
        "answer_queue_p95_ms": rounded(percentile(queued, 95) / NS_PER_MS) if queued else -1,
        "recording_error_s": rounded(max(errors)),
        "baseline_invite_to_180_p95_ms": rounded(percentile(invite_180, 95) / NS_PER_MS)
        if invite_180 else -1,
        "baseline_invite_to_180_p50_ms": rounded(percentile(invite_180, 50) / NS_PER_MS)
        if invite_180 else -1,
        "baseline_200_transit_p95_ms": rounded(percentile(transit, 95) / NS_PER_MS)
        if transit else -1,
    }


SCENARIO = Scenario(
    name="sip-call",
    summary="real SIP calls through Kamailio on 127.0.0.1: INVITE to ring, answer to 200, recording",
    size_means="calls",
    runs_means="unused",
    default_size=50,
    default_runs=1,
    run=run,
    path="a caller's INVITE through Kamailio to the ring in CallDesk, and answer to the 200 OK out",
)
