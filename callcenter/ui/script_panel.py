"""The script panel: what the agent says now (apology first after a late answer)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from callcenter.services.scripts import ScriptLine


class ScriptPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Script"), parent)
        self.setObjectName("scriptPanel")
        self._lay = QVBoxLayout(self)
        self._labels: list[QLabel] = []
        self.hint = QLabel(self.tr("The greeting appears when you answer."), self)
        self.hint.setObjectName("scriptHint")
        self._lay.addWidget(self.hint)
        self._lay.addStretch(1)

    def _titles(self) -> dict[str, str]:
        return {"apology": self.tr("Apologise first"), "greeting": self.tr("Greeting"),
                "closing": self.tr("Closing")}

    def show_lines(self, lines: list[ScriptLine]) -> None:
        self.clear()
        self.hint.hide()
        titles = self._titles()
        for i, line in enumerate(lines):
            lab = QLabel(f"<b>{titles.get(line.key, line.key)}</b><br/>{line.text}", self)
            lab.setObjectName(f"script_{line.key}")
            lab.setAccessibleName(line.text)
            lab.setWordWrap(True)
            if line.key == "apology":
                lab.setStyleSheet("background:#fef3c7;border-left:4px solid #f59e0b;padding:4px;")
            self._lay.insertWidget(i + 1, lab)
            self._labels.append(lab)

    def texts(self) -> list[str]:
        return [lab.accessibleName() for lab in self._labels]

    def clear(self) -> None:
        for lab in self._labels:
            lab.deleteLater()
        self._labels = []
        self.hint.show()
