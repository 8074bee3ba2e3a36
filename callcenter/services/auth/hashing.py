"""Password hashes: Argon2id (argon2-cffi) at stated parameters.

Parameters: time_cost 2, memory 19 MiB, parallelism 1, 16-byte salt, 32-byte
hash: the OWASP minimum for Argon2id, which costs ~30–60 ms here, so a
sign-in stays well inside its 400 ms goal (``callcenter bench sign-in``
reports ``hash_ms``). A hash made with other parameters still verifies (they
are in the PHC string) and is re-hashed at the next successful sign-in.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

TIME_COST = 2
MEMORY_KIB = 19 * 1024
PARALLELISM = 1

_HASHER = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM,
                         hash_len=32, salt_len=16, type=Type.ID)

# verified against when the ID is unknown, so an unknown ID takes as long as a
# wrong password and the timing does not tell which IDs exist
_DUMMY = _HASHER.hash("callcenter: no such user")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches ``stored``; a missing or damaged hash never matches."""
    try:
        return _HASHER.verify(stored if stored else _DUMMY, password) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True
