"""Translated names for the automatic checks, breach types and check filters."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from callcenter.domain.qa import checks as c
from callcenter.domain.qa.reviews import ReviewRefused, ReviewState
from callcenter.services.qa.workspace import ALL_PASSED, ANY_FAILED


def check_name(name: str) -> str:
    return {
        c.LATE_APOLOGY: QCoreApplication.translate("QaLabels", "Apology after a late answer"),
        c.LATE_GREETING_AGENT_ID: QCoreApplication.translate(
            "QaLabels", "Late-answer greeting gives the agent ID"),
        c.TALK_TIME: QCoreApplication.translate("QaLabels", "Talk within 150 s"),
        c.WRAPUP_TIME: QCoreApplication.translate("QaLabels", "Wrap-up within 60 s"),
        c.CUSTOMER_HUNG_UP_FIRST: QCoreApplication.translate("QaLabels", "Customer hung up first"),
        c.KEY_FIELDS_PRESENT: QCoreApplication.translate("QaLabels", "Key fields filled"),
        c.KEY_FIELDS_KEPT_AFTER_DISPATCH: QCoreApplication.translate(
            "QaLabels", "Key fields unchanged after dispatch"),
        c.DISPATCH_CONTACT_PHONE: QCoreApplication.translate("QaLabels", "Dispatched with a contact phone"),
        c.COMPLAINT_CALMING: QCoreApplication.translate("QaLabels", "Complaint: calming script used"),
        c.NOT_BACKFILLED: QCoreApplication.translate("QaLabels", "Not a back-filled ticket"),
        c.WRAPUP_WITH_TICKET: QCoreApplication.translate("QaLabels", "Wrap-up ended with a ticket"),
    }.get(name, name)


def breach_name(code: str) -> str:
    return {
        "late_answer": QCoreApplication.translate("QaLabels", "Late answer"),
        "talk_over": QCoreApplication.translate("QaLabels", "Talk over 150 s"),
        "wrapup_over": QCoreApplication.translate("QaLabels", "Wrap-up over 60 s"),
        "agent_hung_up": QCoreApplication.translate("QaLabels", "Agent hung up first"),
        "backfilled": QCoreApplication.translate("QaLabels", "Back-filled"),
    }.get(code, code)


def check_filter_name(code: str) -> str:
    if code == ANY_FAILED:
        return QCoreApplication.translate("QaLabels", "Any check failed")
    if code == ALL_PASSED:
        return QCoreApplication.translate("QaLabels", "All checks passed")
    return QCoreApplication.translate("QaLabels", "Failed: %1").replace("%1", check_name(code))


def outcome_name(code: str) -> str:
    return {
        "answered": QCoreApplication.translate("QaLabels", "Answered"),
        "missed": QCoreApplication.translate("QaLabels", "Missed"),
        "abandoned": QCoreApplication.translate("QaLabels", "Abandoned"),
        "backfilled": QCoreApplication.translate("QaLabels", "Back-filled"),
        "ringing": QCoreApplication.translate("QaLabels", "Ringing"),
    }.get(code, code)


def refusal_text(exc: BaseException) -> str:
    """Why a review step was refused, for the person who tried it."""
    if isinstance(exc, ReviewRefused):
        return {
            "wrong_state": QCoreApplication.translate(
                "QaLabels", "This review is not at that step any more."),
            "not_yours": QCoreApplication.translate("QaLabels", "This is not your review."),
            "not_reviewer": QCoreApplication.translate(
                "QaLabels", "Only the reviewer or a shift lead may do this."),
            "reason_required": QCoreApplication.translate("QaLabels", "Give a reason."),
            "too_many_disputes": QCoreApplication.translate(
                "QaLabels", "No more disputes: the limit is reached."),
        }.get(exc.reason, exc.reason)
    return str(exc)


def review_state_name(state: ReviewState) -> str:
    return {
        ReviewState.DRAFT: QCoreApplication.translate("QaLabels", "Draft"),
        ReviewState.RELEASED: QCoreApplication.translate("QaLabels", "Released"),
        ReviewState.DISPUTED: QCoreApplication.translate("QaLabels", "Disputed"),
        ReviewState.SIGNED_OFF: QCoreApplication.translate("QaLabels", "Signed off"),
    }[state]


def step_name(kind: str) -> str:
    return {
        "submitted": QCoreApplication.translate("QaLabels", "scored and released"),
        "signed_off": QCoreApplication.translate("QaLabels", "signed off"),
        "disputed": QCoreApplication.translate("QaLabels", "disputed"),
        "rescored": QCoreApplication.translate("QaLabels", "rescored"),
        "declined": QCoreApplication.translate("QaLabels", "dispute declined"),
    }.get(kind, kind)


def detail_text(detail: str) -> str:
    """A check's detail: who hung up, the fields missing, the seconds taken."""
    words = {
        "customer": QCoreApplication.translate("QaLabels", "the customer"),
        "agent": QCoreApplication.translate("QaLabels", "the agent"),
        "category": QCoreApplication.translate("QaLabels", "category"),
        "content": QCoreApplication.translate("QaLabels", "content"),
        "caller_phone": QCoreApplication.translate("QaLabels", "contact phone"),
        "no_apology_first": QCoreApplication.translate("QaLabels", "no apology first"),
        "no_greeting": QCoreApplication.translate("QaLabels", "no greeting"),
        "no_agent_id": QCoreApplication.translate("QaLabels", "no agent ID"),
    }
    return ",".join(words.get(part, part) for part in detail.split(","))
