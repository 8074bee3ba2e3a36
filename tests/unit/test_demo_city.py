"""Tests for the fictional-city customer generator (callcenter.services.demo.city)."""

from __future__ import annotations

import ast
import math
import re
from collections import Counter
from itertools import islice
from pathlib import Path

import pytest

from callcenter.services.demo import city as demo_city
from callcenter.services.demo.city import (
    AREA_TYPES,
    City,
    CustomerSeed,
    demo_phone_numbers,
    generate_customers,
    load_city,
)

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-\d{7,8}$")
ACCOUNT_NO = re.compile(r"^\d{10}$")
METER_NO = re.compile(r"^3330\d{18}$")
CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")

SAMPLE = 5_000


@pytest.fixture(scope="module")
def city() -> City:
    return load_city()


@pytest.fixture(scope="module")
def sample(city: City) -> list[CustomerSeed]:
    return list(generate_customers(city, SAMPLE))


# --------------------------------------------------------------------------- the city file


def test_city_file_content(city: City) -> None:
    assert city.name == "临江市"
    assert city.unit == "国网临江供电公司"
    assert 6 <= len(city.districts) <= 8
    kinds = Counter(d.area_type for d in city.districts)
    assert set(kinds) <= set(AREA_TYPES)
    assert kinds["urban"] > len(city.districts) / 2
    assert 1 <= kinds["remote"] <= 2
    assert kinds["rural"] >= 1
    for d in city.districts:
        assert 8 <= len(d.streets) <= 15, d.name
        assert len(set(d.streets)) == len(d.streets), d.name
    compounds = [c for d in city.districts for c in d.compounds]
    assert 20 <= len(compounds) <= 40
    assert len(set(compounds)) == len(compounds)
    assert len(set(city.surnames)) == len(city.surnames) >= 50
    assert len(set(city.given_chars)) == len(city.given_chars) >= 70


def test_default_path_is_repo_resource() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert demo_city.DEFAULT_CITY_PATH == repo / "resources" / "demo" / "city.toml"
    assert load_city(demo_city.DEFAULT_CITY_PATH) == load_city()


def test_bad_city_file_is_rejected(tmp_path: Path) -> None:
    text = demo_city.DEFAULT_CITY_PATH.read_text(encoding="utf-8")
    bad = tmp_path / "city.toml"
    bad.write_text(text.replace('area_type = "remote"', 'area_type = "suburb"'), encoding="utf-8")
    with pytest.raises(ValueError, match="area_type"):
        load_city(bad)


def test_module_is_pure_stdlib() -> None:
    tree = ast.parse(Path(demo_city.__file__).read_text(encoding="utf-8"))
    modules = {
        (node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert modules <= {"__future__", "random", "tomllib", "dataclasses", "pathlib",
                       "collections", "typing"}  # fmt: skip


def test_scramble_multipliers_are_bijective() -> None:
    for mult, mod in [
        (demo_city._MOBILE_MULT, demo_city._MOBILE_MOD),
        (demo_city._LANDLINE_MULT, demo_city._LANDLINE_MOD),
        (demo_city._ACCOUNT_MULT, demo_city._ACCOUNT_MOD),
        (demo_city._METER_MULT, demo_city._METER_MOD),
    ]:
        assert math.gcd(mult, mod) == 1


# --------------------------------------------------------------------------- determinism


def test_deterministic_for_a_seed(city: City, sample: list[CustomerSeed]) -> None:
    assert list(generate_customers(city, 1_000)) == sample[:1_000]
    assert list(generate_customers(city, 300, seed=7)) == list(generate_customers(city, 300, 7))
    # A different seed gives different customers (apart from the fixed demo phones).
    other = list(generate_customers(city, 300, seed=7))
    assert [c.name for c in other] != [c.name for c in sample[:300]]
    assert [c.accounts for c in other] != [c.accounts for c in sample[:300]]


def test_prefix_stable_and_lazy(city: City, sample: list[CustomerSeed]) -> None:
    # Customer i does not depend on n, and a huge n costs nothing until iterated.
    huge = generate_customers(city, demo_city.MAX_CUSTOMERS)
    assert list(islice(huge, 50)) == sample[:50]
    assert list(generate_customers(city, 0)) == []


@pytest.mark.parametrize("n", [-1, demo_city.MAX_CUSTOMERS + 1])
def test_rejects_bad_n(city: City, n: int) -> None:
    with pytest.raises(ValueError):
        generate_customers(city, n)


# --------------------------------------------------------------------------- phones


def test_demo_phone_numbers() -> None:
    assert demo_phone_numbers() == [f"1380013800{k}" for k in range(1, 9)]
    assert demo_phone_numbers(3) == ["13800138001", "13800138002", "13800138003"]
    with pytest.raises(ValueError):
        demo_phone_numbers(9)


@pytest.mark.parametrize("seed", [95598, 1])
def test_first_customers_use_demo_phones_and_family(city: City, seed: int) -> None:
    first = list(generate_customers(city, 12, seed))
    assert [c.phone for c in first[:8]] == demo_phone_numbers()
    # Customer 9 is a relative of customer 1: same number, same surname, own accounts.
    assert first[8].phone == first[0].phone == "13800138001"
    assert first[8].name[0] == first[0].name[0]
    assert {a.account_no for a in first[8].accounts}.isdisjoint(a.account_no for a in first[0].accounts)
    assert all(c.phone not in demo_phone_numbers() for c in first[9:])


def test_phone_formats_and_landline_share(city: City, sample: list[CustomerSeed]) -> None:
    landlines = 0
    for c in sample:
        if LANDLINE.match(c.phone):
            landlines += 1
            assert c.phone.startswith(city.area_code + "-")
        else:
            assert MOBILE.match(c.phone), c.phone
    assert 0.10 < landlines / SAMPLE < 0.20


# --------------------------------------------------------------------------- names, addresses


def test_names_are_two_or_three_chinese_characters(sample: list[CustomerSeed]) -> None:
    for c in sample:
        assert CJK_NAME.match(c.name), c.name
    lengths = Counter(len(c.name) for c in sample)
    assert lengths[2] > SAMPLE * 0.2 and lengths[3] > SAMPLE * 0.4
    # Common surnames come up more often than rare ones.
    surnames = Counter(c.name[0] for c in sample)
    assert surnames["王"] > surnames["金"]


def test_addresses(city: City, sample: list[CustomerSeed]) -> None:
    kind_of = {city.name + d.name: d.area_type for d in city.districts}
    seen_kinds: Counter[str] = Counter()
    for c in sample:
        assert c.area_type in AREA_TYPES
        prefix = next(p for p in kind_of if c.address.startswith(p))
        assert kind_of[prefix] == c.area_type
        seen_kinds[c.area_type] += 1
        assert c.address.endswith(("号", "室")), c.address
        assert c.accounts[0].address == c.address
        for a in c.accounts:
            assert a.address.startswith(city.name)
            assert any(a.address.startswith(p) for p in kind_of), a.address
    assert seen_kinds["urban"] > seen_kinds["rural"] > seen_kinds["remote"] > 0
    rural = [c.address for c in sample if c.area_type != "urban"]
    assert any(re.search(r"[镇乡].+村\d+组\d+号$", a) for a in rural)
    urban = [c.address for c in sample if c.area_type == "urban"]
    assert any(re.search(r"号.+\d+号楼\d单元\d+室$", a) for a in urban)


def test_account_counts(sample: list[CustomerSeed]) -> None:
    counts = Counter(len(c.accounts) for c in sample)
    assert set(counts) == {1, 2, 3}
    assert 0.05 < (counts[2] + counts[3]) / SAMPLE < 0.15


# --------------------------------------------------------------------------- uniqueness


def test_uniqueness_over_200k(city: City) -> None:
    n = 200_000
    account_nos: set[str] = set()
    meter_nos: set[str] = set()
    phones: set[str] = set()
    total_accounts = 0
    duplicate_phones = []
    for i, c in enumerate(generate_customers(city, n)):
        if c.phone in phones:
            duplicate_phones.append((i, c.phone))
        phones.add(c.phone)
        for a in c.accounts:
            total_accounts += 1
            account_nos.add(a.account_no)
            meter_nos.add(a.meter_no)
    assert len(account_nos) == total_accounts
    assert len(meter_nos) == total_accounts
    assert duplicate_phones == [(8, "13800138001")]  # only the deliberate family
    assert all(ACCOUNT_NO.match(a) for a in account_nos)
    assert all(METER_NO.match(m) for m in meter_nos)
