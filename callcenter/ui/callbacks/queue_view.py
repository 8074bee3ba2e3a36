"""The callback queue tab (回访): the outbound queue, due and overdue first,
with the opening script and the department's reply for the selected task and
the three results (reached satisfied / reached not satisfied / not reached +
retry time).

Everything is keyboard operable: the table takes focus, Ctrl+K takes the task,
Ctrl+1/2/3 record the result, and every button has a mnemonic. Reads and
writes go through ``Callbacks`` futures; results come back to the GUI thread
through a queued signal, so the tab never waits on the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.clock import Clock
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import TransitionRefused
from callcenter.services.callbacks.queue import (
    DEFAULT_RETRY,
    AttemptOutcome,
    AttemptRequest,
    CallbackRefused,
    CallbackRow,
    Callbacks,
    CallResult,
    DueCount,
    QueueFilter,
    QueuePage,
    StaleTask,
    TaskDetail,
)
from callcenter.services.privacy.policy import policy_for
from callcenter.services.privacy.reveal import Reveals
from callcenter.services.storage.database import StoreFailure
from callcenter.ui.callbacks.outcome import OutcomeConfirm, outcome_text, refusal_text, reply_text
from callcenter.ui.callbacks.queue_model import CallbackQueueModel, FutureRelay
from callcenter.ui.privacy.reveal_dialog import ask_reveal, reveal_button
from callcenter.ui.shared.refusals import permission_message

W = TypeVar("W", bound=QWidget)


class CallbackQueueView(QWidget):
    """The tab. ``set_agent`` says who is signed in (shift leads may assign);
    ``sync`` puts new replies in the queue and reloads."""

    queueLoaded = Signal(int)
    detailShown = Signal(str)  # task id
    attemptRecorded = Signal(object)  # AttemptOutcome
    dueCountChanged = Signal(int, int)  # due now, overdue
    messageShown = Signal(str)

    def __init__(self, callbacks: Callbacks, profile: SiteProfile, clock: Clock, lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callbackQueueView")
        self._cb, self._clock, self._tz = callbacks, clock, ZoneInfo(profile.timezone)
        self._profile = profile
        self._agent: str | None = None
        self._detail: TaskDetail | None = None
        self._dialled: dict[uuid.UUID, str] = {}  # task -> the number dialled and when
        self.confirm_box: OutcomeConfirm | None = None
        self._generation = 0
        self._closed = False
        self._relay = FutureRelay(self)
        self.model = CallbackQueueModel(profile, lang, self)
        self.reveals: Reveals | None = None  # "show full number" (set by integration.install)
        self._build()
        self.message.setText(self.tr("Sign in to take and record callbacks."))

    # ----- building ----------------------------------------------------------
    def _named(self, w: W, name: str, a11y: str) -> W:
        w.setObjectName(name)
        w.setAccessibleName(a11y)
        return w

    def _button(self, text: str, name: str, a11y: str, slot: Callable[[], None],
                shortcut: str = "") -> QPushButton:
        b = self._named(QPushButton(text, self), name, a11y)
        b.clicked.connect(slot)
        if shortcut:
            b.setToolTip(shortcut)
            sc = QShortcut(QKeySequence(shortcut), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda: self._click_if_enabled(b))
        return b

    @staticmethod
    def _click_if_enabled(button: QPushButton) -> None:
        if button.isEnabled() and button.isVisible():
            button.click()

    def _build(self) -> None:
        self.filter = self._named(QComboBox(self), "callbackFilter", "回访筛选")
        for label, which in ((self.tr("Open callbacks"), QueueFilter.OPEN),
                             (self.tr("Mine"), QueueFilter.MINE),
                             (self.tr("Unreachable"), QueueFilter.UNREACHABLE),
                             (self.tr("Done"), QueueFilter.DONE)):
            self.filter.addItem(label, which)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.refresh_btn = self._button(self.tr("Refresh"), "callbackRefresh", "刷新回访队列",
                                        self.sync, "Ctrl+R")
        self.count_label = self._named(QLabel(self), "callbackCount", "回访任务数")
        self.table = self._named(QTableView(self), "callbackTable", "回访任务列表")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.take_btn = self._button(self.tr("Ta&ke"), "callbackTake", "领取回访任务", self.take, "Ctrl+K")
        self.assignee = self._named(QLineEdit(self), "callbackAssignee", "指派给坐席工号")
        self.assignee.setPlaceholderText(self.tr("Agent ID"))
        self.assignee.setMaximumWidth(120)
        self.assignee.returnPressed.connect(self.assign)
        self.assign_btn = self._button(self.tr("&Assign"), "callbackAssign", "指派回访任务", self.assign)
        self.reveal_btn = reveal_button(self)
        self.reveal_btn.clicked.connect(self.ask_reveal)

        self.opening = self._named(QPlainTextEdit(self), "callbackOpening", "外拨开场白")
        self.reply = self._named(QPlainTextEdit(self), "callbackReply", "部门回复与回访记录")
        for box in (self.opening, self.reply):
            box.setReadOnly(True)
        self.opening.setMaximumHeight(80)
        self.note = self._named(QLineEdit(self), "callbackNote", "回访备注")
        self.note.setPlaceholderText(self.tr("Note (required when not satisfied)"))
        self.retry_at = self._named(QDateTimeEdit(self), "callbackRetryAt", "下次重拨时间")
        self.retry_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.dial_btn = self._button(self.tr("&Dial"), "callbackDial", "拨打回访电话", self.dial,
                                     "Ctrl+D")
        self.dial_hint = self._named(QLabel(self), "callbackDialHint", "拨号提示")
        self.satisfied_btn = self._button(self.tr("Reached, &satisfied"), "callbackSatisfied",
                                          "已联系：满意", self.record_satisfied, "Ctrl+1")
        self.unsatisfied_btn = self._button(self.tr("Reached, &not satisfied"), "callbackNotSatisfied",
                                            "已联系：不满意（重新下发）", self.record_not_satisfied,
                                            "Ctrl+2")
        self.not_reached_btn = self._button(self.tr("Not &reached, retry at"), "callbackNotReached",
                                            "未联系上，预约重拨", self.record_not_reached, "Ctrl+3")
        self.message = self._named(QLabel(self), "callbackMessage", "回访提示")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        widgets: tuple[QWidget, ...] = (self.filter, self.refresh_btn, self.count_label)
        for w in widgets:
            top.addWidget(w)
        top.addStretch(1)
        for w in (self.reveal_btn, self.take_btn, self.assignee, self.assign_btn):
            top.addWidget(w)
        detail = QWidget(self)
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Opening (say it first):"), detail), 0, 0, 1, 4)
        grid.addWidget(self.opening, 1, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Department reply and earlier attempts:"), detail), 2, 0, 1, 4)
        grid.addWidget(self.reply, 3, 0, 1, 4)
        grid.addWidget(self.dial_btn, 4, 0)
        grid.addWidget(self.dial_hint, 4, 1, 1, 3)
        grid.addWidget(self.note, 6, 0, 1, 4)
        grid.addWidget(self.satisfied_btn, 7, 0)
        grid.addWidget(self.unsatisfied_btn, 7, 1)
        grid.addWidget(self.not_reached_btn, 7, 2)
        grid.addWidget(self.retry_at, 7, 3)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([300, 260])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        lay.addWidget(self.message)
        self._update_buttons()

    # ----- state -----------------------------------------------------------------
    @property
    def agent(self) -> str | None:
        return self._agent

    def set_agent(self, agent_id: str | None) -> None:
        if agent_id == self._agent:
            return
        self._agent = agent_id
        self._dialled.clear()
        self.model.set_viewer(policy_for(self._cb.user.actor))
        self.say("" if agent_id else self.tr("Sign in to take and record callbacks."))
        self.refresh()

    def is_lead(self) -> bool:
        return self._agent is not None and self._cb.may_assign(self._agent)

    def current_row(self) -> CallbackRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _update_buttons(self) -> None:
        row, signed_in = self.current_row(), self._agent is not None
        pending = row is not None and row.outcome == "pending"
        self.take_btn.setEnabled(signed_in and pending and row is not None and row.assigned_to is None)
        lead = self.is_lead()
        for w in (self.assignee, self.assign_btn):
            w.setVisible(lead)
        self.assign_btn.setEnabled(lead and pending)
        # a result needs the task taken by this agent and the customer dialled (issue 17)
        mine = signed_in and pending and row is not None and row.assigned_to == self._agent \
            and self._detail is not None and self._detail.row.id == row.id
        dialled = self._dialled.get(row.id) if mine and row is not None else None
        self.dial_btn.setEnabled(mine)
        for b in (self.satisfied_btn, self.unsatisfied_btn, self.not_reached_btn):
            b.setEnabled(dialled is not None)
        self.retry_at.setEnabled(dialled is not None)
        if not signed_in or not pending:
            hint = ""
        elif dialled is not None:
            hint = dialled
        elif mine:
            hint = self.tr("Dial the customer (Ctrl+D) before recording the result.")
        elif row is not None and row.assigned_to is None:
            hint = self.tr("Take the callback first (Ctrl+K), then dial the customer.")
        else:
            hint = ""
        self.dial_hint.setText(hint)
        masked = row is not None and self.model.phone_masked(row)
        self.reveal_btn.setVisible(self.reveals is not None and signed_in and masked
                                   and policy_for(self._cb.user.actor).may_reveal)

    def ask_reveal(self) -> None:
        """显示完整号码 for the current task only, until another row is chosen."""
        row = self.current_row()
        if row is None or self.reveals is None:
            return
        self.reveal_dialog = ask_reveal(
            self, self.reveals, self._cb.user.actor, row.ticket_id,
            self.tr("callback of %1").replace("%1", row.ticket_number),
            lambda: (self.model.set_revealed(row.id), self._update_buttons()))

    def say(self, text: str) -> None:
        self.message.setText(text)
        if text:
            self.messageShown.emit(text)

    # ----- loading -----------------------------------------------------------------
    def close_feature(self) -> None:
        """The window is closing: start nothing new on the database."""
        self._closed = True

    def _watch(self, start: Callable[[], Future[Any]], handler: Callable[[Future[Any]], None]) -> None:
        if self._closed:
            return
        try:
            future = start()
        except CallbackRefused as exc:
            self._refused(exc)
            return
        except PermissionDenied as exc:
            self.say(permission_message(exc))
            return
        except RuntimeError:  # the database was closed under us (shutting down)
            return
        self._relay.watch(future, lambda f: None if self._closed else handler(f))

    def sync(self) -> None:
        """Put new replies in the queue, then reload (the write comes first)."""
        self._watch(self._cb.enqueue, lambda f: self.refresh())

    def refresh(self) -> None:
        self._generation += 1
        gen = self._generation
        which = self.filter.currentData()
        self._watch(lambda: self._cb.queue(which, self._agent), lambda f: self._on_page(gen, f))
        self._watch(lambda: self._cb.due_count(self._agent), self._on_due)

    def _on_page(self, gen: int, f: Future[QueuePage]) -> None:
        if gen != self._generation:
            return
        try:
            page = f.result()
        except Exception as exc:  # noqa: BLE001 (shown; the tab stays usable)
            self.say(self.tr("Could not load the callback queue: %1").replace("%1", str(exc)))
            return
        keep = self.current_row()
        self.model.set_rows(page.rows)
        row = self.model.row_of(keep.id) if keep else -1
        if row < 0 and page.rows:
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show_detail(None)
        shown = len(page.rows)
        text = self.tr("%1 callbacks").replace("%1", str(page.total))
        if page.total > shown:
            text += " " + self.tr("(first %1 shown)").replace("%1", str(shown))
        self.count_label.setText(text)
        self.queueLoaded.emit(shown)

    def _on_due(self, f: Future[DueCount]) -> None:
        try:
            due = f.result()
        except Exception:  # noqa: BLE001 (the count is advisory; the list says what failed)
            return
        self.dueCountChanged.emit(due.due, due.overdue)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        self._detail = None
        if row is None or row.id != self.model.revealed:
            self.model.set_revealed(None)  # a reveal lasts for that one task
        if row is None:
            self._show_detail(None)
            return
        self._watch(lambda: self._cb.detail(row.id, self._agent or ""), self._on_detail)
        self._update_buttons()

    def _on_detail(self, f: Future[TaskDetail]) -> None:
        try:
            detail = f.result()
        except Exception as exc:  # noqa: BLE001
            self.say(self.tr("Could not open the callback: %1").replace("%1", str(exc)))
            return
        row = self.current_row()
        if row is None or row.id != detail.row.id:
            return  # the agent moved on meanwhile
        self._show_detail(detail)

    def _show_detail(self, detail: TaskDetail | None) -> None:
        self._detail = detail
        if detail is None:
            self.opening.clear()
            self.reply.clear()
        else:
            self.opening.setPlainText(detail.opening)
            self.reply.setPlainText(reply_text(detail, self._tz))
            default = self._clock.utc_now().astimezone(self._tz) + DEFAULT_RETRY
            self.retry_at.setDateTime(QDateTime(QDate(default.year, default.month, default.day),
                                                QTime(default.hour, default.minute)))
            self.detailShown.emit(str(detail.row.id))
        self._update_buttons()

    # ----- actions --------------------------------------------------------------------
    def take(self) -> None:
        row = self.current_row()
        if row is None or self._agent is None:
            return
        self._watch(lambda: self._cb.take(row.id, self._agent or "", row.version), self._after_write)

    def assign(self) -> None:
        row = self.current_row()
        if row is None or self._agent is None:
            return
        to = self.assignee.text().strip()
        self._watch(lambda: self._cb.assign(row.id, to, self._agent or "", row.version),
                    self._after_write)

    def record_satisfied(self) -> None:
        self._record(CallResult.REACHED_SATISFIED)

    def record_not_satisfied(self) -> None:
        self._record(CallResult.REACHED_NOT_SATISFIED)

    def record_not_reached(self) -> None:
        self._record(CallResult.NOT_REACHED)

    def _retry_utc(self) -> datetime:
        q = self.retry_at.dateTime()
        d, t = q.date(), q.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self._tz)

    def dial(self) -> None:
        """Call the customer of the task this agent has taken: the number dialled
        is shown (the desk has no outbound line; the agent dials it) and the
        results become available."""
        row = self.current_row()
        if row is None or not self.dial_btn.isEnabled():
            return
        shown = self.model.index(self.model.row_of(row.id), self.model.COLUMNS.index("phone")).data()
        at = self._clock.utc_now().astimezone(self._tz)
        self._dialled[row.id] = self.tr("Dialled %1 at %2").replace("%1", str(shown)).replace(
            "%2", f"{at:%H:%M}")
        self._update_buttons()

    def _record(self, result: CallResult) -> None:
        """Ask first (确认记录 / 返回); the attempt is written only when confirmed.
        A missing note or a past retry time is refused at once, before asking."""
        row, detail = self.current_row(), self._detail
        if row is None or detail is None or self._agent is None or row.id not in self._dialled:
            return
        note = self.note.text()
        retry = self._retry_utc() if result is CallResult.NOT_REACHED else None
        if result is CallResult.REACHED_NOT_SATISFIED and not note.strip():
            self._refused(CallbackRefused("note_required"))
            return
        if retry is not None and retry <= self._clock.utc_now():
            self._refused(CallbackRefused("retry_in_past"))
            return
        req = AttemptRequest(row.id, self._agent, row.version, result, note, retry)
        box = OutcomeConfirm(self, row.ticket_number, self._dialled[row.id], result)
        self.confirm_box = box
        box.yes_btn.clicked.connect(lambda: self._watch(lambda: self._cb.record_attempt(req),
                                                        self._after_attempt))
        box.finished.connect(box.deleteLater)
        box.open()

    def _after_write(self, f: Future[Any]) -> None:
        if self._failed(f):
            return
        row = f.result()
        who = row.assigned_to or ""
        self.say(self.tr("Callback for %1 is now with %2.").replace("%1", row.ticket_number)
                 .replace("%2", who))
        self.assignee.clear()
        self.refresh()

    def _after_attempt(self, f: Future[AttemptOutcome]) -> None:
        if self._failed(f):
            return
        out = f.result()
        self._dialled.pop(out.row.id, None)  # the next attempt is another call
        self.note.clear()
        self.say(outcome_text(out, self._tz))
        self.attemptRecorded.emit(out)
        self.refresh()

    def _failed(self, f: Future[Any]) -> bool:
        """Tell the agent why a write did not happen; the typed note is kept."""
        try:
            f.result()
            return False
        except CallbackRefused as exc:
            self._refused(exc)
        except PermissionDenied as exc:
            self.say(permission_message(exc))
        except StaleTask:
            self.say(self.tr("This callback changed meanwhile; the list is refreshed. Try again."))
            self.refresh()
        except TransitionRefused:
            self.say(self.tr("The ticket has changed and can no longer be called back from here; "
                             "the list is refreshed."))
            self.sync()
        except StoreFailure as exc:
            self.say(self.tr("Not saved (database: %1). Your note is kept; try again.")
                     .replace("%1", exc.kind.value))
        except Exception as exc:  # noqa: BLE001 (nothing was written; say so and stay usable)
            self.say(self.tr("Not saved: %1").replace("%1", str(exc)))
        return True

    def _refused(self, exc: CallbackRefused) -> None:
        self.say(refusal_text(exc.reason))
        if exc.reason == "note_required":
            self.note.setFocus()
        elif exc.reason == "retry_in_past":
            self.retry_at.setFocus()
        elif exc.reason == "assignee_invalid":
            self.assignee.setFocus()
            self.assignee.selectAll()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.sync()

