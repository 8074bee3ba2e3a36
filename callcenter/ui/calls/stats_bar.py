"""The agent's shift figures for the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from callcenter.domain.call_events import ShiftStats
from callcenter.domain.sla import format_mm_ss


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}%"


class StatsLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftStats")
        self.setAccessibleName("本班统计")
        self.show_stats(ShiftStats(0, 0, None, None, 0, None))

    def show_stats(self, s: ShiftStats) -> None:
        avg = "—" if s.avg_talk_s is None else format_mm_ss(s.avg_talk_s)
        self.setText(
            self.tr("Calls this shift: %1 · Answered within ring limit: %2 · "
                    "Average talk: %3 · Wrap-up within target: %4")
            .replace("%1", str(s.calls)).replace("%2", _pct(s.answered_within_limit_pct))
            .replace("%3", avg).replace("%4", _pct(s.wrapup_within_target_pct))
        )
