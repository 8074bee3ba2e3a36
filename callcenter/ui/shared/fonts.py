"""Ship the fonts the desk draws with, so Chinese and the symbols of badges and
banners (⛔ ⚠ ⚡ ⏳ ▸) render on a bare Linux machine (no boxes).

The CJK font comes first in the application font's family list and the symbol
font second: Qt takes a glyph the CJK font lacks from the next family in the list
before it asks the system, so no character depends on what fonts a machine has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from callcenter.services.site.resources import RESOURCES

FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
SYMBOL_FONT_FILE = RESOURCES / "fonts" / "NotoSansSymbols2-Regular.ttf"


_loaded: dict[str, str] = {}


def _load(path: str) -> str | None:
    """The family of the font file at ``path``, loaded once per process."""
    family = _loaded.get(path)
    if family is not None and family in QFontDatabase.families():
        return family
    font_id = QFontDatabase.addApplicationFont(path)
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    _loaded[path] = families[0]
    return families[0]


def bundled_families() -> list[str]:
    """The shipped fonts' families, CJK first (loads them; loading twice is harmless)."""
    return [f for f in (_load(str(FONT_FILE)), _load(str(SYMBOL_FONT_FILE))) if f]


def install_cjk_font(app: QApplication) -> str | None:
    """Make the bundled fonts the application font; the CJK family, or None when it
    cannot load."""
    cjk = _load(str(FONT_FILE))
    if cjk is None:
        return None
    symbols = _load(str(SYMBOL_FONT_FILE))
    font = QFont(cjk)
    font.setFamilies([cjk, symbols] if symbols else [cjk])
    font.setPointSize(10)
    app.setFont(font)
    return cjk
