"""Deterministic customers of a fictional city (临江市) for demos and benchmarks.

The city itself (districts, roads, compounds, towns, villages, name characters)
lives in ``resources/demo/city.toml``; this module only turns it into a lazy,
reproducible stream of :class:`CustomerSeed` values.  Pure standard library:
no database and no Qt, so benchmarks and the store layer can both use it.

Guarantees for ``generate_customers(city, n, seed)``:

* The same city file, ``n`` prefix and ``seed`` give the same customers, and
  customer ``i`` does not depend on ``n`` (the stream is prefix-stable).  Only
  ``random.Random.random`` / ``getrandbits`` are used, whose output is stable
  across CPython versions for an integer seed.
* Customers 1..8 have the demo phones 13800138001..13800138008
  (:func:`demo_phone_numbers`); customer 9 is a relative of customer 1 and
  shares the phone 13800138001 (one number, two customers on the screen pop).
* Every other phone number is unique: it is a bijective scramble of the
  customer index, so no two customers collide except that deliberate family.
  Mobiles never use the 138 prefix, which is reserved for the demo numbers.
* Account numbers (户号, 10 digits) and meter numbers (表号, 22 digits starting
  with ``3330``) are bijective scrambles of the running account index, hence
  unique for up to :data:`MAX_CUSTOMERS` customers.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "AREA_TYPES",
    "DEFAULT_CITY_PATH",
    "MAX_CUSTOMERS",
    "AccountSeed",
    "City",
    "CustomerSeed",
    "District",
    "demo_phone_numbers",
    "generate_customers",
    "load_city",
]

DEFAULT_CITY_PATH = Path(__file__).resolve().parents[3] / "resources" / "demo" / "city.toml"

AREA_TYPES: tuple[str, ...] = ("urban", "rural", "remote")

#: Upper bound for ``n``: keeps phones (7*10^7 landline / 10^8 mobile slots)
#: and account numbers (10^8 slots, at most 3 accounts per customer) unique.
MAX_CUSTOMERS = 30_000_000

_DEMO_PHONE_FIRST = 13800138001
_DEMO_PHONE_COUNT = 8
_FAMILY_INDEX = 8  # customer 9 (0-based index 8) shares customer 1's phone

# Mainland mobile prefixes; "138" is deliberately missing (reserved for demo phones).
_MOBILE_PREFIXES: tuple[str, ...] = (
    "130", "131", "132", "133", "134", "135", "136", "137", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
    "191", "193", "195", "196", "197", "198", "199",
)  # fmt: skip
# Meter manufacturer/batch codes: digits 5..8 of the 22-digit meter number.
_METER_BATCHES: tuple[str, ...] = ("0010", "0021", "0035", "0042", "0108", "0213")

# Bijective scrambles ``(index * mult + offset) % modulus``; each multiplier is
# coprime with its modulus (checked in the unit tests), so the map is a permutation.
_MOBILE_MOD = 10**8  # 8 digits after the 3-digit prefix
_MOBILE_MULT = 61_803_399
_LANDLINE_MOD = 7 * 10**7  # local number 20000000..89999999 (first digit 2-8)
_LANDLINE_MULT = 27_182_821
_ACCOUNT_MOD = 10**8  # "31" + 8 digits
_ACCOUNT_MULT = 14_142_137
_METER_MOD = 10**14  # "3330" + batch (4) + 14 digits
_METER_MULT = 17_320_508_075_689

_LANDLINE_SHARE = 0.15
_MULTI_ACCOUNT_SHARE = 0.10
_THREE_ACCOUNTS_SHARE = 0.03  # part of the multi-account share
_THREE_CHAR_NAME_SHARE = 0.65
# Share of street (not village) addresses, and of compounds among street addresses.
_STREET_SHARE = {"urban": 1.0, "rural": 0.4, "remote": 0.15}
_COMPOUND_SHARE = {"urban": 0.75, "rural": 0.3, "remote": 0.2}
_MAX_FLOOR = {"urban": 30, "rural": 7, "remote": 5}


@dataclass(frozen=True, slots=True)
class AccountSeed:
    """One electricity account (户): 10-digit account number, 22-digit meter number."""

    account_no: str
    meter_no: str
    address: str


@dataclass(frozen=True, slots=True)
class CustomerSeed:
    """One customer (客户) with a phone and one or more accounts."""

    name: str
    phone: str
    address: str
    area_type: str
    accounts: tuple[AccountSeed, ...]


@dataclass(frozen=True)
class District:
    name: str
    area_type: str
    weight: int
    streets: tuple[str, ...]
    compounds: tuple[str, ...]
    towns: tuple[str, ...]
    villages: tuple[str, ...]


@dataclass(frozen=True)
class City:
    name: str
    unit: str
    area_code: str
    districts: tuple[District, ...]
    surnames: tuple[str, ...]
    given_chars: tuple[str, ...]


# --------------------------------------------------------------------------- loading


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"{where}: missing table [{key}]")
    return value


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def _texts(data: Mapping[str, Any], key: str, where: str, *, required: bool) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: '{key}' must be a list of non-empty strings")
    if required and not value:
        raise ValueError(f"{where}: '{key}' must not be empty")
    return tuple(v.strip() for v in value)


def _district(data: Any, where: str) -> District:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: must be a table")
    name = _text(data, "name", where)
    where = f"{where} ({name})"
    area_type = _text(data, "area_type", where)
    if area_type not in AREA_TYPES:
        raise ValueError(f"{where}: area_type must be one of {AREA_TYPES}, got {area_type!r}")
    weight = data.get("weight", 1)
    if not isinstance(weight, int) or isinstance(weight, bool) or weight < 1:
        raise ValueError(f"{where}: weight must be a positive integer")
    rural = area_type != "urban"
    return District(
        name=name,
        area_type=area_type,
        weight=weight,
        streets=_texts(data, "streets", where, required=True),
        compounds=_texts(data, "compounds", where, required=False),
        towns=_texts(data, "towns", where, required=rural),
        villages=_texts(data, "villages", where, required=rural),
    )


def load_city(path: Path | None = None) -> City:
    """Read and validate a city description (default: ``resources/demo/city.toml``).

    Raises ``ValueError`` with the offending key when the file is malformed.
    """
    path = DEFAULT_CITY_PATH if path is None else path
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    where = str(path)
    city = _table(data, "city", where)
    area_code = _text(city, "area_code", f"{where} [city]")
    if not (area_code.isascii() and area_code.isdigit() and area_code[0] == "0" and len(area_code) in (3, 4)):
        raise ValueError(f"{where} [city]: area_code must be '0' + 2-3 digits, got {area_code!r}")
    raw_districts = data.get("districts")
    if not isinstance(raw_districts, list) or not raw_districts:
        raise ValueError(f"{where}: at least one [[districts]] entry is required")
    districts = tuple(_district(d, f"{where} [[districts]] #{i + 1}") for i, d in enumerate(raw_districts))
    names = _table(data, "names", where)
    surnames = _texts(names, "surnames", f"{where} [names]", required=True)
    if any(len(s) > 2 for s in surnames):
        raise ValueError(f"{where} [names]: surnames must be 1 or 2 characters")
    given_chars = _texts(names, "given_chars", f"{where} [names]", required=True)
    if any(len(c) != 1 for c in given_chars):
        raise ValueError(f"{where} [names]: given_chars must be single characters")
    return City(
        name=_text(city, "name", f"{where} [city]"),
        unit=_text(city, "unit", f"{where} [city]"),
        area_code=area_code,
        districts=districts,
        surnames=surnames,
        given_chars=given_chars,
    )


# --------------------------------------------------------------------------- generation


def demo_phone_numbers(n: int = _DEMO_PHONE_COUNT) -> list[str]:
    """The fixed demo phones 13800138001.. used by the demo telephony scenario."""
    if not 0 <= n <= _DEMO_PHONE_COUNT:
        raise ValueError(f"there are {_DEMO_PHONE_COUNT} demo phone numbers, asked for {n}")
    return [str(_DEMO_PHONE_FIRST + k) for k in range(n)]


def generate_customers(city: City, n: int, seed: int = 95598) -> Iterator[CustomerSeed]:
    """Lazily yield ``n`` deterministic customers of ``city`` (see module docstring)."""
    if not 0 <= n <= MAX_CUSTOMERS:
        raise ValueError(f"n must be between 0 and {MAX_CUSTOMERS}, got {n}")
    return _generate(city, n, seed)


# Per-district data flattened for the hot loop:
# (prefix, area_type, street share, compound share, max floor, streets, compounds, towns, villages)
_Flat = tuple[
    str, str, float, float, int,
    Sequence[str], Sequence[str], Sequence[str], Sequence[str],
]  # fmt: skip


def _generate(city: City, n: int, seed: int) -> Iterator[CustomerSeed]:
    rng = random.Random(seed)
    rnd = rng.random
    bits = rng.getrandbits
    mobile_off = bits(64) % _MOBILE_MOD
    landline_off = bits(64) % _LANDLINE_MOD
    account_off = bits(64) % _ACCOUNT_MOD
    meter_off = bits(64) % _METER_MOD

    flat: list[_Flat] = [
        (
            city.name + d.name,
            d.area_type,
            _STREET_SHARE[d.area_type],
            _COMPOUND_SHARE[d.area_type] if d.compounds else 0.0,
            _MAX_FLOOR[d.area_type],
            d.streets,
            d.compounds,
            d.towns,
            d.villages,
        )
        for d in city.districts
    ]
    # Weighted district pick: one slot per weight unit.
    slots = tuple(f for f, d in zip(flat, city.districts, strict=True) for _ in range(d.weight))
    n_slots = len(slots)
    surnames = city.surnames
    n_surnames = len(surnames)
    given = city.given_chars
    n_given = len(given)
    prefixes = _MOBILE_PREFIXES
    n_prefixes = len(prefixes)
    batches = _METER_BATCHES
    n_batches = len(batches)
    landline_head = city.area_code + "-"
    demo_phones = demo_phone_numbers()

    def address(d: _Flat) -> str:
        prefix, _, street_share, compound_share, max_floor, streets, compounds, towns, villages = d
        if street_share >= 1.0 or rnd() < street_share:
            street = streets[int(rnd() * len(streets))]
            # One 32-bit draw decoded in mixed radix: house number, building, unit, floor, room
            # (the radices multiply to < 2^23, so the modulo bias stays below 0.2 %).
            x = bits(32)
            no = 1 + x % 300
            x //= 300
            room = 1 + x % 4
            x //= 4
            floor = 1 + x % max_floor
            r = rnd()
            if r < compound_share:
                x //= max_floor
                building = 1 + x % 24
                unit = 1 + x // 24 % 6
                compound = compounds[int(rnd() * len(compounds))]
                return f"{prefix}{street}{no}号{compound}{building}号楼{unit}单元{floor}{room:02d}室"
            if r < compound_share + (1.0 - compound_share) * 0.5:
                return f"{prefix}{street}{no}号"
            return f"{prefix}{street}{no}号{floor}{room:02d}室"
        town = towns[int(rnd() * len(towns))]
        village = villages[int(rnd() * len(villages))]
        x = bits(32)
        return f"{prefix}{town}{village}{1 + x % 12}组{1 + x // 12 % 60}号"

    def account(j: int, addr: str) -> AccountSeed:
        meter_tail = (j * _METER_MULT + meter_off) % _METER_MOD
        return AccountSeed(
            f"31{(j * _ACCOUNT_MULT + account_off) % _ACCOUNT_MOD:08d}",
            f"3330{batches[int(rnd() * n_batches)]}{meter_tail:014d}",
            addr,
        )

    first_surname = ""
    j = 0  # running account index
    for i in range(n):
        d = slots[int(rnd() * n_slots)]

        # Name: skewed towards the first (most common) surnames.
        surname = surnames[int(n_surnames * rnd() * rnd())]
        if i == 0:
            first_surname = surname
        elif i == _FAMILY_INDEX:
            surname = first_surname
        name = surname + given[int(rnd() * n_given)]
        if len(surname) == 1 and rnd() < _THREE_CHAR_NAME_SHARE:
            name += given[int(rnd() * n_given)]

        # Phone.
        if i < _DEMO_PHONE_COUNT:
            phone = demo_phones[i]
        elif i == _FAMILY_INDEX:
            phone = demo_phones[0]
        elif rnd() < _LANDLINE_SHARE:
            local = 20_000_000 + (i * _LANDLINE_MULT + landline_off) % _LANDLINE_MOD
            phone = f"{landline_head}{local}"
        else:
            suffix = (i * _MOBILE_MULT + mobile_off) % _MOBILE_MOD
            phone = f"{prefixes[int(rnd() * n_prefixes)]}{suffix:08d}"

        home = address(d)

        # Accounts: the first one at the customer's address, extra ones elsewhere
        # (a shop, a relative's flat), usually in the same district.
        accounts: tuple[AccountSeed, ...] = (account(j, home),)
        j += 1
        r = rnd()
        if r < _MULTI_ACCOUNT_SHARE:
            for _ in range(2 if r < _THREE_ACCOUNTS_SHARE else 1):
                other = d if rnd() < 0.6 else slots[int(rnd() * n_slots)]
                accounts += (account(j, address(other)),)
                j += 1

        yield CustomerSeed(name, phone, home, d[1], accounts)
