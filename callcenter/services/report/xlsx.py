"""The monthly report as an xlsx workbook (openpyxl).

One sheet per table so each has its own frozen header row: volume by category
(with a bar chart of this month, the previous month and the same month last
year), ticket quality, callbacks, the service targets and the main issues.
Numbers are numbers with real formats (counts, signed changes, percentages,
seconds); a rate with nothing to divide is an empty cell, not 0 %.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from callcenter.domain.report.figures import rate

from .labels import Words
from .monthly import MonthlyReport

COUNT = "#,##0"
SIGNED = "+#,##0;-#,##0;0"
PERCENT = "0.0%"
SIGNED_PERCENT = "+0.0%;-0.0%;0.0%"
SECONDS = "0.0"
STAMP = "yyyy-mm-dd hh:mm"
HEADER_ROW = 4  # rows 1-3: title, month and times; the table's header; data below

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")


def _local(report: MonthlyReport, at: datetime) -> datetime:
    return at.astimezone(ZoneInfo(report.timezone)).replace(tzinfo=None)


def _sheet(wb: Workbook, title: str, report: MonthlyReport, w: Words, headers: list[str],
           widths: list[int], first: bool = False) -> Worksheet:
    ws: Worksheet = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.cell(1, 1, w.title(report)).font = Font(bold=True, size=14)
    ws.cell(2, 1, w["month"])
    ws.cell(2, 2, str(report.month))
    ws.cell(3, 1, w["generated"])
    ws.cell(3, 2, _local(report, report.generated_at)).number_format = STAMP
    ws.cell(3, 3, w["as_of"])
    ws.cell(3, 4, _local(report, report.as_of)).number_format = STAMP
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), 1):
        c = ws.cell(HEADER_ROW, col, text)
        c.font, c.fill = _BOLD, _HEAD_FILL
        c.alignment = Alignment(horizontal="center", wrap_text=True)
        ws.column_dimensions[c.column_letter].width = width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 2)
    return ws


def _row(ws: Worksheet, row: int, values: list[Any], formats: list[str | None]) -> None:
    for col, (value, fmt) in enumerate(zip(values, formats, strict=True), 1):
        c = ws.cell(row, col, value)
        if fmt:
            c.number_format = fmt


def _volume(wb: Workbook, report: MonthlyReport, w: Words) -> None:
    keys = ["category", "current", "previous", "mom_delta", "mom_ratio", "last_year",
            "yoy_delta", "yoy_ratio"]
    ws = _sheet(wb, w["volume"], report, w, [w[k] for k in keys], [16, 10, 10, 12, 12, 12, 12, 12],
                first=True)
    fmts = [None, COUNT, COUNT, SIGNED, SIGNED_PERCENT, COUNT, SIGNED, SIGNED_PERCENT]
    rows = [*report.categories, report.total]
    for i, r in enumerate(rows):
        _row(ws, HEADER_ROW + 1 + i, [
            w[r.group], r.current, r.previous, r.vs_previous.delta, r.vs_previous.ratio,
            r.last_year, r.vs_last_year.delta, r.vs_last_year.ratio], fmts)
    last = HEADER_ROW + len(report.categories)  # the chart leaves the total out
    for col in range(1, 9):
        ws.cell(HEADER_ROW + len(rows), col).font = _BOLD
    chart = BarChart()
    chart.type = "col"
    chart.title = w["volume"]
    chart.y_axis.title = w["count"]
    chart.height, chart.width = 8, 16
    for col in (2, 3, 6):  # this month, previous month, same month last year
        chart.add_data(Reference(ws, min_col=col, min_row=HEADER_ROW, max_row=last),
                       titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=HEADER_ROW + 1, max_row=last))
    ws.add_chart(chart, f"A{HEADER_ROW + len(rows) + 2}")


def _quality(wb: Workbook, report: MonthlyReport, w: Words) -> None:
    ws = _sheet(wb, w["quality"], report, w, [w["item"], w["count"], w["share"]], [28, 10, 10])
    q = report.quality
    _row(ws, HEADER_ROW + 1, [w["tickets"], q.tickets, None], [None, COUNT, None])
    for i, (key, n) in enumerate((("empty_reply", q.empty_reply), ("handled_late", q.handled_late),
                                  ("backfilled", q.backfilled)), 2):
        _row(ws, HEADER_ROW + i, [w[key], n, rate(n, q.tickets)], [None, COUNT, PERCENT])


def _callbacks(wb: Workbook, report: MonthlyReport, w: Words) -> None:
    ws = _sheet(wb, w["callbacks"], report, w, [w["item"], w["value"]], [28, 12])
    c = report.callbacks
    for i, (key, value, fmt) in enumerate((
            ("dispatched", c.dispatched, COUNT), ("called", c.called, COUNT),
            ("reached", c.reached, COUNT), ("coverage", c.coverage, PERCENT),
            ("reached_calls", c.reached_calls, COUNT),
            ("satisfied_calls", c.satisfied_calls, COUNT),
            ("satisfaction", c.satisfaction, PERCENT)), 1):
        _row(ws, HEADER_ROW + i, [w[key], value], [None, fmt])


def sla_rows(report: MonthlyReport, w: Words) -> list[tuple[str, float | int | None, str, str]]:
    """(label, value, number format, target text) of the service-target table."""
    s = report.sla
    return [
        (w["offered"], s.offered, COUNT, ""),
        (w["answered"], s.answered, COUNT, ""),
        (w["in_limit"].format(n=report.ring_limit), s.answered_in_limit, COUNT, ""),
        (w["service_level"], s.service_level, PERCENT, ""),
        (w["talk_avg"], s.talk_avg_s, SECONDS, f"≤ {report.talk_target_s:g}"),
        (w["wrapups"], s.wrapups, COUNT, ""),
        (w["wrapup_on_time"].format(n=f"{report.wrapup_target_s:g}"), s.wrapup_on_time,
         PERCENT, ""),
    ]


def _sla(wb: Workbook, report: MonthlyReport, w: Words) -> None:
    ws = _sheet(wb, w["sla"], report, w, [w["figure"], w["value"], w["target"]], [30, 12, 10])
    for i, (label, value, fmt, target) in enumerate(sla_rows(report, w), 1):
        _row(ws, HEADER_ROW + i, [label, value, target], [None, fmt, None])


def _top(wb: Workbook, report: MonthlyReport, w: Words) -> None:
    ws = _sheet(wb, w["top"], report, w,
                [w["rank"], w["category"], w["subtype"], w["count"], "", w["rank"], w["address"],
                 w["count"]], [6, 14, 28, 8, 3, 6, 30, 8])
    for i, (cat, sub, n) in enumerate(report.top_subtypes, 1):
        _row(ws, HEADER_ROW + i, [i, cat, sub, n], [COUNT, None, None, COUNT])
    for i, (addr, n) in enumerate(report.top_addresses, 1):
        for col, value, fmt in ((6, i, COUNT), (7, addr, None), (8, n, COUNT)):
            c = ws.cell(HEADER_ROW + i, col, value)
            if fmt:
                c.number_format = fmt


def write_xlsx(report: MonthlyReport, path: Path, *, lang: str = "zh") -> None:
    """Write the workbook to ``path`` (through a temporary file, so a failure
    never leaves half a workbook under the real name)."""
    w = Words(lang)
    wb = Workbook()
    _volume(wb, report, w)
    _quality(wb, report, w)
    _callbacks(wb, report, w)
    _sla(wb, report, w)
    _top(wb, report, w)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)

