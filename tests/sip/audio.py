"""What a recording holds: its length and the tones in it, found by frequency."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        rate = w.getframerate()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    return data, rate


def tone_track(path: Path, window_s: float = 0.1) -> list[float]:
    """The dominant frequency of each window (0.0 where it is near silence)."""
    data, rate = read_wav(path)
    n = int(window_s * rate)
    track = []
    for start in range(0, len(data) - n + 1, n):
        chunk = data[start:start + n]
        if np.sqrt(np.mean(chunk ** 2)) < 300:
            track.append(0.0)
            continue
        spectrum = np.abs(np.fft.rfft(chunk * np.hanning(n)))
        track.append(float(np.fft.rfftfreq(n, 1 / rate)[int(np.argmax(spectrum))]))
    return track


def seconds_of(track: list[float], hz: float, window_s: float = 0.1, tol_hz: float = 25) -> float:
    return sum(window_s for f in track if abs(f - hz) <= tol_hz)
