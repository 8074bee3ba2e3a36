"""Strict, shared test setup: offscreen Qt, real SQLite files in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CALLCENTER_NO_SOUND", "1")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _no_leaked_windows() -> Iterator[None]:
    """Fail a test that leaves a visible top-level window behind (as napari does).

    Autouse fixtures are set up first, so this check runs after pytest-qt has
    closed the widgets a test registered with ``qtbot.addWidget``.
    """
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.processEvents()
    leaked = [w for w in app.topLevelWidgets() if w.isVisible()]
    for w in leaked:
        w.close()
        w.deleteLater()
    assert not leaked, f"test leaked visible windows: {[w.objectName() or w for w in leaked]}"


@pytest.fixture(autouse=True)
def _no_leaked_translator() -> Iterator[None]:
    """Each test starts in the language it asks for: a translator (and the default
    locale) a test installed, e.g. through ``app.build`` without a shutdown, is taken
    away afterwards, so a later test that reads the English texts is not handed Chinese."""
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator)) if app is not None else set()
    locale = QLocale()
    yield
    app = QApplication.instance()
    if app is None:
        return
    for tr in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(tr)
        tr.setParent(None)
        tr.deleteLater()
    QLocale.setDefault(locale)
