"""The desk's SIP user agent: pjsua2 on a thread of its own.

``SipAgent`` owns the pjsua2 endpoint, account, calls and recorders on its
thread, which pumps ``libHandleEvents`` every few milliseconds and runs the
commands other threads ``submit``. What happens on the wire is reported as
plain ``AgentEvent`` values to ``sink``, called on the SIP thread; the adapter
(``callcenter.telephony.sip.adapter``) carries them to the GUI thread.

Signalling, as the desk's single line:

* an INVITE while the agent is available and idle is answered 180 Ringing at
  once (``Offered``, whose ``ringing_ns`` starts the desk's ring counter); any
  other INVITE gets 486 Busy Here;
* ``answer`` sends 200 OK; ``hold``/``resume`` are re-INVITEs (sendonly/sendrecv);
* ``hang_up`` sends BYE on a connected call and 603 Decline on a ringing one;
  ``decline`` (ring-no-answer) sends 480 Temporarily Unavailable so the
  caller's queue offers the call again;
* a CANCEL while ringing is ``Ended(phase="ringing", by="customer")``; a BYE
  from either side is ``Ended(phase="connected", by=...)``, by whoever sent it
  first (``hangup_order``: two BYEs crossing are ordered by time, the agent's
  from the moment the desk asked, not by default to the agent).

Both directions of a connected call are mixed into one WAV file per call
(8 kHz mono 16-bit, owner-only), from the 200 OK to the BYE.
"""

from __future__ import annotations

import gc
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from callcenter.telephony.sip.account import MediaSettings, SipAccount
from callcenter.telephony.sip.endpoint import (
    account_config,
    create_endpoint,
    local_sip_port,
    pj,
    user_of,
)
from callcenter.telephony.sip.events import (
    AgentEvent,
    Answered,
    ConsultState,
    Ended,
    Failed,
    Offered,
    Recorded,
    Refused,
    Registration,
    Sink,
    Transferred,
)
from callcenter.telephony.sip.hangup_order import HangUpOrder
from callcenter.telephony.sip.recorder_feed import call_audio, feed
from callcenter.telephony.sip.recording import open_recording, wav_seconds

POLL_MS = 2
_STATE_NAMES = {pj.PJSIP_INV_STATE_CALLING: "CALLING", pj.PJSIP_INV_STATE_EARLY: "EARLY",
                pj.PJSIP_INV_STATE_CONNECTING: "CONNECTING",
                pj.PJSIP_INV_STATE_CONFIRMED: "CONFIRMED",
                pj.PJSIP_INV_STATE_DISCONNECTED: "DISCONNECTED"}




class _Call(pj.Call):  # type: ignore[misc]
    def __init__(self, agent: SipAgent, acc: Any, pj_call_id: int) -> None:
        super().__init__(acc, pj_call_id)
        self.agent = agent
        self.key = ""
        self.phase: Literal["incoming", "ringing", "connected", "refused", "ended",
                            "consulting"] = "incoming"
        self.by_agent = False
        self.recorder: Any = None
        self.recording: Path | None = None
        self.recording_paused = False  # secure pause: the recorder is fed at level 0
        self.connected_ns: int | None = None
        self.confirmed = False  # the ACK came: a re-INVITE may be sent
        self.answering = False  # inside the 200 OK's sending
        self.pending: list[Callable[[], None]] = []  # hold/resume asked before the ACK
        self.transfer_to = ""
        self.consult: _Call | None = None  # the desk's call to the lead, while consulting
        self.consult_for: _Call | None = None  # on a consultation call: the customer's call

    def onCallState(self, prm: Any) -> None:  # noqa: N802 (pjsua2 callback name)
        self.agent._call_state(self)

    def onCallMediaState(self, prm: Any) -> None:  # noqa: N802
        self.agent._call_media(self)

    def onCallTransferStatus(self, prm: Any) -> None:  # noqa: N802
        self.agent._transfer_status(self, int(prm.statusCode), bool(prm.finalNotify))
        prm.cont = not prm.finalNotify


class _Account(pj.Account):  # type: ignore[misc]
    def __init__(self, agent: SipAgent) -> None:
        super().__init__()
        self.agent = agent

    def onRegState(self, prm: Any) -> None:  # noqa: N802
        info = self.getInfo()
        self.agent._registration(bool(info.regIsActive) and int(prm.code) // 100 == 2,
                                 int(prm.code), str(prm.reason), int(prm.expiration))

    def onIncomingCall(self, prm: Any) -> None:  # noqa: N802
        self.agent._incoming(self, int(prm.callId))


class SipAgent:
    """pjsua2 on its own thread; see the module docstring."""

    def __init__(self, account: SipAccount, media: MediaSettings, sink: Sink) -> None:
        self.account = account
        self.media = media
        self._sink = sink
        self._commands: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.hangups = HangUpOrder()
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._started = threading.Event()
        self.sip_port = 0  # the local SIP port, once started
        # below: touched on the SIP thread only
        self._ep: Any = None
        self._acc: Any = None
        self._available = False
        self._calls: dict[str, _Call] = {}
        self._dead: list[_Call] = []
        self._closing: list[tuple[str, Path, float]] = []  # recordings being closed
        self._orphans: list[_Call] = []  # consultation calls whose customer call ended
        self._online = False
        self._reg_until = 0.0  # monotonic: when the registrar forgets us without a refresh

    # ----- any thread ----------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("SipAgent already started")
        self._thread = threading.Thread(target=self._run, name="sip-agent", daemon=True)
        self._thread.start()

    def wait_started(self, timeout_s: float = 10.0) -> bool:
        return self._started.wait(timeout_s)

    def submit(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the SIP thread (within a few milliseconds)."""
        self._commands.put(fn)

    def stop(self, timeout_s: float = 5.0) -> None:
        """Hang up, unregister, finish the recordings and end the thread."""
        self._stopping = True
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout_s)

    def set_available(self, available: bool) -> None:
        """Any thread: whether an INVITE rings (a plain flag the SIP thread reads)."""
        self._available = available

    # ----- commands (run them through ``submit``) ------------------------

    def answer(self, call_id: str) -> None:
        start_ns = time.monotonic_ns()
        call = self._live(call_id, "ringing")
        if call is None:
            return
        call.phase = "connected"
        call.answering = True  # the recorder starts once the 200 is out, not before
        try:
            self._reply(call, 200)
        finally:
            call.answering = False
        call.connected_ns = time.monotonic_ns()
        self._available = False  # busy until the desk says otherwise (wrap-up)
        self._emit(Answered(call_id, start_ns, call.connected_ns))
        self._call_media(call)

    def hold(self, call_id: str) -> None:
        call = self._live(call_id, "connected")
        if call is not None:
            self._when_confirmed(call, lambda: call.setHold(pj.CallOpParam(True)))

    def resume(self, call_id: str) -> None:
        call = self._live(call_id, "connected")
        if call is not None:
            prm = pj.CallOpParam(True)
            prm.opt.flag = pj.PJSUA_CALL_UNHOLD
            self._when_confirmed(call, lambda: call.reinvite(prm))

    def _when_confirmed(self, call: _Call, fn: Callable[[], None]) -> None:
        """A re-INVITE waits for the ACK of our 200 OK (pjsua refuses it before)."""
        if call.confirmed:
            fn()
        else:
            call.pending.append(fn)

    def hang_up(self, call_id: str) -> None:
        call = self._live(call_id, "ringing", "connected")
        if call is None:
            return
        call.by_agent = True
        if call.phase == "ringing":
            self._reply(call, 603)
        else:
            call.hangup(pj.CallOpParam(True))

    def transfer(self, call_id: str, target: str) -> None:
        """Blind transfer: REFER the customer to ``target`` (a SIP user at the
        account's domain, or a full sip: URI); the desk's leg ends once it is done."""
        call = self._live(call_id, "connected")
        if call is None:
            return
        uri = target if target.startswith("sip:") else f"sip:{target}@{self.account.sip_domain}"
        call.transfer_to = uri
        self._when_confirmed(call, lambda: call.xfer(uri, pj.CallOpParam(True)))

    def consult(self, call_id: str, target: str) -> None:
        """Consult transfer, step 1: hold the customer and call ``target``."""
        call = self._live(call_id, "connected")
        if call is None or call.consult is not None:
            return
        uri = target if target.startswith("sip:") else f"sip:{target}@{self.account.sip_domain}"
        self.hold(call_id)
        other = _Call(self, self._acc, pj.PJSUA_INVALID_ID)
        other.key, other.phase, other.consult_for, other.transfer_to = (
            f"consult-{call.key}", "consulting", call, uri)
        call.consult = other
        other.makeCall(uri, pj.CallOpParam(True))

    def complete_consult(self, call_id: str) -> None:
        """Step 2a: put the customer through to the consulted party (REFER with
        Replaces); the desk's two legs end once the customer is connected."""
        call = self._live(call_id, "connected")
        if call is None or call.consult is None or not call.consult.confirmed:
            return
        call.transfer_to = call.consult.transfer_to
        call.xferReplaces(call.consult, pj.CallOpParam(True))

    def cancel_consult(self, call_id: str) -> None:
        """Step 2b: hang up the consultation and take the customer back."""
        call = self._live(call_id, "connected")
        if call is None:
            return
        if call.consult is not None:  # else the target refused or left: only resume
            call.consult.hangup(pj.CallOpParam(True))
        self.resume(call_id)

    def _consult_state(self, other: _Call) -> None:
        info = other.getInfo()
        state = _STATE_NAMES.get(info.state, str(info.state))
        if state == "CONFIRMED":
            other.confirmed = True
        owner = other.consult_for
        if owner is None:  # the customer's call ended first: this one is being hung up
            if state == "DISCONNECTED" and other in self._orphans:
                self._orphans.remove(other)
                self._dead.append(other)
            return
        self._emit(ConsultState(owner.key, other.transfer_to, state, int(info.lastStatusCode)))
        if state == "DISCONNECTED":
            owner.consult = None
            other.consult_for = None
            self._dead.append(other)

    def _transfer_status(self, call: _Call, code: int, final: bool) -> None:
        if not final:
            if code in (180, 183):  # the target's phone rings
                self._emit(Transferred(call.key, call.transfer_to, code, final=False))
            return
        self._emit(Transferred(call.key, call.transfer_to, code))
        if code // 100 == 2 and call.phase == "connected":
            call.by_agent = True
            call.hangup(pj.CallOpParam(True))

    def decline(self, call_id: str) -> None:
        """Ring-no-answer: the call goes back to the caller's queue."""
        call = self._live(call_id, "ringing")
        if call is not None:
            call.by_agent = True
            self._available = False
            self._reply(call, 480)

    # ----- the SIP thread ------------------------------------------------
    def _run(self) -> None:
        try:
            self._ep, transport = create_endpoint(self.media, self.account)
            self.sip_port = local_sip_port(self._ep, transport)
            self._acc = _Account(self)
            self._acc.create(account_config(self.account))
        except Exception as exc:  # pjsua2.Error: bad config, port in use, ...
            self._emit(Failed(f"SIP start failed: {_describe(exc)}", fatal=True))
            self._started.set()
            self._destroy()
            return
        self._started.set()
        while not self._stopping:
            self._ep.libHandleEvents(POLL_MS)
            self._drain()
        self._shutdown()

    def _drain(self) -> None:
        while True:
            try:
                fn = self._commands.get_nowait()
            except queue.Empty:
                break
            try:
                fn()
            except Exception as exc:  # a pjsua2.Error must not end the SIP thread
                self._emit(Failed(f"SIP command failed: {_describe(exc)}"))
        # calls are freed here, outside pjsua2's callbacks
        self._dead.clear()
        if self._closing:
            self._check_recordings()
        if self._online and time.monotonic() > self._reg_until:
            # the refresh is still unanswered (UDP waits up to 32 s for a lost
            # registrar): the binding has lapsed, so calls no longer reach us
            self._registration(False, 408, "registration expired", 0)

    def _shutdown(self) -> None:
        try:
            for call in list(self._calls.values()):
                call.by_agent = True
                if call.phase == "connected":
                    call.hangup(pj.CallOpParam(True))
                elif call.phase in ("incoming", "ringing"):
                    self._reply(call, 480)
            deadline = time.monotonic() + 1.0
            while self._calls and time.monotonic() < deadline:
                self._ep.libHandleEvents(10)
            for call in list(self._calls.values()):
                self._finish_recording(call)
            self._calls.clear()
            deadline = time.monotonic() + 1.0
            while self._closing and time.monotonic() < deadline:
                self._ep.libHandleEvents(10)
                self._check_recordings()
            self._dead.clear()
            if self._acc is not None:
                self._acc.shutdown()
            deadline = time.monotonic() + 0.05  # the un-REGISTER is out; its answer matters not
            while time.monotonic() < deadline:
                self._ep.libHandleEvents(10)
        except Exception as exc:
            self._emit(Failed(f"SIP shutdown: {_describe(exc)}"))
        self._destroy()

    def _destroy(self) -> None:
        self._orphans.clear()
        self._calls.clear()
        self._dead.clear()
        self._acc = None
        gc.collect()  # pjsua2 objects must go before the library does
        if self._ep is not None:
            try:
                self._ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
            except Exception:
                pass
            self._ep = None

    def _registration(self, online: bool, code: int, reason: str, expires_s: int) -> None:
        self._online = online
        if online:
            # a second's grace for the refresh's own round trip
            self._reg_until = time.monotonic() + max(1, expires_s) + 1.0
        self._emit(Registration(online, code, reason))

    def _emit(self, event: AgentEvent) -> None:
        self._sink(event)

    def _live(self, call_id: str, *phases: str) -> _Call | None:
        call = self._calls.get(call_id)
        return call if call is not None and call.phase in phases else None

    def _reply(self, call: _Call, code: int) -> None:
        prm = pj.CallOpParam()
        prm.statusCode = code
        if code // 100 == 2:
            call.answer(prm)
        elif code // 100 == 1:
            call.answer(prm)
        else:
            call.hangup(prm)

    def _incoming(self, acc: Any, pj_call_id: int) -> None:
        invite_ns = time.monotonic_ns()
        call = _Call(self, acc, pj_call_id)
        info = call.getInfo()
        call.key = f"sip-{info.callIdString}"
        self._calls[call.key] = call
        busy = not self._available or any(
            c.phase in ("ringing", "connected") for c in self._calls.values() if c is not call)
        if busy or self._stopping:
            call.phase = "refused"
            self._reply(call, 486)
            self._emit(Refused(call.key, 486))
            return
        self._reply(call, 180)
        call.phase = "ringing"
        self._emit(Offered(call.key, user_of(str(info.remoteUri)), invite_ns, time.monotonic_ns()))

    def _call_state(self, call: _Call) -> None:
        if call.consult_for is not None:
            self._consult_state(call)
            return
        info = call.getInfo()
        if info.state == pj.PJSIP_INV_STATE_CONFIRMED and not call.confirmed:
            call.confirmed = True
            pending, call.pending = call.pending, []
            for fn in pending:
                self.submit(fn)  # after this callback, in order
        if info.state != pj.PJSIP_INV_STATE_DISCONNECTED:
            return
        end_ns = time.monotonic_ns()
        phase, by_agent = call.phase, call.by_agent
        orphan = call.consult
        if call.consult is not None:  # no reference cycle may outlive the call
            other, call.consult = call.consult, None
            other.consult_for = None
            self._orphans.append(other)
            try:
                other.hangup(pj.CallOpParam(True))
            except Exception as exc:  # already ending: nothing to hang up
                self._emit(Failed(f"consultation hang-up: {_describe(exc)}"))
        call.phase = "ended"
        self._finish_recording(call)
        self._calls.pop(call.key, None)
        self._dead.append(call)
        if phase in ("ringing", "connected"):
            talk_s = (end_ns - call.connected_ns) / 1e9 if call.connected_ns is not None else 0.0
            by = self.hangups.call_ended(call.key, by_agent=by_agent)
            self._emit(Ended(call.key, phase, by, int(info.lastStatusCode), call.recording,
                             talk_s))
        if orphan is not None:  # the consultation ends with the call: say so, after Ended
            self._emit(ConsultState(call.key, orphan.transfer_to, "DISCONNECTED", 0))

    def _call_media(self, call: _Call) -> None:
        if call.phase != "connected" or call.answering or self.media.recordings_dir is None:
            return
        for audio in call_audio(call):
            if call.recorder is None:
                path = open_recording(self.media.recordings_dir, call.key)
                recorder = pj.AudioMediaRecorder()
                recorder.createRecorder(str(path))
                call.recorder, call.recording = recorder, path
            self._feed(call, audio)

    def _feed(self, call: _Call, audio: Any) -> None:
        mic = self._ep.audDevManager().getCaptureDevMedia()
        feed(call.recorder, [audio, mic], paused=call.recording_paused)

    def pause_recording(self, call_id: str, paused: bool) -> None:
        """Secure pause on or off for the connected call's recording (recorder_feed)."""
        call = self._live(call_id, "connected")
        if call is None:
            return
        call.recording_paused = paused
        if call.recorder is not None:  # else it starts with the media, at this level
            for audio in call_audio(call):
                self._feed(call, audio)

    def _finish_recording(self, call: _Call) -> None:
        """Start closing the call's WAV; ``Recorded`` follows once it is closed."""
        if call.recorder is None or call.recording is None:
            return
        call.recorder = None  # destroys the port; pjmedia then closes the file
        self._closing.append((call.key, call.recording, time.monotonic() + 2.0))

    def _check_recordings(self) -> None:
        still: list[tuple[str, Path, float]] = []
        for key, path, deadline in self._closing:
            seconds = wav_seconds(path)
            if seconds is not None:
                self._emit(Recorded(key, path, seconds, True))
            elif time.monotonic() > deadline:
                size = path.stat().st_size if path.exists() else 44
                self._emit(Recorded(key, path, max(0, size - 44) / (2 * self.media.clock_rate),
                                    False))
            else:
                still.append((key, path, deadline))
        self._closing = still


def _describe(exc: BaseException) -> str:
    info = getattr(exc, "info", None)
    return str(info()) if callable(info) else str(exc)
