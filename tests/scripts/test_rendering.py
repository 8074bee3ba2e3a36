"""Placeholders: every value present, every value missing (a visible blank), never raw braces."""

from __future__ import annotations

import pytest

from callcenter.domain.scripts.placeholders import (
    BLANK,
    KNOWN_PLACEHOLDERS,
    PlaceholderSyntax,
    compile_template,
    render,
)

ALL = "".join(f"[{name}:{{{name}}}]" for name in KNOWN_PLACEHOLDERS)


def test_every_placeholder_present_is_filled() -> None:
    values = {name: f"v-{name}" for name in KNOWN_PLACEHOLDERS}
    out = render(ALL, values)
    for name in KNOWN_PLACEHOLDERS:
        assert f"[{name}:v-{name}]" in out
    assert "{" not in out and "}" not in out and BLANK not in out


def test_every_placeholder_missing_is_a_visible_blank() -> None:
    out = render(ALL, {})
    for name in KNOWN_PLACEHOLDERS:
        assert f"[{name}:{BLANK}]" in out
    assert "{" not in out and "}" not in out


def test_an_empty_value_counts_as_missing() -> None:
    assert render("我将在{deadline}答复您。", {"deadline": ""}) == f"我将在{BLANK}答复您。"


def test_literal_braces_and_values_with_braces_stay_as_written() -> None:
    t = compile_template("{{注}} {customer_name}")
    assert t.render({"customer_name": "{agent_id}"}) == "{注} {agent_id}"
    assert t.fields == ("customer_name",)


def test_the_real_greeting_renders() -> None:
    t = compile_template("您好，{unit}95598，{agent_id}号为您服务。")
    full = t.render({"unit": "国网临江供电公司", "agent_id": "1024"})
    assert full == "您好，国网临江供电公司95598，1024号为您服务。"
    assert t.render({"unit": "国网临江供电公司"}) == f"您好，国网临江供电公司95598，{BLANK}号为您服务。"


@pytest.mark.parametrize("bad", ["{", "您好}", "{agent_id:>5}", "{agent_id!r}", "{0}", "{a.b}"])
def test_anything_but_a_plain_name_is_refused(bad: str) -> None:
    with pytest.raises(PlaceholderSyntax):
        compile_template(bad)
