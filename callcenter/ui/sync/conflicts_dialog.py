"""The open sync conflicts, and the choice for each: keep mine, take central's, dismiss.

Rows come from services/sync/conflicts.py as plain dataclasses (read on the
database's reader thread, delivered through a GuiPoster). A conflict from a push
(another desk changed the same field first) offers all three choices; a clash
from a pull (central has another record with the same key, e.g. an account
number) can only be dismissed after the two records were sorted out. A
transaction central refused for good (issue 19, source ``reject``: text it
cannot store) can be cleaned and resent, or dismissed (its rows stay on this
desk only). A refused choice says why in the dialog's message line.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.auth.permissions import PermissionDenied
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import TicketState
from callcenter.services.sync.conflicts import (
    Choice,
    OpenConflict,
    Refusal,
    ResolveRefused,
    SyncConflicts,
)
from callcenter.ui.calls.desk_bridge import GuiPoster
from callcenter.ui.shared.refusals import permission_message
from callcenter.ui.tickets.field_messages import field_label
from callcenter.ui.tickets.lifecycle_labels import state_label

Index = QModelIndex | QPersistentModelIndex
COLUMN_MAX = {0: 220, 1: 110, 2: 240, 3: 240, 4: 100}
# SQLSTATEs of text central cannot store (callcenter/sync/protocol.py: fix and resend)
BAD_TEXT_CODES = frozenset({"22P05", "22021", "22P02"})


def table_label(table: str) -> str:
    return {
        "tickets": QCoreApplication.translate("SyncConflicts", "Ticket"),
        "customers": QCoreApplication.translate("SyncConflicts", "Customer"),
        "accounts": QCoreApplication.translate("SyncConflicts", "Account"),
        "call_sessions": QCoreApplication.translate("SyncConflicts", "Call"),
        "agent_shifts": QCoreApplication.translate("SyncConflicts", "Shift"),
        "alerts": QCoreApplication.translate("SyncConflicts", "Alert"),
        "callback_tasks": QCoreApplication.translate("SyncConflicts", "Callback"),
        "emergency_banners": QCoreApplication.translate("SyncConflicts", "Emergency notice"),
        "outages": QCoreApplication.translate("SyncConflicts", "Outage"),
        "outage_targets": QCoreApplication.translate("SyncConflicts", "Outage area"),
        "ticket_outage_links": QCoreApplication.translate("SyncConflicts", "Ticket–outage link"),
    }.get(table, table)


def column_label(name: str) -> str:
    extra = {
        "number": QCoreApplication.translate("SyncConflicts", "Ticket number"),
        "status": QCoreApplication.translate("SyncConflicts", "Status"),
        "deadline_at": QCoreApplication.translate("SyncConflicts", "Deadline"),
        "created_by": QCoreApplication.translate("SyncConflicts", "Taken by"),
        "created_at": QCoreApplication.translate("SyncConflicts", "Taken at"),
        "backfilled": QCoreApplication.translate("SyncConflicts", "Back-filled"),
        "deleted_at": QCoreApplication.translate("SyncConflicts", "Deleted at"),
        "name": QCoreApplication.translate("SyncConflicts", "Name"),
        "phone": QCoreApplication.translate("SyncConflicts", "Phone"),
        "cause": QCoreApplication.translate("SyncConflicts", "Cause"),
        "area": QCoreApplication.translate("SyncConflicts", "Area"),
    }
    return extra.get(name) or field_label(name)


def code_labels(profile: SiteProfile | None, lang: str) -> dict[str, dict[str, str]]:
    """Per ticket field, code -> the name the agent knows (优先级 ``urgent`` -> 紧急)."""
    out: dict[str, dict[str, str]] = {"status": {}}
    for st in TicketState:
        out["status"][st.value] = state_label(st)
    if profile is not None:
        for name, items in (("category", profile.categories), ("priority", profile.priorities),
                            ("area_type", profile.area_types), ("department", profile.departments)):
            out[name] = {n.code: n.label(lang) for n in items}
    return out


def value_text(value: Any, tz: tzinfo) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncConflicts", "(empty)")
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SyncConflicts", "yes")
        return QCoreApplication.translate("SyncConflicts", "no")
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            at = datetime.fromisoformat(value)
        except ValueError:
            return value
        if at.tzinfo is not None:
            return at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    return str(value)


class ConflictModel(QAbstractTableModel):
    """One row per open conflict; the fields of a conflict are listed one per line."""

    HEADERS = ("Record", "Field", "My value", "Central's value", "Found at", "Note")

    def __init__(self, tz: tzinfo, parent: QObject | None = None, *,
                 codes: dict[str, dict[str, str]] | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._codes = codes or {}
        self.rows: list[OpenConflict] = []

    def set_rows(self, rows: list[OpenConflict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.HEADERS):
                return {
                    0: self.tr("Record"), 1: self.tr("Field"), 2: self.tr("My value"),
                    3: self.tr("Central's value"), 4: self.tr("Found at"), 5: self.tr("Note"),
                }[section]
            return None
        return str(section + 1)

    def conflict(self, row: int) -> OpenConflict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def note(self, c: OpenConflict) -> str:
        if c.source == "reject":
            why = self.tr("it holds characters central cannot store") if c.code in BAD_TEXT_CODES \
                else c.reason
            return self.tr("Refused by central (%1 records): %2").replace(
                "%1", str(c.rows)).replace("%2", why)
        if c.source == "pull":
            return self.tr("Another record here has the same key")
        if c.pending_local:
            return self.tr("Local changes not yet sent")
        if not c.pulled_since:
            return self.tr("Waiting for central's latest values")
        return self.tr("Changed on another desk too")

    def value(self, field: str, value: Any) -> str:
        named = self._codes.get(field, {}).get(value) if isinstance(value, str) else None
        text = named or value_text(value, self._tz)
        # characters central cannot store, made visible (a NUL would end the text on screen)
        return "".join("[NUL]" if ch == "\x00" else "[?]" if "\ud800" <= ch <= "\udfff" else ch
                       for ch in text)

    def values(self, c: OpenConflict, *, mine: bool) -> str:
        """One field: its value; several: one line each, named (a long value wraps)."""
        if len(c.fields) == 1:
            f = c.fields[0]
            return self.value(f.name, f.mine if mine else f.central)
        return "\n".join(f"{column_label(f.name)}: {self.value(f.name, f.mine if mine else f.central)}"
                         for f in c.fields)

    def text(self, c: OpenConflict, column: int) -> str:
        if column == 0:
            return table_label(c.table) + (f" {c.subject}" if c.subject else "")
        if column == 1:
            return "\n".join(column_label(f.name) for f in c.fields)
        if column == 3 and c.source == "reject":
            return self.tr("(refused)")
        if column == 2:
            if c.source == "pull":
                return self.tr("(another local record)")
            return self.values(c, mine=True)
        if column == 3:
            return self.values(c, mine=False)
        if column == 4:
            return c.detected_at.astimezone(self._tz).strftime("%m-%d %H:%M")
        return self.note(c)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.conflict(index.row())
        if c is None or not 0 <= index.column() < len(self.HEADERS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return self.text(c, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return str(c.id)
        return None


class SyncConflictsDialog(QDialog):
    resolved = Signal(str)  # the choice made (mine | central | dismissed)
    loaded = Signal()

    def __init__(self, service: SyncConflicts, tz: tzinfo, agent: Callable[[], str | None],
                 parent: QWidget | None = None, *, profile: SiteProfile | None = None,
                 lang: str = "zh") -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictsDialog")
        self.setAccessibleName("同步冲突")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(1000, 460)
        self._service = service
        self._agent = agent
        self._poster = GuiPoster(self)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self.tr(
            "Another desk changed the same data first; central kept its values. Choose for each "
            "record: keep your values (they are sent again), take central's, or dismiss. Records "
            "central refused are listed too: clean and resend them, or dismiss to keep them on this "
            "desk only."), self)
        self.intro.setObjectName("syncConflictsIntro")
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.model = ConflictModel(tz, self, codes=code_labels(profile, lang))
        self.view = QTableView(self)
        self.view.setObjectName("syncConflictsTable")
        self.view.setAccessibleName("同步冲突列表")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.view, 1)
        self.message = QLabel(self)
        self.message.setObjectName("syncConflictsMessage")
        self.message.setAccessibleName("提示")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.keep_mine_btn = self._button("keepMineButton", self.tr("Keep &mine"), "保留我的值")
        self.take_central_btn = self._button("takeCentralButton", self.tr("Take &central's"),
                                             "采用中心库的值")
        self.dismiss_btn = self._button("dismissButton", self.tr("&Dismiss"), "忽略此冲突")
        self.resend_btn = self._button("resendButton", self.tr("Clean and re&send"), "清理后重新发送")
        self.refresh_btn = self._button("refreshConflictsButton", self.tr("&Refresh"), "刷新")
        self.close_btn = self._button("closeConflictsButton", self.tr("Close"), "关闭")
        for b in (self.keep_mine_btn, self.take_central_btn, self.resend_btn, self.dismiss_btn):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.refresh_btn)
        row.addWidget(self.close_btn)
        lay.addLayout(row)
        self.keep_mine_btn.clicked.connect(lambda: self.choose(Choice.MINE))
        self.take_central_btn.clicked.connect(lambda: self.choose(Choice.CENTRAL))
        self.dismiss_btn.clicked.connect(lambda: self.choose(Choice.DISMISSED))
        self.resend_btn.clicked.connect(lambda: self.choose(Choice.RESENT))
        self.refresh_btn.clicked.connect(self.refresh)
        self.close_btn.clicked.connect(self.reject)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAccessibleName(accessible)
        b.setAutoDefault(False)
        return b

    # ----- loading ----------------------------------------------------------------
    def refresh(self) -> None:
        self._deliver(self._service.open_list(), self._show)

    def _deliver(self, fut: Future[Any], then: Callable[[Future[Any]], None]) -> None:
        fut.add_done_callback(lambda f: self._poster.post(lambda: then(f)))

    def _show(self, fut: Future[list[OpenConflict]]) -> None:
        exc = fut.exception()
        if exc is not None:
            self.message.setText(self.tr("Could not read the conflicts: ") + str(exc))
            return
        keep = self.selected()
        self.model.set_rows(fut.result())
        row = next((i for i, c in enumerate(self.model.rows) if keep and c.id == keep.id), 0)
        if self.model.rows:
            self.view.selectRow(row)
            self.view.resizeColumnsToContents()
            for col, most in COLUMN_MAX.items():  # long values wrap; the note stays in view
                self.view.setColumnWidth(col, min(self.view.columnWidth(col), most))
        elif not self.message.text():
            self.message.setText(self.tr("No open conflicts."))
        self._update_buttons()
        self.view.setFocus()
        self.loaded.emit()

    def selected(self) -> OpenConflict | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.conflict(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        c = self.selected()
        push = c is not None and c.source == "push"
        self.keep_mine_btn.setEnabled(push)
        self.take_central_btn.setEnabled(push)
        self.dismiss_btn.setEnabled(c is not None)
        self.resend_btn.setEnabled(c is not None and c.source == "reject")

    # ----- choosing ---------------------------------------------------------------
    def refusal_text(self, reason: Refusal) -> str:
        return {
            Refusal.PENDING: self.tr("This record still has local changes waiting to be sent to "
                                     "central. Let sync finish, then choose again."),
            Refusal.NOT_PULLED: self.tr("Central's latest values have not been fetched since this "
                                        "conflict was found. Let sync finish, then choose again."),
            Refusal.PULL_CLASH: self.tr("Central has another record with the same key. Sort out the "
                                        "two records, then dismiss this conflict."),
            Refusal.RESOLVED: self.tr("This conflict was already resolved."),
            Refusal.GONE: self.tr("This record no longer exists."),
            Refusal.NO_AGENT: self.tr("Sign in first."),
            Refusal.REJECTED: self.tr("Central refused these records. Clean and resend them, or "
                                      "dismiss to keep them on this desk only."),
            Refusal.NOT_REJECTED: self.tr("Only records central refused can be resent."),
        }[reason]

    def choose(self, choice: Choice) -> None:
        c = self.selected()
        if c is None:
            return
        agent = self._agent() or ""
        if not agent:
            self.message.setText("⚠ " + self.refusal_text(Refusal.NO_AGENT))
            return
        # the service decides (the list may be older than the last sync round)
        try:
            fut = self._service.resolve(c.id, choice, agent)
        except PermissionDenied as exc:
            self.message.setText("⚠ " + permission_message(exc))
            return
        self._deliver(fut, lambda f: self._after(choice, f))

    def _after(self, choice: Choice, fut: Future[None]) -> None:
        exc = fut.exception()
        if isinstance(exc, ResolveRefused):
            self.message.setText("⚠ " + self.refusal_text(exc.reason))
        elif isinstance(exc, PermissionDenied):  # e.g. keeping a dispatched ticket's values
            self.message.setText("⚠ " + permission_message(exc))
        elif exc is not None:
            self.message.setText(self.tr("Could not save the choice: ") + str(exc))
        else:
            self.message.setText({
                Choice.MINE: self.tr("Your values were kept; they go to central with the next sync."),
                Choice.CENTRAL: self.tr("Central's values were taken."),
                Choice.DISMISSED: self.tr("The conflict was dismissed."),
                Choice.RESENT: self.tr("The records were cleaned; they go to central with the "
                                       "next sync."),
            }[choice])
            self.resolved.emit(choice.value)
        self.refresh()

    def conflict_id(self, row: int) -> uuid.UUID | None:
        c = self.model.conflict(row)
        return None if c is None else c.id
