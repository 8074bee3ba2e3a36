"""Earlier tickets of this caller, shown while the agent enters a new one
(issue 3; rule 004 Q68 for repeat complaints).

Why a panel that refreshes as the agent types: the account, phone or address
usually arrive mid-call, and the agent should see "this was reported 2 hours
ago" before writing a second ticket. Typing restarts a named single-shot
debounce timer; the lookup runs on the database's reader thread and comes
back through a queued signal; an answer to an older query is dropped.

Signals: urgeRequested(EarlierTicket) when the agent chooses to record the
call as an urge on the selected ticket; checked(DuplicateCheck) after each
result is shown; alertRaised(AlertView) when a repeat complaint was reported
to the shift lead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import TicketDraft
from callcenter.services.tickets.duplicates import (
    DuplicateCheck,
    DuplicateQuery,
    Duplicates,
    EarlierTicket,
    RepeatComplaint,
)

DEBOUNCE_MS = 400
URGE_KEYS = "Ctrl+Shift+U"
VISIBLE_ROWS = 4


class _Delivery(QObject):
    """Carries a Future's outcome from a worker thread to the GUI thread (queued)."""

    done = Signal(int, object)


class DuplicatesPanel(QGroupBox):
    urgeRequested = Signal(object)
    checked = Signal(object)
    alertRaised = Signal(object)
    failed = Signal(str)

    def __init__(self, duplicates: Duplicates, profile: SiteProfile, lang: str,
                 agent_id: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Earlier tickets of this caller"), parent)
        self.setObjectName("duplicatesPanel")
        self._dup = duplicates
        self._profile = profile
        self._lang = lang
        self._agent_id = agent_id
        self._tz = ZoneInfo(profile.timezone)
        self._draft = TicketDraft()
        self._last: DuplicateQuery | None = None
        self._gen = 0
        self._reported: set[uuid.UUID] = set()
        self._urge_allowed = False
        self.result: DuplicateCheck | None = None
        self._rows: list[EarlierTicket] = []  # as shown, row by row

        self._delivery = _Delivery(self)
        self._delivery.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.debounce = QTimer(self)
        self.debounce.setObjectName("duplicatesDebounce")
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.query_now)

        lay = QVBoxLayout(self)
        self.repeat_label = QLabel(self)
        self.repeat_label.setObjectName("duplicatesRepeat")
        self.repeat_label.setWordWrap(True)
        self.repeat_label.setTextFormat(Qt.TextFormat.PlainText)  # notes are the customer's words
        self.repeat_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.repeat_label.hide()
        lay.addWidget(self.repeat_label)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("duplicatesTable")
        self.table.setAccessibleName("历史工单")
        self.table.setHorizontalHeaderLabels([
            self.tr("Ticket no."), self.tr("Category"), self.tr("Status"), self.tr("Date"),
            self.tr("Same"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._refresh_button)
        lay.addWidget(self.table)
        buttons = QHBoxLayout()
        self.hint = QLabel(self)
        self.hint.setObjectName("duplicatesHint")
        self.hint.setWordWrap(True)
        self.urge_btn = QPushButton(self.tr("Record this call as an urge on the selected ticket"), self)
        self.urge_btn.setObjectName("duplicatesUrgeButton")
        self.urge_btn.setAccessibleName("催办此工单")
        self.urge_btn.clicked.connect(self._urge_clicked)
        self.urge_btn.setToolTip(URGE_KEYS)
        # keyboard first: the agent's hands are on the form when the call ends
        self.urge_key = QShortcut(QKeySequence(URGE_KEYS), self)
        self.urge_key.setContext(Qt.ShortcutContext.WindowShortcut)
        self.urge_key.activated.connect(self._urge_clicked)
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.urge_btn)
        lay.addLayout(buttons)
        self._refresh_button()
        self.hide()

    # ---- input ----------------------------------------------------------------------------

    def draft_changed(self, draft: TicketDraft) -> None:
        """The form changed: look again once typing pauses."""
        self._draft = draft
        self.debounce.start()

    def reset(self) -> None:
        """A new call: forget results and which tickets were reported to the lead."""
        self._reported.clear()
        self._last = None
        self._gen += 1
        self.debounce.stop()
        self._show(None)

    def set_urge_allowed(self, allowed: bool) -> None:
        """Urging ends the wrap-up, so the desk allows it only after the call."""
        self._urge_allowed = allowed
        self._refresh_button()

    def query_now(self) -> None:
        q = DuplicateQuery.from_draft(self._draft)
        if q == self._last:
            return
        self._last = q
        self._gen += 1
        if q.empty:
            self._show(None)
            return
        gen = self._gen
        agent = self._agent_id()
        try:
            if agent:
                fut = self._dup.check(q, agent_id=agent, reported=frozenset(self._reported))
            else:
                fut = self._dup.find(q)  # nobody signed in: nobody to report as
        except RuntimeError:  # the store was closed (the desk is shutting down)
            return
        fut.add_done_callback(lambda f: self._post(gen, f))

    def _post(self, gen: int, fut: Future[DuplicateCheck]) -> None:
        try:
            self._delivery.done.emit(gen, fut)
        except RuntimeError:  # the panel was closed before the answer came
            pass

    def _deliver(self, gen: int, fut: Future[DuplicateCheck]) -> None:
        if gen != self._gen:
            return  # an answer to an older query
        exc = fut.exception()
        if exc is not None:
            self._last = None  # try again on the next keystroke
            self.failed.emit(str(exc))
            return
        check = fut.result()
        r = check.repeat
        if r is not None and r.alert is not None and r.earlier.id not in self._reported:
            self._reported.add(r.earlier.id)
            self.alertRaised.emit(r.alert)
        self._show(check)
        self.checked.emit(check)

    # ---- output ---------------------------------------------------------------------------

    def _category(self, code: str) -> str:
        c = self._profile.category(code)
        return c.label(self._lang) if c else code

    def _department(self, code: str | None) -> str:
        d = next((d for d in self._profile.departments if d.code == code), None)
        return d.label(self._lang) if d else (code or "—")

    def state_name(self, state: str) -> str:
        return {
            "accepted": self.tr("Accepted"), "dispatched": self.tr("Dispatched"),
            "in_progress": self.tr("In progress"), "replied": self.tr("Replied"),
            "visited": self.tr("Called back"), "archived": self.tr("Archived"),
        }.get(state, state)

    def event_name(self, kind: str) -> str:
        return {
            "saved": self.tr("saved"), "dispatch": self.tr("dispatched"),
            "dispatched": self.tr("dispatched"), "accept": self.tr("accepted by the department"),
            "reply": self.tr("replied"), "urge": self.tr("urged"),
            "supervise": self.tr("supervised"), "callback_satisfied": self.tr("called back"),
            "callback_not_satisfied": self.tr("reopened after callback"),
            "archive": self.tr("archived"), "close_on_call": self.tr("closed on the call"),
        }.get(kind, kind)

    def _matched(self, keys: tuple[str, ...]) -> str:
        names = {"account": self.tr("account"), "phone": self.tr("phone"),
                 "address": self.tr("address")}
        return ", ".join(names[k] for k in keys)

    def _when(self, t: EarlierTicket) -> str:
        return t.created_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")

    def _show(self, check: DuplicateCheck | None) -> None:
        """Rows newest first, whatever the category typed (a refresh never moves
        a row under the agent's eyes); nothing is selected until the agent picks
        a row, and the picked ticket stays picked across refreshes."""
        kept = self.selected()
        self.result = check
        tickets = sorted(check.tickets if check else (),
                         key=lambda t: (t.created_at, str(t.id)), reverse=True)
        self._rows = tickets
        self.table.blockSignals(True)
        try:
            self.table.clearSelection()
            self.table.setRowCount(len(tickets))
            for i, t in enumerate(tickets):
                cells = (t.number, self._category(t.category), self.state_name(t.state.value),
                         self._when(t), self._matched(t.matched_by))
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, i)
                    self.table.setItem(i, col, item)
            at = next((i for i, t in enumerate(tickets) if kept is not None and t.id == kept.id),
                      None)
            if at is not None:
                self.table.selectRow(at)
            else:
                self.table.setCurrentItem(None)
        finally:
            self.table.blockSignals(False)
        self._fit_rows(len(tickets))
        self._show_repeat(check.repeat if check else None)
        self.setTitle(self.tr("Earlier tickets of this caller (last %1 days): %2")
                      .replace("%1", str(self._profile.duplicate_days))
                      .replace("%2", str(len(tickets))))
        self.setVisible(bool(tickets))
        self._refresh_button()

    def _fit_rows(self, n: int) -> None:
        """As tall as its rows (up to VISIBLE_ROWS, then it scrolls): the banner
        must not push the ticket form off a 800-pixel desk."""
        rows = max(1, min(n, VISIBLE_ROWS))
        h = (self.table.horizontalHeader().sizeHint().height()
             + rows * self.table.verticalHeader().defaultSectionSize()
             + 2 * self.table.frameWidth() + 2)
        self.table.setFixedHeight(h)

    def _show_repeat(self, r: RepeatComplaint | None) -> None:
        if r is None:
            self.repeat_label.clear()
            self.repeat_label.hide()
            return
        if r.resolved:
            text = (self.tr("⚠ Repeat complaint. Ticket %1 was resolved; read its reply to the "
                            "customer:").replace("%1", r.earlier.number)
                    + "\n“" + (r.reply_text or self.tr("(no reply text recorded)")) + "”")
            style = "background:#e8f5e9;padding:6px;"
        else:
            deadline = (r.earlier.deadline_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")
                        if r.earlier.deadline_at else "—")
            text = (self.tr("⚠ Repeat complaint. Ticket %1 is not resolved yet: %2, department "
                            "%3, deadline %4.")
                    .replace("%1", r.earlier.number)
                    .replace("%2", self.state_name(r.earlier.state.value))
                    .replace("%3", self._department(r.earlier.department))
                    .replace("%4", deadline))
            for e in r.events[:3]:
                when = e.at.astimezone(self._tz).strftime("%m-%d %H:%M")
                text += f"\n· {when} {self.event_name(e.kind)} ({e.actor}) {e.note}".rstrip()
            if r.alert is not None:
                text += "\n" + self.tr("The shift lead has been alerted.")
            style = "background:#fef3c7;padding:6px;"
        self.repeat_label.setText(text)
        self.repeat_label.setStyleSheet(style)
        self.repeat_label.show()

    def selected(self) -> EarlierTicket | None:
        """The ticket in the row the agent picked (``None`` until they pick one)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        i = rows[0].row()
        return self._rows[i] if i < len(self._rows) else None

    def _refresh_button(self) -> None:
        t = self.selected()
        ok = t is not None and t.open and self._urge_allowed
        self.urge_btn.setEnabled(ok)
        if t is not None and not t.open:
            self.hint.setText(self.tr("This ticket is closed: it cannot be urged."))
        elif not self._urge_allowed:
            self.hint.setText(self.tr("Urging is possible after the call ends (wrap-up)."))
        elif t is None and self._rows:
            self.hint.setText(self.tr("Select the ticket this call is about to urge it."))
        else:
            self.hint.setText(self.tr("Urging records the call on that ticket; no new ticket "
                                      "is saved."))

    def _urge_clicked(self) -> None:
        t = self.selected()
        if t is not None and t.open and self._urge_allowed and self.isVisible():
            self.urgeRequested.emit(t)
