"""The desk registers over TLS where the registrar offers it, with the
registrar's certificate verified against a CA file (issue 16): a Kamailio with
its tls module and a certificate from a CA the test makes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from callcenter.telephony.sip.account import SipAccount
from callcenter.telephony.sip.adapter import SipTelephony
from callcenter.telephony.sip.events import Registration
from callcenter.telephony.sip.kamailio import Kamailio
from callcenter.ui.calls.desk_bridge import GuiPoster

from .conftest import USERS
from .test_sip_calls import wait
from .tls_certs import Pki, make_ca, make_pki

pytestmark = pytest.mark.sip


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def tls_kamailio(tmp_path_factory: pytest.TempPathFactory, pki: Pki) -> Iterator[Kamailio]:
    server = Kamailio(tmp_path_factory.mktemp("kamailio-tls"), USERS, tls=(pki.cert, pki.key))
    server.start()
    yield server
    server.stop()


class Phone:
    def __init__(self, account: SipAccount) -> None:
        self.poster = GuiPoster()
        self.states: list[Registration] = []
        self.tel = SipTelephony(account, self.poster.post)
        self.tel.add_registration_listener(self.states.append)
        self.tel.start(lambda ev: None)

    def close(self) -> None:
        self.tel.stop()
        self.poster.deleteLater()


@pytest.fixture
def phones() -> Iterator[list[Phone]]:
    made: list[Phone] = []
    yield made
    for p in made:
        p.close()


def test_the_desk_registers_over_tls_verifying_the_registrar(
        qtbot: QtBot, tls_kamailio: Kamailio, pki: Pki, phones: list[Phone]) -> None:
    account = SipAccount(tls_kamailio.tls_address, "desk1", USERS["desk1"], transport="tls",
                         ca_file=pki.ca, register_expiry_s=6, retry_s=1)
    assert account.registrar_uri.endswith(";transport=tls")
    phone = Phone(account)
    phones.append(phone)
    wait(qtbot, lambda: phone.tel.online)
    assert phone.states[-1].code == 200


def test_a_registrar_certificate_from_another_ca_is_refused(
        qtbot: QtBot, tls_kamailio: Kamailio, tmp_path: Path, phones: list[Phone]) -> None:
    stranger, _ = make_ca(tmp_path, "other-ca")
    phone = Phone(SipAccount(tls_kamailio.tls_address, "desk1", USERS["desk1"],
                             transport="tls", ca_file=stranger, register_expiry_s=6, retry_s=1))
    phones.append(phone)
    wait(qtbot, lambda: any(not r.online for r in phone.states))
    assert not phone.tel.online
    assert all(not r.online for r in phone.states)
    assert "ECERTVERIF" in phone.states[0].reason  # refused for the certificate, not the network


def test_tls_without_a_ca_file_is_refused_before_anything_starts(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="ca_file"):
        SipAccount("127.0.0.1:5061", "desk1", "pw", transport="tls")
    with pytest.raises(ValueError, match="ca_file"):
        SipAccount("127.0.0.1:5061", "desk1", "pw", transport="tls",
                   ca_file=tmp_path / "missing.pem")


def test_sip_toml_takes_tls_with_a_ca_file(tmp_path: Path, pki: Pki) -> None:
    from callcenter.services.phone.settings import (
        SipSettings,
        SipSettingsError,
        load_sip_settings,
        save_sip_settings,
        sip_account,
    )

    toml = tmp_path / "sip.toml"
    toml.write_text('registrar = "127.0.0.1:5061"\nuser = "desk1"\ntransport = "tls"\n')
    with pytest.raises(SipSettingsError, match="ca_file"):
        load_sip_settings(tmp_path)
    toml.write_text('registrar = "127.0.0.1:5061"\nuser = "desk1"\ntransport = "tsl"\n')
    with pytest.raises(SipSettingsError, match="udp, tcp, tls"):
        load_sip_settings(tmp_path)
    save_sip_settings(tmp_path, SipSettings("127.0.0.1:5061", "desk1", transport="tls",
                                            ca_file=pki.ca))
    s = load_sip_settings(tmp_path)
    account, _ = sip_account(s, "pw")
    assert (account.transport, account.ca_file) == ("tls", pki.ca)
    assert account.registrar_uri == "sip:127.0.0.1:5061;transport=tls"
