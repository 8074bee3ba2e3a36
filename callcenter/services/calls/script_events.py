"""Script lines, guided-script answers and the ticket form's edits recorded as
call events (QA replays what the agent was shown, typed and what the caller answered),
and the secure pause of the call's recording (an event, and silence on the phone's
recording while the customer gives an ID number)."""

from __future__ import annotations

from typing import Any

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.services.calls.desk_types import CurrentCall
from callcenter.services.scripts.call_lines import AnswerScripts
from callcenter.telephony.port import TelephonyPort


class ScriptEvents:
    """Mixed into CallDesk: it provides the call, the save flag and ``_record``."""

    _call: CurrentCall | None
    _saving: bool
    _scripts: AnswerScripts
    _tel: TelephonyPort

    def _record(self, kind: EventKind, **data: Any) -> CallEvent:
        raise NotImplementedError

    def set_scripts(self, scripts: AnswerScripts) -> None:
        """Where the answer-time lines come from from the next answer on (the script
        library installs itself here)."""
        self._scripts = scripts

    def _can_record_script(self) -> bool:
        # not while a save is in flight: a failed save rolls the sequence back
        return self._call is not None and self._call.answered_mono_ns is not None \
            and not self._saving

    def record_during_call(self, kind: EventKind, **data: Any) -> bool:
        """An event of the answered call (script shown or step, form edit) for QA replay;
        False with nothing to attach it to (no answered call, or a save in flight)."""
        if not self._can_record_script():
            return False
        self._record(kind, **data)
        return True

    def set_recording_paused(self, paused: bool) -> bool:
        """Secure pause on or off: the phone's recording goes silent first (nothing of
        the ID number reaches the file), then the event says where the gap is; False
        with no answered call to pause."""
        if not self._can_record_script():
            return False
        assert self._call is not None
        self._tel.pause_recording(self._call.telephony_id, paused)
        self._record(EventKind.SECURE_PAUSED if paused else EventKind.SECURE_RESUMED)
        return True

    def record_script_shown(self, key: str, text: str, **data: Any) -> bool:
        """A script line shown during the call (hold phrase, a searched script, ...)."""
        return self.record_during_call(EventKind.SCRIPT_SHOWN, key=key, text=text, **data)

    def record_script_step(self, script_id: str, step_id: str, answer: str, **data: Any) -> bool:
        """An answered step of a guided script (e.g. the fault-repair triage)."""
        return self.record_during_call(EventKind.SCRIPT_STEP, script_id=script_id,
                                       step_id=step_id, answer=answer, **data)

    def record_form_edit(self, field: str, value: str) -> bool:
        """A (debounced, services/replay/form_edits) edit of the ticket form."""
        return self.record_during_call(EventKind.FORM_EDITED, field=field, value=value)
