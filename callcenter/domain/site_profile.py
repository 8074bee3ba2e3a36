"""The site profile: targets, ring cadence, categories and their required fields,
departments and default deadlines. Content lives in resources/profiles/*.toml;
this module only gives it a typed shape and checks it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .auth.lockout import LockoutPolicy
from .board.figures import BoardSettings
from .deadlines import Deadline, DeadlineUnit
from .handover.settings import HandoverSettings, parse_handover
from .handover.shifts import ShiftDef, ShiftError, parse_shifts
from .ring_counter import RingCadence
from .sla import SlaTargets
from .transfer import TransferTarget, parse_transfer_targets

TICKET_FIELDS = (
    "category", "content", "caller_name", "caller_phone", "account_no",
    "meter_no", "address", "area_type", "priority", "subtype",
)


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class Named:
    code: str
    name: str  # Chinese, shown by default
    name_en: str

    def label(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name


@dataclass(frozen=True)
class CategoryRule(Named):
    required: tuple[str, ...] = ()
    default_deadline_days: int = 1
    # the sub-types an agent picks from (业务子类), e.g. which supply plan a
    # service request asks for; deadlines may differ per sub-type
    subtypes: tuple[Named, ...] = ()

    def subtype(self, code: str) -> Named | None:
        return next((t for t in self.subtypes if t.code == code), None)


@dataclass(frozen=True)
class StaffEntry:
    """Someone whose role is not the default (agent): shift leads, QA, department users."""

    user_id: str
    role: str  # agent | shift_lead | department | qa | admin (domain.ticket_lifecycle.Role)
    name: str = ""
    department: str | None = None


@dataclass(frozen=True)
class DeadlineRule:
    """The profile's deadline for a category, optionally narrowed by sub-type
    and area type (e.g. repair arrival: urban 45 min, rural 90, remote 120)."""

    category: str
    deadline: Deadline
    subtype: str | None = None
    area_type: str | None = None

    def specificity(self) -> int:
        return (2 if self.subtype else 0) + (1 if self.area_type else 0)


@dataclass(frozen=True)
class SiteProfile:
    site_code: str
    unit_name: str
    timezone: str
    cadence: RingCadence
    targets: SlaTargets
    categories: tuple[CategoryRule, ...]
    departments: tuple[Named, ...]
    busy_reasons: tuple[Named, ...]
    area_types: tuple[Named, ...]
    priorities: tuple[Named, ...]
    account_pattern: str = r"^\d{10}$"
    meter_pattern: str = r"^[0-9A-Za-z]{6,24}$"
    agent_id_pattern: str = r"^\d{3,8}$"
    recent_ticket_days: int = 30
    max_deadline_days: int = 30
    deadlines: tuple[DeadlineRule, ...] = ()
    # read so that older profiles still load, but it grants nothing: roles are the
    # users table's (issue 12; services/auth/directory.py)
    staff: tuple[StaffEntry, ...] = ()
    callback_max_attempts: int = 3
    callback_due_hours: float = 24.0  # a replied ticket is called back within this
    duplicate_days: int = 30
    # [security]: wrong passwords before a lock, its length, and the screen lock after idle
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)
    idle_lock_minutes: float = 10.0
    # [[shifts]] and [handover] (issue 13): an empty tuple means the site runs no shifts
    shifts: tuple[ShiftDef, ...] = ()
    handover: HandoverSettings = field(default_factory=HandoverSettings)
    # [outages]: how long an outage past its expected restore, with no restore
    # recorded, still takes the area's new repair tickets (issue 17)
    outage_unverified_after_hours: float = 4.0
    board: BoardSettings = field(default_factory=BoardSettings)  # [board]: the lead's board
    # [[transfer_targets]]: who 转接 / 咨询转接 offer (issue 16; domain/transfer.py)
    transfer_targets: tuple[TransferTarget, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    # [qa]: evaluation forms and dispute limits, as written (domain/qa/forms.py reads them)
    qa: Mapping[str, Any] = field(default_factory=dict)

    def deadline_for(
        self, category: str, *, subtype: str | None = None, area_type: str | None = None
    ) -> Deadline:
        """The most specific rule that fits; categories without one get their
        ``default_deadline_days`` in calendar days."""
        fits = [r for r in self.deadlines if r.category == category
                and r.subtype in (None, subtype) and r.area_type in (None, area_type)]
        if fits:
            return max(fits, key=DeadlineRule.specificity).deadline
        c = self.category(category)
        return Deadline(c.default_deadline_days if c else 1, DeadlineUnit.DAYS)

    @property
    def outage_unverified_after(self) -> timedelta:
        return timedelta(hours=self.outage_unverified_after_hours)

    def category(self, code: str) -> CategoryRule | None:
        return next((c for c in self.categories if c.code == code), None)

    def subtypes(self, category_code: str) -> tuple[Named, ...]:
        c = self.category(category_code)
        return c.subtypes if c else ()

    def required_fields(self, category_code: str) -> tuple[str, ...]:
        c = self.category(category_code)
        return ("category",) + (c.required if c else ())


def _named(items: Any, what: str, *, allow_empty: bool = False) -> tuple[Named, ...]:
    out = []
    for i, raw in enumerate(items or ()):
        try:
            out.append(Named(str(raw["code"]), str(raw["name"]), str(raw.get("name_en", raw["name"]))))
        except (KeyError, TypeError) as exc:
            raise ProfileError(f"{what}[{i}] needs code and name") from exc
    if not out and not allow_empty:
        raise ProfileError(f"{what} must not be empty")
    if len({n.code for n in out}) != len(out):
        raise ProfileError(f"{what} has duplicate codes")
    return tuple(out)


class ProfileValueError(ProfileError):
    """A bad value the loader can point at: ``value`` is searched in the file for its line."""

    def __init__(self, message: str, value: str) -> None:
        super().__init__(message)
        self.value = value


def _deadline_rules(
    items: Any, cats: list[CategoryRule], data: Mapping[str, Any]
) -> tuple[DeadlineRule, ...]:
    known = {c.code: c for c in cats}
    areas = {str(a.get("code")) for a in data.get("area_types", ())}
    rules = []
    for i, raw in enumerate(items):
        cat = str(raw.get("category", ""))
        if cat not in known:
            raise ProfileValueError(f"deadlines[{i}]: unknown category {cat!r}", f'"{cat}"')
        sub = raw.get("subtype")
        if sub is not None and known[cat].subtype(str(sub)) is None:
            raise ProfileValueError(f"deadlines[{i}]: {cat} has no subtype {sub!r}", f'"{sub}"')
        area = raw.get("area_type")
        if area is not None and str(area) not in areas:
            raise ProfileValueError(f"deadlines[{i}]: unknown area_type {area!r}", f'"{area}"')
        try:
            unit = DeadlineUnit(str(raw.get("unit", "days")))
            deadline = Deadline(int(raw["amount"]), unit, float(raw.get("warn", 0.8)))
        except (KeyError, ValueError, TypeError) as exc:
            raise ProfileValueError(f"deadlines[{i}] ({cat}): {exc}", f'"{cat}"') from exc
        rules.append(DeadlineRule(cat, deadline, raw.get("subtype"), area))
    return tuple(rules)


ROLES = ("agent", "shift_lead", "department", "qa", "admin")


def _staff(items: Any, data: Mapping[str, Any]) -> tuple[StaffEntry, ...]:
    departments = {str(d.get("code")) for d in data.get("departments", ())}
    out = []
    for i, raw in enumerate(items):
        uid, role = str(raw.get("id", "")), str(raw.get("role", ""))
        if role not in ROLES:
            raise ProfileValueError(f"staff[{i}]: unknown role {role!r}", f'"{role}"')
        dept = raw.get("department")
        if role == "department" and str(dept) not in departments:
            raise ProfileValueError(f"staff[{i}]: unknown department {dept!r}", f'"{dept}"')
        out.append(StaffEntry(uid, role, str(raw.get("name", "")), str(dept) if dept else None))
    return tuple(out)


def _lockout(sec: Mapping[str, Any]) -> LockoutPolicy:
    try:
        return LockoutPolicy(int(sec.get("max_failed_sign_ins", 5)),
                             float(sec.get("lock_minutes", 15)))
    except ValueError as exc:
        raise ProfileValueError(f"security: {exc}", "max_failed_sign_ins") from exc


def _checked(p: SiteProfile) -> SiteProfile:
    """Values that parse but no desk could run with (a profile published to every
    desk must not stop them all at start): refused here, naming the value."""
    try:
        ZoneInfo(p.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ProfileValueError(f"site.timezone: unknown time zone {p.timezone!r}",
                                f'"{p.timezone}"') from exc
    for key, pattern in (("account_pattern", p.account_pattern), ("meter_pattern", p.meter_pattern),
                         ("agent_id_pattern", p.agent_id_pattern)):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ProfileValueError(f"validation.{key}: not a regular expression ({exc})",
                                    key) from exc
    t = p.targets
    positive: dict[str, float] = {
        "ring.limit": t.ring_limit, "ring.no_answer_timeout_s": t.ring_no_answer_timeout_s,
        "ring.on_s": p.cadence.on_s, "targets.talk_target_s": t.talk_target_s,
        "targets.talk_warn_s": t.talk_warn_s, "targets.wrapup_target_s": t.wrapup_target_s,
        "screen_pop.recent_days": p.recent_ticket_days,
        "dispatch.max_deadline_days": p.max_deadline_days,
        "security.idle_lock_minutes": p.idle_lock_minutes,
        "outages.unverified_after_hours": p.outage_unverified_after_hours,
    }
    for key, value in positive.items():
        if not value > 0:
            raise ProfileValueError(f"{key} must be positive, not {value}", key.split(".")[1])
    return p


def _transfer_targets(items: Any) -> tuple[TransferTarget, ...]:
    try:
        return parse_transfer_targets(items)
    except ValueError as exc:
        raise ProfileError(str(exc)) from exc


def profile_from_mapping(data: Mapping[str, Any]) -> SiteProfile:
    """Build a profile from parsed TOML; raises ``ProfileError`` naming the bad key."""
    try:
        site = data["site"]
        ring = data.get("ring", {})
        tg = data.get("targets", {})
        cadence = RingCadence(float(ring.get("on_s", 1.0)), float(ring.get("off_s", 4.0)))
        targets = SlaTargets(
            ring_limit=int(ring.get("limit", 3)),
            ring_no_answer_timeout_s=float(ring.get("no_answer_timeout_s", 30.0)),
            talk_warn_s=float(tg.get("talk_warn_s", 120.0)),
            talk_target_s=float(tg.get("talk_target_s", 150.0)),
            wrapup_target_s=float(tg.get("wrapup_target_s", 60.0)),
            wrapup_warn_remaining_s=float(tg.get("wrapup_warn_remaining_s", 15.0)),
        )
        cats = []
        for i, raw in enumerate(data["categories"]):
            req = tuple(str(f) for f in raw.get("required", ()))
            unknown = [f for f in req if f not in TICKET_FIELDS]
            if unknown:
                raise ProfileError(f"categories[{i}].required has unknown field(s) {unknown}")
            cats.append(CategoryRule(
                str(raw["code"]), str(raw["name"]), str(raw.get("name_en", raw["name"])),
                required=req, default_deadline_days=int(raw.get("default_deadline_days", 1)),
                subtypes=_named(raw.get("subtypes"), f"categories[{i}].subtypes", allow_empty=True),
            ))
        if not cats:
            raise ProfileError("categories must not be empty")
        deadlines = _deadline_rules(data.get("deadlines", ()), cats, data)
        staff = _staff(data.get("staff", ()), data)
        val = data.get("validation", {})
        return _checked(SiteProfile(
            site_code=str(site["code"]),
            unit_name=str(site["unit_name"]),
            timezone=str(site.get("timezone", "Asia/Shanghai")),
            cadence=cadence,
            targets=targets,
            categories=tuple(cats),
            departments=_named(data.get("departments"), "departments"),
            busy_reasons=_named(data.get("busy_reasons"), "busy_reasons"),
            area_types=_named(data.get("area_types"), "area_types"),
            priorities=_named(data.get("priorities"), "priorities"),
            account_pattern=str(val.get("account_pattern", r"^\d{10}$")),
            meter_pattern=str(val.get("meter_pattern", r"^[0-9A-Za-z]{6,24}$")),
            agent_id_pattern=str(val.get("agent_id_pattern", r"^\d{3,8}$")),
            recent_ticket_days=int(data.get("screen_pop", {}).get("recent_days", 30)),
            max_deadline_days=int(data.get("dispatch", {}).get("max_deadline_days", 30)),
            deadlines=deadlines,
            staff=staff,
            callback_max_attempts=int(data.get("callback", {}).get("max_attempts", 3)),
            callback_due_hours=float(data.get("callback", {}).get("due_hours", 24)),
            duplicate_days=int(data.get("duplicates", {}).get("days", 30)),
            lockout=_lockout(data.get("security", {})),
            idle_lock_minutes=float(data.get("security", {}).get("idle_lock_minutes", 10)),
            shifts=parse_shifts(data.get("shifts", ())),
            handover=parse_handover(data.get("handover", {})),
            qa=dict(data.get("qa", {})),
            outage_unverified_after_hours=float(
                data.get("outages", {}).get("unverified_after_hours", 4)),
            board=BoardSettings.from_mapping(data.get("board", {})),
            transfer_targets=_transfer_targets(data.get("transfer_targets", ())),
        ))
    except (ProfileError, ShiftError):
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise ProfileError(f"bad or missing profile key: {exc}") from exc
