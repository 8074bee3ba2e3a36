"""The dispatch deadline (处理时限) in the unit of the profile's deadline for the
ticket: 分钟/小时 (fault repair's arrival, shown as the profile sets it), or
天/工作日 (the agent may shorten it, never lengthen it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget

from callcenter.domain.deadlines import Deadline, DeadlineUnit

DAY_UNITS = (DeadlineUnit.DAYS, DeadlineUnit.WORKING_DAYS)
UNIT_ZH = {DeadlineUnit.MINUTES: "分钟", DeadlineUnit.HOURS: "小时", DeadlineUnit.DAYS: "天",
           DeadlineUnit.WORKING_DAYS: "工作日"}


def unit_label(unit: DeadlineUnit) -> str:
    """The field's label with its unit, e.g. 处理时限（分钟）."""
    return {
        DeadlineUnit.MINUTES: QCoreApplication.translate("DeadlineField", "Deadline (minutes)"),
        DeadlineUnit.HOURS: QCoreApplication.translate("DeadlineField", "Deadline (hours)"),
        DeadlineUnit.DAYS: QCoreApplication.translate("DeadlineField", "Deadline (days)"),
        DeadlineUnit.WORKING_DAYS: QCoreApplication.translate("DeadlineField",
                                                              "Deadline (working days)"),
    }[unit]


def unit_suffix(unit: DeadlineUnit) -> str:
    return {
        DeadlineUnit.MINUTES: QCoreApplication.translate("DeadlineField", " min"),
        DeadlineUnit.HOURS: QCoreApplication.translate("DeadlineField", " h"),
        DeadlineUnit.DAYS: QCoreApplication.translate("DeadlineField", " days"),
        DeadlineUnit.WORKING_DAYS: QCoreApplication.translate("DeadlineField", " working days"),
    }[unit]


class DeadlineField(QSpinBox):
    """``follow(deadline)`` on every category/sub-type/area change; the value
    follows the profile until the agent edits it (days units only)."""

    def __init__(self, max_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_days = max_days
        self.unit = DeadlineUnit.DAYS
        self.touched = False
        self._setting = False
        self._days_fallback = 1
        self.setRange(1, max_days)
        self.valueChanged.connect(self._edited)

    def _edited(self) -> None:
        if not self._setting:
            self.touched = True

    def _set(self, value: int) -> None:
        self._setting = True
        try:
            self.setValue(max(self.minimum(), min(value, self.maximum())))
        finally:
            self._setting = False

    def follow(self, deadline: Deadline | None, default_days: int = 1) -> None:
        unit = deadline.unit if deadline is not None else DeadlineUnit.DAYS
        self.unit = unit
        self.setSuffix(unit_suffix(unit))
        self.setAccessibleName(f"处理时限({UNIT_ZH[unit]})")
        if unit in DAY_UNITS:
            self.setReadOnly(False)
            self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
            self.setToolTip("")
            self._setting = True
            self.setRange(1, self._max_days)
            self._setting = False
            if deadline is not None and not self.touched:
                self._set(deadline.amount)
            return
        # minutes or hours: the profile's commitment, counted from the dispatch
        assert deadline is not None
        self._days_fallback = max(1, min(default_days, self._max_days))
        self.setReadOnly(True)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setToolTip(QCoreApplication.translate(
            "DeadlineField", "Set by the site profile for this category and area."))
        self._setting = True
        self.setRange(1, max(deadline.amount, self._max_days))
        self._setting = False
        self._set(deadline.amount)

    def days(self) -> int:
        """What the dispatch request carries as days (the profile's own deadline
        applies when it is in minutes or hours)."""
        return self.value() if self.unit in DAY_UNITS else self._days_fallback

    def reset(self) -> None:
        self.follow(None)
        self._set(1)
        self.touched = False
