"""Site profile: the typed shape of resources/profiles/*.toml and its checks."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from callcenter.domain.ring_counter import RingCadence
from callcenter.domain.site_profile import (
    TICKET_FIELDS,
    CategoryRule,
    Named,
    ProfileError,
    SiteProfile,
    profile_from_mapping,
)
from callcenter.domain.sla import SlaTargets


def minimal() -> dict[str, Any]:
    return {
        "site": {"code": "GZ", "unit_name": "国网广州供电局"},
        "categories": [
            {
                "code": "fault_repair",
                "name": "故障报修",
                "name_en": "Fault repair",
                "required": ["content", "caller_phone", "account_no", "address"],
                "default_deadline_days": 1,
            },
            {"code": "inquiry", "name": "咨询", "required": ["content"]},
            {"code": "complaint", "name": "投诉", "default_deadline_days": 5},
        ],
        "departments": [{"code": "ops", "name": "运检部", "name_en": "Operations"}],
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


def without(data: dict[str, Any], *path: str | int) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node: Any = out
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return out


# --- a good profile ----------------------------------------------------------------------


def test_minimal_profile_uses_the_rule_defaults() -> None:
    p = profile_from_mapping(minimal())
    assert isinstance(p, SiteProfile)
    assert p.site_code == "GZ"
    assert p.unit_name == "国网广州供电局"
    assert p.timezone == "Asia/Shanghai"
    assert p.cadence == RingCadence(1.0, 4.0)
    assert p.targets == SlaTargets()
    assert p.targets.ring_limit == 3
    assert p.account_pattern == r"^\d{10}$"
    assert p.recent_ticket_days == 30
    assert p.max_deadline_days == 30


def test_settings_override_the_defaults() -> None:
    data = minimal()
    data["site"]["timezone"] = "America/Toronto"
    data["ring"] = {"on_s": 2, "off_s": 4, "limit": 4, "no_answer_timeout_s": 40}
    data["targets"] = {
        "talk_warn_s": 100,
        "talk_target_s": 140,
        "wrapup_target_s": 90,
        "wrapup_warn_remaining_s": 20,
    }
    data["validation"] = {"account_pattern": r"^\d{13}$", "meter_pattern": r"^\d{8}$"}
    data["screen_pop"] = {"recent_days": 7}
    data["dispatch"] = {"max_deadline_days": 15}
    p = profile_from_mapping(data)
    assert p.timezone == "America/Toronto"
    assert p.cadence == RingCadence(2.0, 4.0)
    assert isinstance(p.cadence.on_s, float)
    assert p.targets == SlaTargets(
        ring_limit=4,
        ring_no_answer_timeout_s=40.0,
        talk_warn_s=100.0,
        talk_target_s=140.0,
        wrapup_target_s=90.0,
        wrapup_warn_remaining_s=20.0,
    )
    assert p.account_pattern == r"^\d{13}$"
    assert p.meter_pattern == r"^\d{8}$"
    assert p.recent_ticket_days == 7
    assert p.max_deadline_days == 15


def test_categories_and_their_required_fields() -> None:
    p = profile_from_mapping(minimal())
    fault = p.category("fault_repair")
    assert fault == CategoryRule(
        "fault_repair", "故障报修", "Fault repair",
        required=("content", "caller_phone", "account_no", "address"),
        default_deadline_days=1,
    )
    assert p.required_fields("fault_repair") == (
        "category", "content", "caller_phone", "account_no", "address",
    )
    assert p.required_fields("inquiry") == ("category", "content")
    assert p.required_fields("complaint") == ("category",)
    assert p.category("complaint") is not None
    assert p.category("complaint").default_deadline_days == 5  # type: ignore[union-attr]
    assert p.category("inquiry").default_deadline_days == 1  # type: ignore[union-attr]


def test_unknown_category_requires_only_the_category() -> None:
    p = profile_from_mapping(minimal())
    assert p.category("nope") is None
    assert p.required_fields("nope") == ("category",)
    assert p.required_fields("") == ("category",)


def test_named_lists_keep_order_and_labels() -> None:
    p = profile_from_mapping(minimal())
    assert [a.code for a in p.area_types] == ["urban", "rural", "remote"]
    assert [x.code for x in p.priorities] == ["waiting", "as_agreed", "soon", "urgent"]
    assert p.departments == (Named("ops", "运检部", "Operations"),)
    # name_en falls back to the Chinese name
    assert p.busy_reasons == (Named("lunch", "用餐", "用餐"),)
    assert p.departments[0].label("en") == "Operations"
    assert p.departments[0].label("zh_CN") == "运检部"
    assert p.category("fault_repair").label("en") == "Fault repair"  # type: ignore[union-attr]


def test_every_ticket_field_may_be_required() -> None:
    data = minimal()
    data["categories"][0]["required"] = list(TICKET_FIELDS)
    p = profile_from_mapping(data)
    assert set(p.required_fields("fault_repair")) == set(TICKET_FIELDS)


def test_profile_is_immutable() -> None:
    p = profile_from_mapping(minimal())
    with pytest.raises(AttributeError):
        p.site_code = "SZ"  # type: ignore[misc]


# --- bad profiles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "key"),
    [
        (("site",), "site"),
        (("categories",), "categories"),
        (("site", "code"), "code"),
        (("site", "unit_name"), "unit_name"),
        (("categories", 0, "code"), "code"),
        (("categories", 1, "name"), "name"),
    ],
)
def test_missing_key_raises_profile_error_naming_it(path: tuple[Any, ...], key: str) -> None:
    with pytest.raises(ProfileError) as info:
        profile_from_mapping(without(minimal(), *path))
    message = str(info.value)
    assert "missing" in message
    assert repr(key) in message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("section", ["departments", "busy_reasons", "area_types", "priorities"])
def test_missing_named_list_raises(section: str) -> None:
    with pytest.raises(ProfileError, match=f"{section} must not be empty"):
        profile_from_mapping(without(minimal(), section))


@pytest.mark.parametrize("section", ["departments", "busy_reasons", "area_types", "priorities"])
def test_empty_named_list_raises(section: str) -> None:
    data = minimal()
    data[section] = []
    with pytest.raises(ProfileError, match=f"{section} must not be empty"):
        profile_from_mapping(data)


@pytest.mark.parametrize("missing", ["code", "name"])
def test_named_entry_without_code_or_name_says_which_entry(missing: str) -> None:
    data = minimal()
    del data["area_types"][2][missing]
    with pytest.raises(ProfileError, match=r"area_types\[2\] needs code and name"):
        profile_from_mapping(data)


def test_named_entry_that_is_not_a_table_raises() -> None:
    data = minimal()
    data["priorities"] = ["urgent"]
    with pytest.raises(ProfileError, match=r"priorities\[0\]"):
        profile_from_mapping(data)


def test_unknown_required_field_raises_naming_category_and_field() -> None:
    data = minimal()
    data["categories"][1]["required"] = ["content", "phone_number"]
    with pytest.raises(ProfileError) as info:
        profile_from_mapping(data)
    message = str(info.value)
    assert "categories[1].required" in message
    assert "phone_number" in message
    assert "content" not in message.split("unknown", 1)[1]


def test_required_as_a_string_is_refused() -> None:
    data = minimal()
    data["categories"][1]["required"] = "content"  # a string, not a list
    with pytest.raises(ProfileError, match=r"categories\[1\]\.required"):
        profile_from_mapping(data)


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("ring", "on_s", "one"),
        ("ring", "limit", "three"),
        ("targets", "talk_target_s", "long"),
    ],
)
def test_non_numeric_setting_raises_profile_error(section: str, key: str, value: str) -> None:
    data = minimal()
    data[section] = {key: value}
    with pytest.raises(ProfileError, match="bad or missing profile key"):
        profile_from_mapping(data)


def test_site_that_is_not_a_table_raises_profile_error() -> None:
    data = minimal()
    data["site"] = "GZ"
    with pytest.raises(ProfileError):
        profile_from_mapping(data)


def test_profile_with_unknown_category_in_deadlines_names_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from callcenter.services.site.profile import DEFAULT_PROFILE, load_profile

    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    bad = text.replace('category = "report"             #', 'category = "reprot"             #')
    path = tmp_path / "site.toml"
    path.write_text(bad, encoding="utf-8")
    line = next(i for i, ln in enumerate(bad.splitlines(), 1) if '"reprot"' in ln)
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    assert str(err.value).startswith(f"{path}:{line}:")
    assert "reprot" in str(err.value)


def test_shipped_deadlines_follow_the_rules() -> None:
    from callcenter.domain.deadlines import DeadlineUnit
    from callcenter.services.site.profile import load_profile

    p = load_profile()
    assert (p.deadline_for("complaint").amount, p.deadline_for("complaint").unit) == (5, DeadlineUnit.DAYS)
    assert p.deadline_for("report").amount == 10
    arrival = [p.deadline_for("fault_repair", area_type=a).amount for a in ("urban", "rural", "remote")]
    assert arrival == [45, 90, 120]
    plan = p.deadline_for("service_request", subtype="supply_plan_low_voltage")
    assert (plan.amount, plan.unit) == (7, DeadlineUnit.WORKING_DAYS)


def test_shipped_service_request_subtypes_cover_its_deadline_rules() -> None:
    from callcenter.services.site.profile import load_profile

    p = load_profile()
    codes = {t.code for t in p.subtypes("service_request")}
    ruled = {r.subtype for r in p.deadlines if r.category == "service_request"}
    assert ruled and ruled <= codes
    assert "subtype" in p.required_fields("service_request")
    assert all(t.name and t.name_en for t in p.subtypes("service_request"))


def test_a_deadline_rule_for_an_unknown_subtype_names_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from callcenter.services.site.profile import DEFAULT_PROFILE, load_profile

    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    bad = text.replace('subtype = "supply_plan_hv_dual"', 'subtype = "supply_plan_hv_duel"')
    path = tmp_path / "site.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ProfileError, match="supply_plan_hv_duel"):
        load_profile(path)


@pytest.mark.parametrize("section, key, value, message", [
    ("site", "timezone", "Nowhere/City", "unknown time zone"),
    ("validation", "account_pattern", "([", "not a regular expression"),
    ("validation", "meter_pattern", "*x", "not a regular expression"),
    ("ring", "limit", 0, "ring.limit must be positive"),
    ("ring", "no_answer_timeout_s", -1.0, "must be positive"),
    ("targets", "talk_target_s", 0.0, "must be positive"),
    ("screen_pop", "recent_days", 0, "must be positive"),
    ("dispatch", "max_deadline_days", -5, "must be positive"),
])
def test_values_no_desk_could_run_with_are_refused(section: str, key: str, value: Any,
                                                   message: str) -> None:
    """A profile is published to every desk: one that parses but would stop them
    at start (or break every form) is refused when it is read."""
    data = minimal()
    data.setdefault(section, {})[key] = value
    with pytest.raises(ProfileError, match=message):
        profile_from_mapping(data)


# --- issue 19: a profile with a misspelt key or the wrong type is refused with FILE:LINE ---------

def _profile_variant(tmp_path, old: str, new: str):  # type: ignore[no-untyped-def]
    from callcenter.services.site.profile import DEFAULT_PROFILE

    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "site.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _refusal(path) -> str:  # type: ignore[no-untyped-def]
    from callcenter.services.site.profile import load_profile

    with pytest.raises(ProfileError) as err:
        load_profile(path)
    return str(err.value)


def test_a_misspelt_key_is_refused_with_its_line_and_a_hint(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _profile_variant(tmp_path, "limit = 3 ", "limt = 9 ")
    assert _refusal(path) == f"{path}:14: unknown key 'ring.limt'; did you mean 'limit'?"
    path = _profile_variant(tmp_path, 'code = "urban"', 'code = "urban"\ncolour = "red"')
    assert "unknown key 'area_types[1].colour'" in _refusal(path)


def test_a_missing_section_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _profile_variant(tmp_path, "[ring]", "# no ring section here\n[ring_unused]")
    lines = _refusal(path).splitlines()
    assert f"{path}:1: the section [ring] is missing" in lines
    assert lines[1].startswith(f"{path}:12: unknown key 'ring_unused'; known: area_types, ")


def test_a_wrong_type_names_the_key_and_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _profile_variant(tmp_path, "limit = 3 ", 'limit = "three" ')
    assert _refusal(path) == f"{path}:14: ring.limit must be a whole number, not 'three'"


def test_a_toml_syntax_error_is_reported_on_its_real_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _profile_variant(tmp_path, "[targets]", "[targets")
    assert _refusal(path).startswith(f"{path}:17: TOML syntax error: ")


def test_a_profile_that_is_not_utf8_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from callcenter.services.site.profile import DEFAULT_PROFILE

    path = tmp_path / "gbk.toml"
    path.write_bytes(DEFAULT_PROFILE.read_text(encoding="utf-8").encode("gbk"))
    assert _refusal(path) == f"{path}:8: not UTF-8 text (byte 0xb9; GBK?): save the profile as UTF-8"


def test_the_shipped_profile_has_only_known_keys() -> None:
    import tomllib

    from callcenter.domain.profile_schema import check
    from callcenter.services.site.profile import DEFAULT_PROFILE

    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    assert check(tomllib.loads(text), text) == []
