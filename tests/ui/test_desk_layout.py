"""Issue 17 item 8, through the real window with every feature installed: at
1366×768 the desk keeps its size and the ticket form its place from ring to
wrap-up, with the ticket history, the outage banner and the fault triage shown;
the phrase keys stay on screen and the content box keeps room to write."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from callcenter.app import AppOptions, build

from .render_desk_1366 import ONE_CALL, SCREEN, in_window, walk_a_call


@pytest.mark.parametrize("lang", ["zh", "en"])  # English labels are the wider
def test_answering_moves_neither_the_window_nor_the_form(qtbot: QtBot, tmp_path: Path, lang: str) -> None:
    ctx = build(AppOptions(data_dir=tmp_path, demo=True, scenario=ONE_CALL, workstation="L01", lang=lang))
    try:
        w = ctx.window
        qtbot.addWidget(w)
        w.resize(*SCREEN)
        w.show()
        qtbot.waitExposed(w)
        seen: dict[str, tuple[QRect, QRect]] = {}

        def check(name: str) -> None:
            qtbot.wait(50)  # let the layout settle (no timer is stepped: only Qt's own events)
            seen[name] = (QRect(w.geometry()), in_window(w, w.form))
            assert (w.width(), w.height()) == SCREEN, (name, w.size())
            form = in_window(w, w.form)
            assert form.bottom() < w.height() - w.statusBar().height(), (name, form)
            content = w.form.content
            assert content.height() >= 6 * content.fontMetrics().lineSpacing(), name
            keys = w.scripts.findChildren(QPushButton)
            assert len([k for k in keys if k.objectName().startswith("phrase")]) == 6
            for key in keys:
                if key.objectName().startswith("phrase"):
                    shown = key.visibleRegion().boundingRect()
                    assert shown.size() == key.size(), (name, key.objectName(), shown, key.size())
                    assert in_window(w, key).bottom() < w.height(), (name, key.objectName())

        walk_a_call(ctx, lambda cond: qtbot.waitUntil(cond, timeout=10_000), check)
        assert ctx.window.scripts.guide() is not None  # the triage was on screen
        assert seen["talking"][1] == seen["ring"][1] == seen["wrapup"][1]  # the form never moved
        assert seen["talking"][0].size() == seen["ring"][0].size() == seen["wrapup"][0].size()
    finally:
        ctx.shutdown()
