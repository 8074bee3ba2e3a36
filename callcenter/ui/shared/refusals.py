"""What a refused action says on screen: a PermissionDenied from a service as
one clear, translated sentence (never a traceback)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from callcenter.domain.auth.permissions import Permission, PermissionDenied
from callcenter.domain.auth.roles import Role


def action_text(p: Permission) -> str:
    """What the permission lets a user do, as the end of "may not ..."."""
    texts = {
        Permission.CALL_ANSWER: QCoreApplication.translate("Permissions", "take calls"),
        Permission.TICKET_READ: QCoreApplication.translate("Permissions", "open this ticket"),
        Permission.TICKET_CREATE: QCoreApplication.translate("Permissions", "save tickets"),
        Permission.TICKET_EDIT: QCoreApplication.translate("Permissions", "edit tickets"),
        Permission.TICKET_DISPATCH: QCoreApplication.translate("Permissions", "dispatch tickets"),
        Permission.TICKET_ACCEPT: QCoreApplication.translate("Permissions", "accept tickets"),
        Permission.TICKET_REPLY: QCoreApplication.translate("Permissions", "reply to tickets"),
        Permission.TICKET_URGE: QCoreApplication.translate("Permissions", "urge tickets"),
        Permission.TICKET_SUPERVISE: QCoreApplication.translate("Permissions", "supervise tickets"),
        Permission.TICKET_CLOSE_ON_CALL: QCoreApplication.translate(
            "Permissions", "close tickets on the call"),
        Permission.TICKET_ARCHIVE: QCoreApplication.translate("Permissions", "archive tickets"),
        Permission.CALLBACK_RECORD: QCoreApplication.translate("Permissions", "make callbacks"),
        Permission.CALLBACK_ASSIGN: QCoreApplication.translate("Permissions", "assign callbacks"),
        Permission.ALERT_RAISE: QCoreApplication.translate("Permissions", "alert the shift lead"),
        Permission.ALERTS_READ_LEAD: QCoreApplication.translate(
            "Permissions", "read the shift lead's alerts"),
        Permission.EMERGENCY_RAISE: QCoreApplication.translate("Permissions", "raise the emergency banner"),
        Permission.EMERGENCY_CLEAR: QCoreApplication.translate("Permissions", "clear the emergency banner"),
        Permission.HANDOVER_CONFIRM: QCoreApplication.translate("Permissions", "confirm the shift handover"),
        Permission.OUTAGE_IMPORT: QCoreApplication.translate("Permissions", "import outage lists"),
        Permission.SCRIPT_EDIT: QCoreApplication.translate("Permissions", "edit scripts"),
        Permission.SCRIPT_PUBLISH: QCoreApplication.translate("Permissions", "publish scripts"),
        Permission.SITE_PUBLISH: QCoreApplication.translate("Permissions", "publish site documents"),
        Permission.QA_REVIEW_READ: QCoreApplication.translate("Permissions", "read QA reviews"),
        Permission.QA_REVIEW_SCORE: QCoreApplication.translate("Permissions", "score QA reviews"),
        Permission.QA_REVIEW_READ_OWN: QCoreApplication.translate("Permissions", "read your QA reviews"),
        Permission.UNMASK_PERSONAL_DATA: QCoreApplication.translate("Permissions", "show full personal data"),
        Permission.EXPORT: QCoreApplication.translate("Permissions", "export data"),
        Permission.SYNC_RESOLVE: QCoreApplication.translate("Permissions", "resolve sync conflicts"),
        Permission.USERS_MANAGE: QCoreApplication.translate("Permissions", "manage users"),
    }
    return texts[p]


def role_text(r: Role) -> str:
    return {
        Role.AGENT: QCoreApplication.translate("Permissions", "agent"),
        Role.SHIFT_LEAD: QCoreApplication.translate("Permissions", "shift lead"),
        Role.DEPARTMENT: QCoreApplication.translate("Permissions", "department user"),
        Role.QA: QCoreApplication.translate("Permissions", "QA reviewer"),
        Role.ADMIN: QCoreApplication.translate("Permissions", "administrator"),
    }[r]


def permission_message(exc: PermissionDenied) -> str:
    """One sentence for the status bar or a dialog; nothing was changed."""
    what = action_text(exc.permission)
    if exc.reason == "not_signed_in" or exc.actor is None:
        return QCoreApplication.translate(
            "Permissions", "Sign in first: you may not %1 without signing in.").replace("%1", what)
    if exc.reason == "other_department":
        return QCoreApplication.translate(
            "Permissions", "This ticket belongs to another department; you may not %1 for it.") \
            .replace("%1", what)
    return QCoreApplication.translate("Permissions", "Your role (%1) may not %2; nothing was changed.") \
        .replace("%1", role_text(exc.actor.role)).replace("%2", what)
