"""Search in Chinese, pins that survive a restart, the compiled cache, and the
answer-time lines from the library matching the basic ones."""

from __future__ import annotations

import os
from pathlib import Path

from callcenter.services.scripts.call_lines import BasicScripts, LibraryScripts
from callcenter.services.scripts.library import ScriptLibraryService

from .helpers import CATEGORIES, copy_shipped


def test_search_finds_chinese_in_titles_keywords_and_text(tmp_path: Path) -> None:
    s = ScriptLibraryService(copy_shipped(tmp_path / "lib"), categories=CATEGORIES)
    assert s.search("投诉")[0].script_id == "complaint_opening"  # title hit first
    assert {h.script_id for h in s.search("空开")} == {"fault_repair_triage"}  # keyword
    assert {h.script_id for h in s.search("第四十七条")} == {"fault_repair_triage"}  # a step's text
    assert [h.script_id for h in s.search("转交 部门")] == ["pass_to_department"]  # every term
    assert s.search("ＨＯＬＤ")[0].script_id == "hold"  # full-width and case folded
    assert s.search("没有这个词") == []
    assert len(s.search("")) == len(s.library)


def test_pins_come_first_and_survive_a_restart(tmp_path: Path) -> None:
    lib, pins = copy_shipped(tmp_path / "lib"), tmp_path / "pins.json"
    s = ScriptLibraryService(lib, categories=CATEGORIES, pins_file=pins)
    assert s.toggle_pin("closing") is True
    assert s.search("")[0].script_id == "closing" and s.search("")[0].pinned
    again = ScriptLibraryService(lib, categories=CATEGORIES, pins_file=pins)
    assert again.pinned() == ["closing"]
    assert again.toggle_pin("closing") is False
    assert not again.search("")[0].pinned


def test_cache_is_reused_and_a_changed_file_is_seen(tmp_path: Path) -> None:
    lib, cache = copy_shipped(tmp_path / "lib"), tmp_path / "cache"
    cache.mkdir()
    first = ScriptLibraryService(lib, categories=CATEGORIES, cache_dir=cache).library
    assert any(cache.iterdir())
    path = lib / "closing.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("再见", "再会"), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    second = ScriptLibraryService(lib, categories=CATEGORIES, cache_dir=cache).library
    assert "再会" in second.get("closing").text.source  # type: ignore[union-attr]
    assert "再见" in first.get("closing").text.source  # type: ignore[union-attr]


def test_library_answer_lines_match_the_basic_ones(tmp_path: Path) -> None:
    values = {"unit": "国网临江供电公司", "agent_id": "1024"}
    basic = BasicScripts()
    library = LibraryScripts(ScriptLibraryService(copy_shipped(tmp_path / "lib")))
    for late in (False, True):
        got = library.on_answer(late, values)
        want = basic.on_answer(late, values)
        assert [(ln.key, ln.text) for ln in got] == [(ln.key, ln.text) for ln in want]
    assert library.line("closing", values).text == basic.line("closing", values).text
    assert library.on_answer(True, values)[0].script_id == "late_answer_apology"


def test_library_without_the_apology_still_apologises(tmp_path: Path) -> None:
    lib = copy_shipped(tmp_path / "lib")
    (lib / "late_answer_apology.toml").unlink()
    lines = LibraryScripts(ScriptLibraryService(lib)).on_answer(True, {})
    assert lines[0].text == "对不起，让您久等了。"  # 004 Q56 is not optional
