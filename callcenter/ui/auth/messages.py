"""Sign-in refusals in the user's words (site-local times)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from callcenter.services.auth.sign_in import SignInRefused


def refusal_text(exc: SignInRefused, timezone: str) -> str:
    code = exc.code
    if code == "locked" and exc.until is not None:
        text = QCoreApplication.translate(
            "SignInMessages", "This ID is locked after too many wrong passwords. Try again after %1.")
        return text.replace("%1", _local(exc.until, timezone))
    if code == "wrong":
        text = QCoreApplication.translate("SignInMessages", "Wrong agent ID or password.")
        if exc.left is not None and exc.left <= 3:
            more = QCoreApplication.translate("SignInMessages", "%1 more wrong password(s) lock the ID.")
            text += " " + more.replace("%1", str(exc.left))
        return text
    texts = {
        "empty_id": QCoreApplication.translate("SignInMessages", "Enter your agent ID."),
        "empty_password": QCoreApplication.translate("SignInMessages", "Enter your password."),
        "too_long": QCoreApplication.translate(
            "SignInMessages", "The password is too long (at most 128 characters)."),
        "disabled": QCoreApplication.translate(
            "SignInMessages", "This ID is disabled. Ask an administrator."),
        "same_password": QCoreApplication.translate(
            "SignInMessages", "The new password must differ from the current one."),
        "new_password_too_short": QCoreApplication.translate(
            "SignInMessages", "The new password needs at least 8 characters."),
        "new_password_too_long": QCoreApplication.translate(
            "SignInMessages", "The password is too long (at most 128 characters)."),
        "new_password_empty": QCoreApplication.translate("SignInMessages", "Enter a new password."),
        "new_password_same_as_id": QCoreApplication.translate(
            "SignInMessages", "The password must not be your agent ID."),
        "new_password_nul": QCoreApplication.translate(
            "SignInMessages", "The password contains a character that cannot be used."),
    }
    return texts.get(code, QCoreApplication.translate("SignInMessages", "Sign-in failed."))


def _local(at: datetime, timezone: str) -> str:
    return at.astimezone(ZoneInfo(timezone)).strftime("%H:%M")
