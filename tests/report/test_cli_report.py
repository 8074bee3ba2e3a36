"""``callcenter report monthly`` on a desk's data folder, as its own process."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from openpyxl import load_workbook

from callcenter.services.report.xlsx import HEADER_ROW
from callcenter.services.storage.database import open_database

from .cli_run import run_report
from .seed_month import MONTH, expected, load, make_seed


def test_desk_report_writes_xlsx_and_pdf_of_its_own_subset(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = open_database(data / "desk.sqlite3")
    seed = make_seed()
    load(db.write_engine, seed)
    db.close()
    out, pdf = tmp_path / "m.xlsx", tmp_path / "m.pdf"
    done = run_report("monthly", "--month", MONTH, "--out", str(out), "--pdf", str(pdf),
                      "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    want = expected(seed)
    assert f"{sum(want['current'].values())} tickets (this desk only)" in done.stdout
    ws = load_workbook(out)["业务量"]
    assert "本席位数据子集" in ws["A1"].value
    counts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(HEADER_ROW + 1, HEADER_ROW + 7)}
    assert counts["投诉"] == want["current"]["complaint"]
    assert counts["合计"] == sum(want["current"].values())
    doc = pdfium.PdfDocument(str(pdf))
    assert len(doc) >= 1
    assert "本席位数据子集" in "".join(doc[0].get_textpage().get_text_range().split())


def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    bad = run_report("monthly", "--month", "2026-13", "--out", str(out), "--data-dir", str(tmp_path))
    assert bad.returncode == 2 and "not a month (YYYY-MM): 2026-13" in bad.stderr
    none = run_report("monthly", "--month", "2026-03", "--out", str(out), "--data-dir", str(tmp_path))
    assert none.returncode == 2 and "no store at" in none.stderr
    assert not out.exists()
