"""A ticket's detail: its fields, its full history as a timeline, and the
lifecycle actions the signed-in user's role allows (dispatch, accept, reply,
callback, archive, urge, supervise).

Signal: actionRequested(ActionRequest). The dialog never writes; the caller
runs the action off the GUI thread and answers with ``show_result``/``show_refusal``.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket_lifecycle import (
    REPAIR_REPLY_FIELDS,
    Actor,
    TicketAction,
    allowed_actions,
)
from callcenter.services.privacy.policy import NumberPolicy, Surface
from callcenter.services.privacy.reveal import Reveals
from callcenter.services.tickets.detail import TicketDetail
from callcenter.services.tickets.workflow import ActionRequest
from callcenter.ui.privacy.reveal_dialog import ask_reveal, reveal_button
from callcenter.ui.tickets.lifecycle_labels import action_label, event_label, reason_text, state_label

REPLY_FIELDS = REPAIR_REPLY_FIELDS  # a repair crew's reply; any other category: the result only
REPLY_ZH = {"departed_at": "出发时间", "arrived_at": "到达时间", "cause": "故障原因",
            "restored_at": "恢复时间", "result": "处理结果"}
REPAIR = "fault_repair"


class TicketDetailDialog(QDialog):
    actionRequested = Signal(object)
    replayRequested = Signal(object)  # the call's id: the replay (ui/replay) opens

    def __init__(self, detail: TicketDetail, actor: Actor, profile: SiteProfile, lang: str = "zh",
                 parent: QWidget | None = None, reveals: Reveals | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDetailDialog")
        self.resize(760, 620)
        self._actor = actor
        # numbers masked for roles that do not need them; a recorded reveal unmasks
        # them for this ticket while this dialog lives (it is deleted on close)
        self._numbers = NumberPolicy(actor.role, actor.user_id, actor)
        self._reveals = reveals
        self.revealed = False
        self._profile = profile
        self._lang = lang
        self._tz = ZoneInfo(profile.timezone)
        self.detail = detail
        lay = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setObjectName("ticketDetailHeader")
        self.header.setWordWrap(True)
        lay.addWidget(self.header)
        self.reveal_btn = reveal_button(self)
        self.reveal_btn.clicked.connect(self.ask_reveal)
        lay.addWidget(self.reveal_btn, 0, Qt.AlignmentFlag.AlignLeft)
        self.replay_btn = QPushButton(self.tr("Replay the call…"), self)
        self.replay_btn.setObjectName("ticketReplayCall")
        self.replay_btn.setVisible(detail.call_id is not None)
        self.replay_btn.clicked.connect(lambda: self.replayRequested.emit(self.detail.call_id))
        lay.addWidget(self.replay_btn, 0, Qt.AlignmentFlag.AlignLeft)
        self.timeline = QListWidget(self)
        self.timeline.setObjectName("ticketTimeline")
        self.timeline.setAccessibleName("工单时间线")
        lay.addWidget(self.timeline, 1)

        form = self._form = QFormLayout()
        self.note = QLineEdit(self)
        self.note.setObjectName("actionNote")
        self.note.setAccessibleName("备注")
        form.addRow(self.tr("Note"), self.note)
        self.department = QComboBox(self)
        self.department.setObjectName("dispatchDepartment")
        self.department.setAccessibleName("下发部门")
        for d in profile.departments:
            self.department.addItem(d.label(lang), d.code)
        form.addRow(self.tr("Department"), self.department)
        lay.addLayout(form)
        self.reply_box = QGroupBox(self.tr("Reply"), self)
        self.reply_box.setObjectName("replyBox")
        reply_form = QFormLayout(self.reply_box)
        self._reply_form = reply_form
        self.reply: dict[str, QLineEdit] = {}
        labels = {"departed_at": self.tr("Departed at"), "arrived_at": self.tr("Arrived at"),
                  "cause": self.tr("Cause"), "restored_at": self.tr("Restored at"),
                  "result": self.tr("Result")}
        self._reply_labels = labels
        for name in REPLY_FIELDS:
            edit = QLineEdit(self.reply_box)
            edit.setObjectName(f"reply_{name}")
            edit.setAccessibleName(REPLY_ZH[name])
            if name.endswith("_at"):
                edit.setPlaceholderText(self.tr("time, e.g. 10:35"))
            reply_form.addRow(labels[name], edit)
            self.reply[name] = edit
        lay.addWidget(self.reply_box)
        self.message = QLabel(self)
        self.message.setObjectName("ticketDetailMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)
        self._buttons = QHBoxLayout()
        lay.addLayout(self._buttons)
        self.action_buttons: dict[TicketAction, QPushButton] = {}
        self.show_detail(detail)

    def show_detail(self, d: TicketDetail) -> None:
        """Show (or refresh to) ``d``; what the user typed in note/reply stays."""
        self.detail = d
        cat = self._profile.category(d.category)
        kind = cat.label(self._lang) if cat else d.category
        sub = cat.subtype(d.subtype) if cat and d.subtype else None
        if d.subtype:
            kind += " / " + (sub.label(self._lang) if sub else d.subtype)
        deadline = d.deadline_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M") if d.deadline_at else "—"
        flags = []
        if d.urge_count:
            flags.append(self.tr("urged %1 time(s)").replace("%1", str(d.urge_count)))
        if d.supervised:
            flags.append(self.tr("supervised"))
        self.setWindowTitle(self.tr("Ticket %1").replace("%1", d.number))
        deadline_label = self.tr("Deadline")
        # where the ticket went (none yet: not said, rather than a blank 下发部门)
        dept = next((x for x in self._profile.departments if x.code == d.department), None)
        where = (f" · {self.tr('Department')} {_esc(dept.label(self._lang) if dept else d.department)}"
                 if d.department else "")
        self.header.setText(
            f"<b>{d.number}</b> · {_esc(kind)} · "
            f"<b>{state_label(d.state)}</b> · {deadline_label} {deadline}{where}"
            + (f" · ⚠ {'，'.join(flags)}" if flags else "")
            + f"<br/>{_esc(self._text(d.content))}<br/>{_esc(d.caller_name)} "
              f"{_esc(self._phone(d.caller_phone))} {_esc(d.address)}")
        masked = not self.revealed and not self._numbers.full(Surface.TICKETS)
        self.reveal_btn.setVisible(masked and self._reveals is not None and self._numbers.may_reveal)
        self.timeline.clear()
        for e in d.timeline:
            when = e.at.astimezone(self._tz).strftime("%m-%d %H:%M:%S")
            who = f" · {e.actor}" if e.actor else ""
            note = e.data.get("note") or e.data.get("text") or self._reply_line(e.data.get("reply"))
            self.timeline.addItem(f"{when} · {event_label(e.source, e.kind)}{who}"
                                  + (f" · {self._text(note)}" if note else ""))
        self._rebuild_buttons()

    def _reply_line(self, reply: object) -> str:
        """A department's reply as the timeline shows it: each fact with its label."""
        if not isinstance(reply, dict):
            return ""
        pair = self.tr("%1: %2")
        return "；".join(pair.replace("%1", self._reply_labels.get(str(k), str(k))).replace("%2", str(v))
                        for k, v in reply.items() if str(v).strip())

    def _phone(self, number: str) -> str:
        return self._numbers.phone(number, Surface.TICKETS, revealed=self.revealed)

    def _text(self, text: str) -> str:
        return self._numbers.text(text, Surface.TICKETS, revealed=self.revealed)

    def ask_reveal(self) -> None:
        """显示完整号码: asks for the reason; once recorded, this ticket shows in full."""
        if self._reveals is None:
            return
        self.reveal_dialog = ask_reveal(self, self._reveals, self._actor, self.detail.id,
                                        self.tr("ticket %1").replace("%1", self.detail.number),
                                        self._revealed)

    def _revealed(self) -> None:
        self.revealed = True
        self.show_detail(self.detail)

    def _rebuild_buttons(self) -> None:
        for b in self.action_buttons.values():
            self._buttons.removeWidget(b)
            b.deleteLater()
        self.action_buttons = {}
        actions = allowed_actions(self.detail.state, self._actor, self.detail.department)
        for a in actions:
            b = QPushButton(action_label(a), self)
            b.setObjectName(f"action_{a.value}")
            b.setAccessibleName(action_label(a, zh=True))
            b.clicked.connect(lambda _=False, act=a: self._request(act))
            self._buttons.addWidget(b)
            self.action_buttons[a] = b
        # the row with its label: a 下发部门 label beside nothing is a blank field
        self._form.setRowVisible(self.department, TicketAction.DISPATCH in actions)
        self.reply_box.setVisible(TicketAction.REPLY in actions)
        for name in REPLY_FIELDS:  # the fields the category's reply needs, no others
            self._reply_form.setRowVisible(self.reply[name], name in self._reply_fields())

    def _reply_fields(self) -> tuple[str, ...]:
        return REPLY_FIELDS if self.detail.category == REPAIR else ("result",)

    def _request(self, action: TicketAction) -> None:
        reply = ({k: self.reply[k].text() for k in self._reply_fields()}
                 if action is TicketAction.REPLY else None)
        self.actionRequested.emit(ActionRequest(
            self.detail.id, action, self._actor, self.detail.version, note=self.note.text(),
            department=self.department.currentData() if action is TicketAction.DISPATCH else None,
            reply=reply,
        ))

    def show_done(self, d: TicketDetail) -> None:
        self.note.clear()
        for w in self.reply.values():
            w.clear()
        self.message.hide()
        self.show_detail(d)

    def show_refusal(self, reason: str) -> None:
        if reason == "reply_incomplete" and self.detail.category != REPAIR:
            self.show_message(self.tr("The reply is incomplete: write the result for the customer."))
            self.reply["result"].setFocus()
            return
        self.show_message(reason_text(reason))

    def show_message(self, text: str) -> None:
        """A refusal in words; what was typed stays."""
        self.message.setText("⚠ " + text)
        self.message.setStyleSheet("color:#dc2626;")
        self.message.show()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
