"""Chinese address normalisation and "does this outage scope cover that address?".

Why chunks and not substrings: a scope covers every address inside it
(幸福路12号 covers 幸福路12号3号楼2单元), but 3号楼 must never match 13号楼 and
幸福路 must never match 新幸福路. So both sides are cut into components that end
in a place-name suffix (路, 号, 号楼, 小区, 单元, 村, 组, ...) and a scope covers
an address when its components appear, whole and in order, in the address's.

The administrative prefix (province, city, district/county) is split off:
callers and agents often leave it out, so it only has to agree when both
sides give it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# longest first: the lazy chunk regex takes the first suffix that fits; the
# admin suffixes (省市区县) are not here, the prefix is split off before
_SUFFIXES = (
    "号楼", "单元", "街道", "大道", "小区", "新村", "花园", "家园", "人家", "公寓", "大厦",
    "广场", "社区", "镇", "乡", "村", "组", "路", "街", "巷", "弄",
    "号", "室", "层", "园", "苑", "里", "院", "湾", "畔", "庄", "座",
)
_CHUNK = re.compile("(.*?(?:" + "|".join(_SUFFIXES) + "))")
_PUNCT = re.compile(r"[\s\-_,.;:!?，。、；：！？·•/\\()（）\[\]【】{}<>《》\"'“”‘’#＃*~`|]+")
# building: 3栋 / 3幢 / 3号栋 / 3座 are all "3号楼"
_BUILDING = re.compile(r"(\d+)号?(?:栋|幢|号楼)")
# a run of Chinese numerals right before an address unit (三号楼, 十二栋, 二十一号,
# 一单元, 五层, 三组); a numeral before anything else is part of a name (三里屯,
# 十里河, 五一路) and stays
_UNITS = ("号", "栋", "幢", "单元", "层", "楼", "室", "弄", "巷", "组")
_ZH_NUMBER = re.compile("[零〇一二两三四五六七八九十百千]+(?=" + "|".join(_UNITS) + ")")
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_ZH_POWERS = {"十": 10, "百": 100, "千": 1000}
# 省 / 市 / 区 or 县, each at most once, at the start; a 区 followed by a road
# suffix is a street name (新区路), not a district
_ADMIN = re.compile(
    r"^(?P<province>[^省市区县]{2,7}?省)?(?P<city>[^省市区县]{2,7}?市)?"
    r"(?P<district>[^省市区县]{1,7}?(?<![小社园])[区县](?![路街道巷]))?"
)


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral as addresses write it, or None when the
    text is not one number: counted (十 10, 十一 11, 二十 20, 一百零五 105,
    两千零三十 2030, and the spoken 一百五 150) or read digit by digit with at
    least three digits (一五〇二 1502). Two digits side by side (五一, 三八) are
    a name, never a number."""
    if not text:
        return None
    if all(c in _ZH_DIGITS for c in text):
        if len(text) == 1:
            return _ZH_DIGITS[text]
        return int("".join(str(_ZH_DIGITS[c]) for c in text)) if len(text) >= 3 else None
    total = 0
    digit: int | None = None  # a digit waiting for its power
    last = 10_000  # the power written last: powers only go down
    zero = False  # a 零 since that power (一百零五: the 五 is units, not tens)
    for i, c in enumerate(text):
        if c in ("零", "〇"):
            if digit is not None or zero or i == 0:
                return None
            zero = True
        elif c in _ZH_DIGITS:
            if digit is not None:
                return None
            digit = _ZH_DIGITS[c]
        else:
            power = _ZH_POWERS[c]
            if power >= last:
                return None
            if digit is None:  # a bare 十 leads (十二 12) or follows a 零 (一千零十 1010)
                if power != 10 or not (i == 0 or zero):
                    return None
                digit = 1
            total += digit * power
            digit, last, zero = None, power, False
    if digit is not None:  # units after 零 or 十 (一百零五, 二十三); spoken 一百五 is 150
        total += digit if zero or last == 10 else digit * (last // 10)
    elif zero:
        return None  # ends in 零
    return total


def _arabic(m: re.Match[str]) -> str:
    n = chinese_number(m.group(0))
    return m.group(0) if n is None else str(n)


def normalise(text: str) -> str:
    """Full-width to half-width (NFKC), no spaces or punctuation, Chinese numerals
    before an address unit as Arabic (三号楼 is 3号楼), one spelling for a
    building (号楼)."""
    s = unicodedata.normalize("NFKC", text)
    s = _PUNCT.sub("", s)
    s = _ZH_NUMBER.sub(_arabic, s)
    # a function, not the template r"\1号楼": a template makes re import its
    # parser on every call, which costs a PySide import hook each time in the app
    return _BUILDING.sub(_building, s)


def _building(m: re.Match[str]) -> str:
    return m.group(1) + "号楼"


def split_chunks(body: str) -> tuple[str, ...]:
    """Cut normalised text (without the admin prefix) into components; a tail
    without a suffix (a partial word the agent typed) is the last chunk."""
    chunks: list[str] = []
    pos = 0
    # anchored at pos: finditer would retry a failed match from every later
    # position, each scan to the end (quadratic in the length, issue 19)
    while (m := _CHUNK.match(body, pos)) is not None:
        chunks.append(m.group(1))
        pos = m.end()
    if pos < len(body):
        chunks.append(body[pos:])
    return tuple(chunks)


def complete(chunk: str) -> bool:
    """Whether a component ends in a place-name suffix (幸福路) or is a partial word (幸福)."""
    return _CHUNK.fullmatch(chunk) is not None


@dataclass(frozen=True)
class Address:
    province: str
    city: str
    district: str
    chunks: tuple[str, ...]  # street/town onwards

    @property
    def body(self) -> str:
        return "".join(self.chunks)

    @property
    def text(self) -> str:
        return self.province + self.city + self.district + self.body


def parse_address(text: str) -> Address:
    s = normalise(text)
    m = _ADMIN.match(s)
    assert m is not None  # every group is optional
    province, city, district = (m.group(g) or "" for g in ("province", "city", "district"))
    return Address(province, city, district, split_chunks(s[m.end():]))


def _admin_agrees(a: Address, b: Address) -> bool:
    return all(not x or not y or x == y for x, y in
               ((a.province, b.province), (a.city, b.city), (a.district, b.district)))


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return any(outer[i:i + n] == inner for i in range(len(outer) - n + 1))


def covers(scope: Address, address: Address) -> bool:
    """True when ``address`` lies inside ``scope``.

    A scope with no street part (a whole district) covers an address only when
    the address names that same district; otherwise the scope's components must
    appear whole, in order, among the address's.
    """
    if not _admin_agrees(scope, address):
        return False
    if not scope.chunks:
        admin = [(scope.district, address.district), (scope.city, address.city)]
        named = [(x, y) for x, y in admin if x]
        return bool(named) and all(x == y for x, y in named)
    return _contains(address.chunks, scope.chunks)


def within(query: Address, scope: Address) -> bool:
    """The reverse question for a broad search (幸福路 finds the outage at
    幸福路12号): the query's components lie inside the scope's. A trailing chunk
    without a suffix may be the start of a scope component (幸福 finds 幸福路)."""
    if not _admin_agrees(query, scope) or not query.chunks:
        return False
    if _contains(scope.chunks, query.chunks):
        return True
    head, tail = query.chunks[:-1], query.chunks[-1]
    if complete(tail):
        return False  # 3号楼 is a whole component: it never reaches into 13号楼 or 3号楼2
    n = len(head)
    return any(scope.chunks[i:i + n] == head and scope.chunks[i + n].startswith(tail)
               for i in range(len(scope.chunks) - n))
