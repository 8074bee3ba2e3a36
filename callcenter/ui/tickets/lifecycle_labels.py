"""Translated names for ticket states, lifecycle actions, timeline events and refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from callcenter.domain.ticket_lifecycle import TicketAction, TicketState

ACTION_ZH = {
    TicketAction.DISPATCH: "下发", TicketAction.ACCEPT: "受理", TicketAction.REPLY: "回复",
    TicketAction.CALLBACK_SATISFIED: "回访满意", TicketAction.CALLBACK_NOT_SATISFIED: "回访不满意",
    TicketAction.ARCHIVE: "归档", TicketAction.CLOSE_ON_CALL: "当场办结",
    TicketAction.URGE: "催办", TicketAction.SUPERVISE: "督办",
}


def state_label(state: TicketState) -> str:
    return {
        TicketState.ACCEPTED: QCoreApplication.translate("Lifecycle", "Accepted"),
        TicketState.DISPATCHED: QCoreApplication.translate("Lifecycle", "Dispatched"),
        TicketState.IN_PROGRESS: QCoreApplication.translate("Lifecycle", "In progress"),
        TicketState.REPLIED: QCoreApplication.translate("Lifecycle", "Replied"),
        TicketState.VISITED: QCoreApplication.translate("Lifecycle", "Called back"),
        TicketState.ARCHIVED: QCoreApplication.translate("Lifecycle", "Archived"),
    }[state]


def action_label(action: TicketAction, zh: bool = False) -> str:
    if zh:
        return ACTION_ZH[action]
    return {
        TicketAction.DISPATCH: QCoreApplication.translate("Lifecycle", "Dispatch"),
        TicketAction.ACCEPT: QCoreApplication.translate("Lifecycle", "Accept"),
        TicketAction.REPLY: QCoreApplication.translate("Lifecycle", "Reply"),
        TicketAction.CALLBACK_SATISFIED: QCoreApplication.translate("Lifecycle", "Callback: satisfied"),
        TicketAction.CALLBACK_NOT_SATISFIED: QCoreApplication.translate(
            "Lifecycle", "Callback: not satisfied"),
        TicketAction.ARCHIVE: QCoreApplication.translate("Lifecycle", "Archive"),
        TicketAction.CLOSE_ON_CALL: QCoreApplication.translate("Lifecycle", "Close (answered on the call)"),
        TicketAction.URGE: QCoreApplication.translate("Lifecycle", "Urge"),
        TicketAction.SUPERVISE: QCoreApplication.translate("Lifecycle", "Supervise"),
    }[action]


def event_label(source: str, kind: str) -> str:
    if source == "ticket":
        try:
            return action_label(TicketAction(kind))
        except ValueError:
            pass
        return {
            "saved": QCoreApplication.translate("Lifecycle", "Ticket saved"),
            "dispatched": QCoreApplication.translate("Lifecycle", "Dispatched with the call"),
            "callback_not_reached": QCoreApplication.translate("Lifecycle", "Callback: not reached"),
            "callback_unreachable": QCoreApplication.translate(
                "Lifecycle", "Callback: unreachable after the last attempt"),
        }.get(kind, kind)
    return {
        "ringing": QCoreApplication.translate("Lifecycle", "Call rang"),
        "answered": QCoreApplication.translate("Lifecycle", "Call answered"),
        "script_shown": QCoreApplication.translate("Lifecycle", "Script shown"),
        "held": QCoreApplication.translate("Lifecycle", "Put on hold"),
        "resumed": QCoreApplication.translate("Lifecycle", "Resumed"),
        "hung_up": QCoreApplication.translate("Lifecycle", "Hung up"),
        "ticket_saved": QCoreApplication.translate("Lifecycle", "Ticket saved in wrap-up"),
        "dispatched": QCoreApplication.translate("Lifecycle", "Dispatched in wrap-up"),
        "wrap_up_done": QCoreApplication.translate("Lifecycle", "Wrap-up done"),
        "backfilled": QCoreApplication.translate("Lifecycle", "Back-filled"),
        "closed_by_recovery": QCoreApplication.translate(
            "Lifecycle", "Closed on the next start (the app had stopped)"),
    }.get(kind, kind)


def reason_text(reason: str) -> str:
    return {
        "wrong_state": QCoreApplication.translate("Lifecycle", "Not possible in the ticket's current state."),
        "not_allowed_for_role": QCoreApplication.translate("Lifecycle", "Your role may not do this."),
        "other_department": QCoreApplication.translate(
            "Lifecycle", "This ticket belongs to another department."),
        "not_closable": QCoreApplication.translate(
            "Lifecycle", "Only inquiries, opinions, suggestions and praise can be closed on the call."),
        "reply_incomplete": QCoreApplication.translate(
            "Lifecycle", "The reply is incomplete: repairs need departure, arrival, cause, "
            "restore time and result."),
        "department_missing": QCoreApplication.translate("Lifecycle", "Choose a department."),
        "phone_missing": QCoreApplication.translate(
            "Lifecycle", "This ticket has no contact phone: the customer is answered by phone, "
            "so an inquiry, opinion, suggestion or praise is dispatched only with one."),
        "stale": QCoreApplication.translate(
            "Lifecycle", "Someone else changed this ticket meanwhile. It has been reloaded; "
            "what you typed is kept — check and try again."),
        "store": QCoreApplication.translate("Lifecycle", "The database refused the change; try again."),
    }.get(reason, reason)
