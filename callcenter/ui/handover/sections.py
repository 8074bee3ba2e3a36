"""One section of the record on screen: its compiled items (checkable for the
incoming lead) above the lead's own text. Refreshing the items never touches
the text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout

from callcenter.domain.handover.record import COMPILED, Section
from callcenter.ui.handover.texts import item_line, section_title

ID_ROLE = Qt.ItemDataRole.UserRole
MAX_SHOWN = 300  # a list of 5,000 open tickets shows its first 300 and says how many


class SectionBox(QGroupBox):
    def __init__(self, section: Section, tz: ZoneInfo, parent: QGroupBox | None = None) -> None:
        super().__init__(section_title(section), parent)
        self.section, self._tz = section, tz
        self.setObjectName(f"section_{section.value}")
        lay = QVBoxLayout(self)
        self.items = QListWidget(self)
        self.items.setObjectName(f"items_{section.value}")
        self.items.setAccessibleName(section_title(section))
        self.items.setVisible(section in COMPILED)
        self.items.setMaximumHeight(140)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName(f"text_{section.value}")
        self.text.setAccessibleName(section_title(section))
        self.text.setPlaceholderText(self.tr("The lead's notes for this section"))
        self.text.setMaximumHeight(70 if section in COMPILED else 90)
        lay.addWidget(self.items)
        lay.addWidget(self.text)
        self._count = 0

    def set_items(self, items: Sequence[Mapping[str, Any]], *, checkable: bool = False,
                  checked: frozenset[str] = frozenset()) -> None:
        """Replace the compiled items; ticks of items still there are kept."""
        keep = checked | {self.items.item(i).data(ID_ROLE) for i in range(self.items.count())
                          if self.items.item(i).checkState() == Qt.CheckState.Checked}
        self.items.clear()
        self._count = len(items)
        for item in items[:MAX_SHOWN]:
            w = QListWidgetItem(item_line(self.section, item, self._tz))
            w.setData(ID_ROLE, str(item.get("id", "")))
            if checkable:
                w.setFlags(w.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                w.setCheckState(Qt.CheckState.Checked if str(item.get("id")) in keep
                                else Qt.CheckState.Unchecked)
            self.items.addItem(w)
        if len(items) > MAX_SHOWN:
            more = QListWidgetItem(self.tr("… and %1 more").replace("%1", str(len(items) - MAX_SHOWN)))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.items.addItem(more)
        self.setTitle(f"{section_title(self.section)}（{len(items)}）" if self.section in COMPILED
                      else section_title(self.section))

    @property
    def count(self) -> int:
        return self._count

    def checked_ids(self) -> list[str]:
        return [self.items.item(i).data(ID_ROLE) for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked]

    def selected_id(self) -> str | None:
        it = self.items.currentItem()
        return it.data(ID_ROLE) if it is not None else None
