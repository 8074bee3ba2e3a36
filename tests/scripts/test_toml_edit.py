"""The form editor's write-back into the script's TOML text (issue 17 item 20)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from callcenter.domain.scripts.toml_edit import set_key, toml_value
from callcenter.services.site.resources import RESOURCES

LIBRARY = sorted((RESOURCES / "scripts" / "library").glob("*.toml"))


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_every_shipped_script_round_trips_and_keeps_the_rest(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    before = tomllib.loads(text)
    new_text = "第一行{customer_name}\n第二行：\"引号\"与\\反斜杠"
    out = set_key(set_key(set_key(text, "title", "新标题"), "text", new_text),
                  "keywords", ["停电", "a]b", 'c"d'])
    after = tomllib.loads(out)
    assert after["title"] == "新标题" and after["text"] == new_text
    assert after["keywords"] == ["停电", "a]b", 'c"d']
    for k, v in before.items():
        if k not in ("title", "text", "keywords"):
            assert after[k] == v, k  # the keys the form does not touch stay as they were
    assert [ln for ln in out.splitlines() if ln.startswith("#")] == \
        [ln for ln in text.splitlines() if ln.startswith("#")]  # comments kept


def test_a_missing_key_is_added_before_the_first_table() -> None:
    text = 'id = "x"\n[[steps]]\nid = "a"\n'
    out = set_key(text, "phase", "hold")
    assert tomllib.loads(out)["phase"] == "hold"
    assert tomllib.loads(out)["steps"] == [{"id": "a"}]


def test_multiline_text_is_written_as_a_block() -> None:
    assert toml_value("一\n二") == '"""一\n二"""'
    assert toml_value('以"结尾"') == '"以\\"结尾\\""'


def test_a_leading_newline_survives() -> None:
    assert tomllib.loads("text = " + toml_value("\n第二行"))["text"] == "\n第二行"
