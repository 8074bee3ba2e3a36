"""The recording plays in sync with the playhead: a seek lands within 50 ms of
the event's audio; a secure pause is a gap with a tone; the file is owner-only."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from callcenter.domain.auth.roles import Role
from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.domain.clock import FakeClock
from callcenter.services.replay.audio import BYTES_PER_S, mark_onset, read_wav
from callcenter.services.replay.loading import Replays, recording_path
from callcenter.services.replay.sample_call import write_call
from callcenter.services.replay.sim_recording import recording_of, write_private_bytes
from callcenter.services.site.profile import load_profile
from callcenter.services.storage.database import Database, open_database
from callcenter.ui.replay.open import open_replay
from callcenter.ui.replay.replay_dialog import ReplayDialog
from tests.fakes import signed_in

T0 = datetime(2026, 12, 6, 3, 0, tzinfo=UTC)
M0 = 9 * 10**12


def ev(t: float, kind: EventKind, **data: Any) -> CallEvent:
    return CallEvent(kind, M0 + int(t * 1e9), T0 + timedelta(seconds=t), data)


CALL = [
    ev(0.0, EventKind.RINGING), ev(8.0, EventKind.ANSWERED),
    ev(8.4, EventKind.SCRIPT_SHOWN, key="greeting", text="您好"),
    ev(15.25, EventKind.FORM_EDITED, field="caller_name", value="王先生"),
    ev(20.0, EventKind.SECURE_PAUSED), ev(31.0, EventKind.SECURE_RESUMED),
    ev(37.7, EventKind.FORM_EDITED, field="content", value="停电"),
    ev(52.0, EventKind.HUNG_UP, by="customer"), ev(70.0, EventKind.WRAP_UP_DONE, via="busy"),
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    d = open_database(tmp_path / "desk.sqlite3")
    yield d
    d.close()


def test_the_simulated_recording_is_small_owner_only_and_marks_each_event(tmp_path: Path) -> None:
    profile = load_profile()
    data = recording_of(CALL, profile.cadence, profile.targets)
    assert data is not None
    assert len(data) == 44 + 44 * BYTES_PER_S  # answer to hang-up, 8 kHz 16-bit mono
    assert len(data) / (44 / 60) <= 1_000_000  # at most 1 MB a minute
    samples = read_wav(data)
    onset = mark_onset(samples, 15.25 - 8.0)
    assert onset is not None and abs(onset - 7.25) <= 0.01
    gap = samples[int(13.0 * 8000):int(22.9 * 8000)]
    assert not gap.any()  # the secure pause is silence
    assert recording_of(CALL[:1], profile.cadence, profile.targets) is None  # never answered
    path = tmp_path / "rec" / "x.wav"
    write_private_bytes(path, data)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def open_with_recording(qtbot: QtBot, db: Database, tmp_path: Path,
                        clock: FakeClock) -> ReplayDialog:
    profile = load_profile()
    call_id = db.write_now(lambda s: write_call(s, CALL))
    recordings = tmp_path / "recordings"
    data = recording_of(CALL, profile.cadence, profile.targets)
    assert data is not None
    write_private_bytes(recording_path(recordings, call_id), data)
    dlg = open_replay(None, call_id, Replays(db, user=signed_in("7001", Role.QA),
                                             recordings=recordings), profile=profile, clock=clock)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.audio is not None)
    assert dlg.audio is not None
    qtbot.waitUntil(lambda: dlg.audio.player.mediaStatus() is QMediaPlayer.MediaStatus.LoadedMedia)
    return dlg


def test_a_seek_lands_within_50_ms_of_the_events_audio(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    dlg = open_with_recording(qtbot, db, tmp_path, FakeClock())
    assert dlg.audio is not None
    samples = read_wav(dlg.data.recording.read_bytes())  # type: ignore[union-attr]
    for index in (2, 3, 6):  # the script shown, the two form edits
        dlg.seek_to_event(index)
        heard_s = dlg.audio.player.position() / 1000
        onset = mark_onset(samples, heard_s, window_s=0.2)
        assert onset is not None, index
        assert abs(onset - heard_s) <= 0.05, (index, onset, heard_s)
        assert abs(heard_s - (CALL[index].mono_ns - M0) / 1e9 + 8.0) <= 0.05


def test_playing_plays_the_recording_and_a_secure_pause_plays_a_tone(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    clock = FakeClock()
    dlg = open_with_recording(qtbot, db, tmp_path, clock)
    audio = dlg.audio
    assert audio is not None
    dlg.seek(5.0)  # before the answer: nothing to hear
    dlg.toggle_play()
    assert audio.player.playbackState() is not QMediaPlayer.PlaybackState.PlayingState
    clock.advance(5.0)
    qtbot.waitUntil(lambda: audio.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState)
    assert abs(audio.player.position() - 2000) <= 100
    clock.advance(12.0)  # 22 s: inside the secure pause
    qtbot.waitUntil(audio.tone_playing)
    assert audio.player.playbackState() is not QMediaPlayer.PlaybackState.PlayingState
    assert "保密" in dlg.recording_label.text() or "Secure" in dlg.recording_label.text()
    clock.advance(10.0)  # 32 s: the recording again
    qtbot.waitUntil(lambda: audio.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState)
    assert not audio.tone_playing()
    dlg.toggle_play()
    assert audio.player.playbackState() is not QMediaPlayer.PlaybackState.PlayingState
    dlg.close()


def test_a_recording_this_desk_lacks_is_fetched_then_played(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    """The reviewer's desk has the call's rows but not its recording: the replay
    asks the fetch (the sync worker's, tested against PostgreSQL in
    tests/sync/test_recordings_central.py) and plays what comes back."""
    from concurrent.futures import Future

    profile = load_profile()
    call_id = db.write_now(lambda s: write_call(s, CALL))
    data = recording_of(CALL, profile.cadence, profile.targets)
    assert data is not None
    recordings = tmp_path / "recordings"
    asked: list[object] = []
    pending: Future[Path | None] = Future()

    def fetch(cid: object) -> Future[Path | None]:
        asked.append(cid)
        return pending

    replays = Replays(db, user=signed_in("7001", Role.QA), recordings=recordings)
    replays.fetch_recording = fetch  # type: ignore[assignment]
    dlg = open_replay(None, call_id, replays, profile=profile, clock=FakeClock())
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.timeline is not None)
    assert asked == [call_id] and dlg.audio is None
    assert "中心" in dlg.recording_label.text() or "central" in dlg.recording_label.text()
    path = recording_path(recordings, call_id)
    write_private_bytes(path, data)
    pending.set_result(path)  # as the worker's thread would
    qtbot.waitUntil(lambda: dlg.audio is not None)
    assert dlg.data is not None and dlg.data.recording == path
    dlg.seek_to_event(3)  # at once, before the file is loaded: the position is kept
    audio = dlg.audio
    assert audio is not None
    qtbot.waitUntil(lambda: audio.player.mediaStatus() is QMediaPlayer.MediaStatus.LoadedMedia)
    qtbot.waitUntil(lambda: abs(audio.player.position() - 7250) <= 50)
