"""Every character of the shipped script library has a glyph in the bundled font
(scripts are content: they never pass through the .ts file the i18n test reads)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from callcenter.services.scripts.library import SHIPPED_LIBRARY
from callcenter.ui.shared.fonts import install_cjk_font


def test_bundled_font_covers_the_script_library(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    family = install_cjk_font(app)
    assert family
    metrics = QFontMetrics(QFont(family))
    text = "".join(p.read_text(encoding="utf-8") for p in SHIPPED_LIBRARY.glob("*.toml"))
    text += "＿＿★✔→"
    missing = sorted({ch for ch in text if ord(ch) > 0x2E7F and not metrics.inFontUcs4(ord(ch))})
    assert missing == [], f"no glyph (would show as boxes): {missing}"
