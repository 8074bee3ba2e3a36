"""Users and their sign-in attempts (issue 12), synced so that every desk can
sign its users in while central is unreachable and a lock-out reaches every
desk once synced.

``users`` is a merge table that administrators edit (``callcenter users`` or
the admin screen, on a desk or on central). Its row id is derived from the
工号 (``user_row_id``), so the same ID added on two desks is one row that
merges, not two rows. Passwords are stored only as Argon2id hashes.

``sign_in_attempts`` is append-only: the lock-out rule (domain/auth/lockout.py)
is computed from it, which merges without conflicts where a failure counter on
the user's row would not.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, SyncColumns

_USER_NAMESPACE = uuid.UUID("6f1c2b52-3c1e-4c49-9a55-0d1c5a7c9e01")


def user_row_id(user_id: str) -> uuid.UUID:
    """The ``users`` row id of a 工号, the same on every desk and on central."""
    return uuid.uuid5(_USER_NAMESPACE, user_id)


class User(SyncColumns, Base):
    """A person who signs in with a 工号 and a password."""

    __tablename__ = "users"
    user_id: Mapped[str] = mapped_column(String(16), unique=True)  # 工号
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16))  # domain.ticket_lifecycle.Role values
    team: Mapped[str | None] = mapped_column(String(32))
    department: Mapped[str | None] = mapped_column(String(32))  # for department users
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    password_hash: Mapped[str] = mapped_column(String(200))  # Argon2id, PHC string
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    password_set_at: Mapped[datetime]  # failures before it do not count toward a lock


class SignInAttempt(SyncColumns, Base):
    """Append-only: one password check of a known user at a desk, right or wrong."""

    __tablename__ = "sign_in_attempts"
    user_id: Mapped[str] = mapped_column(String(16), index=True)
    ok: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime]
