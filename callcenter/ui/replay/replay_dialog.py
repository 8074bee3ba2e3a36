"""The replay of one call: the timeline with a playhead, the event list, and the
ticket form as it stood at the playhead.

The playhead plays at 1×/2×/4× from the monotonic clock (``domain.replay.playhead``);
the named display timer only asks where it is now. Previous/next jump between
events; clicking an event (on the axis or in the list) or dragging the playhead
seeks. Phone numbers are masked by the viewer's policy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from callcenter.ui.replay.audio_player import RecordingPlayer

import uuid
from bisect import bisect_right
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.call_events import summarize
from callcenter.domain.clock import Clock, SystemClock
from callcenter.domain.replay.playhead import SPEEDS, Playhead
from callcenter.domain.replay.timeline import ReplayEvent, Timeline
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.sla import format_mm_ss
from callcenter.services.privacy.policy import NumberPolicy, Surface
from callcenter.services.privacy.reveal import Reveals
from callcenter.services.replay.loading import CallNotFound, ReplayData
from callcenter.ui.privacy.reveal_dialog import ask_reveal, reveal_button
from callcenter.ui.replay.event_list import EventList
from callcenter.ui.replay.form_panel import ReplayForm
from callcenter.ui.replay.timeline_plot import TimelinePlot

TICK_MS = 33  # the display only: the position comes from the clock


class ReplayDialog(QDialog):
    loaded = Signal(object, object)  # the load's Future and its Timeline, from the reader thread
    positionShown = Signal(float)
    recordingFetched = Signal(object)  # the fetch's Future, from the sync worker's thread

    def __init__(self, profile: SiteProfile, policy: NumberPolicy, *, clock: Clock | None = None,
                 lang: str = "zh", parent: QWidget | None = None,
                 reveals: Reveals | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayDialog")
        self.setWindowTitle(self.tr("Call replay"))
        self.resize(1100, 680)
        self.profile, self.policy, self.lang = profile, policy, lang
        self.clock: Clock = clock or SystemClock()
        self._tz = ZoneInfo(profile.timezone)
        self.timeline: Timeline | None = None
        self.data: ReplayData | None = None
        self.playhead = Playhead(self.clock.monotonic_ns, 0.0)
        self._form_edit: ReplayEvent | None = None
        self._seek_after_load: float | None = None
        self._event_after_load: int | None = None  # asked for before the call was read
        self.audio: RecordingPlayer | None = None
        # set by open_replay when the desk syncs: fetch a recording this desk lacks
        self.fetch_recording: Callable[[uuid.UUID], Future[Path | None]] | None = None
        self.recordingFetched.connect(self._fetched)

        lay = QVBoxLayout(self)
        self.header = QLabel(self.tr("Loading the call…"), self)
        self.header.setObjectName("replayHeader")
        self.header.setWordWrap(True)
        lay.addWidget(self.header)
        self._reveals = reveals
        self.reveal_btn = reveal_button(self)
        self.reveal_btn.clicked.connect(self.ask_reveal)
        self.reveal_btn.hide()
        lay.addWidget(self.reveal_btn, 0, Qt.AlignmentFlag.AlignLeft)
        self.plot = TimelinePlot(self)
        self.plot.seekRequested.connect(self.seek)
        lay.addWidget(self.plot, 2)

        bar = QHBoxLayout()
        self.prev_btn = self._button("replayPrev", self.tr("◀ Previous event"), self.previous_event)
        self.play_btn = self._button("replayPlay", self.tr("Play"), self.toggle_play)
        self.next_btn = self._button("replayNext", self.tr("Next event ▶"), self.next_event)
        self.speed = QComboBox(self)
        self.speed.setObjectName("replaySpeed")
        self.speed.setAccessibleName("播放速度")
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.currentIndexChanged.connect(
            lambda _i: self.set_speed(float(self.speed.currentData())))
        self.position_label = QLabel("00:00 / 00:00", self)
        self.position_label.setObjectName("replayPosition")
        for w in (self.prev_btn, self.play_btn, self.next_btn, self.speed):
            bar.addWidget(w)
        self.recording_label = QLabel(self.tr("No recording of this call on this desk."), self)
        self.recording_label.setObjectName("replayRecordingStatus")
        bar.addWidget(self.recording_label)
        bar.addStretch(1)
        bar.addWidget(self.position_label)
        lay.addLayout(bar)
        self.controls_bar = bar

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.events = EventList(split)
        self.events.activated.connect(lambda index: self.seek_to_row(index.row()))
        self.events.clicked.connect(lambda index: self.seek_to_row(index.row()))
        self.form = ReplayForm(profile, policy, lang, split)
        split.addWidget(self.events)
        split.addWidget(self.form)
        split.setSizes([500, 500])
        lay.addWidget(split, 3)

        self.tick = QTimer(self)
        self.tick.setObjectName("replayPlayheadTick")
        self.tick.setTimerType(Qt.TimerType.PreciseTimer)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._on_tick)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.toggle_play)
        QShortcut(QKeySequence("Alt+Left"), self, self.previous_event)
        QShortcut(QKeySequence("Alt+Right"), self, self.next_event)
        self.loaded.connect(self._on_loaded)
        self._set_enabled(False)

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    def _set_enabled(self, on: bool) -> None:
        for w in (self.prev_btn, self.play_btn, self.next_btn, self.speed):
            w.setEnabled(on)

    # ----- loading -----------------------------------------------------------
    def load_from(self, fut: Future[ReplayData], seek_s: float | None = None) -> None:
        """Show the call when the read is done (the GUI thread never waits)."""
        self._seek_after_load = seek_s

        profile = self.profile

        def done(f: Future[ReplayData]) -> None:
            # the timeline is built here, on the reader thread: the GUI only draws it
            tl = None if f.exception() else Timeline(f.result().events, profile.cadence,
                                                     profile.targets)
            try:
                self.loaded.emit(f, tl)
            except RuntimeError:  # the dialog was closed before the read came back
                pass
        fut.add_done_callback(done)

    def _on_loaded(self, fut: Future[ReplayData], tl: Timeline | None) -> None:
        exc = fut.exception()
        if isinstance(exc, PermissionDenied):
            self.header.setText(self.tr("You may not replay this call."))
        elif isinstance(exc, CallNotFound):
            self.header.setText(self.tr("This call is not on this desk."))
        elif exc is not None:
            self.header.setText(self.tr("The call could not be read: %1").replace("%1", str(exc)))
        else:
            self.show_data(fut.result(), tl)
            if self._event_after_load is not None:
                self.seek_to_event(self._event_after_load)
            elif self._seek_after_load is not None:
                self.seek(self._seek_after_load)

    def show_data(self, data: ReplayData, timeline: Timeline | None = None) -> None:
        self.data = data
        tl = timeline or Timeline(data.events, self.profile.cadence, self.profile.targets)
        self.timeline = tl
        self.playhead = Playhead(self.clock.monotonic_ns, tl.duration_s)
        self.playhead.set_speed(float(self.speed.currentData()))
        self.header.setText(self._header_text(data))
        self.reveal_btn.setVisible(self._reveals is not None and data.ticket_id is not None
                                   and not self.form.revealed
                                   and not self.policy.full(Surface.TICKETS)
                                   and self.policy.may_reveal)
        self.plot.show_timeline(tl)
        self.events.event_model.set_events(tl.events)
        self._form_edit = None
        if self.audio is not None:
            self.audio.stop()
            self.audio = None
        if data.recording is not None:
            self.audio = _player()(data.recording, tl, self.recording_label, self)
        elif self.fetch_recording is not None:
            self.recording_label.setText(self.tr("Fetching the recording from central…"))
            fut = self.fetch_recording(data.call_id)

            def fetched(f: Future[Path | None]) -> None:
                try:
                    self.recordingFetched.emit(f)
                except RuntimeError:  # closed meanwhile
                    pass
            fut.add_done_callback(fetched)
        self._set_enabled(bool(tl.events))
        self._show(0.0, seeked=True)

    def ask_reveal(self) -> None:
        """显示完整号码, with a reason (audited, as in the ticket's detail)."""
        if self._reveals is None or self.data is None or self.data.ticket_id is None:
            return
        subject = self.tr("ticket %1").replace("%1", self.data.ticket_number or "")
        self.reveal_dialog = ask_reveal(self, self._reveals, self.policy.actor,
                                        self.data.ticket_id, subject, self._revealed)

    def _revealed(self) -> None:
        self.form.revealed = True
        self.form.values.clear()
        self._form_edit = None
        self.reveal_btn.hide()
        if self.data is not None:
            self.header.setText(self._header_text(self.data))
        self._show(self.playhead.position(), seeked=False)

    def _fetched(self, fut: Future[Path | None]) -> None:
        if self.timeline is None or self.data is None or fut.cancelled():
            return
        exc = fut.exception()
        path = None if exc is not None else fut.result()
        if path is None:
            self.recording_label.setText(
                self.tr("No recording of this call on this desk.") if exc is None else
                self.tr("The recording could not be played: %1").replace("%1", str(exc)))
            return
        self.data = replace(self.data, recording=path)
        self.audio = _player()(path, self.timeline, self.recording_label, self)
        self._show(self.playhead.position(), seeked=True)

    def _header_text(self, d: ReplayData) -> str:
        s = summarize(d.events, self.profile.cadence, self.profile.targets)
        when = d.started_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M:%S")
        parts = [when, self.tr("Agent %1").replace("%1", d.agent_id),
                 self.tr("Caller %1").replace("%1", self.policy.phone(
                     d.caller_number, Surface.TICKETS, revealed=self.form.revealed))]
        if d.ticket_number:
            parts.append(self.tr("Ticket %1").replace("%1", d.ticket_number))
        for label, secs, over in ((self.tr("ring"), s.ring_s, s.late_answer),
                                  (self.tr("talk"), s.talk_s, s.talk_over),
                                  (self.tr("wrap-up"), s.wrapup_s, s.wrapup_over)):
            if secs is not None:
                parts.append(f"{label} {format_mm_ss(secs)}" + (self.tr(" (over)") if over else ""))
        if s.hung_up_by:
            parts.append({"agent": self.tr("the agent hung up first"),
                          "customer": self.tr("the customer hung up first")}.get(s.hung_up_by, ""))
        return " · ".join(p for p in parts if p)

    # ----- moving ------------------------------------------------------------
    def position(self) -> float:
        return self.playhead.position()

    def toggle_play(self) -> None:
        if self.timeline is None:
            return
        if self.playhead.playing:
            self.playhead.pause()
            self.tick.stop()
        else:
            self.playhead.play()
            self.tick.start()
        self.play_btn.setText(self.tr("Pause") if self.playhead.playing else self.tr("Play"))
        self._show(self.playhead.position(), seeked=True)

    def set_speed(self, speed: float) -> None:
        self.playhead.set_speed(speed)
        i = self.speed.findData(speed)
        if i != self.speed.currentIndex():
            self.speed.setCurrentIndex(i)
        self._show(self.playhead.position(), seeked=True)

    def seek(self, t_s: float) -> None:
        self.playhead.seek(t_s)
        self._show(self.playhead.position(), seeked=True)

    def seek_to_row(self, row: int) -> None:
        if self.timeline is not None and 0 <= row < len(self.timeline.events):
            self.seek(self.timeline.events[row].t_s)

    def seek_to_event(self, index: int) -> None:
        """Jump to the event recorded ``index``-th (0-based, the call's own order);
        asked before the call is read (a QA check's link), once it is."""
        if self.timeline is None:
            self._event_after_load = index
        else:
            self._event_after_load = None
            e = next((e for e in self.timeline.events if e.index == index), None)
            if e is not None:
                self.seek(e.t_s)

    def next_event(self) -> None:
        if self.timeline is not None and (e := self.timeline.next_event(self.position())):
            self.seek(e.t_s)

    def previous_event(self) -> None:
        if self.timeline is not None and (e := self.timeline.previous_event(self.position())):
            self.seek(e.t_s)

    def _on_tick(self) -> None:
        pos = self.playhead.position()
        self._show(pos, seeked=False)
        if not self.playhead.playing:
            self.tick.stop()
            self.play_btn.setText(self.tr("Play"))

    def _show(self, pos: float, *, seeked: bool) -> None:
        tl = self.timeline
        if tl is None:
            return
        self.plot.set_playhead(pos)
        self.position_label.setText(f"{format_mm_ss(pos)} / {format_mm_ss(tl.duration_s)}")
        edit = tl.last_edit_at(pos)
        if edit is not self._form_edit:
            self._form_edit = edit
            self.form.show_state(tl.form_at(pos), str(edit.data.get("field")) if edit else None)
        row = bisect_right(tl.times, pos) - 1
        if row != self.events.currentRow():
            self.events.blockSignals(True)
            self.events.setCurrentRow(row)
            self.events.blockSignals(False)
        if self.audio is not None:
            self.audio.follow(pos, seeked, self.playhead.playing, self.playhead.speed)
        self.positionShown.emit(pos)

    def done(self, r: int) -> None:
        self.tick.stop()
        self.playhead.pause()
        if self.audio is not None:
            self.audio.stop()
        super().done(r)


def call_id_of(value: uuid.UUID | str) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _player() -> type[RecordingPlayer]:
    """QtMultimedia loads (and, on a machine without PipeWire, logs) its backends on
    import: only when a recording is played, never at the desk's start (the start's
    one-line messages for a missing library stay one line)."""
    from callcenter.ui.replay.audio_player import RecordingPlayer
    return RecordingPlayer
