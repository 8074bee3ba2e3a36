"""Sub-types (业务子类): the deadline a dispatched ticket gets follows the
category *and* sub-type of the profile, and the agent may only shorten it."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from callcenter.domain.ticket import TicketDraft
from callcenter.services.tickets.detail import load_detail
from callcenter.services.tickets.entry import DispatchRequest

from .conftest import Store

TZ = ZoneInfo("Asia/Shanghai")


def plan(subtype: str) -> TicketDraft:
    return TicketDraft(category="service_request", content="新装申请，请答复供电方案。",
                       caller_name="王伟", caller_phone="13800138000", account_no="1000000001",
                       subtype=subtype)


def test_each_supply_plan_subtype_caps_the_dispatch_days(store: Store) -> None:
    for subtype, limit in (("supply_plan_residential", 3), ("supply_plan_low_voltage", 7),
                           ("supply_plan_hv_single", 15), ("supply_plan_hv_dual", 30)):
        ok = store.tickets.validate(plan(subtype), DispatchRequest("marketing", limit))
        assert ok == [], subtype
        too_long = store.tickets.validate(plan(subtype), DispatchRequest("marketing", limit + 1))
        assert [(e.field, e.code, e.limit) for e in too_long] == [
            ("deadline_days", "out_of_range", min(limit, store.profile.max_deadline_days))], subtype


def test_a_saved_subtype_is_stored_and_its_deadline_counts_working_days(store: Store) -> None:
    saved = store.save(category="service_request", subtype="supply_plan_low_voltage",
                       dispatch=DispatchRequest("marketing", 7))
    detail = store.db.read_now(lambda s: load_detail(s, saved.id))
    assert detail.subtype == "supply_plan_low_voltage"
    assert detail.deadline_at is not None
    # saved on Monday 2026-11-02 (local): 7 working days later is Wednesday 2026-11-11
    assert detail.deadline_at.astimezone(TZ).date() == date(2026, 11, 11)


def test_a_service_request_without_subtype_is_refused(store: Store) -> None:
    draft = plan("")
    assert [(e.field, e.code) for e in store.tickets.validate(draft)] == [("subtype", "required")]
