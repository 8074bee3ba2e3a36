"""Wires the softphone bar's 转接 / 咨询转接 / 完成转接 / 取回 to the desk, through
the target chooser. The transfer in progress (target, step) is shown in the
status bar (the softphone bar has no room left on a 1366 px screen); refusals
and illegal moves go there too."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from callcenter.domain.agent_state import IllegalTransition
from callcenter.domain.transfer import (
    Transfer,
    TransferMode,
    TransferStep,
    TransferTargetInvalid,
)
from callcenter.services.calls.desk import CallDesk
from callcenter.services.calls.desk_types import DeskSnapshot
from callcenter.ui.calls.desk_bridge import DeskBridge
from callcenter.ui.calls.softphone_bar import SoftphoneBar
from callcenter.ui.calls.transfer_dialog import TransferDialog


class TransferControls(QObject):
    def __init__(self, window: QMainWindow, desk: CallDesk, bar: SoftphoneBar,
                 bridge: DeskBridge, lang: str) -> None:
        super().__init__(window)
        self._window = window
        self._desk = desk
        self._lang = lang
        self.dialog: TransferDialog | None = None
        self.status_text = ""  # what the status bar shows of the transfer in progress
        bridge.deskChanged.connect(self._desk_changed)
        bar.transferRequested.connect(lambda: self.choose(TransferMode.BLIND))
        bar.consultRequested.connect(lambda: self.choose(TransferMode.CONSULT))
        bar.completeTransferRequested.connect(lambda: self._do(desk.complete_transfer))
        bar.retrieveRequested.connect(lambda: self._do(desk.retrieve))

    def choose(self, mode: TransferMode) -> None:
        """Open the target chooser; the transfer starts once a target is confirmed."""
        if self.dialog is not None:
            return
        dlg = TransferDialog(mode, self._desk.profile.transfer_targets, self._lang, self._window)
        self.dialog = dlg
        dlg.chosen.connect(lambda target: self._start(mode, target))
        dlg.finished.connect(self._closed)
        dlg.open()

    def _start(self, mode: TransferMode, target: str) -> None:
        start = self._desk.transfer if mode is TransferMode.BLIND else self._desk.consult
        try:
            start(target)
        except TransferTargetInvalid:  # checked by the dialog already; kept for safety
            self._message(self.tr("That is no desk number or SIP user."))
        except IllegalTransition:
            self._message(self.tr("The call cannot be transferred now."))

    def _do(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except IllegalTransition:
            self._message(self.tr("That is not possible in the current state."))

    def _desk_changed(self, snap: DeskSnapshot) -> None:
        text = self.transfer_text(snap.call.transfer if snap.call else None)
        if text == self.status_text:
            return
        bar = self._window.statusBar()
        if text:
            bar.showMessage(text)  # until the transfer moves on or ends
        elif bar.currentMessage() == self.status_text:
            bar.clearMessage()
        self.status_text = text

    def transfer_text(self, tr: Transfer | None) -> str:
        if tr is None:
            return ""
        name = next((t.name(self._lang) for t in self._desk.profile.transfer_targets
                     if t.target == tr.target), tr.target)
        step = {
            TransferStep.REQUESTED: self.tr("calling"),
            TransferStep.RINGING: self.tr("ringing"),
            TransferStep.ANSWERED: self.tr("answered"),
            TransferStep.REFUSED: self.tr("refused (%1): take the customer back").replace(
                "%1", str(tr.code)),
            TransferStep.COMPLETING: self.tr("putting through"),
        }[tr.step]
        what = self.tr("Transfer") if tr.mode is TransferMode.BLIND else self.tr("Consult transfer")
        return self.tr("⇄ %1 %2: %3").replace("%1", what).replace("%2", name).replace("%3", step)

    def _message(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
