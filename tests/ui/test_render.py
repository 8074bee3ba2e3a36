"""Rendering the main screens offscreen works and produces real pictures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from .render_screens import render


def test_render_main_screens(qtbot: QtBot, tmp_path: Path) -> None:
    shots = render(tmp_path)
    assert [p.name for p in shots] == ["ringing.png", "talking.png", "wrapup_error.png",
                                       "wrapup_corrected.png", "saved.png"]
    for p in shots:
        img = QImage(str(p))
        assert img.width() >= 1200 and img.height() >= 700
        # a blank grab would be one colour; a drawn desk has many
        colours = {img.pixel(x, y) for x in range(0, img.width(), 37) for y in range(0, img.height(), 29)}
        assert len(colours) > 10
