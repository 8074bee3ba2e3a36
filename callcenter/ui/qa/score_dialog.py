"""Score a call on the profile's evaluation form (质检评分). Questions the
automatic checks answer come filled in; changing one asks for a reason. The
score is recomputed as the reviewer answers (domain/qa/forms.py); submitting
shows what is missing and keeps everything typed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.qa.forms import (
    NO,
    RANGE,
    YES,
    YES_NO,
    Answer,
    EvalForm,
    Problem,
    Question,
    score,
    validate,
)
from callcenter.domain.qa.pins import Pin
from callcenter.ui.qa.pins_editor import PinsEditor
from callcenter.ui.qa.release_chooser import ReleaseChooser, ReleaseInPast


class _QuestionRow(QWidget):
    changed = Signal()

    def __init__(self, q: Question, lang: str, pre: Answer | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.q, self.pre = q, pre
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.value: QComboBox | QSpinBox
        if q.kind == RANGE:
            spin = QSpinBox(self)
            spin.setRange(-1, int(q.points))
            spin.setSpecialValueText(self.tr("—"))
            spin.setValue(-1)
            spin.valueChanged.connect(self.changed)
            self.value = spin
        else:
            combo = QComboBox(self)
            combo.addItem(self.tr("—"), None)
            if q.kind == YES_NO:
                combo.addItem(self.tr("Yes"), YES)
                combo.addItem(self.tr("No"), NO)
            else:
                for o in q.options:
                    combo.addItem(f"{o.label_en if lang == 'en' else o.label} ({o.points:g})", o.code)
            combo.currentIndexChanged.connect(self.changed)
            self.value = combo
        lay.addWidget(self.value)
        self.na = QCheckBox(self.tr("N/A"), self)
        self.na.setVisible(q.allow_na)
        self.na.toggled.connect(self.changed)
        lay.addWidget(self.na)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(self.tr("Comment (required)") if q.comment == "always"
                                        else self.tr("Comment"))
        self.comment.textChanged.connect(self.changed)
        lay.addWidget(self.comment, 1)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why you change the check's answer"))
        self.reason.setVisible(pre is not None and pre.auto)
        self.reason.textChanged.connect(self.changed)
        lay.addWidget(self.reason, 1)
        if pre is not None:
            self.set_answer(pre)

    def set_answer(self, a: Answer) -> None:
        self.na.setChecked(a.na)
        if isinstance(self.value, QSpinBox):
            self.value.setValue(int(a.value) if isinstance(a.value, int | float) else -1)
        else:
            i = self.value.findData(a.value)
            self.value.setCurrentIndex(max(i, 0))
        self.comment.setText(a.comment)

    def answer(self) -> Answer:
        if isinstance(self.value, QSpinBox):
            v: str | float | None = None if self.value.value() < 0 else float(self.value.value())
        else:
            data = self.value.currentData()
            v = None if data is None else str(data)
        auto = self.pre is not None and self.pre.auto
        return Answer(v, self.na.isChecked(), self.comment.text(), auto,
                      self.pre.auto_value if auto and self.pre is not None else None,
                      self.reason.text() if auto else "")


class ScoreDialog(QDialog):
    submitted = Signal(object)  # dict[str, Answer], valid

    def __init__(self, form: EvalForm, title: str, prefilled: Mapping[str, Answer], lang: str,
                 parent: QWidget | None = None, pins: Sequence[Pin] | None = None,
                 release: ReleaseChooser | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaScoreDialog")
        self.form, self._lang = form, lang
        self.release_at: datetime | None = None  # UTC, when "release at" was chosen
        self.setWindowTitle(self.tr("Score: %1").replace("%1", title))
        outer = QVBoxLayout(self)
        head = QLabel(f"{form.title_en if lang == 'en' else form.title} · v{form.version}", self)
        outer.addWidget(head)
        body = QWidget(self)
        body_lay = QVBoxLayout(body)
        self.rows: dict[str, _QuestionRow] = {}
        for g in form.groups:
            box = QGroupBox(g.name_en if lang == "en" else g.name, body)
            fl = QFormLayout(box)
            for q in g.questions:
                row = _QuestionRow(q, lang, prefilled.get(q.code), box)
                row.changed.connect(self._update)
                marks = ("★" if q.critical else "") + ("‼" if q.fatal else "")
                fl.addRow(QLabel(f"{marks}{q.label(lang)} ({q.points:g})", box), row)
                self.rows[q.code] = row
            body_lay.addWidget(box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        # comments pinned to times of the call (None: this scoring keeps the review's own)
        self.pins: PinsEditor | None = None
        if pins is not None:
            self.pins = PinsEditor(self)
            self.pins.set_pins(pins)
            outer.addWidget(self.pins)
        # when the agent sees it (None: a rescore, released again at once)
        self.release = release
        if release is not None:
            release.setParent(self)
            outer.addWidget(release)
        self.legend = QLabel(self.tr("★ critical (weighs double) · ‼ fatal (fails the whole call)"), self)
        outer.addWidget(self.legend)
        self.score_label = QLabel("", self)
        self.score_label.setObjectName("qaScore")
        outer.addWidget(self.score_label)
        self.error = QLabel("", self)
        self.error.setObjectName("qaScoreError")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.submit_btn = QPushButton(self.tr("Submit and release"), self)
        self.submit_btn.setDefault(True)
        self.submit_btn.clicked.connect(self.try_submit)
        if release is not None:
            release.at_btn.toggled.connect(lambda at: self.submit_btn.setText(
                self.tr("Submit; release at the set time") if at else self.tr("Submit and release")))
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.submit_btn)
        outer.addLayout(buttons)
        self.resize(980, 640)
        self._update()

    def answers(self) -> dict[str, Answer]:
        return {code: row.answer() for code, row in self.rows.items()}

    def _update(self) -> None:
        s = score(self.form, self.answers())
        if s.score is None:
            self.score_label.setText(self.tr("Score: —"))
        elif s.fatal_failed:
            self.score_label.setText(self.tr("Score: 0 (a fatal question failed)"))
        else:
            self.score_label.setText(self.tr("Score: %1").replace("%1", f"{s.score:.1f}"))

    def problem_text(self, p: Problem) -> str:
        q = self.form.question(p.question)
        name = q.label(self._lang) if q is not None else p.question
        return {
            "unanswered": self.tr("%1: answer it (or N/A where allowed)."),
            "na_not_allowed": self.tr("%1: N/A is not allowed here."),
            "comment_required": self.tr("%1: a comment is required."),
            "bad_value": self.tr("%1: not a valid answer."),
            "override_reason": self.tr("%1: say why you change the check's answer."),
        }.get(p.code, "%1").replace("%1", name)

    def show_problems(self, problems: list[Problem]) -> None:
        shown = [self.problem_text(p) for p in problems[:4]]
        if len(problems) > 4:
            shown.append(self.tr("… and %n more.", "", len(problems) - 4))
        self.error.setText("⚠ " + "\n".join(shown))
        first = self.rows.get(problems[0].question) if problems else None
        if first is not None:
            first.value.setFocus()
        self.submit_btn.setEnabled(True)

    def try_submit(self) -> None:
        answers = self.answers()
        problems = validate(self.form, answers)
        if problems:
            self.show_problems(problems)
            return
        try:
            self.release_at = self.release.release_at() if self.release is not None else None
        except ReleaseInPast:
            self.error.setText("⚠ " + self.tr("The release time has passed: choose a later one, "
                                              "or release now."))
            assert self.release is not None
            self.release.when.setFocus()
            return
        self.error.setText("")
        self.submit_btn.setEnabled(False)
        self.submitted.emit(answers)

    def failed(self, text: str) -> None:
        """The save failed: say so and keep every answer."""
        self.error.setText("⚠ " + text)
        self.submit_btn.setEnabled(True)
