"""Qt translation: Chinese (zh_CN) by default, English with ``--lang en``.

Source strings in the code are English; resources/i18n/callcenter_zh_CN.ts holds
the Chinese. Regenerate the .qm with:
    pyside6-lrelease resources/i18n/callcenter_zh_CN.ts -qm resources/i18n/callcenter_zh_CN.qm
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from callcenter.services.site.resources import RESOURCES

I18N_DIR = RESOURCES / "i18n"


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    tr = QTranslator(app)
    if tr.load(str(I18N_DIR / "callcenter_zh_CN.qm")):
        app.installTranslator(tr)
        return tr
    return None
