"""A figure tile: a name, a value, the target, the formula on hover."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class FigureTile(QFrame):
    def __init__(self, name: str, formula: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(formula)
        self.setMinimumWidth(120)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.name = QLabel(name, self)
        self.value = QLabel("—", self)
        self.value.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.note = QLabel("", self)
        for w in (self.name, self.value, self.note):
            lay.addWidget(w)
        self._bad = False

    def show_value(self, text: str, note: str = "", bad: bool = False) -> None:
        """``bad`` colours the tile and the note says why in words (colour is never
        the only signal)."""
        if self.value.text() != text:
            self.value.setText(text)
        if self.note.text() != note:
            self.note.setText(note)
        if bad != self._bad:  # a style sheet change re-polishes the tile: only when it flips
            self._bad = bad
            self.setStyleSheet("FigureTile { background: #f8d8d8; }" if bad else "")
