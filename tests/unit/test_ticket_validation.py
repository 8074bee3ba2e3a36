"""Ticket entry rules: validation in form order and the ticket number."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callcenter.domain.site_profile import TICKET_FIELDS, SiteProfile, profile_from_mapping
from callcenter.domain.ticket import (
    MAX_LENGTHS,
    FieldError,
    TicketDraft,
    TicketInvalid,
    ticket_number,
    validate,
)

PROFILE_DATA: dict[str, Any] = {
    "site": {"code": "GZ", "unit_name": "国网广州供电局"},
    "categories": [
        {
            "code": "fault_repair",
            "name": "故障报修",
            "required": ["content", "caller_phone", "account_no", "address"],
        },
        {"code": "inquiry", "name": "咨询", "required": ["content"]},
        {"code": "complaint", "name": "投诉", "required": ["content", "caller_phone"]},
        {"code": "praise", "name": "表扬"},
    ],
    "departments": [{"code": "ops", "name": "运检部"}, {"code": "mkt", "name": "营销部"}],
    "busy_reasons": [{"code": "lunch", "name": "用餐"}],
    "area_types": [
        {"code": "urban", "name": "城区"},
        {"code": "rural", "name": "农村"},
        {"code": "remote", "name": "偏远"},
    ],
    "priorities": [
        {"code": "waiting", "name": "等待安排"},
        {"code": "as_agreed", "name": "按照约定"},
        {"code": "soon", "name": "尽快安排"},
        {"code": "urgent", "name": "加急安排"},
    ],
}
PROFILE: SiteProfile = profile_from_mapping(PROFILE_DATA)
MOBILE = re.compile(r"1[3-9]\d{9}")


def phone_ok(phone: str) -> bool:
    return MOBILE.fullmatch(phone) is not None


def fault(**changes: str) -> TicketDraft:
    """A complete, valid fault-repair ticket."""
    draft = TicketDraft(
        category="fault_repair",
        content="家里整栋楼停电,已检查室内空开正常",
        caller_name="张三",
        caller_phone="13812345678",
        account_no="0123456789",
        meter_no="ZJ12345678",
        address="广州市天河区体育西路1号",
        area_type="urban",
        priority="urgent",
    )
    return replace(draft, **changes)


def check(draft: TicketDraft) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in validate(draft, PROFILE, phone_ok)]


# --- valid tickets -----------------------------------------------------------------------


def test_complete_fault_ticket_is_valid() -> None:
    assert validate(fault(), PROFILE, phone_ok) == []


def test_inquiry_needs_only_category_and_content() -> None:
    assert check(TicketDraft(category="inquiry", content="电费怎么交?")) == []


def test_category_without_required_fields() -> None:
    assert check(TicketDraft(category="praise")) == []


@pytest.mark.parametrize("area", ["urban", "rural", "remote", ""])
def test_every_area_type_is_accepted(area: str) -> None:
    assert check(fault(area_type=area)) == []


@pytest.mark.parametrize("priority", ["waiting", "as_agreed", "soon", "urgent", ""])
def test_every_priority_is_accepted(priority: str) -> None:
    assert check(fault(priority=priority)) == []


# --- required fields per category --------------------------------------------------------


def test_empty_draft_needs_a_category_only() -> None:
    assert validate(TicketDraft(), PROFILE, phone_ok) == [FieldError("category", "required")]


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\u3000"])  # incl. ideographic space
def test_blank_required_field_is_required(blank: str) -> None:
    assert check(TicketDraft(category="inquiry", content=blank)) == [("content", "required")]


def test_fault_repair_required_fields_in_form_order() -> None:
    assert check(TicketDraft(category="fault_repair")) == [
        ("content", "required"),
        ("caller_phone", "required"),
        ("account_no", "required"),
        ("address", "required"),
    ]


@pytest.mark.parametrize("name", ["content", "caller_phone", "account_no", "address"])
def test_each_fault_repair_field_is_required(name: str) -> None:
    assert check(fault(**{name: ""})) == [(name, "required")]


@pytest.mark.parametrize("name", ["caller_name", "meter_no", "area_type", "priority"])
def test_optional_fault_repair_fields_may_be_empty(name: str) -> None:
    assert check(fault(**{name: ""})) == []


def test_complaint_needs_content_and_phone() -> None:
    assert check(TicketDraft(category="complaint")) == [
        ("content", "required"),
        ("caller_phone", "required"),
    ]


def test_required_error_carries_no_limit() -> None:
    [err] = validate(TicketDraft(category="inquiry"), PROFILE, phone_ok)
    assert err == FieldError("content", "required", None)


# --- choices -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("category", "outage"),
        ("category", "Fault_Repair"),
        ("category", "fault_repair "),
        ("area_type", "suburban"),
        ("area_type", "城区"),  # the label is not the code
        ("priority", "asap"),
        ("priority", "URGENT"),
    ],
)
def test_unknown_choice_is_invalid(name: str, value: str) -> None:
    draft = fault(**{name: value}) if name != "category" else TicketDraft(category=value)
    assert (name, "invalid_choice") in check(draft)


def test_unknown_category_requires_nothing_else() -> None:
    assert check(TicketDraft(category="outage")) == [("category", "invalid_choice")]


# --- lengths (code points) ---------------------------------------------------------------


@pytest.mark.parametrize(("name", "limit"), sorted(MAX_LENGTHS.items()))
def test_length_limits(name: str, limit: int) -> None:
    at_limit = validate(TicketDraft(category="praise", **{name: "x" * limit}), PROFILE, phone_ok)
    assert all(e.code != "too_long" for e in at_limit)
    over = validate(TicketDraft(category="praise", **{name: "x" * (limit + 1)}), PROFILE, phone_ok)
    # too long replaces any format error for the same field
    assert over == [FieldError(name, "too_long", limit)]


def test_limits_are_the_documented_ones() -> None:
    assert MAX_LENGTHS == {
        "content": 2000,
        "caller_name": 50,
        "caller_phone": 30,
        "account_no": 20,
        "meter_no": 30,
        "address": 200,
    }


def test_content_of_2000_characters_is_accepted() -> None:
    assert check(fault(content="停" * 2000)) == []


def test_content_of_2001_characters_is_refused_with_the_limit() -> None:
    errors = validate(fault(content="停" * 2001), PROFILE, phone_ok)
    assert errors == [FieldError("content", "too_long", 2000)]


@pytest.mark.parametrize("char", ["𠀀", "😀", "𪚥", "电"])
def test_rare_cjk_and_emoji_count_as_one_character(char: str) -> None:
    assert len(char.encode("utf-16-le")) in (2, 4)  # some of these need surrogate pairs
    assert check(fault(content="a" * 1999 + char)) == []
    assert check(fault(content="a" * 2000 + char)) == [("content", "too_long")]
    assert check(fault(content=char * 2000)) == []
    assert check(fault(content=char * 2001)) == [("content", "too_long")]


def test_name_of_50_rare_characters_is_accepted() -> None:
    assert check(fault(caller_name="𠀀" * 50)) == []
    assert check(fault(caller_name="𠀀" * 51)) == [("caller_name", "too_long")]


def test_address_limit() -> None:
    assert check(fault(address="路" * 200)) == []
    assert validate(fault(address="路" * 201), PROFILE, phone_ok) == [
        FieldError("address", "too_long", 200)
    ]


def test_too_long_phone_is_too_long_not_invalid() -> None:
    assert check(fault(caller_phone="1" * 31)) == [("caller_phone", "too_long")]


# --- formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("phone", ["13812345678", "19912345678", " 13812345678 "])
def test_valid_mobile(phone: str) -> None:
    assert check(fault(caller_phone=phone)) == []


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "138123456789", "abc", "+86"])
def test_invalid_phone(phone: str) -> None:
    assert check(fault(caller_phone=phone)) == [("caller_phone", "invalid_phone")]


def test_phone_check_gets_the_trimmed_number() -> None:
    seen: list[str] = []

    def spy(p: str) -> bool:
        seen.append(p)
        return True

    validate(fault(caller_phone="  13812345678\t"), PROFILE, spy)
    assert seen == ["13812345678"]


def test_phone_check_is_not_called_for_an_empty_optional_phone() -> None:
    def boom(p: str) -> bool:
        raise AssertionError(f"called with {p!r}")

    assert validate(TicketDraft(category="inquiry", content="x"), PROFILE, boom) == []


@pytest.mark.parametrize("account", ["0123456789", "9999999999", " 0123456789 "])
def test_valid_account(account: str) -> None:
    assert check(fault(account_no=account)) == []


@pytest.mark.parametrize(
    "account",
    [
        "012345678",  # 9 digits
        "01234567890",  # 11 digits
        "012345678a",
        "0123-45678",
        "0123 456789",
    ],
)
def test_invalid_account(account: str) -> None:
    assert check(fault(account_no=account)) == [("account_no", "invalid_account")]


@pytest.mark.parametrize(
    "account",
    [
        "０１２３４５６７８９",  # full-width digits (Chinese IME in full-width mode)
        "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic digits
    ],
)
def test_account_digits_are_ascii_digits(account: str) -> None:
    """An account number (户号) is ten ASCII digits; other Unicode digits are refused."""
    assert check(fault(account_no=account)) == [("account_no", "invalid_account")]


def test_account_pattern_comes_from_the_profile() -> None:
    data = dict(PROFILE_DATA, validation={"account_pattern": r"^\d{13}$"})
    profile = profile_from_mapping(data)
    assert validate(fault(account_no="0123456789"), profile, phone_ok) == [
        FieldError("account_no", "invalid_account")
    ]
    assert validate(fault(account_no="0123456789012"), profile, phone_ok) == []


@pytest.mark.parametrize("meter", ["ZJ1234", "123456", "A" * 24, " ZJ12345678 "])
def test_valid_meter(meter: str) -> None:
    assert check(fault(meter_no=meter)) == []


@pytest.mark.parametrize("meter", ["ZJ123", "A" * 25, "ZJ-123456", "表号123456", "ＺＪ１２３４５６"])
def test_invalid_meter(meter: str) -> None:
    assert check(fault(meter_no=meter)) == [("meter_no", "invalid_meter")]


@pytest.mark.parametrize(
    "text",
    [
        "'; DROP TABLE tickets; --",
        "1' OR '1'='1",
        'he said "no power" \\ again',
        "<script>alert(1)</script>",
        "Robert'); DELETE FROM calls;--",
        "%s %d {0} {content}",
    ],
)
def test_sql_looking_and_quoted_text_is_not_an_error(text: str) -> None:
    draft = fault(content=text, caller_name=text[:50], address=text)
    assert check(draft) == []


# --- form order --------------------------------------------------------------------------


def test_errors_come_in_form_order() -> None:
    draft = TicketDraft(
        category="fault_repair",
        content="",
        caller_name="名" * 51,
        caller_phone="12345",
        account_no="12",
        meter_no="!",
        address="",
        area_type="mountain",
        priority="now",
    )
    assert check(draft) == [
        ("content", "required"),
        ("caller_name", "too_long"),
        ("caller_phone", "invalid_phone"),
        ("account_no", "invalid_account"),
        ("meter_no", "invalid_meter"),
        ("address", "required"),
        ("area_type", "invalid_choice"),
        ("priority", "invalid_choice"),
    ]


def test_one_error_per_field_required_wins_over_too_long() -> None:
    errors = validate(TicketDraft(category="fault_repair", content=" " * 2001), PROFILE, phone_ok)
    assert [e for e in errors if e.field == "content"] == [FieldError("content", "required")]


draft_strategy = st.builds(
    TicketDraft,
    category=st.sampled_from(["", "fault_repair", "inquiry", "complaint", "praise", "x"]),
    content=st.text(max_size=30) | st.just("c" * 2001),
    caller_name=st.text(max_size=60),
    caller_phone=st.sampled_from(["", "13812345678", "123", "1" * 31]),
    account_no=st.sampled_from(["", "0123456789", "12", "9" * 21]),
    meter_no=st.sampled_from(["", "ZJ123456", "x", "Z" * 31]),
    address=st.text(max_size=10),
    area_type=st.sampled_from(["", "urban", "rural", "remote", "moon"]),
    priority=st.sampled_from(["", "waiting", "urgent", "later"]),
)


@given(draft_strategy)
def test_errors_are_sorted_by_form_order_and_unique(draft: TicketDraft) -> None:
    errors = validate(draft, PROFILE, phone_ok)
    positions = [TICKET_FIELDS.index(e.field) for e in errors]
    assert positions == sorted(set(positions))
    for e in errors:
        assert e.code in {
            "required", "too_long", "invalid_phone", "invalid_account",
            "invalid_meter", "invalid_choice", "bad_character",
        }
        assert (e.limit is not None) is (e.code in ("too_long", "bad_character"))
        if e.code == "too_long":
            assert e.limit == MAX_LENGTHS[e.field]
            assert len(draft.value(e.field)) > e.limit


def test_ticket_invalid_carries_the_errors() -> None:
    errors = validate(TicketDraft(category="fault_repair"), PROFILE, phone_ok)
    exc = TicketInvalid(errors)
    assert isinstance(exc, ValueError)
    assert exc.errors == errors
    assert str(exc) == "content:required, caller_phone:required, account_no:required, address:required"


def test_draft_value_reads_each_field() -> None:
    draft = fault()
    assert [draft.value(n) for n in TICKET_FIELDS] == [
        "fault_repair", draft.content, "张三", "13812345678", "0123456789",
        "ZJ12345678", draft.address, "urban", "urgent", "",
    ]


# --- sub-types (业务子类) -------------------------------------------------------------------

SUB_PROFILE = profile_from_mapping({**PROFILE_DATA, "categories": [
    *PROFILE_DATA["categories"],
    {"code": "service_request", "name": "服务申请", "required": ["content", "subtype"],
     "subtypes": [{"code": "supply_plan_residential", "name": "供电方案答复（居民）"},
                  {"code": "connection_residential", "name": "装表接电（居民）"}]},
]})


def test_a_subtype_must_belong_to_the_category() -> None:
    ok = TicketDraft(category="service_request", content="申请装表", subtype="connection_residential")
    assert validate(ok, SUB_PROFILE, phone_ok) == []
    wrong = replace(ok, subtype="supply_plan_hv_dual")
    assert [(e.field, e.code) for e in validate(wrong, SUB_PROFILE, phone_ok)] == [
        ("subtype", "invalid_choice")]
    # a category without sub-types takes none
    inquiry = TicketDraft(category="inquiry", content="电价", subtype="connection_residential")
    assert [(e.field, e.code) for e in validate(inquiry, SUB_PROFILE, phone_ok)] == [
        ("subtype", "invalid_choice")]


def test_a_profile_may_require_the_subtype() -> None:
    draft = TicketDraft(category="service_request", content="申请装表")
    assert [(e.field, e.code) for e in validate(draft, SUB_PROFILE, phone_ok)] == [
        ("subtype", "required")]
    assert [t.code for t in SUB_PROFILE.subtypes("service_request")] == [
        "supply_plan_residential", "connection_residential"]
    assert SUB_PROFILE.subtypes("inquiry") == () and SUB_PROFILE.subtypes("nope") == ()


# --- ticket number -----------------------------------------------------------------------


def test_ticket_number_format() -> None:
    assert ticket_number("GZ", "W01", date(2026, 11, 23), 1) == "GZ-W01-20261123-0001"


@pytest.mark.parametrize(
    ("day", "seq", "expected"),
    [
        (date(2026, 1, 5), 42, "GZ-W01-20260105-0042"),
        (date(2026, 12, 31), 9999, "GZ-W01-20261231-9999"),
        (date(2027, 1, 1), 10000, "GZ-W01-20270101-10000"),  # never truncated
    ],
)
def test_ticket_number_pads_day_and_sequence(day: date, seq: int, expected: str) -> None:
    assert ticket_number("GZ", "W01", day, seq) == expected


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(min_value=1, max_value=9999),
)
def test_ticket_numbers_are_unique_and_parseable(day: date, seq: int) -> None:
    number = ticket_number("GZ", "W01", day, seq)
    m = re.fullmatch(r"GZ-W01-(\d{8})-(\d{4})", number)
    assert m is not None
    assert m.group(1) == day.strftime("%Y%m%d")
    assert int(m.group(2)) == seq
