"""What a password must be. Checked before any hashing, so a 10,000-character
paste is refused at once instead of being hashed."""

from __future__ import annotations

from enum import Enum

MAX_LENGTH = 128
MIN_LENGTH = 8  # for a new password; sign-in only refuses empty and overlong ones


class PasswordProblem(Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    TOO_SHORT = "too_short"
    SAME_AS_ID = "same_as_id"
    NUL = "nul"


def sign_in_problem(password: str) -> PasswordProblem | None:
    if not password:
        return PasswordProblem.EMPTY
    if len(password) > MAX_LENGTH:
        return PasswordProblem.TOO_LONG
    return None


def new_password_problem(password: str, user_id: str) -> PasswordProblem | None:
    """A password an administrator sets or a user chooses."""
    problem = sign_in_problem(password)
    if problem is not None:
        return problem
    if "\x00" in password:
        return PasswordProblem.NUL
    if len(password) < MIN_LENGTH:
        return PasswordProblem.TOO_SHORT
    if password == user_id:
        return PasswordProblem.SAME_AS_ID
    return None
