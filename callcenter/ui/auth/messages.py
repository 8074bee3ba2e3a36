"""Sign-in refusals in the user's words (site-local times)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from callcenter.services.auth.sign_in import SignInRefused


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignInMessages", text)


def refusal_text(exc: SignInRefused, timezone: str) -> str:
    code = exc.code
    if code == "locked" and exc.until is not None:
        return _tr("This ID is locked after too many wrong passwords. Try again after %1.").replace(
            "%1", _local(exc.until, timezone))
    if code == "wrong":
        text = _tr("Wrong agent ID or password.")
        if exc.left is not None and exc.left <= 3:
            text += " " + _tr("%n more wrong password(s) lock the ID.").replace("%n", str(exc.left))
        return text
    texts = {
        "empty_id": _tr("Enter your agent ID."),
        "empty_password": _tr("Enter your password."),
        "too_long": _tr("The password is too long (at most 128 characters)."),
        "disabled": _tr("This ID is disabled. Ask an administrator."),
        "same_password": _tr("The new password must differ from the current one."),
        "new_password_too_short": _tr("The new password needs at least 8 characters."),
        "new_password_too_long": _tr("The password is too long (at most 128 characters)."),
        "new_password_empty": _tr("Enter a new password."),
        "new_password_same_as_id": _tr("The password must not be your agent ID."),
        "new_password_nul": _tr("The password contains a character that cannot be used."),
    }
    return texts.get(code, _tr("Sign-in failed."))


def _local(at: datetime, timezone: str) -> str:
    return at.astimezone(ZoneInfo(timezone)).strftime("%H:%M")
