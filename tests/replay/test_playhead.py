"""The playhead's position comes from the monotonic clock, at 1x/2x/4x."""

from __future__ import annotations

import pytest

from callcenter.domain.clock import FakeClock
from callcenter.domain.replay.playhead import Playhead


def test_position_follows_the_clock_not_ticks_and_speed_rebases() -> None:
    clock = FakeClock()
    ph = Playhead(clock.monotonic_ns, 100.0)
    assert ph.position() == 0.0
    clock.advance(5.0)
    assert ph.position() == 0.0  # paused
    ph.play()
    clock.advance(3.0)
    assert ph.position() == pytest.approx(3.0)
    ph.set_speed(2.0)
    clock.advance(3.0)
    assert ph.position() == pytest.approx(9.0)
    ph.set_speed(4.0)
    clock.advance(1.0)
    assert ph.position() == pytest.approx(13.0)
    ph.pause()
    clock.advance(10.0)
    assert ph.position() == pytest.approx(13.0)
    with pytest.raises(ValueError):
        ph.set_speed(3.0)


def test_seek_clamps_and_the_end_pauses_then_play_restarts() -> None:
    clock = FakeClock()
    ph = Playhead(clock.monotonic_ns, 10.0)
    ph.seek(-4.0)
    assert ph.position() == 0.0
    ph.seek(8.0)
    ph.play()
    clock.advance(5.0)
    assert ph.position() == 10.0 and not ph.playing
    ph.play()
    assert ph.position() == 0.0 and ph.playing
    ph.seek(42.0)
    assert ph.position() == 10.0
