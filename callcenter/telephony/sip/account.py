"""What the desk needs to register with the site's registrar.

The password never lives in a settings file: ``callcenter --telephony sip``
reads it from the OS keyring (see ``callcenter.commands.sip``); tests and the
demo pass it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class SipAccount:
    """One SIP account: ``registrar`` is ``host:port`` (UDP, TCP or TLS).

    Over TLS the registrar's certificate is always verified, against the CAs in
    ``ca_file`` (PEM), and its name must match the registrar's host; there is
    no switch to turn that off."""

    registrar: str
    user: str
    password: str = field(repr=False)
    domain: str = ""  # the account's SIP domain; empty: the registrar's host
    transport: Literal["udp", "tcp", "tls"] = "udp"
    bind_address: str = "127.0.0.1"  # the local address SIP and RTP use
    register_expiry_s: int = 60
    retry_s: int = 5  # how soon a failed registration is tried again
    ca_file: Path | None = None  # TLS: the CA certificate(s) the registrar's must chain to

    def __post_init__(self) -> None:
        host, sep, port = self.registrar.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"registrar must be host:port, got {self.registrar!r}")
        if not self.user or any(c in self.user for c in " @:;<>\""):
            raise ValueError(f"not a SIP user name: {self.user!r}")
        if self.register_expiry_s < 6 or self.retry_s < 1:
            # pjsip refreshes no sooner than 5 s after a registration
            raise ValueError("register_expiry_s must be >= 6 and retry_s >= 1")
        if self.transport not in ("udp", "tcp", "tls"):
            raise ValueError(f"transport must be udp, tcp or tls, got {self.transport!r}")
        if self.transport == "tls" and (self.ca_file is None or not self.ca_file.is_file()):
            raise ValueError("TLS needs ca_file, a PEM file of the CA that signed the "
                             f"registrar's certificate (got {self.ca_file})")

    @property
    def sip_domain(self) -> str:
        return self.domain or self.registrar.rpartition(":")[0]

    @property
    def uri(self) -> str:
        return f"sip:{self.user}@{self.sip_domain}"

    @property
    def registrar_uri(self) -> str:
        return f"sip:{self.registrar};transport={self.transport}"


@dataclass(frozen=True)
class MediaSettings:
    """Audio: the conference bridge and recordings run at 8 kHz mono 16-bit
    (16 000 bytes a second, 960 KB a minute, under the 1 MB/min budget)."""

    recordings_dir: Path | None = None  # None: calls are not recorded
    clock_rate: int = 8000
    log_level: int = 1  # pjsip's own log, to stderr
