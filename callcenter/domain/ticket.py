"""Ticket entry rules: the draft the agent types and its validation.

Validation returns field errors in form order so the UI can focus the first
one; messages are codes the UI translates (the UI is Chinese by default).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date

from .site_profile import TICKET_FIELDS, SiteProfile
from .storable_text import first_unstorable

# Lengths are characters (code points), so rare CJK and emoji count as one each.
MAX_LENGTHS: dict[str, int] = {
    "content": 2000,
    "caller_name": 50,
    "caller_phone": 30,
    "account_no": 20,
    "meter_no": 30,
    "address": 200,
}


@dataclass
class TicketDraft:
    category: str = ""
    content: str = ""
    caller_name: str = ""
    caller_phone: str = ""
    account_no: str = ""
    meter_no: str = ""
    address: str = ""
    area_type: str = ""
    priority: str = ""
    subtype: str = ""  # a code of the category's sub-types (业务子类), if it has any

    def value(self, name: str) -> str:
        return str(getattr(self, name))


assert tuple(f.name for f in fields(TicketDraft)) == TICKET_FIELDS


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str  # required | too_long | invalid_phone | invalid_account | invalid_meter | invalid_choice
    #            | bad_character (``limit``: the 1-based position of the first one)
    limit: int | None = None


class TicketInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


# Answered by phone after the department's work (Q62: 请您留下联系电话，我将在**时间
# 答复您): dispatched only with a contact phone.
ANSWERED_BY_PHONE = frozenset({"inquiry", "opinion", "suggestion", "praise"})


def dispatch_errors(draft: TicketDraft) -> list[FieldError]:
    """What a dispatch needs beyond a valid ticket."""
    if draft.category in ANSWERED_BY_PHONE and not draft.caller_phone.strip():
        return [FieldError("caller_phone", "required_for_dispatch")]
    return []


def validate(
    draft: TicketDraft, profile: SiteProfile, phone_ok: Callable[[str], bool]
) -> list[FieldError]:
    errors: dict[str, FieldError] = {}
    required = set(profile.required_fields(draft.category))
    for name in TICKET_FIELDS:
        if name in required and not draft.value(name).strip():
            errors[name] = FieldError(name, "required")
    if draft.category and profile.category(draft.category) is None:
        errors.setdefault("category", FieldError("category", "invalid_choice"))
    if draft.area_type and draft.area_type not in {a.code for a in profile.area_types}:
        errors.setdefault("area_type", FieldError("area_type", "invalid_choice"))
    if draft.priority and draft.priority not in {p.code for p in profile.priorities}:
        errors.setdefault("priority", FieldError("priority", "invalid_choice"))
    if draft.subtype and draft.subtype not in {t.code for t in profile.subtypes(draft.category)}:
        errors.setdefault("subtype", FieldError("subtype", "invalid_choice"))
    for name in TICKET_FIELDS:  # NUL and lone surrogates: central cannot store them (issue 19)
        at = first_unstorable(draft.value(name))
        if at is not None:
            errors.setdefault(name, FieldError(name, "bad_character", at + 1))
    for name, limit in MAX_LENGTHS.items():
        if len(draft.value(name)) > limit:
            errors.setdefault(name, FieldError(name, "too_long", limit))
    phone = draft.caller_phone.strip()
    if phone and "caller_phone" not in errors and not phone_ok(phone):
        errors["caller_phone"] = FieldError("caller_phone", "invalid_phone")
    acct = draft.account_no.strip()
    if acct and "account_no" not in errors and not re.fullmatch(profile.account_pattern, acct, re.ASCII):
        errors["account_no"] = FieldError("account_no", "invalid_account")
    meter = draft.meter_no.strip()
    if meter and "meter_no" not in errors and not re.fullmatch(profile.meter_pattern, meter, re.ASCII):
        errors["meter_no"] = FieldError("meter_no", "invalid_meter")
    return [errors[n] for n in TICKET_FIELDS if n in errors]


def ticket_number(site: str, workstation: str, local_day: date, seq: int) -> str:
    """Human ticket number, unique across desks without a server: site, desk, day, sequence."""
    return f"{site}-{workstation}-{local_day:%Y%m%d}-{seq:04d}"
