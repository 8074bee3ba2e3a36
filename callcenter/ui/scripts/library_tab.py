"""Searching the script library (Chinese text) and pinning scripts, by keyboard.

Type in the search box (an input method commits Chinese); Down moves into the
results; Enter shows the chosen script in the script panel (and records it on
the call); Ctrl+P pins or unpins it. Pinned scripts stay at the top.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from callcenter.services.scripts.library import ScriptHit, ScriptLibraryService

PIN = "★ "  # the bundled font has no emoji


class _SearchBox(QLineEdit):
    """Down/Enter hand over to the result list."""

    moveDown = Signal()
    accept = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Down:
            self.moveDown.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept.emit()
            return
        super().keyPressEvent(event)


class _Results(QListWidget):
    accept = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept.emit()
            return
        super().keyPressEvent(event)


class ScriptLibraryTab(QWidget):
    useRequested = Signal(str)  # script id to show in the panel
    pinToggled = Signal(str, bool)

    def __init__(self, service: ScriptLibraryService, parent: QWidget | None = None, *,
                 render: Callable[[str], str | None] | None = None) -> None:
        """``render(script_id)`` gives the text as the current call would say it
        (blanks for what is not known yet); without it the source text is shown."""
        super().__init__(parent)
        self.setObjectName("scriptLibraryTab")
        self._service = service
        self._render = render
        self._hits: list[ScriptHit] = []
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Search scripts:"), self)
        self.search = _SearchBox(self)
        self.search.setObjectName("scriptSearch")
        self.search.setAccessibleName("搜索话术")
        self.search.setPlaceholderText(self.tr("Words from the title, keywords or text"))
        label.setBuddy(self.search)
        row.addWidget(label)
        row.addWidget(self.search, 1)
        lay.addLayout(row)
        self.results = _Results(self)
        self.results.setObjectName("scriptResults")
        self.results.setAccessibleName("话术列表")
        lay.addWidget(self.results, 2)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("scriptPreview")
        self.preview.setAccessibleName("话术预览")
        lay.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.use_btn = QPushButton(self.tr("Show in script panel (Enter)"), self)
        self.use_btn.setObjectName("scriptUse")
        self.use_btn.setAccessibleName("显示到话术区")
        self.pin_btn = QPushButton(self.tr("Pin / unpin (Ctrl+P)"), self)
        self.pin_btn.setObjectName("scriptPin")
        self.pin_btn.setAccessibleName("置顶话术")
        buttons.addWidget(self.use_btn)
        buttons.addWidget(self.pin_btn)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.count = QLabel(self)
        self.count.setObjectName("scriptCount")
        lay.addWidget(self.count)

        pin = QShortcut(QKeySequence("Ctrl+P"), self)
        pin.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        pin.activated.connect(self.toggle_pin)
        self.search.textChanged.connect(self.refresh)
        self.search.moveDown.connect(self._into_results)
        self.search.accept.connect(self.use_current)
        self.results.accept.connect(self.use_current)
        self.results.currentRowChanged.connect(self._preview)
        self.use_btn.clicked.connect(self.use_current)
        self.pin_btn.clicked.connect(self.toggle_pin)
        self.refresh()

    def refresh(self) -> None:
        keep = self.current_id()
        self._hits = self._service.search(self.search.text())
        self.results.blockSignals(True)
        self.results.clear()
        for hit in self._hits:
            mark = PIN if hit.pinned else ""
            guided = self.tr(" (guided)") if hit.guided else ""
            item = QListWidgetItem(f"{mark}{hit.title}{guided}")
            item.setData(Qt.ItemDataRole.UserRole, hit.script_id)
            self.results.addItem(item)
        self.results.blockSignals(False)
        ids = [h.script_id for h in self._hits]
        self.results.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self._preview(self.results.currentRow())
        self.count.setText(self.tr("%n script(s)", "", len(self._hits)))

    def _preview(self, row: int) -> None:
        if 0 <= row < len(self._hits):
            hit = self._hits[row]
            text = (self._render(hit.script_id) if self._render else None) or hit.text
            self.preview.setHtml(f"<b>{html.escape(hit.title)}</b><br/>"
                                 + html.escape(text).replace("\n", "<br/>"))
        else:
            self.preview.clear()

    def _into_results(self) -> None:
        if self.results.count():
            self.results.setFocus(Qt.FocusReason.TabFocusReason)
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)

    def current_id(self) -> str | None:
        item = self.results.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def use_current(self) -> None:
        sid = self.current_id()
        if sid is not None:
            self.useRequested.emit(sid)

    def toggle_pin(self) -> None:
        sid = self.current_id()
        if sid is None:
            return
        pinned = self._service.toggle_pin(sid)
        self.refresh()
        self.pinToggled.emit(sid, pinned)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
