"""Address normalisation and scope matching, including what must NOT match."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callcenter.domain.outages import covers, normalise, parse_address
from callcenter.domain.outages.address import chinese_number, within


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


# ----- Chinese numerals before an address unit (issue 5) ---------------------

@pytest.mark.parametrize(("text", "value"), [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十一", 21), ("一百", 100), ("一百零五", 105),
    ("一百一十", 110), ("两百", 200), ("九百九十九", 999), ("一千零十", 1010), ("两千零三十", 2030),
    ("一百五", 150),  # spoken: 一百五十
    ("〇", 0), ("一五〇二", 1502),  # read digit by digit (a room number)
    ("五一", None), ("三八", None),  # two digits side by side: a name (五一路, 三八巷)
    ("十十", None), ("百", None), ("一百零", None), ("零五", None), ("一零", None), ("千百", None),
])
def test_chinese_number(text: str, value: int | None) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize(("raw", "expected"), [
    ("三号楼", "3号楼"), ("十二栋", "12号楼"), ("二十一号", "21号"), ("一单元", "1单元"),
    ("幸福路一百零五号", "幸福路105号"), ("锦绣花园十栋", "锦绣花园10号楼"), ("三幢", "3号楼"),
    ("五层", "5层"), ("三楼", "3楼"), ("一五〇二室", "1502室"), ("石桥村三组", "石桥村3组"),
    ("幸福路三巷", "幸福路3巷"), ("二弄", "2弄"), ("两号楼", "2号楼"),
    ("江城区幸福路十二号锦绣花园三栋二单元", "江城区幸福路12号锦绣花园3号楼2单元"),
    # numerals in names stay
    ("三里屯", "三里屯"), ("十里河", "十里河"), ("五一路", "五一路"), ("五一路十二号", "五一路12号"),
    ("三里屯五号楼", "三里屯5号楼"), ("百花巷", "百花巷"), ("八一路三号", "八一路3号"), ("五一巷", "五一巷"),
    ("两河口村十组", "两河口村10组"), ("十字街", "十字街"), ("三元里", "三元里"),
])
def test_chinese_numerals_before_a_unit_become_arabic(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(("scope", "address"), [
    ("幸福路12号3号楼", "幸福路十二号三号楼二单元"),
    ("幸福路十二号三栋", "幸福路12号3号楼1502室"),
    ("锦绣花园十二栋", "临江市江城区幸福路12号锦绣花园12号楼"),
    ("幸福路二十一号", "幸福路21号1单元"),
    ("青山镇石桥村三组", "青山县青山镇石桥村3组12号"),
])
def test_chinese_numerals_match_arabic(scope: str, address: str) -> None:
    assert covers(parse_address(scope), parse_address(address))


def test_chinese_numerals_keep_3_apart_from_13() -> None:
    assert not covers(parse_address("幸福路12号三号楼"), parse_address("幸福路12号十三号楼"))
    assert not covers(parse_address("幸福路12号十三栋"), parse_address("幸福路12号3号楼"))
    assert not covers(parse_address("幸福路一号"), parse_address("幸福路十一号"))


_ZH = "零一二三四五六七八九"


def to_chinese(n: int, two: bool = False) -> str:
    """1..999 as written in an address: 十一 (not 一十一), 一百零五, 一百一十; 两百 if ``two``."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    out = ""
    if hundreds:
        out += ("两" if two and hundreds == 2 else _ZH[hundreds]) + "百"
        if tens:
            out += _ZH[tens] + "十"
        elif units:
            out += "零"
    elif tens:
        out += ("" if tens == 1 else _ZH[tens]) + "十"
    if units:
        out += _ZH[units]
    return out


@given(st.integers(min_value=1, max_value=999), st.booleans(),
       st.sampled_from(["号楼", "栋", "幢", "号", "单元", "室", "层", "组"]))
def test_chinese_and_arabic_numbers_match_alike(n: int, two: bool, unit: str) -> None:
    zh = to_chinese(n, two)
    assert chinese_number(zh) == n
    assert normalise(f"幸福路{zh}{unit}") == normalise(f"幸福路{n}{unit}")
    assert normalise(f"锦绣花园{zh}号楼") == f"锦绣花园{n}号楼"
    assert covers(parse_address(f"锦绣花园{zh}号楼"), parse_address(f"幸福路12号锦绣花园{n}栋2单元"))
