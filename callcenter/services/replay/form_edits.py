"""The ticket form's edits during a call, recorded as FORM_EDITED call events.

A burst of typing in one field is one event: each field's value waits until
``DEBOUNCE_S`` has passed without a change to it, then the last value is
recorded. ``flush`` records whatever is waiting at once (before the ticket is
saved, so every edit precedes TICKET_SAVED). A value equal to the one last
recorded for the field is not recorded again. The values are stored as typed,
like the ticket itself; the replay masks them by the viewer's policy.
"""

from __future__ import annotations

from functools import partial
from typing import Protocol

from callcenter.domain.clock import Cancellable, Scheduler

DEBOUNCE_S = 1.0


class EditSink(Protocol):
    def record_form_edit(self, field: str, value: str) -> bool: ...


class FormEditRecorder:
    def __init__(self, sink: EditSink, scheduler: Scheduler, debounce_s: float = DEBOUNCE_S) -> None:
        self._sink = sink
        self._scheduler = scheduler
        self.debounce_s = debounce_s
        self._pending: dict[str, str] = {}
        self._timers: dict[str, Cancellable] = {}
        self._recorded: dict[str, str] = {}

    def reset(self) -> None:
        """A new call: nothing waits, and every field starts empty."""
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self._pending.clear()
        self._recorded.clear()

    def edited(self, field: str, value: str) -> None:
        """``field`` now holds ``value``; recorded once the field is quiet."""
        self._pending[field] = value
        old = self._timers.pop(field, None)
        if old is not None:
            old.cancel()
        self._timers[field] = self._scheduler.call_later(
            self.debounce_s, partial(self._fire, field))

    def _fire(self, field: str) -> None:
        self._timers.pop(field, None)
        self._record(field)

    def _record(self, field: str) -> None:
        value = self._pending.pop(field, None)
        if value is None or self._recorded.get(field, "") == value:
            return
        if self._sink.record_form_edit(field, value):
            self._recorded[field] = value

    def flush(self) -> None:
        """Record every waiting value now (in the order the fields were edited)."""
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        for field in list(self._pending):
            self._record(field)

    @property
    def waiting(self) -> int:
        return len(self._pending)
