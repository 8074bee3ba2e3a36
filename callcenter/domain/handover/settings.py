"""The ``[handover]`` section of the site profile: when the lead is reminded,
when an incoming agent counts as late, and the event kinds that must reach the
province within the hour (rules section 8, 004 Q71)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .shifts import ShiftError


@dataclass(frozen=True)
class EventKind:
    code: str
    name: str
    name_en: str

    def label(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name


# section 3 of the record: what agents and the lead mark during a shift
EVENT_CLASSES = ("major", "typical", "media_sensitive", "emergency")

# 004 Q71: report to the head at once and to the province within 1 hour
DEFAULT_REPORT_KINDS: tuple[EventKind, ...] = (
    EventKind("large_outage_important", "大面积停电影响重要客户",
              "Large outage affecting important customers"),
    EventKind("outage_casualty", "停电造成人员伤亡或重大损失", "Outage causing casualties or major losses"),
    EventKind("load_shedding_refused", "未执行政府限电序位", "Government load-shedding order not followed"),
    EventKind("media_exposure", "媒体曝光", "Media exposure"),
    EventKind("official_attention", "领导关注", "Attention from officials"),
    EventKind("collective_complaint", "集体投诉（3人及以上）", "Collective complaint (3 or more people)"),
    EventKind("malicious_disconnection", "恶意停电", "Malicious disconnection"),
    EventKind("service_loss_24h", "24小时服务中断", "Loss of 24 h service"),
    EventKind("system_data_loss", "系统或数据库故障造成数据丢失",
              "System or database failure with data loss"),
    EventKind("metering_error", "重大计量差错", "Major metering error"),
)


@dataclass(frozen=True)
class HandoverSettings:
    reminder_minutes: int = 10  # before the shift ends, the outgoing lead is reminded
    arrive_early_minutes: int = 10  # the incoming shift arrives this much early
    late_after_minutes: int = 5  # signed in this long after the start counts as late
    report_within_minutes: int = 60  # the 1-hour report to the province
    report_kinds: tuple[EventKind, ...] = field(default=DEFAULT_REPORT_KINDS)

    def report_kind(self, code: str) -> EventKind | None:
        return next((k for k in self.report_kinds if k.code == code), None)


def parse_handover(raw: Mapping[str, Any]) -> HandoverSettings:
    """Raises ``ShiftError`` naming the key of a value no desk could run with."""
    numbers: dict[str, int] = {}
    for key, default in (("reminder_minutes", 10), ("arrive_early_minutes", 10),
                         ("late_after_minutes", 5), ("report_within_minutes", 60)):
        value = int(raw.get(key, default))
        if value <= 0 and key != "late_after_minutes" or value < 0:
            raise ShiftError(f"handover.{key} must be positive, not {value}", f"handover.{key}")
        numbers[key] = value
    kinds = DEFAULT_REPORT_KINDS
    if "report_kinds" in raw:
        out: list[EventKind] = []
        for i, k in enumerate(raw["report_kinds"], 1):
            p = f"handover.report_kinds[{i}]"
            code, name = str(k.get("code", "")), str(k.get("name", ""))
            if not code or not name:
                raise ShiftError(f"{p}: a report kind needs code and name", p)
            if any(o.code == code for o in out):
                raise ShiftError(f"{p}.code: duplicate code {code!r}", f"{p}.code")
            out.append(EventKind(code, name, str(k.get("name_en", name))))
        kinds = tuple(out)
    return HandoverSettings(report_kinds=kinds, **numbers)
