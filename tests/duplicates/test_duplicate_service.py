"""Duplicate detection on a real SQLite file: which earlier tickets, in which order."""

from __future__ import annotations

from callcenter.domain.ticket import TicketDraft
from callcenter.domain.ticket_lifecycle import TicketState
from callcenter.services.tickets.duplicates import DuplicateQuery

from .conftest import ACCOUNT, ADDRESS, PHONE, Dup


def q(category: str = "fault_repair", **kw: str) -> DuplicateQuery:
    return DuplicateQuery.from_draft(TicketDraft(category=category, **kw))


def test_same_account_phone_or_address_same_category_first_then_newest(dup: Dup) -> None:
    by_phone = dup.save("opinion", account="", address="")
    dup.clock.advance(60)
    by_account = dup.save("inquiry", phone="13900139001", address="")
    dup.clock.advance(60)
    by_address = dup.save("opinion", phone="13900139002", account="")
    dup.clock.advance(60)
    other = dup.save("opinion", phone="13900139003", account="", address="别处1号")

    hits = dup.duplicates.find(q("opinion", caller_phone="138-0013-8001", account_no=f" {ACCOUNT} ",
                                 address=ADDRESS)).result(timeout=5).tickets
    assert [h.id for h in hits] == [by_address, by_phone, by_account]
    assert [h.matched_by for h in hits] == [("address",), ("phone",), ("account",)]
    assert hits[0].same_category and not hits[2].same_category
    assert hits[0].state is TicketState.ACCEPTED and hits[0].number.startswith("LJ-W01-")
    assert other not in [h.id for h in hits]


def test_only_the_last_n_days_count(dup: Dup) -> None:
    old = dup.save("fault_repair")
    dup.clock.advance((dup.profile.duplicate_days + 1) * 86400)
    new = dup.save("fault_repair")
    hits = dup.duplicates.find(q(caller_phone=PHONE)).result(timeout=5).tickets
    assert [h.id for h in hits] == [new] and old != new


def test_empty_keys_find_nothing_even_with_blank_tickets_on_file(dup: Dup) -> None:
    dup.save("inquiry", phone="", account="", address="")
    check = dup.duplicates.find(q(category="inquiry")).result(timeout=5)
    assert check.query.empty and check.tickets == () and check.repeat is None


def test_a_new_fault_is_not_a_repeat_complaint(dup: Dup) -> None:
    dup.save("fault_repair")
    check = dup.duplicates.check(q(caller_phone=PHONE), agent_id="1024").result(timeout=5)
    assert len(check.tickets) == 1 and check.repeat is None
    assert dup.lead.open_for("shift_lead").result(timeout=5) == []
