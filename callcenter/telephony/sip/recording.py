"""Where call recordings go: one owner-only WAV per call, for QA replay.

The directory is created 0700 and each file 0600 before pjsua2 opens it (the
recorder truncates an existing file and keeps its mode), so no other account
on the machine can read a customer's voice.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path


def recording_name(call_key: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", call_key)[:80]
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + f"-{safe}.wav"


def open_recording(directory: Path, call_key: str) -> Path:
    """Create an empty owner-only file for ``call_key``'s recording; returns its path."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    path = directory / recording_name(call_key)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    return path


def wav_seconds(path: Path) -> float | None:
    """The length a closed 16-bit WAV declares, or None while its header is
    not final (pjmedia writes the sizes when it closes the file)."""
    try:
        with path.open("rb") as f:
            head = f.read(44)
            size = os.fstat(f.fileno()).st_size
    except OSError:
        return None
    if len(head) < 44 or head[:4] != b"RIFF" or head[36:40] != b"data":
        return None
    channels = int.from_bytes(head[22:24], "little")
    rate = int.from_bytes(head[24:28], "little")
    bits = int.from_bytes(head[34:36], "little")
    data = int.from_bytes(head[40:44], "little")
    if data == 0 or data + 44 != size or not rate or not channels or not bits:
        return None
    return data / (rate * channels * bits // 8)
