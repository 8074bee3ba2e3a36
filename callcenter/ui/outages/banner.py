"""The in-call banner: the caller is inside a known outage.

Shows kind, cause, area and the expected restore time of each hit, and offers
the outage script. ``scriptRequested(hit)`` is the hook for the script library;
until it exists the banner shows the standard outage line itself
(``line_shown(str)`` tells listeners, e.g. to record it).
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from callcenter.domain.outages import Phase
from callcenter.domain.outages.script import outage_line
from callcenter.services.outages.lookup import OutageHit
from callcenter.ui.outages.texts import local, summary


class OutageBanner(QFrame):
    scriptRequested = Signal(object)  # OutageHit
    lineShown = Signal(str)

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outageBanner")
        self.setAccessibleName("停电提示")
        self.setStyleSheet("#outageBanner{background:#fee2e2;border:1px solid #b91c1c;padding:4px;}")
        self._tz = tz
        self.hits: list[OutageHit] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        row = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("outageBannerTitle")
        self.title.setWordWrap(True)
        self.script_btn = QPushButton(self.tr("Outage script"), self)
        self.script_btn.setObjectName("outageScriptButton")
        self.script_btn.setAccessibleName("停电话术")
        self.script_btn.clicked.connect(self._script)
        row.addWidget(self.title, 1)
        row.addWidget(self.script_btn)
        lay.addLayout(row)
        self.line = QLabel(self)
        self.line.setObjectName("outageScriptLine")
        self.line.setWordWrap(True)
        self.line.setTextInteractionFlags(self.line.textInteractionFlags())
        self.line.hide()
        lay.addWidget(self.line)
        self.hide()

    def show_hits(self, hits: Sequence[OutageHit]) -> None:
        self.hits = list(hits)
        self.line.hide()
        if not self.hits:
            self.hide()
            return
        first = self.hits[0]
        head = (self.tr("⚡ The caller is inside a known outage:") if first.phase is Phase.ACTIVE
                else self.tr("⚡ An outage is announced for the caller:"))
        lines = [head] + [f"{h.source_id} · {summary(h, self._tz)}" for h in self.hits[:3]]
        if len(self.hits) > 3:
            lines.append(self.tr("and %1 more").replace("%1", str(len(self.hits) - 3)))
        self.title.setText("\n".join(lines))
        self.show()

    def clear(self) -> None:
        self.show_hits([])

    def standard_line(self) -> str:
        h = self.hits[0]
        return outage_line(h.kind.value, h.cause, local(h.expected_restore, self._tz),
                           upcoming=h.phase is Phase.UPCOMING, overdue=h.overdue)

    def _script(self) -> None:
        if not self.hits:
            return
        self.scriptRequested.emit(self.hits[0])
        text = self.standard_line()
        self.line.setText("「" + text + "」")
        self.line.show()
        self.lineShown.emit(text)
