"""A scripted SIP caller: the customer's side for the tests, the demo and the bench.

Run as ``python -m callcenter.telephony.sip.caller --registrar HOST:PORT
--user U --password P [--tone WAV]``. It is a second pjsua2 agent (its own
process: pjsua2 allows one endpoint per process) that reads JSON commands, one
a line, on stdin and writes JSON events, one a line, on stdout:

    {"op": "call", "to": "desk1", "from": "13912345678"}
        -> {"ev": "state", "state": "EARLY", "code": 180, ...}
    {"op": "hangup"}     BYE when connected, CANCEL while ringing
    {"op": "quit"}

Every event carries ``t`` (its monotonic time in seconds). Once the call is
connected it plays the ``--tone`` file to the desk once. With ``--demo N`` it
needs no commands: it phones the desk N times, talks ``--talk`` seconds and
calls again after a declined or busy answer, like a queue would.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import sys
import threading
import time
from pathlib import Path
from typing import Any

from callcenter.telephony.sip.account import MediaSettings, SipAccount
from callcenter.telephony.sip.endpoint import account_config, create_endpoint, pj

STATE_NAMES = {
    "PJSIP_INV_STATE_CALLING": "CALLING", "PJSIP_INV_STATE_EARLY": "EARLY",
    "PJSIP_INV_STATE_CONNECTING": "CONNECTING", "PJSIP_INV_STATE_CONFIRMED": "CONFIRMED",
    "PJSIP_INV_STATE_DISCONNECTED": "DISCONNECTED",
}
_STATES = {getattr(pj, name): short for name, short in STATE_NAMES.items()}
_MEDIA_STATUS = {
    pj.PJSUA_CALL_MEDIA_NONE: "none", pj.PJSUA_CALL_MEDIA_ACTIVE: "active",
    pj.PJSUA_CALL_MEDIA_LOCAL_HOLD: "local_hold", pj.PJSUA_CALL_MEDIA_REMOTE_HOLD: "remote_hold",
    pj.PJSUA_CALL_MEDIA_ERROR: "error",
}


_out = sys.stdout  # replaced in main(): pjsip's own log lines go to stdout


def say(**event: Any) -> None:
    event["t"] = round(time.monotonic(), 6)
    _out.write(json.dumps(event) + "\n")
    _out.flush()


class _Call(pj.Call):  # type: ignore[misc]
    def __init__(self, caller: Caller, acc: Any, call_id: int = -1) -> None:
        super().__init__(acc, call_id)
        self.caller = caller
        self.player: Any = None
        self.state = "CALLING"
        self.code = 0

    def onCallState(self, prm: Any) -> None:  # noqa: N802
        info = self.getInfo()
        self.state = _STATES.get(info.state, str(info.state))
        self.code = int(info.lastStatusCode)
        say(ev="state", state=self.state, code=self.code, reason=str(info.lastReason))
        if self.state == "DISCONNECTED":
            self.player = None
            self.caller.ended(self)

    def onCallMediaState(self, prm: Any) -> None:  # noqa: N802
        info = self.getInfo()
        for index, media in enumerate(info.media):
            if media.type != pj.PJMEDIA_TYPE_AUDIO:
                continue
            say(ev="media", status=_MEDIA_STATUS.get(media.status, str(media.status)))
            if media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                if self.player is None and self.caller.tone is not None:
                    self.player = pj.AudioMediaPlayer()
                    self.player.createPlayer(str(self.caller.tone), pj.PJMEDIA_FILE_NO_LOOP)
                    self.player.startTransmit(self.getAudioMedia(index))
                    say(ev="playing")
                elif self.player is not None:  # after a hold: the same player goes on
                    self.player.startTransmit(self.getAudioMedia(index))

    def onCallReplaced(self, prm: Any) -> None:  # noqa: N802
        # an INVITE with Replaces took this call over (a consult transfer completed)
        say(ev="replaced")
        new = _Call(self.caller, self.caller.answerer, int(prm.newCallId))
        self.caller.incoming.append(new)
        prm.newCall = new

    def onCallTransferRequest(self, prm: Any) -> None:  # noqa: N802
        # REFER: accept it and follow with our own call object, so its events show
        say(ev="refer", to=str(prm.dstUri))
        self.caller.transferred_to = _Call(self.caller, self.caller.trunk_account())
        prm.newCall = self.caller.transferred_to


class _Account(pj.Account):  # type: ignore[misc]
    def __init__(self, caller: Caller | None = None) -> None:
        super().__init__()
        self.caller = caller

    def onRegState(self, prm: Any) -> None:  # noqa: N802
        say(ev="registered" if int(prm.code) // 100 == 2 else "register_failed", code=int(prm.code))

    def onIncomingCall(self, prm: Any) -> None:  # noqa: N802
        # --answer: another desk or the shift lead, taking what is put through
        assert self.caller is not None
        call = _Call(self.caller, self, int(prm.callId))
        say(ev="incoming", remote=str(call.getInfo().remoteUri))
        self.caller.incoming.append(call)
        op = pj.CallOpParam()
        op.statusCode = 200
        call.answer(op)


class Caller:
    def __init__(self, account: SipAccount, tone: Path | None) -> None:
        self.account = account
        self.tone = tone
        self.ep, _ = create_endpoint(MediaSettings(), account, max_calls=4)
        self.accounts: dict[str, Any] = {}
        self.call: _Call | None = None
        self.dead: list[_Call] = []
        self.last_end: tuple[str, int] | None = None
        self.transferred_to: _Call | None = None
        self.incoming: list[_Call] = []
        self.answerer: _Account | None = None

    def trunk_account(self) -> Any:
        return self._account_for(next(iter(self.accounts), "13800138000"))

    def answer_as_registered(self) -> None:
        """Register as ``account.user`` and answer every incoming call at once."""
        self.answerer = _Account(self)
        self.answerer.create(account_config(self.account))

    def _account_for(self, number: str) -> Any:
        """One unregistered account per caller number: the number is the From user."""
        acc = self.accounts.get(number)
        if acc is None:
            acc = _Account()
            acc.create(account_config(self.account, register=False, id_user=number))
            self.accounts[number] = acc
        return acc

    def dial(self, to: str, number: str) -> None:
        if self.call is not None:
            say(ev="error", message="a call is in progress")
            return
        self.call = _Call(self, self._account_for(number))
        uri = to if to.startswith("sip:") else f"sip:{to}@{self.account.sip_domain}"
        self.call.makeCall(uri, pj.CallOpParam(True))
        say(ev="dialed", to=uri)

    def hang_up(self) -> None:
        if self.call is not None:
            self.call.hangup(pj.CallOpParam(True))

    def ended(self, call: _Call) -> None:
        if self.call is call:
            self.call = None
            if self.transferred_to is not None:  # the transferred call carries on
                self.call, self.transferred_to = self.transferred_to, None
        if call in self.incoming:
            self.incoming.remove(call)
        self.last_end = (call.state, call.code)
        self.dead.append(call)

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            self.ep.libHandleEvents(2)
            self.dead.clear()
            if time.monotonic() >= end:
                return

    def close(self) -> None:
        if self.call is not None:
            self.call.hangup(pj.CallOpParam(True))
            deadline = time.monotonic() + 1.0
            while self.call is not None and time.monotonic() < deadline:
                self.pump(0.01)
        self.call = self.transferred_to = None
        self.incoming.clear()
        self.dead.clear()
        for acc in self.accounts.values():
            acc.shutdown()  # these accounts never registered: nothing to wait for
        if self.answerer is not None:
            self.answerer.shutdown()
            self.pump(0.05)
            self.answerer = None
        self.accounts.clear()
        import gc

        gc.collect()
        self.ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)


def _serve(caller: Caller) -> None:
    commands: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()

    def read() -> None:
        for line in sys.stdin:
            if line.strip():
                commands.put(json.loads(line))
        commands.put(None)

    threading.Thread(target=read, daemon=True).start()
    say(ev="ready")
    while True:
        caller.pump(0.002)
        try:
            cmd = commands.get_nowait()
        except queue.Empty:
            continue
        if cmd is None or cmd.get("op") == "quit":
            return
        op = cmd.get("op")
        if op == "call":
            caller.dial(str(cmd["to"]), str(cmd.get("from", "13800138000")))
        elif op == "hangup":
            caller.hang_up()
        else:
            say(ev="error", message=f"unknown op {op!r}")


def _demo(caller: Caller, to: str, calls: int, talk_s: float, gap_s: float) -> None:
    numbers = ["13912345678", "13800138000", "15900001111", "18611112222"]
    done = attempts = 0
    while done < calls and attempts < calls * 50:  # nobody answering: give up eventually
        attempts += 1
        caller.dial(to, numbers[done % len(numbers)])
        answered_at: float | None = None
        while caller.call is not None:
            caller.pump(0.05)
            call = caller.call
            if call is not None and call.state == "CONFIRMED" and answered_at is None:
                answered_at = time.monotonic()
            if answered_at is not None and time.monotonic() - answered_at > talk_s:
                caller.hang_up()
                answered_at = float("inf")
        if answered_at is not None:
            done += 1  # declined, busy or unanswered calls are offered again
        caller.pump(gap_s)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="callcenter.telephony.sip.caller")
    p.add_argument("--registrar", required=True, help="HOST:PORT of the proxy")
    p.add_argument("--user", required=True)
    p.add_argument("--password", default=os.environ.get("CALLCENTER_SIP_PASSWORD"),
                   help="default: $CALLCENTER_SIP_PASSWORD (keeps it out of ps)")
    p.add_argument("--tone", type=Path, help="WAV played to the desk once connected")
    p.add_argument("--demo", type=int, default=0, metavar="N", help="phone the desk N times")
    p.add_argument("--answer", action="store_true",
                   help="register as --user and answer incoming calls (a transfer target)")
    p.add_argument("--to", default="desk1", help="who --demo phones")
    p.add_argument("--talk", type=float, default=8.0)
    p.add_argument("--gap", type=float, default=3.0)
    ns = p.parse_args(argv)
    if not ns.password:
        p.error("--password or CALLCENTER_SIP_PASSWORD is required")
    global _out
    # the JSON events keep the real stdout; pjsip's console log goes to stderr
    _out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(2, 1)
    caller = Caller(SipAccount(ns.registrar, ns.user, ns.password), ns.tone)
    try:
        if ns.answer:
            caller.answer_as_registered()
        if ns.demo:
            _demo(caller, ns.to, ns.demo, ns.talk, ns.gap)
        else:
            _serve(caller)
    finally:
        caller.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
