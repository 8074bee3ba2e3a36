"""Installs the script library into the running desk window, through the
window's extension points only.

What it wires:
- the desk's answer-time lines come from the library (apology first after a
  late answer, then the greeting);
- each answered call takes a snapshot of the published library (a script
  published mid-call does not change under the agent) and fills placeholders
  from the screen pop, the ticket form (deadline, department) and the outage seam;
- hold / resume show their phrases; the phrase bar (Ctrl+1…6) shows "cannot
  answer now", "pass to a department", the complaint opener, the fault triage,
  the outbound opening and the closing; choosing the complaint or fault-repair
  category on the ticket does the same;
- the guided triage writes its answers into the ticket (category, sub-type and
  notes into the content);
- every line shown and step answered is recorded as a call event;
- a "Scripts" tab to search and pin, and Scripts ▸ Edit scripts… for shift leads.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from callcenter.domain.agent_state import AgentState
from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.deadlines import DeadlineUnit
from callcenter.domain.scripts import guided
from callcenter.domain.scripts.guided import Walk
from callcenter.domain.site_profile import SiteProfile
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.services.customers.screen_pop import ScreenPop
from callcenter.services.scripts.admin import ScriptAdmin, published_sources
from callcenter.services.scripts.call_lines import (
    CallScripts,
    KnownOutage,
    LibraryScripts,
    OutageFacts,
    ScriptLine,
    deadline_text,
    no_known_outage,
    outage_values,
    pop_values,
)
from callcenter.services.scripts.library import SHIPPED_LIBRARY, ScriptLibraryService
from callcenter.services.storage.database import Database
from callcenter.ui.calls.desk_bridge import DeskBridge
from callcenter.ui.scripts.editor_dialog import ScriptEditorDialog
from callcenter.ui.scripts.library_tab import ScriptLibraryTab
from callcenter.ui.scripts.panel import ScriptPanel
from callcenter.ui.scripts.triage_widget import TriageWidget

TRIAGE_MARK = "【报修分诊】"
TRIAGE_MARK_EN = "[Fault triage] "


class ScriptIntegration(QObject):
    def __init__(self, window: QMainWindow, desk: CallDesk, *, db: Database, profile: SiteProfile,
                 clock: Clock, lang: str = "zh", known_outage: KnownOutage | None = None,
                 library_dir: Path = SHIPPED_LIBRARY, workstation: str | None = None) -> None:
        super().__init__(window)
        self.setObjectName("scriptIntegration")
        self.window = window
        self.desk = desk
        self._profile = profile
        self._clock = clock
        self._lang = lang
        self._known_outage = known_outage or no_known_outage
        data_dir = Path(db.path).parent
        self.library = ScriptLibraryService(
            library_dir, categories=[c.code for c in profile.categories],
            published=lambda: published_sources(db), pins_file=data_dir / "script_pins.json",
            cache_dir=data_dir, lang=lang)
        self.admin = ScriptAdmin(db, clock, workstation or desk.workstation, self.library,
                                 user=desk.user)
        desk.set_scripts(LibraryScripts(self.library, lang))
        self.call: CallScripts | None = None
        self._call_id: uuid.UUID | None = None
        self._state: AgentState | None = None
        self._shown_phases: set[str] = set()
        self._triage_note = ""
        self.editor: ScriptEditorDialog | None = None

        self.bridge = DeskBridge(self)
        desk.add_listener(self.bridge)
        panel = window.scripts  # type: ignore[attr-defined]
        if not isinstance(panel, ScriptPanel):  # a window built with another panel
            panel = ScriptPanel()
            window.replace_script_panel(panel)  # type: ignore[attr-defined]
            self.bridge.scriptLinesShown.connect(panel.show_lines)
        self.panel: ScriptPanel = panel
        self.panel.enable_phrases(True)
        self.panel.phraseRequested.connect(self.show_phrase)

        self.tab = ScriptLibraryTab(self.library, render=self._preview_text)
        window.add_tool_tab(self.tab, self.tr("Scripts"))  # type: ignore[attr-defined]
        self.tab.useRequested.connect(self.show_script)
        self.library.subscribe(lambda _lib: self.tab.refresh())

        menu = window.menuBar().addMenu(self.tr("&Scripts"))
        menu.setObjectName("scriptsMenu")
        menu.setAccessibleName("话术")
        self.find_action = QAction(self.tr("Find a script..."), window)
        self.find_action.setObjectName("findScriptAction")
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.open_search)
        self.edit_action = QAction(self.tr("Edit scripts (shift lead)..."), window)
        self.edit_action.setObjectName("editScriptsAction")
        self.edit_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.edit_action.triggered.connect(self.open_editor)
        for action in (self.find_action, self.edit_action):
            menu.addAction(action)
            window.addAction(action)
        self._offer_editing()

        self.bridge.deskChanged.connect(self._on_desk)
        self.bridge.screenPopReady.connect(self._on_pop)
        form = window.form  # type: ignore[attr-defined]
        self.form = form
        form.category.currentIndexChanged.connect(self._category_changed)

        if self.library.problems:
            for p in self.library.problems:
                print(f"script library: {p}", file=sys.stderr)
            window.statusBar().showMessage(
                self.tr("%n script file(s) refused; run 'callcenter scripts check'.", "",
                        len({p.file for p in self.library.problems})), 15000)

    # ----- following the call ---------------------------------------------
    def _offer_editing(self) -> None:
        """The editor is offered only to whom the permission table lets edit scripts."""
        self.edit_action.setVisible(self.admin.user.allows(Permission.SCRIPT_EDIT))

    def _on_desk(self, snap: DeskSnapshot) -> None:
        self._offer_editing()
        st = snap.status.state
        prev, self._state = self._state, st
        call = snap.call
        if call is None or call.answered_mono_ns is None:
            if call is None:
                self._end_call()
            return
        if call.id != self._call_id:
            self._start_call(call.id, snap.agent_id or "", call.late_answer, call.caller_number)
        if st is AgentState.HELD and prev is not AgentState.HELD:
            self.show_phrase("hold")
        elif st is AgentState.TALKING and prev is AgentState.HELD:
            self.show_phrase("resume")

    def _start_call(self, call_id: uuid.UUID, agent_id: str, late: bool, number: str) -> None:
        self._call_id = call_id
        conditions = frozenset({"late_answer"}) if late else frozenset()
        self.call = CallScripts(self.library.library, self._lang,
                                {"agent_id": agent_id, "unit": self._profile.unit_name,
                                 "caller_number": number}, conditions)
        self._shown_phases = set()
        self._triage_note = ""

    def _end_call(self) -> None:
        self.call = None
        self._call_id = None
        self._shown_phases = set()
        self._triage_note = ""

    def _on_pop(self, pop: ScreenPop) -> None:
        if self.call is None:
            return
        self.call.update(pop_values(pop))
        if len(pop.customers) == 1:
            self.call.add_condition("known_customer")
        facts = self._known_outage(pop)
        if facts is not None:
            self.call.add_condition("known_outage")
            self.call.update(outage_values(facts))

    def set_known_outage(self, facts: OutageFacts | None) -> None:
        """The outage feature's answer for this call; it arrives after the screen
        pop (the lookup runs off the GUI thread), before the agent starts triage."""
        if self.call is None or facts is None:
            return
        self.call.add_condition("known_outage")
        self.call.update(outage_values(facts))

    def _form_values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        spin = self.form.deadline_days
        if spin is not None and spin.unit in (DeadlineUnit.DAYS, DeadlineUnit.WORKING_DAYS):
            out["deadline"] = deadline_text(self._clock.utc_now(), spin.value(),
                                            self._profile.timezone, self._lang)
        elif spin is not None:  # minutes or hours (a repair crew's arrival): the time of day
            minutes = spin.value() * (60 if spin.unit is DeadlineUnit.HOURS else 1)
            due = (self._clock.utc_now() + timedelta(minutes=minutes)).astimezone(
                ZoneInfo(self._profile.timezone))
            out["deadline"] = f"by {due:%H:%M}" if self._lang == "en" else f"{due:%H:%M}前"
        dept = self.form.department
        if dept is not None and dept.currentData():
            out["department"] = dept.currentText()
        return out

    def _category(self) -> str:
        return str(self.form.category.currentData() or "")

    def _category_changed(self) -> None:
        if self.call is None or self._state not in (AgentState.TALKING, AgentState.HELD):
            return
        cat = self._category()
        if cat == "complaint" and "complaint" not in self._shown_phases:
            self.show_phrase("complaint")
        elif cat == "fault_repair" and self.panel.guide() is None and "triage" not in self._shown_phases:
            self.show_phrase("triage")

    # ----- showing scripts --------------------------------------------------
    def _session(self) -> CallScripts:
        """The call's scripts, or (between calls) the current library with no values."""
        if self.call is not None:
            return self.call
        return CallScripts(self.library.library, self._lang,
                           {"unit": self._profile.unit_name,
                            "agent_id": self.desk.snapshot().agent_id or ""})

    def _show(self, lines: list[ScriptLine], phase: str) -> None:
        self.panel.add_lines(lines)
        for line in lines:
            self.desk.record_script_shown(line.key, line.text, script_id=line.script_id,
                                          version=line.version, phase=phase)

    def show_phrase(self, phase: str) -> None:
        session = self._session()
        session.update(self._form_values())
        self._shown_phases.add(phase)
        if phase == "triage":
            self.start_triage()
            return
        if phase == "outbound":
            session = CallScripts(session.library, session.lang, session.values,
                                  session.conditions | {"outbound"})
        lines = session.lines(phase, self._category())
        if not lines:
            self.window.statusBar().showMessage(self.tr("No script for this moment."), 5000)
            return
        self._show(lines, phase)

    def _preview_text(self, script_id: str) -> str | None:
        line = self._session().render(script_id)
        return None if line is None else line.text

    def show_script(self, script_id: str) -> None:
        """A script picked in the library tab."""
        session = self._session()
        session.update(self._form_values())
        script = session.library.get(script_id)
        if script is None:
            return
        if script.guided:
            self.start_triage(script_id)
        else:
            line = session.render(script_id)
            if line is not None:
                self._show([line], "search")
        tabs = _tab_widget(self.tab)
        if tabs is not None:
            tabs.setCurrentIndex(0)  # back to the call, where the panel is

    # ----- guided triage ----------------------------------------------------
    def start_triage(self, script_id: str | None = None) -> None:
        session = self._session()
        if script_id is None:
            walk = session.start_triage("fault_repair")
        else:
            script = session.library.get(script_id)
            walk = guided.start(script, session.conditions) if script is not None else None
        if walk is None:
            self.window.statusBar().showMessage(self.tr("No guided script for this call."), 5000)
            return
        line = session.render(walk.script.id)
        if line is not None:
            self._show([line], "triage")
        widget = TriageWidget(walk, session.say, self._lang)
        widget.answered.connect(self._step_answered)
        widget.walkChanged.connect(self._walk_changed)
        self.panel.show_guide(widget)
        self._walk_changed(walk)
        widget.setFocus()

    def _step_answered(self, before: Walk, answer_id: str) -> None:
        step = before.step
        answer = next(a for a in step.answers if a.id == answer_id)
        after = before.answer(answer_id)
        self.desk.record_script_step(before.script.id, step.id, answer_id, label=answer.label,
                                     version=before.script.version, outcome=after.outcome)

    def _walk_changed(self, walk: Walk) -> None:
        if walk.finished:
            self.desk.record_script_shown("triage_outcome", self._session().say(walk),
                                          script_id=walk.script.id, version=walk.script.version,
                                          outcome=walk.outcome, phase="triage")
        self.fill_ticket(walk.fills())

    def fill_ticket(self, fills: Mapping[str, str]) -> None:
        """Category into the form; sub-type and notes as one marked paragraph of
        the content, replaced (not repeated) as the agent answers or goes back."""
        cat = fills.get("category")
        if cat:
            i = self.form.category.findData(cat)
            if i > 0 and self.form.category.currentIndex() != i:
                self.form.category.setCurrentIndex(i)  # the form updates its required marks
        self._preselect(fills)
        mark = TRIAGE_MARK_EN if self._lang == "en" else TRIAGE_MARK
        parts = []
        if fills.get("subtype"):
            parts.append(("Sub-type: " if self._lang == "en" else "子类：") + fills["subtype"])
        if fills.get("note"):
            parts.append(fills["note"])
        note = (mark + ("; " if self._lang == "en" else "；").join(parts)) if parts else ""
        text = self.form.content.toPlainText()
        if self._triage_note and self._triage_note in text:
            text = text.replace(self._triage_note, note)
        elif note:
            text = (text.rstrip("\n") + "\n" + note) if text.strip() else note
        if text != self.form.content.toPlainText():
            self.form.content.setPlainText(text)
        self._triage_note = note

    def _preselect(self, fills: Mapping[str, str]) -> None:
        """The sub-type the triage found (by its name in the profile) and the
        department it dispatches to (派发抢修: 抢修中心), chosen in the form."""
        cat = self.form.draft().category
        sub = fills.get("subtype")
        code = next((t.code for t in self._profile.subtypes(cat) if sub in (t.name, t.name_en)),
                    None) if sub else None
        i = self.form.subtype.findData(code) if code else -1
        if i > 0:
            self.form.subtype.setCurrentIndex(i)
        dept, combo = fills.get("department"), self.form.department
        j = combo.findData(dept) if dept and combo is not None else -1
        if combo is not None and j > 0 and combo.currentIndex() <= 0:  # the agent's choice stays
            combo.setCurrentIndex(j)

    # ----- tab and editor ---------------------------------------------------
    def open_search(self) -> None:
        tabs = _tab_widget(self.tab)
        if tabs is not None:
            tabs.setCurrentWidget(self.tab)
        self.tab.focus_search()

    def open_editor(self) -> None:
        """Shift leads edit the library; agents only read it."""
        author = self.desk.snapshot().agent_id
        if not author:
            self.window.statusBar().showMessage(self.tr("Sign in first."), 5000)
            return
        if not self.admin.user.allows(Permission.SCRIPT_EDIT):
            self.window.statusBar().showMessage(
                self.tr("Only the shift lead can edit scripts."), 8000)
            return
        dlg = ScriptEditorDialog(self.admin, author, self.window)
        self.editor = dlg
        dlg.finished.connect(self._editor_closed)
        dlg.open()

    def _editor_closed(self) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
        self.editor = None


def _tab_widget(page: QWidget) -> QTabWidget | None:
    """The tab widget a tool tab was added to (add_tool_tab reparents the page)."""
    w = page.parentWidget()
    while w is not None and not isinstance(w, QTabWidget):
        w = w.parentWidget()
    return w


def install(window: QMainWindow, desk: CallDesk, *, db: Database, profile: SiteProfile, clock: Clock,
            lang: str = "zh", known_outage: KnownOutage | None = None,
            library_dir: Path = SHIPPED_LIBRARY) -> ScriptIntegration:
    """Wire the script library into ``window``; keep the returned object alive
    (it is parented to the window). ``known_outage`` is the outage feature's seam."""
    return ScriptIntegration(window, desk, db=db, profile=profile, clock=clock, lang=lang,
                             known_outage=known_outage, library_dir=library_dir)
