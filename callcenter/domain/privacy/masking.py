"""Masking of phone and resident ID numbers for surfaces that do not need them.

Rules (common practice on mainland service desks, e.g. 138****1234):

- Mobile (11 digits, starting with 1): the first 3 (the network prefix) and the last 4
  stay, the 4 in between become ``*``: ``13812341234`` -> ``138****1234``.
- Landline with area code (starts with 0, 10-12 digits): the area code (3 digits for
  010 and 02X, else 4) and the last 4 stay, the local digits between become ``*``:
  ``0731-84567890`` -> ``0731****7890``.
- A local number without area code (7-8 digits) or any other number of 6 digits or
  more: only the last 4 stay, at least 4 ``*`` before them: ``84567890`` -> ``****7890``.
- 5 digits or fewer (95598, 110, an extension) is a service number, not personal: shown
  as it is.
- ``+86``/``0086`` in front is dropped; separators (``-``, spaces, brackets) are dropped.
- Text that is not a phone number at all (letters) is masked whole.

Resident ID numbers (``mask_id_number``): the 18-character number keeps its first 6
(the issuing region) and last 4, and the 8 birth-date digits become ``*``:
``110105199001011234`` -> ``110105********1234``. The old 15-digit form keeps the
first 6 and last 3: ``110105900101123`` -> ``110105******123``. Anything else keeps
its last 4 only.

Account numbers (``mask_account``, 10 digits on the payment card) keep their last 4:
``3100123456`` -> ``******3456``.

``mask_numbers_in`` masks, inside free text (a ticket's content), every run of 7 or
more digits as a phone number, or as an ID number when it is one (18 characters).

``redact_numbers`` is the safety net for free text (log lines): every run of 7 or
more digits (an 18-character ID with its final X included) becomes ``[number]``;
UUIDs and digits inside a word of letters (hex ids) are left alone.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-()（）.]")
_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9]{7,}[Xx]?(?![0-9])")
# a UUID (call, ticket ids: what the log is meant to name) is kept whole
_UUID_OR_RUN = re.compile(r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
                          r"|(?<![0-9A-Za-z])[0-9]{7,}[Xx]?(?![0-9A-Za-z])")
REDACTED = "[number]"


def _digits(raw: str) -> str | None:
    text = _SEPARATORS.sub("", raw.strip())
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    return text if text.isdigit() and text.isascii() else None


def _keep_last(digits: str, last: int = 4) -> str:
    return "*" * max(4, len(digits) - last) + digits[-last:]


def mask_phone(raw: str) -> str:
    """The phone number with its middle digits replaced by ``*`` (rules above)."""
    if not raw.strip():
        return ""
    digits = _digits(raw)
    if digits is None:
        return "*" * max(4, len(raw.strip()))
    if len(digits) <= 5:
        return digits
    if len(digits) == 11 and digits.startswith("1"):
        return digits[:3] + "****" + digits[-4:]
    if digits.startswith("0") and 10 <= len(digits) <= 12:
        area = 3 if digits.startswith(("010", "02")) else 4
        return digits[:area] + "*" * (len(digits) - area - 4) + digits[-4:]
    return _keep_last(digits)


def mask_id_number(raw: str) -> str:
    """The resident ID number with its birth date replaced by ``*`` (rules above)."""
    text = raw.strip().upper()
    if not text:
        return ""
    if len(text) == 18 and text[:17].isdigit():
        return text[:6] + "*" * 8 + text[-4:]
    if len(text) == 15 and text.isdigit():
        return text[:6] + "*" * 6 + text[-3:]
    return "*" * max(4, len(text) - 4) + text[-4:] if len(text) > 4 else "*" * 4


def mask_account(raw: str) -> str:
    """The account number with all but its last 4 characters replaced by ``*``."""
    text = raw.strip()
    if not text:
        return ""
    return "*" * max(4, len(text) - 4) + text[-4:] if len(text) > 4 else "*" * 4


def redact_numbers(text: str) -> str:
    """``text`` with every run of 7+ digits (phone, account, ID number) replaced."""
    return _UUID_OR_RUN.sub(lambda m: m.group(1) or REDACTED, text)


def _mask_run(m: re.Match[str]) -> str:
    run = m.group(0)
    return mask_id_number(run) if len(run) in (15, 18) else mask_phone(run)


def mask_numbers_in(text: str) -> str:
    """``text`` with every phone- or ID-like run of 7+ digits masked in place."""
    return _DIGIT_RUN.sub(_mask_run, text)
