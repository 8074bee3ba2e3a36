"""Chinese is the default UI: every string has a translation, the shipped .qm
matches the .ts, and the bundled font has a glyph for every character."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from callcenter.services.site.resources import RESOURCES
from callcenter.ui.shared.fonts import FONT_FILE, bundled_families, install_cjk_font
from callcenter.ui.shared.i18n import install_translator

TS = RESOURCES / "i18n" / "callcenter_zh_CN.ts"
QM = RESOURCES / "i18n" / "callcenter_zh_CN.qm"
UI = Path(__file__).resolve().parents[2] / "callcenter" / "ui"
CODE = UI.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    exe = BIN / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing: it ships with PySide6")
    return found


def _text(message: ET.Element) -> str:
    """A message's translation, including plural forms (numerusform)."""
    tr = message.find("translation")
    if tr is None:
        return ""
    return (tr.text or "") + "".join(nf.text or "" for nf in tr.findall("numerusform"))


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "check.ts"
    shutil.copy(TS, ts)
    subprocess.run([_tool("pyside6-lupdate"), *map(str, sorted(UI.rglob("*.py"))), "-ts", str(ts),
                    "-no-obsolete"], check=True, capture_output=True)
    unfinished = [
        m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
        if m.find("translation") is None or m.find("translation").get("type") == "unfinished"
        or not _text(m).strip()
    ]
    assert unfinished == [], "untranslated UI strings; update resources/i18n (see ui/shared/i18n.py)"


def test_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    out = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "rerun pyside6-lrelease (see ui/shared/i18n.py)"


def _drawn_by(font: QFont, ch: str) -> list[tuple[str, bool]]:
    """(family, has a glyph) of each font Qt lays ``ch`` out with, fallback included."""
    layout = QTextLayout(ch, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), all(g != 0 for g in run.glyphIndexes()))
            for run in layout.glyphRuns()]


def test_every_character_of_the_ui_is_drawn_from_a_bundled_font(qtbot: QtBot) -> None:
    """Every non-ASCII character the desk can show (translations, every string in the
    code, e.g. the ⛔ ⚠ ⚡ of badges, the profile and the scripts) is laid out by Qt with
    the application font in a bundled font with a real glyph: never a system font that
    a bare machine lacks, never a box."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    family = install_cjk_font(app)
    assert family, f"could not load {FONT_FILE}"
    bundled = set(bundled_families())
    text = "".join(_text(m) for m in ET.parse(TS).getroot().iter("message"))
    text += "".join(p.read_text(encoding="utf-8") for p in sorted(CODE.rglob("*.py")))
    text += (RESOURCES / "profiles" / "sgcc_95598.toml").read_text(encoding="utf-8")
    text += (RESOURCES / "scripts" / "basic.toml").read_text(encoding="utf-8")
    font = app.font()
    wrong = {}
    for ch in sorted({c for c in text if ord(c) > 0x7F and not c.isspace()}):
        runs = _drawn_by(font, ch)
        if not runs or any(fam not in bundled or not glyph for fam, glyph in runs):
            wrong[f"{ch} U+{ord(ch):04X}"] = runs
    assert wrong == {}, f"not drawn from a bundled font (system font or a box): {wrong}"
    assert family in QFontDatabase.families()


def test_translator_makes_the_desk_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.ui.desk_window import make_desk_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tr = install_translator(app, "zh")
    assert tr is not None
    try:
        dw = make_desk_window(tmp_path)
        qtbot.addWidget(dw.window)
        assert dw.window.softphone.state_label.text() == "签出"
        assert dw.window.windowTitle() == "95598 坐席工作台 · W01"  # which desk
        assert "签入" in dw.window.softphone.sign_btn.text()
        dw.close()
    finally:
        app.removeTranslator(tr)
