"""SIP tests on real parts: a Kamailio the tests start on 127.0.0.1 with a
generated config, the desk's pjsua2 agent in this process (events reach the
test on the Qt thread through GuiPoster, as in the app), and a second pjsua2
agent in a subprocess as the customer, playing a known two-tone WAV."""

from __future__ import annotations

import json
import math
import queue
import struct
import subprocess
import sys
import threading
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from callcenter.telephony.port import TelephonyEvent
from callcenter.telephony.sip.account import MediaSettings, SipAccount
from callcenter.telephony.sip.adapter import SipTelephony
from callcenter.telephony.sip.kamailio import Kamailio
from callcenter.ui.calls.desk_bridge import GuiPoster

USERS = {"desk1": "desk-pw-1", "desk2": "desk-pw-2", "trunk": "trunk-pw"}
ROOT = Path(__file__).resolve().parents[2]
TONES = ((0.0, 1.5, 600.0), (1.5, 3.0, 1500.0))  # (from s, to s, Hz): the file the caller plays


def write_tone(path: Path, rate: int = 8000) -> Path:
    frames = bytearray()
    for start, end, hz in TONES:
        for i in range(int((end - start) * rate)):
            frames += struct.pack("<h", int(10000 * math.sin(2 * math.pi * hz * i / rate)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


@pytest.fixture(scope="session")
def tone_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tone(tmp_path_factory.mktemp("tone") / "tone.wav")


@pytest.fixture(scope="session")
def kamailio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kamailio]:
    server = Kamailio(tmp_path_factory.mktemp("kamailio"), USERS)
    server.start()
    yield server
    server.stop()


class Caller:
    """The customer: ``python -m callcenter.telephony.sip.caller`` in a subprocess."""

    def __init__(self, registrar: str, tone: Path | None, password: str = USERS["trunk"],
                 answer_as: str | None = None) -> None:
        user = answer_as or "trunk"
        args = [sys.executable, "-m", "callcenter.telephony.sip.caller", "--registrar", registrar,
                "--user", user, "--password", USERS[user] if answer_as else password]
        if answer_as:
            args.append("--answer")
        if tone is not None:
            args += ["--tone", str(tone)]
        self.proc = subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
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

    def saw(self, ev: str, **fields: Any) -> bool:
        return any(e["ev"] == ev and all(e.get(k) == v for k, v in fields.items())
                   for e in self.poll())

    def send(self, **cmd: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()

    def call(self, to: str = "desk1", number: str = "13912345678") -> None:
        self.send(op="call", to=to, **{"from": number})

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.send(op="quit")
                self.proc.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(5)


MakeCaller = Callable[..., Caller]
MakeDesk = Callable[..., "Desk"]


@pytest.fixture
def make_caller(kamailio: Kamailio, tone_wav: Path) -> Iterator[MakeCaller]:
    callers: list[Caller] = []

    def make(registrar: str | None = None, password: str = USERS["trunk"],
             answer_as: str | None = None) -> Caller:
        c = Caller(registrar or kamailio.address, tone_wav, password, answer_as)
        callers.append(c)
        return c

    yield make
    for c in callers:
        c.close()


class Desk:
    """The desk's SIP port with a listener that keeps every event."""

    def __init__(self, registrar: str, recordings: Path, user: str = "desk1", *,
                 start: bool = True) -> None:
        self.poster = GuiPoster()
        self.events: list[TelephonyEvent] = []
        self.online_changes: list[bool] = []
        account = SipAccount(registrar, user, USERS[user], register_expiry_s=6, retry_s=1)
        self.tel = SipTelephony(account, self.poster.post,
                                media=MediaSettings(recordings_dir=recordings))
        self.tel.add_registration_listener(lambda r: self.online_changes.append(r.online))
        if start:
            self.tel.start(self.events.append)

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]


@pytest.fixture
def make_desk(kamailio: Kamailio, tmp_path: Path) -> Iterator[MakeDesk]:
    desks: list[Desk] = []

    def make(registrar: str | None = None, user: str = "desk1") -> Desk:
        d = Desk(registrar or kamailio.address, tmp_path / "recordings", user)
        desks.append(d)
        return d

    yield make
    for d in desks:
        d.tel.stop()
        d.poster.deleteLater()
