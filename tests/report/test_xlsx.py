"""The monthly report's xlsx, read back cell by cell."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from callcenter.services.report.xlsx import HEADER_ROW, write_xlsx

from .sample import DESK, sample


def test_cells_formats_frozen_headers_and_chart(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    write_xlsx(sample(), out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["业务量", "工单质量", "回访", "服务指标", "要点问题"]
    ws = wb["业务量"]
    assert ws["A1"].value == "国网临江供电公司 供电优质服务月报表 2026-03 （全站）"
    assert ws["B3"].value == datetime(2026, 4, 2, 9, 30)  # site-local time
    assert [c.value for c in ws[HEADER_ROW]] == [
        "业务类别", "本月", "上月", "环比增减", "环比增减率", "上年同期", "同比增减", "同比增减率"]
    first = HEADER_ROW + 1
    assert [c.value for c in ws[first]] == ["咨询建议", 120, 100, 20, 0.2, 80, 40, 0.5]
    assert [c.value for c in ws[first + 1]][:5] == ["故障报修", 60, 80, -20, -0.25]
    complaint = [c.value for c in ws[first + 2]]
    assert complaint[:5] == ["投诉", 9, 0, 9, None]  # no base: no rate, not 0 %
    total = [c.value for c in ws[first + 5]]
    assert total[:4] + total[5:] == ["合计", 200, 192, 8, 160, 40, 0.25]
    assert total[4] == pytest.approx(8 / 192)
    assert ws.cell(first, 2).number_format == "#,##0"
    assert ws.cell(first, 4).number_format == "+#,##0;-#,##0;0"
    assert ws.cell(first, 5).number_format == "+0.0%;-0.0%;0.0%"
    for sheet in wb.worksheets:
        assert sheet.freeze_panes == f"B{HEADER_ROW + 1}"
    q = wb["工单质量"]
    assert [c.value for c in q[HEADER_ROW + 3]][:3] == ["工单处理不及时", 10, 0.05]
    assert q.cell(HEADER_ROW + 3, 3).number_format == "0.0%"
    cb = {r[0].value: r[1] for r in wb["回访"].iter_rows(min_row=HEADER_ROW + 1)}
    assert cb["回访率"].value == 0.75 and cb["回访率"].number_format == "0.0%"
    assert cb["满意率"].value == 0.9
    sla = {r[0].value: r[1] for r in wb["服务指标"].iter_rows(min_row=HEADER_ROW + 1)}
    assert sla["及时接听率"].value == 0.9
    assert sla["平均通话时长（秒）"].value == 132.5 and sla["平均通话时长（秒）"].number_format == "0.0"
    assert sla["话后处理60秒内完成率"].value == 0.95
    top = wb["要点问题"]
    assert [c.value for c in top[HEADER_ROW + 1]] == [1, "服务申请", "供电方案答复（居民）", 7, None,
                                                   1, "临江路1号", 12]
    # openpyxl does not read charts back: the chart part and what it plots
    with zipfile.ZipFile(out) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
    assert "<barChart>" in chart and chart.count("<ser>") == 3
    assert f"'业务量'!$B${HEADER_ROW + 1}:$B${HEADER_ROW + 5}" in chart
    assert f"'业务量'!$A${HEADER_ROW + 1}:$A${HEADER_ROW + 5}" in chart


def test_desk_title_says_subset_and_english(tmp_path: Path) -> None:
    out = tmp_path / "d.xlsx"
    write_xlsx(sample(DESK), out, lang="en")
    ws = load_workbook(out).worksheets[0]
    assert "this desk's own subset" in ws["A1"].value
    assert ws.title == "Volume"
    assert not list(tmp_path.glob("*.part"))
