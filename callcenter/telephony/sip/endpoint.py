"""pjsua2 set-up shared by the desk's agent and the test caller.

pjsua2 (PyPI ``pjsua2-python``) has no type hints, so it is typed ``Any`` here
and the classes that subclass its callbacks carry ``type: ignore[misc]``.
Everything pjsua2 is created, used and destroyed on one thread: the one that
called ``create_endpoint`` (pjlib asserts on unknown threads, and a pjsua2
object freed after ``libDestroy`` aborts the process).
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pjsua2 as _pj

from callcenter.telephony.sip.account import MediaSettings, SipAccount

pj: Any = _pj

# codecs the desk offers, best first: G.711 is what every PBX and gateway speaks
_PREFERRED = ("PCMA/8000", "PCMU/8000")


def create_endpoint(
    media: MediaSettings, account: SipAccount, *, max_calls: int = 4
) -> tuple[Any, int]:
    """Create, initialise and start the process's one pjsua2 Endpoint, with the
    null audio device (no sound card), one SIP transport on ``bind_address``
    and a random port, and no worker threads (the caller pumps ``libHandleEvents``).
    Returns the endpoint and its transport id."""
    ep = pj.Endpoint()
    # pjlib logs its start to stdout before any log config applies: keep stdout
    # clean (``bench --json``, the caller's JSON events) by sending it to stderr
    sys.stdout.flush()
    saved_stdout = os.dup(1)
    os.dup2(2, 1)
    try:
        ep.libCreate()
    finally:
        os.dup2(saved_stdout, 1)
        os.close(saved_stdout)
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = False
    cfg.uaConfig.maxCalls = max_calls
    cfg.uaConfig.userAgent = "callcenter-desk"
    cfg.logConfig.level = media.log_level
    cfg.logConfig.consoleLevel = media.log_level
    cfg.medConfig.clockRate = media.clock_rate
    cfg.medConfig.sndClockRate = media.clock_rate
    cfg.medConfig.channelCount = 1
    cfg.medConfig.noVad = True
    cfg.medConfig.ecTailLen = 0
    ep.libInit(cfg)
    ep.audDevManager().setNullDev()
    tc = pj.TransportConfig()
    tc.port = 0
    tc.boundAddress = account.bind_address
    tc.publicAddress = account.bind_address
    kind = {"tcp": pj.PJSIP_TRANSPORT_TCP, "tls": pj.PJSIP_TRANSPORT_TLS}.get(
        account.transport, pj.PJSIP_TRANSPORT_UDP)
    if account.transport == "tls":
        # verification on, always: the CA file, and the name in the certificate
        # must match the registrar's host (pjsip checks both before any request)
        tc.tlsConfig.CaListFile = str(account.ca_file)
        tc.tlsConfig.verifyServer = True
        tc.tlsConfig.method = pj.PJSIP_TLSV1_2_METHOD
    transport_id = ep.transportCreate(kind, tc)
    ep.libStart()
    for codec in ep.codecEnum2():
        prio = next((255 - i for i, c in enumerate(_PREFERRED) if codec.codecId.startswith(c)), 0)
        ep.codecSetPriority(codec.codecId, prio)
    return ep, int(transport_id)


def local_sip_port(ep: Any, transport_id: int) -> int:
    info = ep.transportGetInfo(transport_id)
    return int(str(info.localName).rpartition(":")[2])


def account_config(account: SipAccount, *, register: bool = True, id_user: str | None = None) -> Any:
    """An AccountConfig that registers (or not) through ``account.registrar``,
    with digest credentials, RTP on ``bind_address``, no ICE or STUN."""
    cfg = pj.AccountConfig()
    cfg.idUri = f"sip:{id_user or account.user}@{account.sip_domain}"
    if register:
        cfg.regConfig.registrarUri = account.registrar_uri
        cfg.regConfig.timeoutSec = account.register_expiry_s
        # refresh before the binding lapses; pjsip waits at least 5 s before a
        # refresh, so expiries under 6 s lapse (SipAccount refuses them)
        cfg.regConfig.delayBeforeRefreshSec = max(1, min(5, account.register_expiry_s // 3))
        cfg.regConfig.retryIntervalSec = account.retry_s
        cfg.regConfig.firstRetryIntervalSec = account.retry_s
        cfg.regConfig.dropCallsOnFail = False  # calls go on while the registrar is away
    else:
        cfg.regConfig.registerOnAdd = False
    cfg.sipConfig.proxies.append(f"sip:{account.registrar};transport={account.transport};lr")
    cfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", account.user, 0, account.password))
    cfg.natConfig.iceEnabled = False
    cfg.natConfig.sipStunUse = pj.PJSUA_STUN_USE_DISABLED
    cfg.natConfig.mediaStunUse = pj.PJSUA_STUN_USE_DISABLED
    cfg.mediaConfig.transportConfig.boundAddress = account.bind_address
    cfg.mediaConfig.transportConfig.publicAddress = account.bind_address
    cfg.mediaConfig.transportConfig.port = 0
    return cfg


def user_of(uri: str) -> str:
    """``"Name" <sip:13912345678@host>;tag=x`` -> ``13912345678``."""
    inner = uri.split("<", 1)[1].split(">", 1)[0] if "<" in uri else uri
    inner = inner.split(";", 1)[0]
    if ":" in inner:
        inner = inner.split(":", 1)[1]
    return inner.split("@", 1)[0] if "@" in inner else ""
