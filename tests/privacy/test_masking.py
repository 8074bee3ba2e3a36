"""Masking rules for phone, ID and account numbers, and the log's safety net."""

from __future__ import annotations

import pytest

from callcenter.domain.privacy.masking import (
    REDACTED,
    mask_account,
    mask_id_number,
    mask_numbers_in,
    mask_phone,
    redact_numbers,
)


@pytest.mark.parametrize(("raw", "masked"), [
    ("13812341234", "138****1234"),
    ("138 1234 1234", "138****1234"),
    ("+86 138-1234-1234", "138****1234"),
    ("008613812341234", "138****1234"),
    ("0731-84567890", "0731****7890"),   # 4-digit area code kept
    ("010-12345678", "010****5678"),     # Beijing: 3-digit area code
    ("02087654321", "020****4321"),      # Guangzhou
    ("0731-8456789", "0731***6789"),     # 7-digit local number
    ("84567890", "****7890"),            # local, no area code
    ("1234567", "****4567"),
    ("95598", "95598"),                  # a service number is not personal
    ("110", "110"),
    ("", ""),
    ("   ", ""),
    ("call me", "*******"),              # not a number: masked whole
])
def test_mask_phone(raw: str, masked: str) -> None:
    assert mask_phone(raw) == masked


def test_masked_phone_never_contains_the_hidden_digits() -> None:
    for number in ("13812341234", "073184567890", "84567890"):
        out = mask_phone(number)
        assert number not in out and len(out.replace("*", "")) <= len(number) - 4


@pytest.mark.parametrize(("raw", "masked"), [
    ("110105199001011234", "110105********1234"),
    ("11010519900101123x", "110105********123X"),
    ("110105900101123", "110105******123"),   # the old 15-digit form
    ("AB1234567", "*****4567"),
    ("123", "****"),
    ("", ""),
])
def test_mask_id_number(raw: str, masked: str) -> None:
    assert mask_id_number(raw) == masked


def test_mask_account_keeps_last_four() -> None:
    assert mask_account("3100123456") == "******3456"
    assert mask_account("12") == "****"
    assert mask_account("") == ""


def test_numbers_inside_free_text_are_masked_in_place() -> None:
    text = "请回电13812341234，身份证110105199001011234，户号3100123456，工单LJ-01-0001"
    assert mask_numbers_in(text) == (
        "请回电138****1234，身份证110105********1234，户号******3456，工单LJ-01-0001")


def test_redact_numbers_removes_every_long_digit_run() -> None:
    line = "caller 13812341234 id 11010519900101123X acct 3100123456 land 0731-84567890 ok 12345"
    out = redact_numbers(line)
    for secret in ("13812341234", "11010519900101123X", "3100123456", "84567890"):
        assert secret not in out
    assert out.count(REDACTED) == 4 and "12345" in out


def test_redaction_keeps_ids_the_log_is_meant_to_name() -> None:
    line = ("ticket 12345678-1234-7234-8234-123456789012 call 01a24d21-eb93-7a23-945b-1dc1234567fb "
            "hex ab12345678cd, phone 13812341234")
    assert redact_numbers(line) == (
        "ticket 12345678-1234-7234-8234-123456789012 call 01a24d21-eb93-7a23-945b-1dc1234567fb "
        "hex ab12345678cd, phone [number]")
    assert redact_numbers("身份证110105199001011234。") == "身份证[number]。"
