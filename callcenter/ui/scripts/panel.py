"""The script panel: what the agent says now, following the call.

Lines arrive from the desk on answer (the apology first after a late answer)
and from the script integration during the call (hold and resume phrases, a
searched script, the complaint opener). A guided script (the fault-repair
triage) sits under the lines at its full height; the lines scroll. The phrase
bar asks for the phrases the agent needs on demand; it stays hidden until the
script library is installed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from callcenter.services.scripts.call_lines import ScriptLine

HIGHLIGHT = "background:#fef3c7;border-left:4px solid #f59e0b;padding:4px;"
REMINDER = "background:#e0f2fe;border-left:4px solid #0284c7;padding:4px;"
NORMAL = "padding:4px;"
GUIDED_MIN_HEIGHT = 60  # the triage question; its answers scroll under it

# phase -> (objectName, Chinese accessible name, shortcut)
PHRASES: dict[str, tuple[str, str, str]] = {
    "cannot_answer": ("phraseCannotAnswer", "暂时不能答复", "Ctrl+1"),
    "transfer": ("phrasePassOn", "转交部门处理", "Ctrl+2"),
    "complaint": ("phraseComplaint", "投诉安抚开场", "Ctrl+3"),
    "triage": ("phraseTriage", "故障报修分诊", "Ctrl+4"),
    "outbound": ("phraseOutbound", "外拨开场白", "Ctrl+5"),
    "closing": ("phraseClosing", "结束语", "Ctrl+6"),
}


class ScriptPanel(QGroupBox):
    phraseRequested = Signal(str)  # a phase from PHRASES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Script"), parent)
        self.setObjectName("scriptPanel")
        outer = QVBoxLayout(self)
        self._outer = outer
        outer.setContentsMargins(4, 4, 4, 4)
        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("scriptScroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setMinimumHeight(48)  # two lines; the desk must fit a 768-line screen
        body = QWidget(self._scroll)
        self._lay = QVBoxLayout(body)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._scroll.setWidget(body)
        self._body = body
        outer.addWidget(self._scroll, 1)
        # follow the newest line: scroll to the end once the layout has grown
        self._follow = False
        self._scroll.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self._labels: list[QLabel] = []
        self._guide: QWidget | None = None
        self._guide_holder: QScrollArea | None = None
        self.hint = QLabel(self.tr("The greeting appears when you answer."), body)
        self.hint.setObjectName("scriptHint")
        self._lay.addWidget(self.hint)
        self._lay.addStretch(1)

        self.phrase_bar = QWidget(self)
        self.phrase_bar.setObjectName("scriptPhraseBar")
        grid = QGridLayout(self.phrase_bar)
        grid.setContentsMargins(0, 0, 0, 0)
        self.phrase_buttons: dict[str, QPushButton] = {}
        self._actions: list[QAction] = []
        titles = self._phrase_titles()
        for i, (phase, (name, zh, keys)) in enumerate(PHRASES.items()):
            btn = QPushButton(f"{titles[phase]} ({keys})", self.phrase_bar)
            btn.setObjectName(name)
            btn.setAccessibleName(zh)
            btn.setToolTip(keys)
            btn.clicked.connect(lambda _c=False, p=phase: self.phraseRequested.emit(p))
            # a QAction, not QPushButton.setShortcut (that animates the click and
            # fires ~100 ms later); the bar's actions work only while it is shown
            act = QAction(self.phrase_bar)
            act.setObjectName(f"{name}Shortcut")
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda _c=False, b=btn: b.click() if b.isVisible() else None)
            act.setEnabled(False)  # only while the bar is on screen (see showEvent)
            self.phrase_bar.addAction(act)
            self._actions.append(act)
            grid.addWidget(btn, i // 3, i % 3)
            self.phrase_buttons[phase] = btn
        outer.addWidget(self.phrase_bar)
        self.phrase_bar.hide()

    def _phrase_titles(self) -> dict[str, str]:
        return {
            "cannot_answer": self.tr("Cannot answer now"),
            "transfer": self.tr("Pass to department"),
            "complaint": self.tr("Complaint opener"),
            "triage": self.tr("Fault triage"),
            "outbound": self.tr("Outbound opening"),
            "closing": self.tr("Closing"),
        }

    def _titles(self) -> dict[str, str]:
        return {"apology": self.tr("Apologise first"), "greeting": self.tr("Greeting"),
                "closing": self.tr("Closing"), "hold": self.tr("Before hold"),
                "resume": self.tr("Back from hold"), "cannot_answer": self.tr("Cannot answer now"),
                "transfer": self.tr("Pass to department"),
                "complaint_opening": self.tr("Complaint: calm first"),
                "complaint_followup": self.tr("Repeat complaint"), "triage": self.tr("Fault triage")}

    def enable_phrases(self, on: bool = True) -> None:
        self.phrase_bar.setVisible(on)
        self._sync_actions()

    def _sync_actions(self) -> None:
        # Ctrl+1… belong to the call tab: another tool tab may use the same keys
        on = self.phrase_bar.isVisibleTo(self) and self.isVisible()
        for act in self._actions:
            act.setEnabled(on)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._sync_actions()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)
        self._sync_actions()

    # ----- lines -----------------------------------------------------------
    def show_lines(self, lines: list[ScriptLine]) -> None:
        """Replace what is shown (the desk calls this on answer)."""
        self.clear()
        self.add_lines(lines)

    def add_lines(self, lines: list[ScriptLine], *, highlight: bool = False) -> None:
        """Add lines under the ones shown (a phrase asked for during the call)."""
        self.hint.hide()
        titles = self._titles()
        at = self._lay.count() - 1  # before the stretch
        for line in lines:
            title = titles.get(line.key) or line.title or line.key
            text = html.escape(line.text).replace("\n", "<br/>")
            lab = QLabel(f"<b>{html.escape(title)}</b><br/>{text}", self._body)
            lab.setObjectName(f"script_{line.key}")
            lab.setAccessibleName(line.text)
            lab.setWordWrap(True)
            if line.key == "apology" or highlight:
                lab.setStyleSheet(HIGHLIGHT)
            elif "【" in line.text or "[" in line.text:
                lab.setStyleSheet(REMINDER)
            else:
                lab.setStyleSheet(NORMAL)
            self._lay.insertWidget(at, lab)
            at += 1
            self._labels.append(lab)
        self._follow = True

    def _range_changed(self, _low: int, high: int) -> None:
        if self._follow:
            self._scroll.verticalScrollBar().setValue(high)

    def texts(self) -> list[str]:
        return [lab.accessibleName() for lab in self._labels]

    def keys(self) -> list[str]:
        return [lab.objectName().removeprefix("script_") for lab in self._labels]

    # ----- guided script ---------------------------------------------------
    def show_guide(self, widget: QWidget) -> None:
        """Put a guided-script widget under the lines (one at a time). It scrolls
        in its own area: the panel never grows the window, and the phrase keys
        under it stay on screen."""
        self.remove_guide()
        holder = QScrollArea(self)
        holder.setObjectName("guideScroll")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setMinimumHeight(GUIDED_MIN_HEIGHT)
        holder.setWidget(widget)
        self._guide = widget
        self._guide_holder = holder
        self._outer.insertWidget(1, holder, 2)  # between the lines and the phrase bar
        self.hint.hide()
        self._follow = True
        holder.show()
        widget.show()
        # held at what lines, guide and phrase keys need (the call tab's layout
        # would squeeze the phrase keys under the guide otherwise)
        self.setMinimumHeight(self.minimumSizeHint().height())

    def guide(self) -> QWidget | None:
        return self._guide

    def remove_guide(self) -> None:
        if self._guide_holder is not None:
            self._guide_holder.hide()
            self._guide_holder.deleteLater()  # and the guide in it
            self._guide_holder = None
        self._guide = None
        self.setMinimumHeight(0)

    def clear(self) -> None:
        for lab in self._labels:
            lab.hide()
            lab.deleteLater()
        self._labels = []
        self.remove_guide()
        self._follow = False
        self.hint.show()
