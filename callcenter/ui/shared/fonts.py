"""Ship a CJK font so Chinese renders on a bare Linux machine (no boxes)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from callcenter.services.site.resources import RESOURCES

FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"


def install_cjk_font(app: QApplication) -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(10)
    app.setFont(font)
    return families[0]
