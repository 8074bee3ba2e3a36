"""Recording a callback's result: the confirmation asked before it is written
(issue 17: one click recorded 客户满意 on a callback nobody had called), and the
texts of the task's history and of the recorded outcome. Strings keep the
``CallbackQueueView`` translation context they had in the view."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from callcenter.services.callbacks.queue import AttemptOutcome, CallResult, TaskDetail

translate = QCoreApplication.translate  # lupdate reads translate("context", "literal")


def result_label(result: CallResult) -> str:
    if result is CallResult.REACHED_SATISFIED:
        return translate("CallbackQueueView", "reached, satisfied")
    if result is CallResult.REACHED_NOT_SATISFIED:
        return translate("CallbackQueueView", "reached, not satisfied")
    return translate("CallbackQueueView", "not reached")


class OutcomeConfirm(QMessageBox):
    """确认回访结果: names the ticket, the number dialled and the result; the
    result is written only on 确认记录 (``accepted``)."""

    def __init__(self, parent: QWidget, ticket_number: str, dialled: str, result: CallResult) -> None:
        super().__init__(parent)
        self.setObjectName("callbackConfirm")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(translate("CallbackQueueView", "Record the callback result"))
        ask = translate("CallbackQueueView", "Record the callback of ticket %1 (called %2) as: %3?")
        self.setText(ask.replace("%1", ticket_number).replace("%2", dialled)
                     .replace("%3", result_label(result)))
        self.yes_btn = self.addButton(translate("CallbackQueueView", "Record"),
                                      QMessageBox.ButtonRole.AcceptRole)
        self.yes_btn.setObjectName("callbackConfirmYes")
        self.yes_btn.setAccessibleName("确认记录回访结果")
        self.no_btn = self.addButton(translate("CallbackQueueView", "Back"),
                                     QMessageBox.ButtonRole.RejectRole)
        self.no_btn.setObjectName("callbackConfirmNo")
        self.no_btn.setAccessibleName("返回，不记录")
        self.setDefaultButton(self.no_btn)  # Enter alone does not record a result
        self.setEscapeButton(self.no_btn)


def reply_text(d: TaskDetail, tz: ZoneInfo) -> str:
    """The customer's request, the department's reply and the earlier attempts."""
    labels = {"result": translate("CallbackQueueView", "Result"),
              "cause": translate("CallbackQueueView", "Cause"),
              "departed_at": translate("CallbackQueueView", "Departed"),
              "arrived_at": translate("CallbackQueueView", "Arrived"),
              "restored_at": translate("CallbackQueueView", "Power restored")}
    lines = [translate("CallbackQueueView", "Customer's request: %1").replace("%1", d.content)]
    pair = translate("CallbackQueueView", "%1: %2")
    lines += [pair.replace("%1", labels.get(k, k)).replace("%2", v) for k, v in d.reply.items() if v]
    attempt = translate("CallbackQueueView", "Attempt %1/%2")
    for n, a in enumerate(d.attempts, 1):
        what = result_label({"satisfied": CallResult.REACHED_SATISFIED,
                             "not_satisfied": CallResult.REACHED_NOT_SATISFIED}.get(
            a.satisfaction or "", CallResult.NOT_REACHED))
        when = f"{a.at.astimezone(tz):%m-%d %H:%M}"
        lines.append(attempt.replace("%1", str(n)).replace("%2", str(d.max_attempts))
                     + f" {when} {a.agent}: {what} {a.note}".rstrip())
    return "\n".join(lines)


def outcome_text(out: AttemptOutcome, tz: ZoneInfo) -> str:
    number = out.row.ticket_number
    if out.unreachable:
        text = translate("CallbackQueueView", "%1: not reached %2 times; recorded as unreachable.")
        return text.replace("%1", number).replace("%2", str(out.row.attempts))
    if out.row.outcome == "pending":
        when = out.row.next_try_at.astimezone(tz) if out.row.next_try_at else None
        text = translate("CallbackQueueView", "%1: not reached; try again at %2.")
        return text.replace("%1", number).replace("%2", f"{when:%m-%d %H:%M}" if when else "")
    if out.row.outcome == "reached_satisfied":
        text = translate("CallbackQueueView", "%1: customer satisfied; callback recorded.")
    else:
        text = translate("CallbackQueueView", "%1: customer not satisfied; the ticket is dispatched again.")
    return text.replace("%1", number)


def refusal_text(reason: str) -> str:
    """Why the service refused a callback write (``CallbackRefused.reason``)."""
    texts = {
        "assignee_invalid": translate("CallbackQueueView",
                                      "Enter the ID of an agent to assign the callback to."),
        "task_closed": translate("CallbackQueueView", "This callback is already finished."),
        "assigned_to_other": translate("CallbackQueueView", "This callback is assigned to another agent."),
        "not_claimed": translate("CallbackQueueView", "Take the callback before recording its result."),
        "note_required": translate("CallbackQueueView", "Write down why the customer is not satisfied."),
        "retry_in_past": translate("CallbackQueueView", "The retry time must be in the future."),
    }
    return texts.get(reason, reason)
