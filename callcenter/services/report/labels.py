"""The words of the report's files (xlsx, PDF), Chinese by default, English on request.

The report is a document, not a screen: its words live here rather than in the
Qt translation file, so the command line writes the same report as the app.
"""

from __future__ import annotations

from dataclasses import replace

from callcenter.domain.report.figures import COMPLAINT, FAULT_REPAIR, INQUIRY_SUGGESTION, OTHER, REPORT
from callcenter.domain.site_profile import SiteProfile

from .monthly import DESK, MonthlyReport

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("供电优质服务月报表", "Monthly power supply service quality report"),
    "desk_subset": ("（本席位数据子集，非全站）", "(this desk's own subset, not the whole site)"),
    "site_all": ("（全站）", "(whole site)"),
    "month": ("报表月份", "Month"),
    "generated": ("生成时间", "Generated"),
    "as_of": ("数据截至", "Data as of"),
    INQUIRY_SUGGESTION: ("咨询建议", "Inquiry & suggestion"),
    FAULT_REPAIR: ("故障报修", "Fault repair"),
    COMPLAINT: ("投诉", "Complaint"),
    REPORT: ("举报", "Report"),
    OTHER: ("其他", "Other"),
    "total": ("合计", "Total"),
    "volume": ("业务量", "Volume"),
    "category": ("业务类别", "Category"),
    "current": ("本月", "This month"),
    "previous": ("上月", "Previous month"),
    "mom_delta": ("环比增减", "Change vs previous"),
    "mom_ratio": ("环比增减率", "Change vs previous %"),
    "last_year": ("上年同期", "Same month last year"),
    "yoy_delta": ("同比增减", "Change vs last year"),
    "yoy_ratio": ("同比增减率", "Change vs last year %"),
    "quality": ("工单质量", "Ticket quality"),
    "item": ("检查项", "Check"),
    "count": ("数量", "Count"),
    "share": ("占比", "Share"),
    "tickets": ("本月受理工单", "Tickets accepted this month"),
    "empty_reply": ("工单回复内容为空", "Empty reply"),
    "handled_late": ("工单处理不及时", "Handled late"),
    "backfilled": ("补录工单", "Back-filled"),
    "callbacks": ("回访", "Callbacks"),
    "dispatched": ("本月下发工单", "Tickets dispatched this month"),
    "called": ("已回访工单", "Tickets called back"),
    "reached": ("回访接通工单", "Tickets reached"),
    "coverage": ("回访率", "Callback coverage"),
    "reached_calls": ("接通回访次数", "Reached callbacks"),
    "satisfied_calls": ("满意次数", "Satisfied"),
    "satisfaction": ("满意率", "Satisfaction"),
    "sla": ("服务指标", "Service targets"),
    "figure": ("指标", "Figure"),
    "value": ("数值", "Value"),
    "target": ("目标", "Target"),
    "offered": ("呼入电话（接通+未接）", "Calls offered (answered + missed)"),
    "answered": ("接通电话", "Calls answered"),
    "in_limit": ("振铃{n}声内接起", "Answered within {n} rings"),
    "service_level": ("及时接听率", "Answered within the ring limit %"),
    "talk_avg": ("平均通话时长（秒）", "Average talk (s)"),
    "wrapups": ("话后处理", "Wrap-ups"),
    "wrapup_on_time": ("话后处理{n}秒内完成率", "Wrap-up within {n} s %"),
    "top": ("要点问题", "Main issues"),
    "top_subtypes": ("高频业务子类", "Most frequent sub-types"),
    "top_addresses": ("高频地址", "Most frequent addresses"),
    "subtype": ("业务子类", "Sub-type"),
    "address": ("地址", "Address"),
    "rank": ("序号", "Rank"),
    "none": ("（无）", "(none)"),
    "page": ("第 {n} 页 / 共 {m} 页", "Page {n} of {m}"),
}


class Words:
    """``words[key]`` in the report's language ("zh" or "en")."""

    def __init__(self, lang: str = "zh") -> None:
        self.index = 1 if lang == "en" else 0

    def __getitem__(self, key: str) -> str:
        return _WORDS[key][self.index]

    def title(self, report: MonthlyReport) -> str:
        """``[unit] 供电优质服务月报表 YYYY-MM（scope）``."""
        scope = self["desk_subset"] if report.scope == DESK else self["site_all"]
        return f"{report.unit_name} {self['title']} {report.month} {scope}"


def profile_names(profile: SiteProfile, lang: str = "zh") -> dict[tuple[str, str], str]:
    """(category, "") and (category, sub-type) codes -> the profile's labels."""
    out: dict[tuple[str, str], str] = {}
    for cat in profile.categories:
        out[(cat.code, "")] = cat.label(lang)
        for sub in cat.subtypes:
            out[(cat.code, sub.code)] = sub.label(lang)
    return out


def with_names(report: MonthlyReport, names: dict[tuple[str, str], str]) -> MonthlyReport:
    """The report with its main issues' codes replaced by the profile's labels."""
    subs = tuple((names.get((c, ""), c), names.get((c, s), s), n) for c, s, n in report.top_subtypes)
    return replace(report, top_subtypes=subs)
