"""Checking a library: bad files are refused with FILE:LINE, the rest still loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from callcenter.commands.scripts import main
from callcenter.domain.scripts.library import SourceFile, build
from callcenter.services.scripts.library import ScriptLibraryService, check_directory

from .helpers import CATEGORIES, copy_shipped, shipped

GOOD = 'id = "ok"\ntitle = "好"\nphase = "answer"\ntext = "您好"\n'


def test_shipped_library_is_clean_and_complete() -> None:
    library = shipped()
    assert library.problems == ()
    assert {"greeting", "late_answer_apology", "hold", "resume", "cannot_answer_now",
            "pass_to_department", "closing", "outbound_opening", "complaint_opening",
            "fault_repair_triage"} <= {s.id for s in library.scripts}
    assert "先安抚客户后处理事情" in library.get("complaint_opening").text.source  # type: ignore[union-attr]
    assert "{deadline}" in library.get("pass_to_department").text.source  # type: ignore[union-attr]


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    d = copy_shipped(tmp_path / "lib")
    (d / "syntax.toml").write_text('id = "s"\ntitle = "坏"\nphase = "answer"\ntext = "未结束\n',
                                   encoding="utf-8")
    (d / "unknown.toml").write_text('id = "u"\ntitle = "未知"\nphase = "answer"\n\ntext = "您好{nobody}"\n',
                                    encoding="utf-8")
    triage = (d / "fault_repair_triage.toml").read_text(encoding="utf-8")
    (d / "fault_repair_triage.toml").write_text(
        triage.replace('next = "meter_box"', 'next = "no_such_step"'), encoding="utf-8")
    return d


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if needle in line)


def test_bad_files_are_refused_with_file_and_line(bad_dir: Path) -> None:
    problems = check_directory(bad_dir, CATEGORIES)
    by_file = {Path(p.file).name: p for p in problems}
    assert by_file["syntax.toml"].line == 4 and "TOML syntax error" in by_file["syntax.toml"].reason
    assert by_file["unknown.toml"].line == 5 and "unknown placeholder {nobody}" in by_file[
        "unknown.toml"].reason
    branch = [p for p in problems if "no_such_step" in p.reason]
    assert len(branch) == 1
    assert branch[0].line == _line_of(bad_dir / "fault_repair_triage.toml", '"no_such_step"')
    assert str(branch[0]) == f"{branch[0].file}:{branch[0].line}: {branch[0].reason}"


def test_the_rest_of_the_library_still_loads(bad_dir: Path) -> None:
    service = ScriptLibraryService(bad_dir, categories=CATEGORIES)
    ids = {s.id for s in service.library.scripts}
    assert {"greeting", "late_answer_apology", "closing"} <= ids
    assert not ids & {"s", "u", "fault_repair_triage"}
    assert service.problems


def test_cli_prints_one_line_per_problem_and_exits_1(bad_dir: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(bad_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out and all(line.split(":", 2)[1].isdigit() for line in out)
    assert any(line.startswith(str(bad_dir / "syntax.toml") + ":4: ") for line in out)


def test_cli_on_the_shipped_library_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert capsys.readouterr().out == ""


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([]) == 2
    assert main(["check", str(tmp_path / "missing")]) == 1
    assert "not a directory" in capsys.readouterr().out


@pytest.mark.parametrize(("text", "line", "reason"), [
    ('id = "x"\ntitle = "t"\nphase = "lunch"\ntext = "a"\n', 3, "unknown phase 'lunch'"),
    ('id = "x"\ntitle = "t"\nphase = "answer"\nconditions = ["rainy"]\ntext = "a"\n', 4,
     "unknown condition 'rainy'"),
    ('id = "x"\ntitle = "t"\nphase = "answer"\ncategories = ["gas"]\ntext = "a"\n', 4,
     "unknown ticket category 'gas'"),
    ('id = "x"\ntitle = "t"\nphase = "answer"\ncolour = "red"\ntext = "a"\n', 4, "unknown key 'colour'"),
    ('id = "X Y"\ntitle = "t"\nphase = "answer"\ntext = "a"\n', 1, "id must be"),
    ('id = "x"\nphase = "answer"\ntext = "a"\n', 1, "title is required"),
    ('id = "x"\ntitle = "t"\nphase = "answer"\ntext = "{agent_id:>4}"\n', 4, "plain name"),
    ('id = "x"\ntitle = "t"\nphase = "triage"\ntext = "a"\n\n[[steps]]\nid = "q"\nsay = "问"\n'
     '  [[steps.answers]]\n  label = "是"\n  next = "end"\n\n[[steps]]\nid = "end"\noutcome = "party"\n',
     15, "unknown outcome 'party'"),
    ('id = "x"\ntitle = "t"\nphase = "triage"\ntext = "a"\n\n[[steps]]\nid = "q"\nsay = "问"\n\n'
     '[[steps]]\nid = "lost"\noutcome = "record_only"\n', 6, "needs at least one"),
    ('id = "x"\ntitle = "t"\nphase = "triage"\ntext = "a"\n\n[[steps]]\nid = "q"\nsay = "问"\n'
     '  [[steps.answers]]\n  label = "是"\n  next = "a"\n\n[[steps]]\nid = "a"\noutcome = "record_only"\n'
     '\n[[steps]]\nid = "lost"\noutcome = "record_only"\n', 17, "never reached"),
])
def test_each_kind_of_problem_names_its_line(text: str, line: int, reason: str) -> None:
    library = build([SourceFile("f.toml", text)], categories=CATEGORIES)
    assert len(library) == 0
    assert any(p.line == line and reason in p.reason for p in library.problems), library.problems


def test_duplicate_id_keeps_the_first() -> None:
    library = build([SourceFile("a.toml", GOOD), SourceFile("b.toml", GOOD)])
    assert len(library) == 1 and library.get("ok").file == "a.toml"  # type: ignore[union-attr]
    assert library.problems[0].file == "b.toml" and "duplicate id" in library.problems[0].reason


def test_a_gbk_script_is_reported_as_not_utf8_on_its_line(tmp_path: Path) -> None:
    d = copy_shipped(tmp_path / "lib")
    (d / "gbk.toml").write_bytes('id = "g"\ntitle = "问候"\nphase = "answer"\n'.encode("gbk"))
    problems = [p for p in check_directory(d, CATEGORIES) if Path(p.file).name == "gbk.toml"]
    assert [(p.line, p.reason) for p in problems] == [
        (2, "not UTF-8 text (byte 0xce; GBK?): save the file as UTF-8")]


def test_check_refuses_an_empty_library_and_one_the_call_loop_cannot_use(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["check", str(empty)]) == 1
    assert capsys.readouterr().out == f"{empty}:1: the library is empty: no script was found (*.toml)\n"
    d = copy_shipped(tmp_path / "lib")
    (d / "greeting.toml").unlink()
    (d / "late_answer_apology.toml").unlink()
    assert main(["check", str(d)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1].split(":")[0] for line in out] == ["no greeting", "no late-answer apology"]
