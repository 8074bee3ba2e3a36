"""Who may search tickets, and what a department user finds (issue 12): the
service confines a department user to its own department's tickets whatever
the query asks; a role without TICKET_READ, or nobody, is refused."""

from __future__ import annotations

import pytest

from callcenter.domain.auth.permissions import Permission, PermissionDenied
from callcenter.domain.auth.roles import Role
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.tickets.entry import DispatchRequest
from callcenter.services.tickets.search import TicketQuery, TicketSearch
from tests.fakes import signed_in

from .conftest import Store


def _numbers(search: TicketSearch, query: TicketQuery | None = None) -> set[str]:
    return {r.number for r in search.page(query or TicketQuery(), limit=50).rows}


def _seed(store: Store) -> dict[str, set[str]]:
    by: dict[str, set[str]] = {"repair": set(), "marketing": set(), "": set()}
    for dept in ("repair", "marketing", "repair", "", "marketing"):
        dispatch = DispatchRequest(dept, 1) if dept else None
        saved = store.save(dispatch=dispatch, category="fault_repair" if dept == "repair" else "inquiry")
        by[dept].add(saved.number)
    return by


def test_a_department_user_finds_only_its_own_departments_tickets(store: Store) -> None:
    by = _seed(store)
    everyone = set().union(*by.values())
    repair = TicketSearch(store.db, store.clock, user=signed_in("8001", Role.DEPARTMENT, "repair"))
    try:
        assert _numbers(repair) == by["repair"]
        # asking for another department's tickets, or one of them by number, finds nothing
        assert _numbers(repair, TicketQuery(department="marketing")) == set()
        other = sorted(by["marketing"])[0]
        assert _numbers(repair, TicketQuery(number=other)) == set()
        assert _numbers(repair, TicketQuery(department="repair")) == by["repair"]
    finally:
        repair.close()
    for user in (signed_in("7001", Role.QA), signed_in("9001", Role.SHIFT_LEAD), signed_in("1024")):
        search = TicketSearch(store.db, store.clock, user=user)
        try:
            assert _numbers(search) == everyone
        finally:
            search.close()


def test_nobody_signed_in_finds_nothing(store: Store) -> None:
    _seed(store)
    search = TicketSearch(store.db, store.clock, user=CurrentUser())
    try:
        with pytest.raises(PermissionDenied) as denied:
            search.page(TicketQuery())
        assert (denied.value.permission, denied.value.reason) == (Permission.TICKET_READ, "not_signed_in")
        with pytest.raises(PermissionDenied):
            search.page_async(TicketQuery()).result(timeout=5)
    finally:
        search.close()
