"""Script lines and guided-script answers recorded as call events (QA replays
what the agent was shown and what the caller answered)."""

from __future__ import annotations

from typing import Any

from callcenter.domain.call_events import CallEvent, EventKind
from callcenter.services.calls.desk_types import CurrentCall
from callcenter.services.scripts.call_lines import AnswerScripts


class ScriptEvents:
    """Mixed into CallDesk: it provides the call, the save flag and ``_record``."""

    _call: CurrentCall | None
    _saving: bool
    _scripts: AnswerScripts

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

    def record_script_shown(self, key: str, text: str, **data: Any) -> bool:
        """A script line shown to the agent during the call (hold phrase, a
        searched script, ...) is a call event, so QA can replay what was said.
        Returns False when there is nothing to attach it to (no answered call,
        or the ticket save is in flight)."""
        if not self._can_record_script():
            return False
        self._record(EventKind.SCRIPT_SHOWN, key=key, text=text, **data)
        return True

    def record_script_step(self, script_id: str, step_id: str, answer: str, **data: Any) -> bool:
        """An answered step of a guided script (e.g. the fault-repair triage)."""
        if not self._can_record_script():
            return False
        self._record(EventKind.SCRIPT_STEP, script_id=script_id, step_id=step_id, answer=answer,
                     **data)
        return True
