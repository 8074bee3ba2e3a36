"""Feeds the desk's ticket form to the FORM_EDITED recorder during a call.

Each change of the form is compared with the values seen before it; every field
that differs goes to ``FormEditRecorder`` (which debounces a burst of typing into
one event). When a call is answered, the recorder starts over and the form's
values at that moment (e.g. the caller's number filled in while it rang) are its
first edits. Before the ticket is saved, whatever is waiting is recorded, so the
replay's form is the saved ticket.
"""

from __future__ import annotations

import uuid
from dataclasses import fields

from PySide6.QtCore import QObject

from callcenter.domain.clock import Scheduler
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.services.replay.form_edits import FormEditRecorder
from callcenter.ui.calls.desk_bridge import DeskBridge
from callcenter.ui.shared.main_window import MainWindow
from callcenter.ui.shared.qt_scheduler import QtScheduler
from callcenter.ui.tickets.form import TicketForm


def form_values(form: TicketForm) -> dict[str, str]:
    """Every field of the form as text (combo boxes: their codes)."""
    draft = form.draft()
    values = {f.name: draft.value(f.name) for f in fields(draft)}
    req = form.dispatch_request()
    if req is not None:
        values["department"] = req.department
        values["deadline_days"] = str(req.deadline_days)
    return values


class FormRecording(QObject):
    def __init__(self, form: TicketForm, desk: CallDesk, bridge: DeskBridge, scheduler: Scheduler,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.recorder = FormEditRecorder(desk, scheduler)
        self._seen: dict[str, str] = form_values(form)
        self._answered: uuid.UUID | None = None
        form.changed.connect(self._changed)
        bridge.deskChanged.connect(self._desk)

    def _desk(self, snap: DeskSnapshot) -> None:
        call = snap.call
        if call is None or call.answered_mono_ns is None or call.id == self._answered:
            return
        self._answered = call.id
        self.recorder.reset()
        for name, value in self._seen.items():
            if value:
                self.recorder.edited(name, value)

    def _changed(self) -> None:
        now = form_values(self.form)
        for name, value in now.items():
            if self._seen.get(name) != value:
                self.recorder.edited(name, value)
        self._seen = now

    def flush(self, _dispatch: bool = False) -> bool:
        """A finish guard: the waiting edits are recorded before the save."""
        self.recorder.flush()
        return True


def install(window: MainWindow, desk: CallDesk, bridge: DeskBridge,
            scheduler: Scheduler | None = None) -> FormRecording:
    """``scheduler`` None: Qt timers that are the window's children, so the app's
    shutdown stops them with every other timer before the store closes."""
    holder = QObject(window)
    rec = FormRecording(window.form, desk, bridge, scheduler or QtScheduler(holder), holder)
    window.add_finish_guard(rec.flush)
    return rec
