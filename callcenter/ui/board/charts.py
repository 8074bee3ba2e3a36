"""A pyqtgraph chart with its numbers one click away and its formula on hover.

Series are plotted against site-local hour starts (epoch seconds on a date
axis shifted to the site's offset). Downsampling (peak) and clip-to-view are on,
so a month of hours (or more) draws only what the view shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

SYMBOLS_UP_TO = 48
_PENS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")


class ChartPanel(QWidget):
    """``set_series(hours, {name: values})``; the 数据 button swaps in the table."""

    def __init__(self, title: str, formula: str, y_label: str, utc_offset_s: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(formula)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel(title, self)
        self.title.setToolTip(formula)
        self.toggle = QPushButton(self.tr("Numbers"), self)
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Show the chart's numbers as a table"))
        head.addWidget(self.title, 1)
        head.addWidget(self.toggle)
        lay.addLayout(head)
        self.stack = QStackedWidget(self)
        # pyqtgraph's utcOffset is seconds west of UTC (as time.timezone)
        self.plot = pg.PlotWidget(self.stack, axisItems={
            "bottom": pg.DateAxisItem(orientation="bottom", utcOffset=-utc_offset_s)})
        self.plot.setBackground("w")
        self.plot.setToolTip(formula)
        item = self.plot.getPlotItem()
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.showGrid(x=True, y=True, alpha=0.3)
        item.setLabel("left", y_label)
        self.legend = item.addLegend(offset=(-10, 10))
        self.table_model = QStandardItemModel(self)
        self.table = QTableView(self.stack)
        self.table.setModel(self.table_model)
        self.table.setToolTip(formula)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.table)
        lay.addWidget(self.stack, 1)
        self.toggle.toggled.connect(self._toggled)
        self.target_line: pg.InfiniteLine | None = None
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._data: tuple[Sequence[datetime], dict[str, Sequence[float | None]]] = ([], {})
        self._table_stale = False

    def _toggled(self, on: bool) -> None:
        if on and self._table_stale:
            self._fill_table(*self._data)
        self.stack.setCurrentIndex(1 if on else 0)

    def set_target(self, value: float, label: str) -> None:
        if self.target_line is None:
            pen = pg.mkPen("#d62728", style=Qt.PenStyle.DashLine)
            self.target_line = pg.InfiniteLine(angle=0, pen=pen, label=label,
                                               labelOpts={"position": 0.05, "color": "#d62728"})
            self.plot.addItem(self.target_line)
        self.target_line.setPos(value)

    def set_series(self, hours: Sequence[datetime],
                   series: dict[str, Sequence[float | None]]) -> None:
        xs = [h.timestamp() for h in hours]
        for name in list(self.curves):
            if name not in series:
                self.plot.removeItem(self.curves.pop(name))
                self.legend.removeItem(name)
        for i, (name, ys) in enumerate(series.items()):
            # a missing value (no calls that hour) is a gap, never a zero
            y = [float("nan") if v is None else float(v) for v in ys]
            curve = self.curves.get(name)
            if curve is None:
                curve = self.plot.plot(name=name, pen=pg.mkPen(_PENS[i % len(_PENS)], width=2),
                                       connect="finite", symbolBrush=_PENS[i % len(_PENS)])
                self.curves[name] = curve
            # points marked while few enough to see one by one (a day, not a month)
            curve.setSymbol("o" if len(xs) <= SYMBOLS_UP_TO else None)
            curve.setSymbolSize(4)
            curve.setData(xs, y, connect="finite")
        # the table is filled when it is shown (one click away), not on every update
        self._data = (list(hours), dict(series))
        self._table_stale = True
        if self.toggle.isChecked():
            self._fill_table(hours, series)

    def _fill_table(self, hours: Sequence[datetime],
                    series: dict[str, Sequence[float | None]]) -> None:
        self._table_stale = False
        m = self.table_model
        m.clear()
        m.setHorizontalHeaderLabels([self.tr("Hour"), *series])
        for r, h in enumerate(hours):
            row = [QStandardItem(h.strftime("%Y-%m-%d %H:00"))]
            for ys in series.values():
                v = ys[r]
                text = "—" if v is None else (f"{v:.1f}" if isinstance(v, float) else str(v))
                row.append(QStandardItem(text))
            m.appendRow(row)
        self.table.resizeColumnsToContents()
