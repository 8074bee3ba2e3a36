"""What a refused action says on screen: a PermissionDenied from a service as
one clear, translated sentence (never a traceback)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from callcenter.domain.auth.permissions import Permission, PermissionDenied
from callcenter.domain.auth.roles import Role

_CTX = "Permissions"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def action_text(p: Permission) -> str:
    """What the permission lets a user do, as the end of "may not ..."."""
    texts = {
        Permission.TICKET_READ: _t("open this ticket"),
        Permission.TICKET_CREATE: _t("save tickets"),
        Permission.TICKET_EDIT: _t("edit tickets"),
        Permission.TICKET_DISPATCH: _t("dispatch tickets"),
        Permission.TICKET_ACCEPT: _t("accept tickets"),
        Permission.TICKET_REPLY: _t("reply to tickets"),
        Permission.TICKET_URGE: _t("urge tickets"),
        Permission.TICKET_SUPERVISE: _t("supervise tickets"),
        Permission.TICKET_CLOSE_ON_CALL: _t("close tickets on the call"),
        Permission.TICKET_ARCHIVE: _t("archive tickets"),
        Permission.CALLBACK_RECORD: _t("make callbacks"),
        Permission.CALLBACK_ASSIGN: _t("assign callbacks"),
        Permission.ALERT_RAISE: _t("alert the shift lead"),
        Permission.ALERTS_READ_LEAD: _t("read the shift lead's alerts"),
        Permission.EMERGENCY_RAISE: _t("raise the emergency banner"),
        Permission.EMERGENCY_CLEAR: _t("clear the emergency banner"),
        Permission.HANDOVER_CONFIRM: _t("confirm the shift handover"),
        Permission.OUTAGE_IMPORT: _t("import outage lists"),
        Permission.SCRIPT_EDIT: _t("edit scripts"),
        Permission.SCRIPT_PUBLISH: _t("publish scripts"),
        Permission.SITE_PUBLISH: _t("publish site documents"),
        Permission.QA_REVIEW_READ: _t("read QA reviews"),
        Permission.QA_REVIEW_SCORE: _t("score QA reviews"),
        Permission.QA_REVIEW_READ_OWN: _t("read your QA reviews"),
        Permission.UNMASK_PERSONAL_DATA: _t("show full personal data"),
        Permission.EXPORT: _t("export data"),
        Permission.SYNC_RESOLVE: _t("resolve sync conflicts"),
        Permission.USERS_MANAGE: _t("manage users"),
    }
    return texts[p]


def role_text(r: Role) -> str:
    return {
        Role.AGENT: _t("agent"),
        Role.SHIFT_LEAD: _t("shift lead"),
        Role.DEPARTMENT: _t("department user"),
        Role.QA: _t("QA reviewer"),
        Role.ADMIN: _t("administrator"),
    }[r]


def permission_message(exc: PermissionDenied) -> str:
    """One sentence for the status bar or a dialog; nothing was changed."""
    if exc.reason == "not_signed_in" or exc.actor is None:
        return _t("Sign in first: you may not %1 without signing in.").replace(
            "%1", action_text(exc.permission))
    if exc.reason == "other_department":
        return _t("This ticket belongs to another department; you may not %1 for it.").replace(
            "%1", action_text(exc.permission))
    return _t("Your role (%1) may not %2; nothing was changed.").replace(
        "%1", role_text(exc.actor.role)).replace("%2", action_text(exc.permission))
