"""Mainland phone numbers: validation with phonenumbers, and a lookup key.

The key is the national number with punctuation removed (``0731-8456 7890`` and
``+86 731 84567890`` both become ``073184567890``), so a caller's number from
the switch matches the number typed on a customer record.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberType

_OK_TYPES = {
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def is_valid_cn_phone(raw: str) -> bool:
    """A mainland mobile or landline number (with area code), as agents type them."""
    text = raw.strip()
    if not text or not re.fullmatch(r"[0-9+\-\s()（）]+", text):
        return False
    try:
        num = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return False
    return (
        num.country_code == 86
        and phonenumbers.is_valid_number(num)
        and phonenumbers.number_type(num) in _OK_TYPES
    )


def phone_key(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) >= 12:
        digits = digits[2:]
    if len(digits) >= 10 and not digits.startswith(("0", "1")):
        digits = "0" + digits  # +86 731 ... drops the trunk prefix
    return digits
