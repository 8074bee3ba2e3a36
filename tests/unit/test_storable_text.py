"""Text central cannot store (NUL, lone surrogates; issue 19) is refused where it
comes in, with a message naming where: the ticket form's field, a script's key
and line, a profile's key and line (the outage import: tests/outages/test_import.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from callcenter.domain.scripts.parsing import parse_script
from callcenter.domain.site_profile import ProfileError
from callcenter.domain.storable_text import clean, describe, first_unstorable, has_unstorable
from callcenter.domain.ticket import FieldError, validate
from callcenter.services.site.profile import DEFAULT_PROFILE, load_profile

from .test_ticket_validation import PROFILE, fault, phone_ok


def test_what_central_cannot_store() -> None:
    assert first_unstorable("停电") is None
    assert first_unstorable("停\x00电") == 1 and describe("停\x00电") == "U+0000 at character 2"
    assert first_unstorable("a\udc80") == 1
    assert clean("线\x00路\udc80") == "线路"
    assert has_unstorable({"a": ["x", {"b": "\x00"}]}) and not has_unstorable({"a": [1, None]})


def test_the_ticket_form_refuses_a_nul_in_any_field() -> None:
    draft = replace(fault(), content="家里停电\x00了", caller_name="张\udc80三")
    errors = validate(draft, PROFILE, phone_ok)
    assert FieldError("content", "bad_character", 5) in errors
    assert FieldError("caller_name", "bad_character", 2) in errors


SCRIPT = '''id = "greet"
title = "问候"
phase = ["greeting"]
text = "您好\\u0000，国家电网"
'''


def test_a_script_with_a_nul_escape_is_refused_with_its_key_and_line() -> None:
    script, problems = parse_script(SCRIPT, "greet.toml")
    assert script is None
    assert [(p.line, p.reason) for p in problems if "cannot be stored" in p.reason] == [
        (4, "text holds a character that cannot be stored (U+0000 at character 3); remove it")]


def test_a_profile_with_a_nul_escape_is_refused_with_its_key_and_line(tmp_path: Path) -> None:
    text = DEFAULT_PROFILE.read_text(encoding="utf-8")
    line_no, line = next((i, ln) for i, ln in enumerate(text.splitlines(), 1)
                         if ln.startswith("name") and '"' in ln)
    bad = tmp_path / "site.toml"
    bad.write_text(text.replace(line, line[:-1] + '\\u0000"', 1), encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(bad)
    assert str(err.value).startswith(
        f"{bad}:{line_no}: categories[1].name holds a character that cannot be stored")
