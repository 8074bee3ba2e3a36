"""Translated field labels and field-error sentences for ticket entry.

Source strings are English (context "FieldMessages"); the Chinese comes from the
translation file. Placeholders are filled in *after* translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from callcenter.domain.ticket import FieldError


def _t(text: str) -> str:
    return QCoreApplication.translate("FieldMessages", text)


def field_label(field: str) -> str:
    """The translated, human label of a ticket field (unknown names are returned as is)."""
    labels = {
        "category": _t("Category"),
        "content": _t("Content"),
        "caller_name": _t("Customer name"),
        "caller_phone": _t("Contact phone"),
        "account_no": _t("Account number"),
        "meter_no": _t("Meter number"),
        "address": _t("Address"),
        "area_type": _t("Area type"),
        "priority": _t("Priority"),
        "department": _t("Department"),
        "deadline_days": _t("Deadline (days)"),
        "call_time": _t("Call time"),
        "caller_number": _t("Caller number"),
    }
    return labels.get(field, field)


def error_message(err: FieldError) -> str:
    """One clear sentence telling the agent what is wrong and how to fix it."""
    label = field_label(err.field)
    code = err.code
    if code == "required":
        return _t("{field} is required.").format(field=label)
    if code == "too_long":
        if err.limit is None:
            return _t("{field} is too long.").format(field=label)
        return _t("{field} is too long: at most {limit} characters.").format(
            field=label, limit=err.limit)
    if code == "invalid_phone":
        return _t(
            "{field} is not a valid mainland mobile number (11 digits, e.g. 13800138000) "
            "or landline number with area code (e.g. 0731-84567890)."
        ).format(field=label)
    if code == "invalid_account":
        return _t("{field} must be the 10-digit account number on the payment card.").format(
            field=label)
    if code == "invalid_meter":
        return _t(
            "{field} must be the letters and digits printed on the meter nameplate "
            "(6 to 24 characters, no spaces)."
        ).format(field=label)
    if code == "invalid_choice":
        return _t("Please choose a {field} from the list.").format(field=label)
    if code == "out_of_range":
        if err.field == "deadline_days" and err.limit is not None:
            return _t("The deadline must be between 1 and {limit} days.").format(limit=err.limit)
        if err.limit is not None:
            return _t("{field} must be between 1 and {limit}.").format(field=label, limit=err.limit)
        return _t("{field} is out of range.").format(field=label)
    if code == "in_future":
        if err.field == "call_time":
            return _t("The call time cannot be in the future.")
        return _t("{field} cannot be in the future.").format(field=label)
    return _t("{field} is not valid.").format(field=label)
