"""Address normalisation and scope matching, including what must NOT match."""

from __future__ import annotations

import pytest

from callcenter.domain.outages import covers, normalise, parse_address
from callcenter.domain.outages.address import within


@pytest.mark.parametrize(("raw", "expected"), [
    ("幸福路１２号", "幸福路12号"),  # full-width digits
    ("幸福路 12 号，3栋", "幸福路12号3号楼"),  # spaces, punctuation, 栋
    ("幸福路12号3幢", "幸福路12号3号楼"),
    ("幸福路12号3号栋", "幸福路12号3号楼"),
    ("幸福路12号（3号楼）", "幸福路12号3号楼"),
    ("ＡＢ小区5号楼", "AB小区5号楼"),
])
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_admin_prefix_is_split_off() -> None:
    a = parse_address("临江市江城区幸福路12号锦绣花园3号楼2单元1502室")
    assert (a.city, a.district) == ("临江市", "江城区")
    assert a.chunks == ("幸福路", "12号", "锦绣花园", "3号楼", "2单元", "1502室")
    assert parse_address("新区路5号").district == ""  # a street called 新区路, not a district
    assert parse_address("和平里小区5号楼").district == ""  # 小区 is not a district


@pytest.mark.parametrize(("scope", "address"), [
    ("幸福路12号", "幸福路12号3号楼2单元"),
    ("幸福路12号", "临江市江城区幸福路12号3号楼2单元"),  # the address names city and district
    ("江城区幸福路12号", "幸福路12号3号楼"),  # the caller leaves the district out
    ("幸福路12号3号楼", "幸福路１２号3栋2单元"),  # variants on the address side
    ("幸福路12号3栋", "幸福路12号3号楼1502室"),  # variants on the scope side
    ("锦绣花园3号楼", "临江市江城区幸福路12号锦绣花园3号楼2单元1502室"),  # compound scope
    ("江城区", "临江市江城区幸福路12号"),  # a whole district
    ("幸福路", "幸福路200号"),  # a whole road
    ("青山镇石桥村3组", "青山县青山镇石桥村3组12号"),
])
def test_scope_covers(scope: str, address: str) -> None:
    assert covers(parse_address(scope), parse_address(address))


@pytest.mark.parametrize(("scope", "address"), [
    ("幸福路12号3号楼", "幸福路12号13号楼"),  # 3号楼 never matches 13号楼
    ("幸福路12号13号楼", "幸福路12号3号楼"),
    ("幸福路1号", "幸福路12号"),
    ("幸福路12号", "幸福路112号"),
    ("幸福路", "新幸福路3号"),  # another road whose name ends the same
    ("江城区幸福路12号", "滨湖区幸福路12号"),  # same street name, another district
    ("幸福路12号3号楼", "幸福路12号"),  # a building does not cover its whole compound
    ("江城区", "幸福路12号"),  # a district scope needs the address to name the district
    ("石桥村3组", "石桥村13组5号"),
])
def test_scope_must_not_cover(scope: str, address: str) -> None:
    assert not covers(parse_address(scope), parse_address(address))


def test_broad_search_finds_scopes_inside_it() -> None:
    scope = parse_address("江城区幸福路12号锦绣花园3号楼")
    assert within(parse_address("幸福路"), scope)
    assert within(parse_address("锦绣花园"), scope)
    assert within(parse_address("幸福"), scope)  # partial word typed by the agent
    assert not within(parse_address("幸福路13号"), scope)
    assert not within(parse_address("3号楼"), parse_address("幸福路12号13号楼"))
    assert within(parse_address("3号楼"), parse_address("幸福路12号3号楼"))
    assert not within(parse_address("滨湖区幸福路"), scope)
