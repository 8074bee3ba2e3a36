"""The guided fault-repair triage (004 Q65, Q66) as the agent walks it.

One question at a time with its answers as buttons (digits 1–9 pick an answer,
Backspace goes back), the path taken so far, and at the end the outcome and
what to say. The widget only shows the walk; the integration records every
answer as a call event and writes the fills into the ticket form.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from callcenter.domain.scripts.guided import Walk

SAY_STYLE = "background:#ecfdf5;border-left:4px solid #059669;padding:4px;"


class TriageWidget(QFrame):
    """Emits ``answered(walk_before, answer_id)`` then ``walkChanged(walk)``."""

    answered = Signal(object, str)
    walkChanged = Signal(object)

    def __init__(self, walk: Walk, say: Callable[[Walk], str], lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("triageWidget")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._say = say
        self._lang = lang
        self._history: list[Walk] = []
        self.walk = walk
        lay = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("triageTitle")
        self.path = QLabel(self)
        self.path.setObjectName("triagePath")
        self.path.setWordWrap(True)
        self.question = QLabel(self)
        self.question.setObjectName("triageQuestion")
        self.question.setWordWrap(True)
        self.question.setStyleSheet(SAY_STYLE)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("triageOutcome")
        self.outcome.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.path)
        lay.addWidget(self.question)
        lay.addWidget(self.outcome)
        self._answers = QVBoxLayout()
        lay.addLayout(self._answers)
        self.back_btn = QPushButton(self.tr("Back (Backspace)"), self)
        self.back_btn.setObjectName("triageBack")
        self.back_btn.setAccessibleName("上一步")
        self.back_btn.clicked.connect(self.back)
        lay.addWidget(self.back_btn)
        self.buttons: list[QPushButton] = []
        self._show()

    def _outcome_titles(self) -> dict[str, str]:
        return {
            "dispatch_repair": self.tr("Dispatch a repair"),
            "explain_property_boundary": self.tr("Explain the property boundary"),
            "known_outage": self.tr("Known outage: read out the cause and restore time"),
            "arrears": self.tr("Arrears: explain payment and reconnection"),
            "record_only": self.tr("Solved on the phone: record it"),
        }

    def _show(self) -> None:
        w = self.walk
        self.title.setText("<b>" + w.script.title_for(self._lang) + "</b>")
        taken = " → ".join(self._label(w, t.step_id, t.answer_id, t.label) for t in w.taken)
        self.path.setText(taken)
        self.path.setVisible(bool(taken))
        self.question.setText(self._say(w))
        for b in self.buttons:
            b.hide()
            b.deleteLater()
        self.buttons = []
        if w.finished:
            self.outcome.setText("✔ " + self._outcome_titles().get(w.outcome, w.outcome))
            self.outcome.show()
        else:
            self.outcome.hide()
            for i, a in enumerate(w.step.answers, start=1):
                label = a.label_en if self._lang == "en" and a.label_en else a.label
                btn = QPushButton(f"{i}. {label}", self)
                btn.setObjectName(f"triageAnswer_{a.id}")
                btn.setAccessibleName(a.label)
                btn.clicked.connect(lambda _c=False, aid=a.id: self.choose(aid))
                self._answers.addWidget(btn)
                self.buttons.append(btn)
        self.back_btn.setEnabled(bool(self._history))

    def _label(self, w: Walk, step_id: str, answer_id: str, fallback: str) -> str:
        if self._lang != "en":
            return fallback
        step = w.script.step(step_id)
        a = next((a for a in step.answers if a.id == answer_id), None) if step else None
        return a.label_en if a is not None and a.label_en else fallback

    def choose(self, answer_id: str) -> None:
        before = self.walk
        self._history.append(before)
        self.walk = before.answer(answer_id)
        self.answered.emit(before, answer_id)
        self._show()
        self.walkChanged.emit(self.walk)
        self.setFocus()

    def back(self) -> None:
        if self._history:
            self.walk = self._history.pop()
            self._show()
            self.walkChanged.emit(self.walk)
            self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not self.walk.finished:
            i = key - Qt.Key.Key_1
            answers = self.walk.step.answers
            if i < len(answers):
                self.choose(answers[i].id)
                return
        if key == Qt.Key.Key_Backspace:
            self.back()
            return
        super().keyPressEvent(event)
