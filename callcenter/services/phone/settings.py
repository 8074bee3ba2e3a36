"""Where the desk's SIP account is configured: ``sip.toml`` in the data dir.

    registrar = "pbx.example.local:5060"   # host:port of the site's registrar/proxy
    user = "desk1"                         # the desk's SIP account
    domain = ""                            # SIP domain; empty: the registrar's host
    transport = "udp"                      # udp, tcp or tls (where the registrar offers it)
    ca_file = ""                           # tls: PEM of the CA that signed the registrar's
                                           # certificate; it is always verified
    bind_address = "127.0.0.1"             # the local address for SIP and RTP
    register_expiry_s = 60
    recordings_dir = ""                    # empty: <data dir>/recordings

A file of its own (not settings.toml) so the sync settings' writer never drops
it. The password is never in it: ``callcenter sip set-password`` puts it in the
OS keyring (service ``callcenter-sip``, user ``USER@REGISTRAR``), like the
central password; ``CALLCENTER_SIP_PASSWORD`` overrides it for one run (the
demo uses that).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from callcenter.telephony.sip.account import MediaSettings, SipAccount

FILE = "sip.toml"
SERVICE = "callcenter-sip"
PASSWORD_ENV = "CALLCENTER_SIP_PASSWORD"
_KEYS = {"registrar", "user", "domain", "transport", "bind_address", "register_expiry_s",
         "recordings_dir", "ca_file"}
TRANSPORTS = ("udp", "tcp", "tls")


class SipSettingsError(ValueError):
    """sip.toml is missing or wrong, or no password is stored (the message says which)."""


@dataclass(frozen=True)
class SipSettings:
    registrar: str
    user: str
    domain: str = ""
    transport: str = "udp"
    bind_address: str = "127.0.0.1"
    register_expiry_s: int = 60
    recordings_dir: Path | None = None
    ca_file: Path | None = None  # tls: the CA the registrar's certificate must chain to

    @property
    def keyring_user(self) -> str:
        return f"{self.user}@{self.registrar}"


def load_sip_settings(data_dir: Path, *, registrar: str | None = None,
                      user: str | None = None) -> SipSettings:
    """sip.toml, with ``registrar``/``user`` from the command line taking precedence."""
    path = data_dir / FILE
    data: dict[str, object] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SipSettingsError(f"{path}: not valid TOML: {exc}") from exc
        unknown = set(data) - _KEYS
        if unknown:
            raise SipSettingsError(f"{path}: unknown key(s): {', '.join(sorted(unknown))}")
    reg = registrar or str(data.get("registrar", ""))
    usr = user or str(data.get("user", ""))
    if not reg or not usr:
        raise SipSettingsError(f"no SIP registrar/user: write {path} or pass --sip-registrar "
                               "and --sip-user")
    rec = str(data.get("recordings_dir", "") or "")
    expiry = data.get("register_expiry_s", 60)
    if isinstance(expiry, bool) or not isinstance(expiry, int):
        raise SipSettingsError(f"{path}: register_expiry_s must be a whole number of seconds")
    transport = str(data.get("transport", "udp"))
    if transport not in TRANSPORTS:
        raise SipSettingsError(f"{path}: transport must be one of {', '.join(TRANSPORTS)}, "
                               f"got {transport!r}")
    ca = str(data.get("ca_file", "") or "")
    if transport == "tls" and not ca:
        raise SipSettingsError(f"{path}: transport = \"tls\" needs ca_file, the CA certificate "
                               "(PEM) the registrar's certificate is verified against")
    return SipSettings(reg, usr, str(data.get("domain", "")), transport,
                       str(data.get("bind_address", "127.0.0.1")), expiry,
                       Path(rec) if rec else data_dir / "recordings",
                       Path(ca) if ca else None)


def save_sip_settings(data_dir: Path, s: SipSettings) -> Path:
    from callcenter.services.site.settings import toml_string

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / FILE
    lines = [f"registrar = {toml_string(s.registrar)}", f"user = {toml_string(s.user)}",
             f"domain = {toml_string(s.domain)}", f"transport = {toml_string(s.transport)}",
             f"bind_address = {toml_string(s.bind_address)}",
             f"register_expiry_s = {s.register_expiry_s}",
             f"recordings_dir = {toml_string(str(s.recordings_dir or ''))}",
             f"ca_file = {toml_string(str(s.ca_file or ''))}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def store_sip_password(s: SipSettings, password: str) -> None:
    """Keep the account's password in the OS keyring (never in a file)."""
    from callcenter.services.sync.credentials import CredentialError, _safe_backend

    if not password:
        raise CredentialError("empty password")
    _safe_backend().set_password(SERVICE, s.keyring_user, password)


def sip_password(s: SipSettings) -> str:
    """From ``CALLCENTER_SIP_PASSWORD``, else the keyring; raises if neither has it."""
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    import keyring
    import keyring.errors

    try:
        stored = keyring.get_password(SERVICE, s.keyring_user)
    except keyring.errors.KeyringError:
        stored = None
    if not stored:
        raise SipSettingsError(f"no SIP password for {s.keyring_user}: run `callcenter sip "
                               f"set-password` or set {PASSWORD_ENV}")
    return stored


def sip_account(s: SipSettings, password: str) -> tuple[SipAccount, MediaSettings]:
    try:
        account = SipAccount(s.registrar, s.user, password, domain=s.domain,
                             transport="tls" if s.transport == "tls" else (
                                 "tcp" if s.transport == "tcp" else "udp"),
                             bind_address=s.bind_address, register_expiry_s=s.register_expiry_s,
                             ca_file=s.ca_file)
    except ValueError as exc:
        raise SipSettingsError(str(exc)) from exc
    return account, MediaSettings(recordings_dir=s.recordings_dir)
