"""The simulator's call recording: 8 kHz 16-bit mono PCM (16 kB/s, 0.96 MB a minute).

A recording starts at the answer. Talk is speech-like: syllables of a few
harmonics with a rising and falling envelope, agent and customer taking turns
in different pitches; hold is a quiet two-note melody; a secure pause is
silence (the recorder was paused: the file keeps its length so positions stay
in sync with the call). A short 1 kHz beep marks each event, so a test (and a
reviewer) can hear where it is; ``mark_onset`` finds one in the samples.
"""

from __future__ import annotations

import random
import struct
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

RATE = 8_000  # samples a second
BYTES_PER_S = RATE * 2
HEADER_BYTES = 44
MARK_HZ = 1_000.0
MARK_S = 0.06  # the beep at each event
TONE_HZ = 440.0  # the replay's secure-pause tone

Samples = NDArray[np.int16]


def wav_header(n_samples: int, rate: int = RATE) -> bytes:
    data = n_samples * 2
    return (b"RIFF" + struct.pack("<I", 36 + data) + b"WAVE" + b"fmt "
            + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
            + b"data" + struct.pack("<I", data))


def _speech(out: NDArray[np.float64], rng: random.Random) -> None:
    """Syllables of 120-260 ms with short pauses, turns of 2-5 s, two voices."""
    n, i, voice = len(out), 0, 0
    while i < n:
        turn_end = min(n, i + int(rng.uniform(2.0, 5.0) * RATE))
        f0 = (120.0, 210.0)[voice]
        while i < turn_end:
            syl = int(rng.uniform(0.12, 0.26) * RATE)
            k = np.arange(min(syl, turn_end - i))
            w = 2 * np.pi * f0 * rng.uniform(0.9, 1.15) / RATE
            env = np.sin(np.pi * k / syl)
            out[i:i + len(k)] = 6000 * env * (np.sin(w * k) + 0.5 * np.sin(2 * w * k)
                                              + 0.25 * np.sin(3 * w * k))
            i += syl + int(rng.uniform(0.03, 0.12) * RATE)
        i += int(rng.uniform(0.3, 0.8) * RATE)
        voice = 1 - voice


def tone(seconds: float, hz: float = TONE_HZ, amplitude: float = 5000) -> Samples:
    k = np.arange(int(seconds * RATE))
    return (amplitude * np.sin(2 * np.pi * hz * k / RATE)).astype(np.int16)


def _span(a: float, b: float, n: int) -> slice:
    return slice(max(0, int(a * RATE)), min(n, max(0, int(b * RATE))))


def synthesize(length_s: float, *, holds: Iterable[tuple[float, float]] = (),
               gaps: Iterable[tuple[float, float]] = (), marks: Sequence[float] = (),
               seed: int = 95598) -> Samples:
    """``length_s`` of call audio from the answer; spans and marks in seconds from it."""
    n = max(0, int(length_s * RATE))
    out = np.zeros(n, dtype=np.float64)
    _speech(out, random.Random(seed))
    for a, b in holds:
        s = _span(a, b, n)
        k = np.arange(s.start, max(s.start, s.stop))
        note = np.where((k // (RATE // 2)) % 2 == 0, 523.25, 659.25)
        out[s] = 1500 * np.sin(2 * np.pi * note * k / RATE)
    beep = 9000 * np.sin(2 * np.pi * MARK_HZ * np.arange(int(MARK_S * RATE)) / RATE)
    for t in marks:
        s = _span(t, t + MARK_S, n)
        out[s] = beep[:s.stop - s.start]
    for a, b in gaps:
        out[_span(a, b, n)] = 0.0
    return out.astype(np.int16)


def wav_bytes(samples: Samples) -> bytes:
    return wav_header(len(samples)) + samples.astype("<i2").tobytes()


def read_wav(data: bytes) -> Samples:
    """The samples of a 16-bit mono WAV this module wrote (44-byte header)."""
    return np.frombuffer(data[HEADER_BYTES:], dtype="<i2").astype(np.int16)


def mark_onset(samples: Samples, around_s: float, window_s: float = 0.5) -> float | None:
    """Where a 1 kHz beep starts near ``around_s``, to a 2.5 ms step: the
    test's way of hearing where an event is in the audio."""
    lo = max(0, int((around_s - window_s) * RATE))
    hi = min(len(samples), int((around_s + window_s) * RATE))
    frame, step = RATE // 100, RATE // 400
    k = np.arange(frame)
    ref = np.exp(-2j * np.pi * MARK_HZ * k / RATE)
    x = samples.astype(np.float64)
    for start in range(lo, hi - frame, step):
        if abs(np.dot(x[start:start + frame], ref)) / frame > 3000:
            return start / RATE
    return None
