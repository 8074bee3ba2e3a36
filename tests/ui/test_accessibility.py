"""Every interactive widget of the desk has an objectName and a Chinese accessibleName."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from .desk_window import make_desk_window

CJK = re.compile(r"[\u4e00-\u9fff]")
INTERACTIVE = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit,
               QTextBrowser, QMenu)


def _interactive(root: QWidget) -> list[QWidget]:
    found = [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    # Qt's own parts of composite widgets (spin box line edits, combo views) are not ours
    return [w for w in found if not w.objectName().startswith("qt_")
            and not isinstance(w.parent(), QAbstractSpinBox | QComboBox | QTabBar)]


def test_every_interactive_widget_is_named_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    dw = make_desk_window(tmp_path)
    qtbot.addWidget(dw.window)
    dw.window.show()
    dw.desk.sign_in("1024")
    dw.window.open_backfill()
    dlg = dw.window._backfill
    assert dlg is not None
    widgets = _interactive(dw.window) + _interactive(dlg)
    assert len(widgets) > 25
    bad = [(type(w).__name__, w.objectName(), w.accessibleName()) for w in widgets
           if not w.objectName() or not CJK.search(w.accessibleName())]
    assert bad == [], bad
    dlg.confirm_discard = lambda: True  # type: ignore[method-assign]
    dlg.reject()
    dw.close()
