"""The softphone bar: state, time in state, ring counter, talk and wrap-up
timers, and the call buttons with their keyboard shortcuts.

It only displays a DeskSnapshot and turns clicks/keys into request signals;
the rules live in the domain (buttons are disabled from ``snap.allowed``).
Signals: signInOutRequested(), readyRequested(), busyRequested(str),
answerRequested(), holdToggleRequested(), hangUpRequested(),
finishReadyRequested(), dispatchRequested(), transferRequested() (转接),
consultRequested() (咨询转接), completeTransferRequested() (完成转接),
retrieveRequested() (取回), breached(str) when a timer turns red (ring limit
passed, talk or wrap-up over target).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from callcenter.domain.agent_state import Action, AgentState
from callcenter.domain.clock import NS_PER_S
from callcenter.domain.ring_counter import RingLevel, ring_in_progress, ring_level
from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.sla import (
    TimerLevel,
    format_countdown,
    format_mm_ss,
    talk_level,
    wrapup_level,
    wrapup_remaining_s,
)
from callcenter.domain.transfer import TransferMode
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.ui.shared.labels import status_text
from callcenter.ui.shared.timer_label import TimerLabel

SHORTCUTS = {
    "signInOut": "F2",
    "ready": "F3",
    "busy": "F4",
    "answer": "F5",
    "hold": "F6",
    "hangUp": "F7",
    "finishReady": "F8",
    "dispatch": "F9",
    "transfer": "F10",
    "consult": "F11",
    "completeTransfer": "F12",
    "retrieve": "Shift+F11",
}


class SoftphoneBar(QFrame):
    signInOutRequested = Signal()
    readyRequested = Signal()
    busyRequested = Signal(str)
    answerRequested = Signal()
    holdToggleRequested = Signal()
    hangUpRequested = Signal()
    finishReadyRequested = Signal()
    dispatchRequested = Signal()
    transferRequested = Signal()
    consultRequested = Signal()
    completeTransferRequested = Signal()
    retrieveRequested = Signal()
    breached = Signal(str)

    def __init__(self, profile: SiteProfile, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("softphoneBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._profile = profile
        self._lang = lang
        self._snap: DeskSnapshot | None = None
        row = QHBoxLayout(self)
        row.setSpacing(4)  # sixteen items on one row: every pixel counts at 1366 px in English

        self.state_label = QLabel(self)
        self.state_label.setObjectName("agentState")
        self.state_label.setAccessibleName("坐席状态")
        self.state_label.setStyleSheet("font-weight:bold;font-size:15px;")
        self.state_timer = TimerLabel("stateTimer", "状态时长", self)
        self.caller_label = QLabel(self)
        self.caller_label.setObjectName("callerNumber")
        self.caller_label.setAccessibleName("来电号码")
        self.ring_counter = TimerLabel("ringCounter", "振铃声数", self)
        self.talk_timer = TimerLabel("talkTimer", "通话计时", self)
        self.wrapup_timer = TimerLabel("wrapupTimer", "话后处理倒计时", self)
        for w in (self.state_label, self.state_timer, self.caller_label,
                  self.ring_counter, self.talk_timer, self.wrapup_timer):
            row.addWidget(w)
        for t in (self.ring_counter, self.talk_timer, self.wrapup_timer):
            t.levelChanged.connect(partial(self._level_changed, t.objectName()))
        row.addStretch(1)

        self.sign_btn = self._button("signInOut", self.tr("Sign in"), "签入签出",
                                     self.signInOutRequested)
        self.ready_btn = self._button("ready", self.tr("Ready"), "示闲", self.readyRequested)
        self.busy_btn = QToolButton(self)
        self.busy_btn.setObjectName("busyButton")
        self.busy_btn.setAccessibleName("示忙")
        self.busy_btn.setText(self.tr("Busy") + f" ({SHORTCUTS['busy']})")
        self.busy_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.busy_menu = QMenu(self.busy_btn)
        self.busy_menu.setObjectName("busyReasonMenu")
        self.busy_menu.setAccessibleName("示忙原因")
        for reason in profile.busy_reasons:
            act = QAction(reason.label(lang), self.busy_menu)
            act.setObjectName(f"busyReason_{reason.code}")
            act.triggered.connect(lambda _=False, c=reason.code: self.busyRequested.emit(c))
            self.busy_menu.addAction(act)
        self.busy_btn.setMenu(self.busy_menu)
        busy_key = QAction(self)
        busy_key.setShortcut(QKeySequence(SHORTCUTS["busy"]))
        busy_key.triggered.connect(self._open_busy_menu)
        self.addAction(busy_key)
        self._busy_key = busy_key
        row.addWidget(self.busy_btn)
        self.answer_btn = self._button("answer", self.tr("Answer"), "接听", self.answerRequested)
        self.hold_btn = self._button("hold", self.tr("Hold"), "保持", self.holdToggleRequested)
        self.hangup_btn = self._button("hangUp", self.tr("Hang up"), "挂机", self.hangUpRequested)
        self.finish_btn = self._button("finishReady", self.tr("Save && ready"), "置闲",
                                       self.finishReadyRequested)
        self.dispatch_btn = self._button("dispatch", self.tr("Dispatch"), "下发工单",
                                         self.dispatchRequested)
        # 转接 / 咨询转接, and in their place during a consult 完成转接 / 取回: one
        # slot of fixed width, so nothing else on the bar moves (1366 px screens);
        # their shortcuts are in the tooltips
        self.transfer_btn = self._button("transfer", self.tr("Transfer"), "转接",
                                         self.transferRequested, key_in_text=False)
        self.consult_btn = self._button("consult", self.tr("Consult"), "咨询转接",
                                        self.consultRequested, key_in_text=False)
        self.complete_btn = self._button("completeTransfer", self.tr("Put through"),
                                         "完成转接", self.completeTransferRequested,
                                         key_in_text=False)
        self.retrieve_btn = self._button("retrieve", self.tr("Take back"), "取回",
                                         self.retrieveRequested, key_in_text=False)
        self.transfer_slot = QStackedWidget(self)
        self.transfer_slot.setObjectName("transferSlot")
        for pair in ((self.transfer_btn, self.consult_btn),
                     (self.complete_btn, self.retrieve_btn)):
            page = QWidget(self.transfer_slot)
            page_row = QHBoxLayout(page)
            page_row.setContentsMargins(0, 0, 0, 0)
            for b in pair:
                b.setParent(page)
                # no 80 px minimum from the style for a two-character label
                b.setMaximumWidth(b.fontMetrics().horizontalAdvance(b.text()) + 28)
                page_row.addWidget(b)
            self.transfer_slot.addWidget(page)
        for b in (self.sign_btn, self.ready_btn, self.answer_btn, self.hold_btn,
                  self.hangup_btn, self.finish_btn, self.dispatch_btn):
            row.addWidget(b)
            if b is self.ready_btn:
                row.addWidget(self.busy_btn)
            elif b is self.hold_btn:
                row.addWidget(self.transfer_slot)

    def _button(self, key: str, text: str, accessible: str, signal: Signal, *,
                key_in_text: bool = True) -> QPushButton:
        b = QPushButton(f"{text} ({SHORTCUTS[key]})" if key_in_text else text, self)
        b.setObjectName(f"{key}Button")
        b.setAccessibleName(accessible)
        b.setToolTip(SHORTCUTS[key])
        b.clicked.connect(signal.emit)
        # a QAction rather than QPushButton.setShortcut: the button's shortcut
        # "animates" the click and fires ~100 ms later; agents want it at once
        act = QAction(self)
        act.setObjectName(f"{key}Shortcut")
        act.setShortcut(QKeySequence(SHORTCUTS[key]))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda _=False, btn=b: btn.click() if btn.isEnabled() else None)
        self.addAction(act)
        return b

    def _level_changed(self, timer_name: str, level: TimerLevel) -> None:
        if level is TimerLevel.BREACH:
            self.breached.emit(timer_name)

    def _open_busy_menu(self) -> None:
        if self.busy_btn.isEnabled():
            self.busy_menu.popup(self.busy_btn.mapToGlobal(self.busy_btn.rect().bottomLeft()))
            if self.busy_menu.actions():
                self.busy_menu.setActiveAction(self.busy_menu.actions()[0])

    # ----- state -------------------------------------------------------
    def apply(self, snap: DeskSnapshot) -> None:
        prev = self._snap
        self._snap = snap
        st = snap.status.state
        self.state_label.setText(status_text(snap.status, self._profile, self._lang))
        if prev is None or prev.state_since_mono_ns != snap.state_since_mono_ns:
            self.state_timer.start(snap.state_since_mono_ns)
        allowed = snap.allowed
        signed_in = st is not AgentState.SIGNED_OUT
        self.sign_btn.setText((self.tr("Sign out") if signed_in else self.tr("Sign in"))
                              + f" ({SHORTCUTS['signInOut']})")
        self.sign_btn.setEnabled(Action.SIGN_IN in allowed or Action.SIGN_OUT in allowed)
        self.ready_btn.setEnabled(Action.SET_READY in allowed)
        self.busy_btn.setEnabled(Action.SET_BUSY in allowed and not snap.saving)
        self._busy_key.setEnabled(self.busy_btn.isEnabled())
        self.answer_btn.setEnabled(Action.ANSWER in allowed)
        held = st is AgentState.HELD
        self.hold_btn.setText((self.tr("Resume") if held else self.tr("Hold"))
                              + f" ({SHORTCUTS['hold']})")
        self.hold_btn.setAccessibleName("恢复" if held else "保持")
        self.hold_btn.setEnabled(Action.HOLD in allowed or Action.RESUME in allowed)
        self.hangup_btn.setEnabled(Action.HANG_UP in allowed)
        self.transfer_btn.setEnabled(Action.TRANSFER in allowed)
        self.consult_btn.setEnabled(Action.CONSULT in allowed)
        self.complete_btn.setEnabled(Action.COMPLETE_TRANSFER in allowed)
        self.retrieve_btn.setEnabled(Action.RETRIEVE in allowed)
        can_finish = Action.FINISH_WRAP_UP in allowed and not snap.saving
        self.finish_btn.setEnabled(can_finish)
        self.dispatch_btn.setEnabled(can_finish)

        call = snap.call
        self.caller_label.setText(
            self.tr("From %1").replace("%1", call.caller_number) if call else "")
        consulting = call is not None and call.transfer is not None \
            and call.transfer.mode is TransferMode.CONSULT
        self.transfer_slot.setCurrentIndex(1 if consulting else 0)
        if st is AgentState.RINGING and call:
            self.ring_counter.start(call.ring_mono_ns)
        else:
            self.ring_counter.stop()
        if st in (AgentState.TALKING, AgentState.HELD) and call and call.answered_mono_ns:
            if self.talk_timer.start_mono_ns != call.answered_mono_ns:
                self.talk_timer.start(call.answered_mono_ns)
        elif self.talk_timer.start_mono_ns is not None:
            self.talk_timer.stop()
        if st is AgentState.WRAP_UP and call and call.released_mono_ns:
            if self.wrapup_timer.start_mono_ns != call.released_mono_ns:
                self.wrapup_timer.start(call.released_mono_ns)
        elif self.wrapup_timer.start_mono_ns is not None:
            self.wrapup_timer.stop()

    def tick(self, now_ns: int) -> None:
        """Repaint from the monotonic clock; called by the display tick only."""
        t = self._profile.targets
        if self.state_timer.start_mono_ns is not None:
            s = (now_ns - self.state_timer.start_mono_ns) / NS_PER_S
            self.state_timer.show_value(format_mm_ss(s), int(s), TimerLevel.NORMAL)
        ring_s = self.ring_counter.elapsed_s(now_ns)
        if ring_s is not None:
            n = ring_in_progress(ring_s, self._profile.cadence)
            lvl = ring_level(ring_s, self._profile.cadence, t.ring_limit)
            text = self.tr("Ring %1").replace("%1", str(n))
            if lvl is RingLevel.LAST_ALLOWED:
                text = "⚠ " + text + self.tr(" (last ring: answer now)")
            elif lvl is RingLevel.OVER:
                text = "⛔ " + text + self.tr(" (over the ring limit: apologise first)")
            level = {RingLevel.NORMAL: TimerLevel.NORMAL, RingLevel.LAST_ALLOWED: TimerLevel.WARNING,
                     RingLevel.OVER: TimerLevel.BREACH}[lvl]
            self.ring_counter.show_value(text, n, level)
        talk_s = self.talk_timer.elapsed_s(now_ns)
        if talk_s is not None:
            lvl2 = talk_level(talk_s, t)
            text = self.tr("Talk %1").replace("%1", format_mm_ss(talk_s))
            if lvl2 is TimerLevel.WARNING:
                text = "⚠ " + text
            elif lvl2 is TimerLevel.BREACH:
                text = "⛔ " + text + self.tr(" (over target)")
            self.talk_timer.show_value(text, int(talk_s), lvl2)
        wrap_s = self.wrapup_timer.elapsed_s(now_ns)
        if wrap_s is not None:
            lvl3 = wrapup_level(wrap_s, t)
            text = self.tr("Wrap-up %1").replace(
                "%1", format_countdown(wrapup_remaining_s(wrap_s, t)))
            if lvl3 is TimerLevel.WARNING:
                text = "⚠ " + text
            elif lvl3 is TimerLevel.BREACH:
                text = "⛔ " + text + self.tr(" (overdue)")
            self.wrapup_timer.show_value(text, int(wrap_s), lvl3)
