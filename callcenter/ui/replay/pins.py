"""Comments pinned to times of the call, on the replay: a marker on the time
axis for each (numbered, in the plot's lowest strip) and a list under it.
Clicking a marker or a line of the list seeks there. Kept apart from the
dialog: ``attach_pins(dialog)`` adds them to an open replay."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from callcenter.domain.qa.pins import Pin
from callcenter.domain.sla import format_mm_ss
from callcenter.ui.replay.replay_dialog import ReplayDialog
from callcenter.ui.replay.timeline_plot import TimelinePlot

PIN_COLOUR = "#e65100"
PIN_Y = -0.45  # below the first lane, inside the plot's range
T_ROLE = Qt.ItemDataRole.UserRole + 1


class PinMarkers(QWidget):
    seekRequested = Signal(float)

    def __init__(self, plot: TimelinePlot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayPins")
        self.plot = plot
        self.pins: list[Pin] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Reviewer's comments on the timeline"), self)
        lay.addWidget(self.title)
        self.list = QListWidget(self)
        self.list.setObjectName("replayPinList")
        self.list.setAccessibleName(self.tr("Reviewer's comments on the timeline"))
        self.list.setMaximumHeight(96)
        self.list.itemClicked.connect(self._item_seek)
        self.list.itemActivated.connect(self._item_seek)
        lay.addWidget(self.list)
        self.scatter = pg.ScatterPlotItem(size=14, symbol="t", brush=pg.mkBrush(PIN_COLOUR),
                                          pen=pg.mkPen("w", width=0.5))
        self.scatter.setZValue(15)
        self.scatter.sigClicked.connect(self._clicked)
        plot.addItem(self.scatter, ignoreBounds=True)
        self.lines: list[pg.InfiniteLine] = []

    def enable_click_seek(self) -> None:
        """A click anywhere on the time axis seeks there (for a reviewer pinning a
        comment at a clicked time); clicks on an event or a marker seek as before."""
        self.plot.scene().sigMouseClicked.connect(self._scene_clicked)

    def _scene_clicked(self, ev: Any) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or ev.isAccepted():
            return
        vb = self.plot.getPlotItem().vb
        pos = ev.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        self.seekRequested.emit(max(0.0, float(vb.mapSceneToView(pos).x())))

    def set_pins(self, pins: Sequence[Pin]) -> None:
        self.pins = sorted(pins)
        for line in self.lines:
            self.plot.removeItem(line)
        self.lines.clear()
        self.scatter.setData(x=[p.t_s for p in self.pins], y=[PIN_Y] * len(self.pins))
        self.list.clear()
        for i, p in enumerate(self.pins, 1):
            line = pg.InfiniteLine(p.t_s, angle=90, movable=False,
                                   pen=pg.mkPen(PIN_COLOUR, width=1, style=Qt.PenStyle.DotLine),
                                   label=str(i), labelOpts={"position": 0.05, "color": PIN_COLOUR})
            self.plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
            item = QListWidgetItem(f"{i}. {format_mm_ss(p.t_s)}  {p.text}")
            item.setData(T_ROLE, p.t_s)
            self.list.addItem(item)
        self.setVisible(bool(self.pins))

    def _item_seek(self, item: QListWidgetItem) -> None:
        self.seekRequested.emit(float(item.data(T_ROLE)))

    def _clicked(self, _item: Any, points: Any, *_: Any) -> None:
        if len(points):
            self.seekRequested.emit(float(points[0].pos().x()))


def attach_pins(dialog: ReplayDialog, pins: Sequence[Pin] = (), *, click_seeks: bool = False
                ) -> PinMarkers:
    """The pin markers of ``dialog`` (made once, under its timeline); seeking goes to
    the dialog. ``click_seeks``: a click anywhere on the axis seeks too (pinning)."""
    existing = dialog.findChild(PinMarkers, "replayPins")
    if isinstance(existing, PinMarkers):
        existing.set_pins(pins)
        return existing
    markers = PinMarkers(dialog.plot, dialog)
    markers.seekRequested.connect(dialog.seek)
    if click_seeks:
        markers.enable_click_seek()
    lay = dialog.layout()
    if isinstance(lay, QVBoxLayout):
        lay.insertWidget(lay.indexOf(dialog.plot) + 1, markers)
    markers.set_pins(pins)
    return markers
