"""The chain rules (domain): canonical bytes, the hash, and what verify says
about a changed, deleted, inserted or re-linked record."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from hashlib import sha256

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callcenter.domain.audit import (
    ZERO_HASH,
    AuditAction,
    AuditEntry,
    StoredLink,
    canonical_payload,
    chain_hash,
    parse_payload,
    stored_link,
    verify,
)

T0 = datetime(2026, 12, 6, 8, 30, tzinfo=UTC)


def chain(n: int, desk: str = "WS01") -> list[StoredLink]:
    out: list[StoredLink] = []
    prev = ZERO_HASH
    for seq in range(1, n + 1):
        payload = canonical_payload(AuditEntry(desk, seq, T0 + timedelta(seconds=seq), "1001",
                                               AuditAction.SIGN_IN.value, f"s{seq}", {"k": "v"}))
        h = chain_hash(prev, payload)
        out.append(stored_link(seq, prev, h, payload))
        prev = h
    return out


def payload_of(link: StoredLink) -> str:
    return link[3][64:].decode("utf-8")


def renumbered(links: list[StoredLink]) -> list[StoredLink]:
    return [(i, p, h, x) for i, (_, p, h, x) in enumerate(links, start=1)]


def test_the_canonical_form_and_the_hash_are_as_documented() -> None:
    at = datetime(2026, 12, 6, 16, 30, 1, 5, tzinfo=timezone(timedelta(hours=8)))
    payload = canonical_payload(AuditEntry("WS01", 3, at, None, "unmask", "工单 T-1",
                                           {"reason": "核实", "a": "x"}))
    assert payload == ('{"action":"unmask","at":"2026-12-06T08:30:01.000005+00:00","desk":"WS01",'
                       '"detail":{"a":"x","reason":"核实"},"seq":3,"subject":"工单 T-1","user_id":null}')
    assert chain_hash(ZERO_HASH, payload) == sha256((ZERO_HASH + payload).encode("utf-8")).hexdigest()
    back = parse_payload(payload)
    assert back.at == at and back.detail == {"a": "x", "reason": "核实"} and back.user_id is None


@given(st.text(), st.dictionaries(st.text(), st.text(), max_size=4))
def test_any_text_round_trips_verbatim(subject: str, detail: dict[str, str]) -> None:
    try:
        payload = canonical_payload(AuditEntry("WS01", 1, T0, "1001", "export", subject, detail))
    except ValueError:  # lone surrogates are not UTF-8
        with pytest.raises(UnicodeEncodeError):
            (subject + "".join(detail) + "".join(detail.values())).encode("utf-8")
        return
    assert json.loads(payload)["subject"] == subject
    back = parse_payload(payload)
    assert (back.subject, dict(back.detail)) == (subject, detail)


def test_bad_fields_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        canonical_payload(AuditEntry("WS01", 1, datetime(2026, 1, 1), "1", "export"))
    with pytest.raises(ValueError, match="seq"):
        canonical_payload(AuditEntry("WS01", 0, T0, "1", "export"))
    with pytest.raises(TypeError, match="detail"):
        canonical_payload(AuditEntry("WS01", 1, T0, "1", "export", "", {"n": 5}))  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="not an audit payload"):
        parse_payload('{"desk": "WS01"}')


def test_an_intact_chain_and_an_empty_one_verify() -> None:
    assert verify(chain(50)) is None
    assert verify([]) is None


def test_a_changed_record() -> None:
    links = chain(10)
    seq, prev, h, _ = links[4]
    links[4] = stored_link(seq, prev, h, payload_of(links[4]).replace('"s5"', '"s5 (edited)"'))
    assert str(verify(links)) == "record 5: changed: its hash does not match its contents"


def test_a_changed_record_with_its_hash_recomputed() -> None:
    links = chain(10)
    seq, prev, _, _ = links[4]
    forged = payload_of(links[4]).replace('"s5"', '"forged"')
    links[4] = stored_link(seq, prev, chain_hash(prev, forged), forged)
    brk = verify(links)
    assert brk is not None and brk.seq == 6 and brk.problem.startswith("wrong prev hash")


def test_a_deleted_record_leaves_a_gap() -> None:
    links = chain(10)
    del links[3]
    assert str(verify(links)) == "record 4: missing (deleted): the chain goes from record 3 to 5"
    assert str(verify(chain(3)[1:])) == "record 1: missing (deleted): the chain starts at record 2"


def test_a_deleted_record_with_the_rest_renumbered() -> None:
    links = chain(10)
    del links[3]
    brk = verify(renumbered(links))
    assert brk is not None and brk.seq == 4 and brk.problem.startswith("wrong prev hash")


def _inserted(links: list[StoredLink], at: int, *, good_hash: bool) -> list[StoredLink]:
    prev = links[at - 2][2]
    payload = canonical_payload(AuditEntry("WS01", at, T0, "6666", "export", "fake", {}))
    fake = stored_link(at, prev, chain_hash(prev, payload) if good_hash else "f" * 64, payload)
    return links[:at - 1] + [fake] + links[at - 1:]


def test_an_inserted_record_renumbering_the_rest() -> None:
    for good in (True, False):
        links = renumbered(_inserted(chain(10), 4, good_hash=good))
        brk = verify(links)
        assert brk is not None and (brk.seq, brk.problem.split(":")[0]) == (4, "inserted"), (good, brk)


def test_an_inserted_record_with_a_repeated_seq() -> None:
    links = _inserted(chain(10), 4, good_hash=True)  # two records 4, the fake first
    brk = verify(links)
    assert brk is not None and (brk.seq, brk.problem.split(":")[0]) == (4, "inserted")
    fake = links.pop(3)
    links.insert(4, fake)  # the original 4 first, then the fake
    assert str(verify(links)) == "record 4: inserted: a second record 4"


def test_a_first_record_must_start_from_zeros() -> None:
    links = chain(3)
    seq, payload = 1, payload_of(links[0])
    links[0] = stored_link(seq, "1" * 64, chain_hash("1" * 64, payload), payload)
    assert str(verify(links)) == "record 1: wrong prev hash: the first record must carry 64 zeros"
