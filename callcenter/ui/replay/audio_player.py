"""The call's recording, played in sync with the replay's playhead (QtMultimedia).

The recording starts at the answer: audio position = playhead − answer. On a
seek (a jump, a click, a drag, play or pause) the player is put exactly there;
while playing it plays at the playhead's speed and is put back only if it drifts
more than ``DRIFT_MS`` from the playhead (the playhead's clock is the truth).
Before the answer, after the end and inside a secure pause (the recorder was
paused: silence in the file) the recording is silent; in a secure pause a tone
plays instead, so the reviewer hears the gap.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QLabel

from callcenter.domain.call_events import EventKind
from callcenter.domain.replay.timeline import Timeline
from callcenter.services.replay.audio import tone, wav_bytes

DRIFT_MS = 80
_TONE_FILE: Path | None = None


def tone_file() -> Path:
    """A 1-second 440 Hz tone, written once per process (no personal data)."""
    global _TONE_FILE
    if _TONE_FILE is None or not _TONE_FILE.exists():
        fd, name = tempfile.mkstemp(prefix="callcenter-tone-", suffix=".wav")
        with open(fd, "wb") as f:
            f.write(wav_bytes(tone(1.0)))
        _TONE_FILE = Path(name)
    return _TONE_FILE


class RecordingPlayer(QObject):
    def __init__(self, recording: Path, timeline: Timeline, status: QLabel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        answer = next((e for e in timeline.events if e.kind is EventKind.ANSWERED), None)
        self.offset_s = answer.t_s if answer is not None else 0.0
        self.status = status
        self.output = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setObjectName("replayRecording")
        self.player.setAudioOutput(self.output)
        self.player.errorOccurred.connect(self._error)
        self.player.mediaStatusChanged.connect(self._status_changed)
        self._last: tuple[float, bool, float] | None = None  # the playhead last followed
        self.player.setSource(QUrl.fromLocalFile(str(recording)))
        self._tone: QMediaPlayer | None = None  # made at the first secure pause
        self.in_gap = False
        self.playing = False
        self.status.setText(self.tr("Recording: %1").replace("%1", recording.name))

    @property
    def tone(self) -> QMediaPlayer:
        if self._tone is None:
            self._tone = QMediaPlayer(self)
            self._tone.setObjectName("replaySecureTone")
            self._tone.setAudioOutput(QAudioOutput(self))
            self._tone.setLoops(QMediaPlayer.Loops.Infinite)
            self._tone.setSource(QUrl.fromLocalFile(str(tone_file())))
        return self._tone

    def tone_playing(self) -> bool:
        return self._tone is not None and \
            self._tone.playbackState() is QMediaPlayer.PlaybackState.PlayingState

    def _error(self, _err: QMediaPlayer.Error, text: str) -> None:
        self.status.setText(self.tr("The recording could not be played: %1").replace("%1", text))

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        # a position set before the file was loaded is lost: set it again now
        if status is QMediaPlayer.MediaStatus.LoadedMedia and self._last is not None:
            pos, playing, speed = self._last
            self.follow(pos, True, playing, speed)

    def audio_ms(self, pos_s: float) -> int:
        return int(round((pos_s - self.offset_s) * 1000))

    def follow(self, pos_s: float, seeked: bool, playing: bool, speed: float) -> None:
        """Called on every position the replay shows."""
        self._last = (pos_s, playing, speed)
        ms = self.audio_ms(pos_s)
        length = self.player.duration()
        audible = ms >= 0 and (length <= 0 or ms < length)
        gap = self.timeline.secure_pause_at(pos_s)
        if gap != self.in_gap:
            self.in_gap = gap
            self.status.setText(self.tr("Secure pause: recording paused here") if gap else "")
        if gap and playing:
            if not self.tone_playing():
                self.tone.play()
        elif self.tone_playing():
            self.tone.stop()
        if seeked or abs(self.player.position() - ms) > DRIFT_MS:
            self.player.setPosition(max(0, ms))
        if self.player.playbackRate() != speed:
            self.player.setPlaybackRate(speed)
        want = playing and audible and not gap
        state = self.player.playbackState()
        if want and state is not QMediaPlayer.PlaybackState.PlayingState:
            self.player.play()
        elif not want and state is QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        self.playing = want

    def stop(self) -> None:
        self.player.stop()
        if self._tone is not None:
            self._tone.stop()
        self.player.setSource(QUrl())
