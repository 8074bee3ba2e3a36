"""The call on a time axis (pyqtgraph): events in lanes, SLA marks, spans, a playhead.

The playhead can be dragged and any event clicked: both ask for a seek through
``seekRequested``; the dialog moves the playhead (``set_playhead``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGraphicsItem, QWidget

from callcenter.domain.replay.timeline import Timeline
from callcenter.ui.replay.labels import LANES, lane_names, mark_label

LANE_COLOURS = ("#1565c0", "#6a1b9a", "#2e7d32", "#ef6c00")
SPAN_BRUSHES = {"hold": (255, 193, 7, 60), "secure_pause": (120, 120, 120, 90)}
PASSED, NOT_PASSED = "#c62828", "#757575"
CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache


class _PlotItem:
    """What callers read of a pyqtgraph PlotItem here: its view box."""

    def __init__(self, vb: pg.ViewBox) -> None:
        self.vb = vb


class TimelinePlot(pg.GraphicsView):  # type: ignore[misc]
    """A view box with two axes, not a ``pg.PlotWidget``: a PlotWidget builds its
    PlotItem's settings menu (some 45 widgets, 270 signal connections) on every
    open, about 20 ms of a replay's open that nobody uses here (the menu is off)."""

    seekRequested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("replayTimeline")
        self.setAccessibleName("通话时间轴")
        self.setMinimumHeight(170)
        layout = pg.GraphicsLayout()
        layout.setContentsMargins(2, 2, 8, 2)
        self.setCentralItem(layout)
        self.vb = pg.ViewBox(enableMenu=False, defaultPadding=0)
        self.vb.setMouseEnabled(x=True, y=False)
        self._plot_item = _PlotItem(self.vb)
        self.axes = {"left": pg.AxisItem("left"), "bottom": pg.AxisItem("bottom")}
        for axis in self.axes.values():
            axis.linkToView(self.vb)
        layout.addItem(self.axes["left"], 0, 0)
        layout.addItem(self.vb, 0, 1)
        layout.addItem(self.axes["bottom"], 1, 1)
        self.axes["bottom"].setGrid(int(0.2 * 255))  # the x grid, faint
        self.axes["bottom"].setLabel("s")
        left = self.axes["left"]
        left.setTicks([list(enumerate(lane_names()))])
        left.setWidth(80)  # room for the longest lane name (pyqtgraph drops labels that overflow)
        self.vb.setYRange(-0.7, 3.7, padding=0)
        self.vb.disableAutoRange()  # the ranges are set here: no bounds to compute
        # one item per lane, one brush each: pyqtgraph draws each symbol once
        self.lanes: list[pg.ScatterPlotItem] = []
        for colour in LANE_COLOURS:
            item = pg.ScatterPlotItem(size=11, brush=pg.mkBrush(colour), pen=pg.mkPen("w", width=0.5))
            item.sigClicked.connect(self._clicked)
            item.setCacheMode(CACHE)  # drawn once: moving the playhead only blits it
            self.addItem(item)
            self.lanes.append(item)
        self.playhead = pg.InfiniteLine(0.0, angle=90, movable=True,
                                        pen=pg.mkPen("#0d47a1", width=2),
                                        hoverPen=pg.mkPen("#1e88e5", width=3))
        self.playhead.setZValue(20)
        self.playhead.sigDragged.connect(lambda line: self.seekRequested.emit(float(line.value())))
        self.addItem(self.playhead)
        self._extra: list[Any] = []
        self.mark_lines: dict[str, pg.InfiniteLine] = {}

    # ----- the parts of pg.PlotWidget's interface used here ------------------
    def getPlotItem(self) -> _PlotItem:  # noqa: N802 (pyqtgraph's name)
        return self._plot_item

    def getAxis(self, name: str) -> pg.AxisItem:  # noqa: N802 (pyqtgraph's name)
        return self.axes[name]

    def addItem(self, item: Any, ignoreBounds: bool = False) -> None:  # noqa: N802, N803
        self.vb.addItem(item, ignoreBounds=ignoreBounds)

    def removeItem(self, item: Any) -> None:  # noqa: N802 (pyqtgraph's name)
        self.vb.removeItem(item)

    def setXRange(self, lo: float, hi: float, padding: float | None = None) -> None:  # noqa: N802
        self.vb.setXRange(lo, hi, padding=padding)

    def show_timeline(self, tl: Timeline) -> None:
        for item in self._extra:
            self.removeItem(item)
        self._extra.clear()
        self.mark_lines.clear()
        # the range first: each line's label and each item then place themselves once,
        # not again when the range changes under them
        end = max([1.0, tl.duration_s] + [m.t_s for m in tl.marks])
        self.setXRange(0.0, end * 1.03, padding=0.01)
        lane_of = {k.value: lane for k, lane in LANES.items()}  # a str hashes in C, an Enum in Python
        per_lane: list[list[float]] = [[] for _ in self.lanes]
        for e in tl.events:
            per_lane[lane_of[e.kind._value_]].append(e.t_s)
        for lane, (item, xs) in enumerate(zip(self.lanes, per_lane, strict=True)):
            item.setData(x=np.asarray(xs, dtype=float), y=np.full(len(xs), float(lane)))
        for span in tl.spans:
            region = pg.LinearRegionItem((span.start_s, span.end_s), movable=False,
                                         brush=pg.mkBrush(*SPAN_BRUSHES[span.kind]))
            region.setZValue(-10)
            region.setCacheMode(CACHE)
            self.addItem(region, ignoreBounds=True)
            self._extra.append(region)
        for mark in tl.marks:
            colour = PASSED if mark.passed else NOT_PASSED
            line = pg.InfiniteLine(mark.t_s, angle=90, movable=False,
                                   pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
                                   label=mark_label(mark.name),
                                   labelOpts={"position": 0.93, "color": colour,
                                              "fill": (255, 255, 255, 200)})
            self.addItem(line, ignoreBounds=True)
            self._extra.append(line)
            self.mark_lines[mark.name] = line

    def set_playhead(self, t_s: float) -> None:
        self.playhead.blockSignals(True)
        self.playhead.setValue(t_s)
        self.playhead.blockSignals(False)

    def _clicked(self, _item: Any, points: Any, *_: Any) -> None:
        if len(points):
            self.seekRequested.emit(float(points[0].pos().x()))
