"""The standard outage line an agent reads to a caller inside a known outage
(rules section 6: tell the cause and the expected restoration time)."""

from __future__ import annotations

from .labels import KIND_ZH


def outage_line(kind: str, cause: str, restore_local: str, upcoming: bool = False,
                overdue: bool = False) -> str:
    """``restore_local``: the expected restore time already in site local time;
    ``overdue``: it has passed with no restore recorded, so no time is promised."""
    what = KIND_ZH.get(kind, "停电")
    if overdue:
        return (f"您好，您所在区域因{cause}造成{what}，原预计{restore_local}恢复供电，"
                "目前尚未恢复，我们正在向抢修部门核实进展，给您带来不便，敬请谅解。")
    if upcoming:
        return (f"您好，您所在区域将有{what}（{cause}），预计{restore_local}恢复供电，"
                "请您提前做好准备，给您带来不便，敬请谅解。")
    return (f"您好，您所在区域因{cause}造成{what}，供电公司正在处理，预计{restore_local}恢复供电，"
            "无需重复报修，给您带来不便，敬请谅解。")
