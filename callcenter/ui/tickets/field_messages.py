"""Translated field labels and field-error sentences for ticket entry.

Source strings are English (context "FieldMessages"); the Chinese comes from the
translation file. Placeholders are filled in *after* translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from callcenter.domain.ticket import FieldError


def field_label(field: str) -> str:
    """The translated, human label of a ticket field (unknown names are returned as is)."""
    labels = {
        "category": QCoreApplication.translate("FieldMessages", "Category"),
        "subtype": QCoreApplication.translate("FieldMessages", "Sub-type"),
        "content": QCoreApplication.translate("FieldMessages", "Content"),
        "caller_name": QCoreApplication.translate("FieldMessages", "Customer name"),
        "caller_phone": QCoreApplication.translate("FieldMessages", "Contact phone"),
        "account_no": QCoreApplication.translate("FieldMessages", "Account number"),
        "meter_no": QCoreApplication.translate("FieldMessages", "Meter number"),
        "address": QCoreApplication.translate("FieldMessages", "Address"),
        "area_type": QCoreApplication.translate("FieldMessages", "Area type"),
        "priority": QCoreApplication.translate("FieldMessages", "Priority"),
        "department": QCoreApplication.translate("FieldMessages", "Department"),
        "deadline_days": QCoreApplication.translate("FieldMessages", "Deadline (days)"),
        "call_time": QCoreApplication.translate("FieldMessages", "Call time"),
        "caller_number": QCoreApplication.translate("FieldMessages", "Caller number"),
    }
    return labels.get(field, field)


# fields the agent picks from a drop-down: "please choose", never "please fill in"
CHOICE_FIELDS = frozenset({"category", "subtype", "area_type", "priority", "department"})


def error_message(err: FieldError) -> str:
    """One clear sentence telling the agent what is wrong and how to fix it."""
    label = field_label(err.field)
    code = err.code
    if code == "required" and err.field in CHOICE_FIELDS:
        return QCoreApplication.translate("FieldMessages", "Please choose {field}.").format(field=label)
    if code == "required":
        return QCoreApplication.translate("FieldMessages", "{field} is required.").format(field=label)
    if code == "required_for_dispatch":
        return QCoreApplication.translate(
            "FieldMessages", "{field} is needed to dispatch: the customer is answered by phone "
            "(ask them to leave a number)."
        ).format(field=label)
    if code == "too_long":
        if err.limit is None:
            return QCoreApplication.translate("FieldMessages", "{field} is too long.").format(field=label)
        return QCoreApplication.translate(
            "FieldMessages", "{field} is too long: at most {limit} characters."
        ).format(field=label, limit=err.limit)
    if code == "invalid_phone":
        return QCoreApplication.translate(
            "FieldMessages",
            "{field} is not a valid mainland mobile number (11 digits, e.g. 13800138000) "
            "or landline number with area code (e.g. 0731-84567890).",
        ).format(field=label)
    if code == "invalid_account":
        return QCoreApplication.translate(
            "FieldMessages", "{field} must be the 10-digit account number on the payment card."
        ).format(field=label)
    if code == "invalid_meter":
        return QCoreApplication.translate(
            "FieldMessages",
            "{field} must be the letters and digits printed on the meter nameplate "
            "(6 to 24 characters, no spaces).",
        ).format(field=label)
    if code == "bad_character":
        return QCoreApplication.translate(
            "FieldMessages",
            "{field} holds a character that cannot be saved (an invisible control character, "
            "character {limit}); please delete it.",
        ).format(field=label, limit=err.limit)
    if code == "invalid_choice":
        return QCoreApplication.translate("FieldMessages", "Please choose a {field} from the list.").format(
            field=label
        )
    if code == "out_of_range":
        if err.field == "deadline_days" and err.limit is not None:
            return QCoreApplication.translate(
                "FieldMessages", "The deadline must be between 1 and {limit} days."
            ).format(limit=err.limit)
        if err.limit is not None:
            return QCoreApplication.translate(
                "FieldMessages", "{field} must be between 1 and {limit}."
            ).format(field=label, limit=err.limit)
        return QCoreApplication.translate("FieldMessages", "{field} is out of range.").format(field=label)
    if code == "in_future":
        if err.field == "call_time":
            return QCoreApplication.translate("FieldMessages", "The call time cannot be in the future.")
        return QCoreApplication.translate("FieldMessages", "{field} cannot be in the future.").format(
            field=label
        )
    return QCoreApplication.translate("FieldMessages", "{field} is not valid.").format(field=label)
