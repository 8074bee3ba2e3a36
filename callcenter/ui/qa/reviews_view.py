"""Reviews as a list and one review's detail: for an agent their own reviews
(我的质检: sign off, or dispute with a reason), for a shift lead or the
reviewer the disputed ones (质检申诉: rescore or decline with a reason). Plain
widgets; the feature (reviews_feature.py) calls the service."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.qa.forms import EvalForm
from callcenter.domain.qa.reviews import ReviewState
from callcenter.domain.sla import format_mm_ss
from callcenter.services.qa.reviews import ReviewView
from callcenter.ui.qa.labels import review_state_name, step_name

MINE, DISPUTED = "mine", "disputed"


class ReviewsView(QWidget):
    signOffRequested = Signal(object)  # ReviewView
    disputeRequested = Signal(object, str)  # ReviewView, reason
    rescoreRequested = Signal(object, str)  # ReviewView, reason
    declineRequested = Signal(object, str)  # ReviewView, reason
    refreshRequested = Signal()
    replayRequested = Signal(object)  # ReviewView: its call's replay, with the pinned comments

    def __init__(self, mode: str, timezone: str, forms: tuple[EvalForm, ...], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaReviews_" + mode)
        self.mode, self._tz, self._forms, self._lang = mode, ZoneInfo(timezone), forms, lang
        self.reviews: list[ReviewView] = []
        lay = QVBoxLayout(self)
        split = QSplitter(self)
        self.list = QListWidget(split)
        self.list.currentRowChanged.connect(lambda _i: self._show())
        self.detail = QPlainTextEdit(split)
        self.detail.setReadOnly(True)
        self.detail.setObjectName("qaReviewDetail")
        split.setSizes([380, 700])
        lay.addWidget(split, 1)
        row = QHBoxLayout()
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (required to dispute)") if mode == MINE
                                       else self.tr("Reason (required)"))
        row.addWidget(self.reason, 1)
        self.refresh_btn = QPushButton(self.tr("Refresh"), self)
        self.refresh_btn.clicked.connect(self.refreshRequested)
        row.addWidget(self.refresh_btn)
        if mode == MINE:
            self.first_btn = QPushButton(self.tr("Sign off"), self)
            self.second_btn = QPushButton(self.tr("Dispute"), self)
            self.first_btn.clicked.connect(lambda: self._emit(self.signOffRequested, False))
            self.second_btn.clicked.connect(lambda: self._emit(self.disputeRequested, True))
        else:
            self.first_btn = QPushButton(self.tr("Rescore…"), self)
            self.second_btn = QPushButton(self.tr("Decline"), self)
            self.first_btn.clicked.connect(lambda: self._emit(self.rescoreRequested, True))
            self.second_btn.clicked.connect(lambda: self._emit(self.declineRequested, True))
        self.replay_btn = QPushButton(self.tr("Open replay"), self)
        self.replay_btn.setObjectName("qaReviewReplay")
        self.replay_btn.clicked.connect(self._replay)
        row.addWidget(self.replay_btn)
        row.addWidget(self.first_btn)
        row.addWidget(self.second_btn)
        lay.addLayout(row)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self._enable()

    def set_reviews(self, reviews: list[ReviewView], keep: object = None) -> None:
        self.reviews = list(reviews)
        self.list.clear()
        for r in self.reviews:
            when = (r.released_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")
                    if r.released_at else "")
            score = "—" if r.score is None else f"{r.score:.1f}"
            self.list.addItem(f"{when}  {r.agent_id}  {score}  {review_state_name(r.state)}")
        index = next((i for i, r in enumerate(self.reviews) if r.id == keep), 0)
        if self.reviews:
            self.list.setCurrentRow(index)
        else:
            self.detail.setPlainText(self.tr("No reviews.") if self.mode == MINE
                                     else self.tr("No disputed reviews."))
        self._enable()

    def current(self) -> ReviewView | None:
        i = self.list.currentRow()
        return self.reviews[i] if 0 <= i < len(self.reviews) else None

    def _enable(self) -> None:
        r = self.current()
        if self.mode == MINE:
            ok = r is not None and r.state is ReviewState.RELEASED
        else:
            ok = r is not None and r.state is ReviewState.DISPUTED
        self.first_btn.setEnabled(ok)
        self.second_btn.setEnabled(ok)
        self.replay_btn.setEnabled(r is not None)

    def _replay(self) -> None:
        r = self.current()
        if r is not None:
            self.replayRequested.emit(r)

    def _emit(self, signal: Signal, needs_reason: bool) -> None:  # type: ignore[type-arg]
        r = self.current()
        if r is None:
            return
        reason = self.reason.text().strip()
        if needs_reason and not reason:
            self.message.setText("⚠ " + self.tr("Give a reason first."))
            self.reason.setFocus()
            return
        self.message.setText("")
        if needs_reason:
            signal.emit(r, reason)
        else:
            signal.emit(r)

    def _show(self) -> None:
        self._enable()
        r = self.current()
        if r is None:
            return
        form = next((f for f in self._forms if f.id == r.form_id and f.version == r.form_version), None)
        lines = [self.tr("Score: %1").replace("%1", "—" if r.score is None else f"{r.score:.1f}")
                 + ("  " + self.tr("(a fatal question failed)") if r.fatal else ""),
                 self.tr("State: %1").replace("%1", review_state_name(r.state)), ""]
        for g in form.groups if form is not None else ():
            lines.append(f"【{g.name_en if self._lang == 'en' else g.name}】")
            for q in g.questions:
                a = r.answers.get(q.code)
                if a is None:
                    continue
                value = self.tr("N/A") if a.na else str(a.value)
                if q.kind == "choice":
                    opt = q.option(str(a.value))
                    value = (opt.label_en if self._lang == "en" else opt.label) if opt else value
                elif a.value in ("yes", "no"):
                    value = self.tr("Yes") if a.value == "yes" else self.tr("No")
                text = f"  {q.label(self._lang)}: {value}"
                if a.comment:
                    text += f" — {a.comment}"
                if a.override_reason:
                    text += "  " + self.tr("(changed from the check: %1)").replace("%1", a.override_reason)
                lines.append(text)
        if r.pins:
            lines += ["", self.tr("Comments on the timeline:")]
            lines += [f"  {format_mm_ss(p.t_s)}  {p.text}" for p in r.pins]
        lines += ["", self.tr("History:")]
        for h in r.history:
            at = h.at.astimezone(self._tz).strftime("%m-%d %H:%M")
            reason = h.data.get("reason")
            lines.append(f"  {at}  {step_name(h.kind)}  {h.actor}" + (f": {reason}" if reason else ""))
        self.detail.setPlainText("\n".join(lines))
