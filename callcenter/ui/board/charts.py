"""A pyqtgraph chart with its numbers one click away and its formula on hover.

Series are plotted against site-local hour starts (epoch seconds on a date
axis shifted to the site's offset). Downsampling (peak) and clip-to-view are on,
so a month of hours (or more) draws only what the view shows.

Speed (the board's first draw and refresh, ``callcenter bench board``): curves
are made once and then only get ``setData``; long series are drawn with 1-px
cosmetic pens (Qt strokes wider lines segment by segment, ~6x the time for a
month of hours); the axes keep a fixed unit prefix (no label re-layout on every
range change); the axes and the legend are cached as pixmaps (a repaint that
leaves their range and entries alone blits them instead of drawing their text
again); the plot's right-click menu is built on its first use, not with every
chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

SYMBOLS_UP_TO = 48
WIDE_PEN_UP_TO = 200  # longer series are drawn 1 px wide (far cheaper to stroke)
_PENS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")


class _LazyMenuViewBox(pg.ViewBox):  # type: ignore[misc]
    """A ViewBox whose context menu (a dozen widgets and their signals) is made
    when first asked for instead of with the chart."""

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.state["enableMenu"] = True  # the menu is on; getMenu makes it

    def _ensure_menu(self) -> ViewBoxMenu:
        if self.menu is None:
            self.menu = ViewBoxMenu(self)
            self.updateViewLists()
        return self.menu

    def getMenu(self, ev: object) -> ViewBoxMenu | None:  # noqa: N802 - pyqtgraph's name
        return self._ensure_menu() if self.menuEnabled() else None

    def getContextMenus(self, event: object) -> list[object]:  # noqa: N802 - pyqtgraph's name
        return list(self._ensure_menu().actions()) if self.menuEnabled() else []


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
        axes = {side: pg.AxisItem(side) for side in ("left", "top", "right")}
        axes["bottom"] = pg.DateAxisItem(orientation="bottom", utcOffset=-utc_offset_s)
        for axis in axes.values():  # a fixed unit prefix from the start (see the docstring)
            axis.enableAutoSIPrefix(False)
        self.plot = pg.PlotWidget(self.stack, viewBox=_LazyMenuViewBox(), axisItems=axes)
        for side in ("top", "right"):  # given axes are shown: these two stay hidden as by default
            self.plot.getPlotItem().hideAxis(side)
        self.plot.setBackground("w")
        self.plot.setUpdatesEnabled(False)  # an empty chart is laid out but not painted
        self.plot.setToolTip(formula)
        item = self.plot.getPlotItem()
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.showGrid(x=True, y=True, alpha=0.3)
        item.setLabel("left", y_label)
        self.legend = item.addLegend(offset=(-10, 10))
        # redrawn only when they change (a new range, a new entry): refreshes blit them
        for cached in (item.getAxis("left"), item.getAxis("bottom"), self.legend):
            cached.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
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
        self._wide: dict[str, bool] = {}

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

    def _new_curve(self, i: int, name: str, wide: bool) -> pg.PlotDataItem:
        colour = _PENS[i % len(_PENS)]
        curve = self.plot.plot(name=name, pen=pg.mkPen(colour, width=2 if wide else 1),
                               connect="finite", symbolBrush=colour, symbolSize=4)
        self.curves[name] = curve
        self._wide[name] = wide
        return curve

    def set_series(self, hours: Sequence[datetime],
                   series: dict[str, Sequence[float | None]],
                   xs: np.ndarray | None = None) -> None:
        """``xs``: the hours' epoch seconds when the caller has them (charts sharing hours)."""
        if xs is None:
            xs = epoch_seconds(hours)
        for name in list(self.curves):
            if name not in series:
                self.plot.removeItem(self.curves.pop(name))
                self.legend.removeItem(name)
                self._wide.pop(name, None)
        wide = len(xs) <= WIDE_PEN_UP_TO
        for i, (name, ys) in enumerate(series.items()):
            y = np.asarray(ys, dtype=float)  # None (no calls that hour): NaN, a gap, never a zero
            curve = self.curves.get(name)
            if curve is None:
                curve = self._new_curve(i, name, wide)
            elif self._wide.get(name) != wide:
                curve.setPen(pg.mkPen(_PENS[i % len(_PENS)], width=2 if wide else 1))
                self._wide[name] = wide
            # points marked while few enough to see one by one (a day, not a month)
            symbol = "o" if len(xs) <= SYMBOLS_UP_TO else None
            if curve.opts["symbol"] != symbol:
                curve.setSymbol(symbol)
            curve.setData(xs, y, connect="finite")
        self.reveal()
        # the table is filled when it is shown (one click away), not on every update
        self._data = (list(hours), dict(series))
        self._table_stale = True
        if self.toggle.isChecked():
            self._fill_table(hours, series)

    def reveal(self) -> None:
        """Paint the plot from now on (it is not painted before its first series,
        or until the figures are known not to come)."""
        if not self.plot.updatesEnabled():
            self.plot.setUpdatesEnabled(True)

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


def epoch_seconds(hours: Sequence[datetime]) -> np.ndarray:
    return np.array([h.timestamp() for h in hours], dtype=float)
