"""``callcenter sip demo``: a Kamailio on 127.0.0.1 and a caller that phones the desk.

``setup(folder)`` writes a desk data dir (``folder/desk`` with sip.toml),
starts Kamailio (``folder/kamailio``) and the scripted caller
(``callcenter.telephony.sip.caller --demo``), and records their process ids in
``folder/sip-demo.json`` so ``stop(folder)`` ends exactly those processes.
Everything listens on 127.0.0.1 only; the passwords are random per demo and
reach the desk through ``CALLCENTER_SIP_PASSWORD`` (see ``desk_env``).
"""

from __future__ import annotations

import json
import math
import os
import secrets
import signal
import struct
import subprocess
import sys
import wave
from pathlib import Path

from callcenter.services.phone.settings import PASSWORD_ENV, SipSettings, save_sip_settings
from callcenter.telephony.sip.kamailio import Kamailio, KamailioError

STATE = "sip-demo.json"
DESK_USER = "desk1"
TRUNK_USER = "trunk"


class DemoUnavailable(RuntimeError):
    """Kamailio is missing or would not start, or the demo is already running."""


def write_tone(path: Path, rate: int = 8000) -> None:
    """A recognisable customer: 1.5 s of 600 Hz, then 1.5 s of 1500 Hz."""
    frames = bytearray()
    for hz in (600.0, 1500.0):
        for i in range(int(1.5 * rate)):
            frames += struct.pack("<h", int(10000 * math.sin(2 * math.pi * hz * i / rate)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


def _alive(pid: int, name: str) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return False
    return name in cmdline


def setup(folder: Path, calls: int = 5) -> dict[str, object]:
    """Start the demo; returns what was written to ``sip-demo.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    state_path = folder / STATE
    if state_path.exists():
        old = json.loads(state_path.read_text(encoding="utf-8"))
        if _alive(int(old["kamailio_pid"]), "kamailio"):
            raise DemoUnavailable(f"a SIP demo already runs in {folder} (stop it with --stop)")
    desk_pw, trunk_pw = secrets.token_urlsafe(12), secrets.token_urlsafe(12)
    try:
        server = Kamailio(folder / "kamailio", {DESK_USER: desk_pw, TRUNK_USER: trunk_pw},
                          detach=True)
        server.start()
    except KamailioError as exc:
        raise DemoUnavailable(str(exc)) from exc
    desk_dir = folder / "desk"
    save_sip_settings(desk_dir, SipSettings(server.address, DESK_USER, register_expiry_s=30,
                                            recordings_dir=desk_dir / "recordings"))
    tone = folder / "tone.wav"
    write_tone(tone)
    log = (folder / "caller.log").open("ab")
    caller = subprocess.Popen(
        [sys.executable, "-m", "callcenter.telephony.sip.caller", "--registrar", server.address,
         "--user", TRUNK_USER, "--tone", str(tone), "--demo", str(calls), "--to", DESK_USER,
         "--talk", "8", "--gap", "3"],
        env={**os.environ, PASSWORD_ENV: trunk_pw}, stdin=subprocess.DEVNULL, stdout=log,
        stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    state: dict[str, object] = {
        "registrar": server.address, "kamailio_pid": server.pid, "caller_pid": caller.pid,
        "desk_dir": str(desk_dir), "desk_password": desk_pw,
    }
    state_path.write_text(json.dumps(state), encoding="utf-8")
    state_path.chmod(0o600)
    return state


def desk_env(state: dict[str, object]) -> dict[str, str]:
    return {**os.environ, PASSWORD_ENV: str(state["desk_password"])}


def stop(folder: Path) -> list[int]:
    """End the demo's caller and Kamailio (only those processes); returns their pids."""
    state_path = folder / STATE
    if not state_path.exists():
        return []
    state = json.loads(state_path.read_text(encoding="utf-8"))
    stopped = []
    for key, name in (("caller_pid", "callcenter.telephony.sip.caller"), ("kamailio_pid", "kamailio")):
        pid = int(state.get(key) or 0)
        if pid and _alive(pid, name):
            os.kill(pid, signal.SIGTERM)
            stopped.append(pid)
    state_path.unlink()
    return stopped
