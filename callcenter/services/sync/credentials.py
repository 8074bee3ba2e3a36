"""The desk's password for central, kept out of plain-text files.

The central URL in settings.toml names the desk's role but holds no password
(``postgresql://desk_w01@host:5432/callcenter``). ``connect_central(url)`` takes
the password, first found wins, from:

1. the URL itself (development: ``postgresql://desk_w01:secret@...``);
2. the system keyring (service ``callcenter-central``, user name
   ``desk_w01@host:5432/callcenter``, see ``keyring_user``), filled by
   ``callcenter sync set-password``;
3. libpq's own ``PGPASSWORD`` or ``~/.pgpass`` (psycopg reads them when the
   connection string has no password).

Storing needs a real keyring backend (Secret Service, macOS Keychain, Windows
Credential Locker). Without one ``store_password`` raises ``NoKeyring``; it never
falls back to a file of its own. ``failure_of`` sorts a failed sync round into
what a person can act on: central unreachable, login refused, desk too old.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from callcenter.services.sync.engine import SchemaTooOld
from callcenter.sync.central import CentralClient

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring is imported when a password is stored or looked up (about 0.1 s), not at app start

SERVICE = "callcenter-central"


class CredentialError(Exception):
    """The password could not be stored or read (the message says why, in English)."""


class NoKeyring(CredentialError):
    """This machine has no (safe) keyring backend: the password was not stored."""


def _info(url: str) -> dict[str, object]:
    try:
        return dict(conninfo_to_dict(url))
    except Exception as exc:  # psycopg.ProgrammingError on a malformed URL
        raise ValueError(f"not a PostgreSQL URL: {url!r} ({exc})") from exc


def url_has_password(url: str) -> bool:
    return bool(_info(url).get("password"))


def without_password(url: str) -> str:
    """``url`` with any password removed (what may be saved and shown)."""
    return re.sub(r"^(postgres(?:ql)?(?:\+psycopg)?://[^:@/?]*):[^@/?]*@", r"\1@", url)


def keyring_user(url: str) -> str:
    """The keyring user name of a central URL: ``user@host:port/db``."""
    info = _info(url)
    user = str(info.get("user") or "")
    if not user:
        raise ValueError(f"the central URL names no user (role): {without_password(url)}")
    host = str(info.get("host") or "localhost")
    port = str(info.get("port") or "5432")
    db = str(info.get("dbname") or user)
    return f"{user}@{host}:{port}/{db}"


def _safe_backend() -> KeyringBackend:
    import keyring

    backend = keyring.get_keyring()
    name = type(backend).__name__.lower()
    module = type(backend).__module__
    if module.startswith("keyring.backends.fail") or "plaintext" in name or "null" in name:
        raise NoKeyring(
            "no system keyring is available on this machine (for example the Secret Service "
            "of the desktop session), so the password was not stored; it is never written to "
            "a plain-text file. Use a keyring, or PGPASSWORD / ~/.pgpass for this account.")
    return backend


def store_password(url: str, password: str) -> str:
    """Keep the password of ``url``'s role in the system keyring; returns the keyring user."""
    if not password:
        raise CredentialError("empty password")
    import keyring.errors

    user = keyring_user(url)
    backend = _safe_backend()
    try:
        backend.set_password(SERVICE, user, password)
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"the keyring refused the password: {exc}") from exc
    return user


def stored_password(url: str) -> str | None:
    """The keyring's password for ``url`` (None: none stored or no keyring)."""
    import keyring
    import keyring.errors

    try:
        user = keyring_user(url)
        return keyring.get_password(SERVICE, user)
    except (ValueError, keyring.errors.KeyringError):
        return None


def connect_central(url: str, *, connect_timeout: int = 10) -> CentralClient:
    """A client for central: the password from the URL, the keyring, or libpq's own
    PGPASSWORD / .pgpass (in that order)."""
    if not url_has_password(url):
        password = stored_password(url)
        if password:
            return CentralClient(make_conninfo(url, password=password),
                                 connect_timeout=connect_timeout)
    return CentralClient(url, connect_timeout=connect_timeout)


class FailureKind(Enum):
    UNREACHABLE = "unreachable"  # network, server down, name not resolved, timeout
    AUTH = "auth"  # wrong or missing password, or the role may not sync as this desk
    SCHEMA_TOO_OLD = "schema_too_old"  # central needs a newer desk: upgrade the app
    OTHER = "other"


@dataclass(frozen=True)
class SyncFailure:
    kind: FailureKind
    detail: str

    def headline(self) -> str:
        return {
            FailureKind.UNREACHABLE: "central is unreachable",
            FailureKind.AUTH: "central refused this desk's login (auth failed)",
            FailureKind.SCHEMA_TOO_OLD: "this desk's schema is too old for central: upgrade the app",
            FailureKind.OTHER: "sync failed",
        }[self.kind]


_AUTH = ("password authentication failed", "no password supplied", "authentication failed",
         "may not sync as desk", "permission denied", "role \"", "pg_hba.conf")
_UNREACHABLE = ("connection refused", "could not connect", "connection timeout", "timeout expired",
                "could not translate host name", "no such file or directory", "network is unreachable",
                "no route to host", "server closed the connection", "connection is lost",
                "the connection is closed", "name or service not known", "connection failed",
                "consuming input failed", "terminating connection")


def classify_text(text: str) -> FailureKind:
    """The kind of failure an error message describes (the worker keeps only the text)."""
    t = text.lower()
    if "older than central's minimum" in t:
        return FailureKind.SCHEMA_TOO_OLD
    if any(k in t for k in _AUTH):
        return FailureKind.AUTH
    if any(k in t for k in _UNREACHABLE):
        return FailureKind.UNREACHABLE
    return FailureKind.OTHER


def failure_of(exc: BaseException) -> SyncFailure:
    detail = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, SchemaTooOld):
        return SyncFailure(FailureKind.SCHEMA_TOO_OLD, detail)
    return SyncFailure(classify_text(detail), detail)
