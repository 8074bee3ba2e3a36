"""The Chinese names of outage kinds, phases and match types, for text that is
not a Qt screen (the ``callcenter outages lookup`` command, the outage line);
the widgets translate the same names through Qt (ui/outages/texts.py)."""

from __future__ import annotations

KIND_ZH = {"planned": "计划停电", "temporary": "临时停电", "fault": "故障停电", "over_capacity": "超容量停电"}
PHASE_ZH = {"active": "正在停电", "upcoming": "即将停电", "recently_restored": "已恢复",
            "ended": "已结束", "cancelled": "已取消"}
# an active outage past its expected restore time with no restore recorded (issue 17)
OVERDUE_ZH = "超过预计恢复时间，待核实"
MATCH_ZH = {"account": "户号", "transformer_area": "台区", "feeder": "线路",
            "address_scope": "地址在停电范围内", "area_search": "停电范围在查询区域内"}
NO_MATCH_ZH = "未找到相关停电信息"
