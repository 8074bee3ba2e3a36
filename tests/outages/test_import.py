"""Import: good, bad (report, nothing written), GBK and xlsx files, re-import, cancel."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from callcenter.services.outages.importer import OutageImport
from callcenter.services.storage.database import Database
from callcenter.store.outage_models import Outage, OutageTarget

from .conftest import GOOD_ROWS, HEADER, write_csv


def count(db: Database, model: type) -> int:
    return int(db.read_now(lambda s: s.scalar(select(func.count()).select_from(model))) or 0)


def test_good_csv_is_imported_with_utc_times_and_lists(tmp_path: Path, importer: OutageImport,
                                                       db: Database) -> None:
    report = importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS))
    assert report.ok, report.text()
    assert (report.counts.added, report.total) == (4, 4)
    o = db.read_now(lambda s: s.scalars(select(Outage).where(Outage.source_id == "TD001")).one())
    assert o.kind == "planned" and o.status == "announced"
    assert o.start_at == datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # 08:00 in Shanghai
    assert o.short_notice  # announced 3 days before a planned outage (commitment 7)
    scopes = db.read_now(lambda s: sorted(s.scalars(select(OutageTarget.value).where(
        OutageTarget.kind == "address"))))
    assert scopes == sorted(["江城区幸福路12号", "幸福路14号", "湖心路8号", "滨湖区翠湖苑5栋"])
    o4 = db.read_now(lambda s: s.scalars(select(Outage).where(Outage.source_id == "TD004")).one())
    assert o4.status == "restored" and o4.actual_restore_at == datetime(2026, 11, 23, 3, 30, tzinfo=UTC)


def test_bad_rows_are_all_named_and_nothing_is_written(tmp_path: Path, importer: OutageImport,
                                                       db: Database) -> None:
    rows = GOOD_ROWS + [
        "TD005,停电啦,原因,2026-11-23 08:00,2026-11-23 09:00,,,线A,,,",  # unknown kind
        "TD006,故障停电,原因,2026-11-23 10:00,2026-11-23 09:00,,,线A,,,",  # ends before it starts
        "TD007,故障停电,原因,明天上午,2026-11-23 09:00,,,线A,,,",  # not a time
        ",故障停电,,2026-11-23 08:00,2026-11-23 09:00,,,线A,,,",  # no id, no cause
        "TD001,故障停电,原因,2026-11-23 08:00,2026-11-23 09:00,,,线A,,,",  # duplicate id
        "TD009,故障停电,原因,2026-11-23 08:00,2026-11-23 09:00,,,,,,",  # no area at all
    ]
    report = importer.run(write_csv(tmp_path / "bad.csv", rows))
    assert not report.ok
    got = {(p.row, p.column, p.reason) for p in report.problems}
    assert got == {
        (6, "停电类型", "unknown_kind"), (7, "预计恢复时间", "end_before_start"),
        (8, "开始时间", "bad_time"), (9, "停电编号", "required"), (9, "停电原因", "required"),
        (10, "停电编号", "duplicate_id"), (11, "停电范围", "no_area"),
    }
    assert "row 8, column 开始时间" in report.text()
    assert count(db, Outage) == 0 and count(db, OutageTarget) == 0


def test_missing_column_is_reported(tmp_path: Path, importer: OutageImport, db: Database) -> None:
    header = HEADER.replace("预计恢复时间", "备注")
    report = importer.run(write_csv(tmp_path / "m.csv", GOOD_ROWS, header=header))
    assert [(p.row, p.column, p.reason) for p in report.problems] == [(1, "预计恢复时间", "missing_column")]
    assert count(db, Outage) == 0


def test_gbk_and_plain_utf8_and_english_headers(tmp_path: Path, importer: OutageImport,
                                                db: Database) -> None:
    assert importer.run(write_csv(tmp_path / "g.csv", GOOD_ROWS[:2], encoding="gbk")).ok
    assert importer.run(write_csv(tmp_path / "u.csv", GOOD_ROWS[2:3], encoding="utf-8")).ok
    english = ("id,kind,cause,start,expected_restore,actual_restore,status,feeders,transformer_areas,"
               "area,announced")
    r = importer.run(write_csv(tmp_path / "e.csv", ["EN1,fault,storm,2026-11-23 08:00,2026-11-23 09:00,,,,,"
                                                    "幸福路3号,"], encoding="gb18030", header=english))
    assert r.ok, r.text()
    causes = db.read_now(lambda s: set(s.scalars(select(Outage.cause))))
    assert causes == {"线路检修", "变压器故障", "消缺", "storm"}


def test_xlsx_with_real_datetimes(tmp_path: Path, importer: OutageImport, db: Database) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    ws.append(["X1", "故障停电", "雷击", datetime(2026, 11, 23, 8, 0), "2026-11-23 12:00", None, None,
               None, "幸福路1号台区", None, None])
    ws.append([20261123, "计划停电", "检修", "2026/11/30 08:00", "2026/11/30 18:00", None, "已发布",
               "10kV幸福线", None, "江城区幸福路", "2026/11/20 09:00"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    report = importer.run(path)
    assert report.ok, report.text()
    rows = db.read_now(lambda s: {o.source_id: o.start_at for o in s.scalars(select(Outage))})
    assert rows == {"X1": datetime(2026, 11, 23, 0, 0, tzinfo=UTC),
                    "20261123": datetime(2026, 11, 30, 0, 0, tzinfo=UTC)}


def test_reimport_updates_instead_of_duplicating(tmp_path: Path, importer: OutageImport,
                                                 db: Database) -> None:
    path = write_csv(tmp_path / "a.csv", GOOD_ROWS)
    assert importer.run(path).counts.added == 4
    again = importer.run(path)
    assert (again.counts.added, again.counts.updated, again.counts.unchanged) == (0, 0, 4)
    changed = [GOOD_ROWS[0].replace("2026-11-23 18:00", "2026-11-23 19:00").replace("、幸福路14号", "")]
    r = importer.run(write_csv(tmp_path / "b.csv", changed + GOOD_ROWS[1:]))
    assert (r.counts.added, r.counts.updated, r.counts.unchanged) == (0, 1, 3)
    assert count(db, Outage) == 4
    o = db.read_now(lambda s: s.scalars(select(Outage).where(Outage.source_id == "TD001")).one())
    assert o.version == 2 and o.expected_restore_at.hour == 11
    live = db.read_now(lambda s: sorted(s.scalars(select(OutageTarget.value).where(
        OutageTarget.outage_id == o.id, OutageTarget.deleted_at.is_(None)))))
    assert live == ["10kV幸福线", "江城区幸福路12号"]  # 幸福路14号 tombstoned, not duplicated


def test_cancel_writes_nothing(tmp_path: Path, importer: OutageImport, db: Database) -> None:
    cancel = threading.Event()
    cancel.set()
    report = importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS), cancel=cancel)
    assert report.cancelled and not report.ok
    assert count(db, Outage) == 0


def test_progress_is_reported(tmp_path: Path, importer: OutageImport) -> None:
    seen: list[tuple[int, int]] = []
    importer.run(write_csv(tmp_path / "a.csv", GOOD_ROWS), progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1] == (4, 4)


def test_a_nul_byte_in_a_cell_is_refused_with_its_row_and_column(
        tmp_path: Path, importer: OutageImport, db: Database) -> None:
    """Issue 19: central cannot store NUL; before, such a row was imported and then
    blocked every push of the desk."""
    rows = [*GOOD_ROWS, "TD010,故障停电,线路\x00故障,2026-11-23 08:00,2026-11-23 09:00,,,线A,,,"]
    report = importer.run(write_csv(tmp_path / "nul.csv", rows))
    assert not report.ok
    assert [(p.row, p.column, p.reason, p.value) for p in report.problems] == [
        (len(GOOD_ROWS) + 2, "停电原因", "bad_character", "线路\\0故障")]
    assert "cannot be stored" in report.text()
    assert count(db, Outage) == 0


def _mixed(path: Path, rows: list[tuple[str, str]]) -> Path:
    """A CSV whose rows are each in their own encoding: (text, encoding)."""
    path.write_bytes(b"".join(t.encode(enc) + b"\r\n" for t, enc in rows))
    return path


def test_rows_in_different_encodings_are_refused_by_their_row_numbers(
        tmp_path: Path, importer: OutageImport, db: Database) -> None:
    """Issue 19: the encoding is decided from the whole file; before, a file of
    UTF-8 rows with one GBK row was refused at a byte offset, and GBK rows with
    one UTF-8 row were imported garbled (停电 as 鍋滅數)."""
    mostly_utf8 = _mixed(tmp_path / "m1.csv", [(HEADER, "utf-8"), (GOOD_ROWS[0], "utf-8"),
                                               (GOOD_ROWS[1], "gbk"), (GOOD_ROWS[2], "utf-8")])
    report = importer.run(mostly_utf8)
    assert [(p.row, p.reason, p.value) for p in report.problems] == [
        (3, "mixed_encoding", "GBK/GB18030; the rest: UTF-8")]
    assert report.text().splitlines()[1].strip().startswith("row 3: is in another encoding")
    utf8_row = "TD003,故障停电,停电,2026-11-23 08:00,2026-11-23 18:00,,,线A,,,"
    mostly_gbk = _mixed(tmp_path / "m2.csv", [(HEADER, "gbk"), (GOOD_ROWS[0], "gbk"),
                                              (GOOD_ROWS[1], "gbk"), (utf8_row, "utf-8")])
    assert "鍋滅數" in mostly_gbk.read_bytes().decode("gb18030")  # the old reading: garbled
    report = importer.run(mostly_gbk)
    assert [(p.row, p.reason, p.value) for p in report.problems] == [
        (4, "mixed_encoding", "UTF-8; the rest: GBK/GB18030")]
    assert count(db, Outage) == 0


def test_junk_xlsx_is_a_message_not_a_traceback(tmp_path: Path, importer: OutageImport) -> None:
    import subprocess
    import sys
    import zipfile

    not_a_zip = tmp_path / "a.xlsx"
    not_a_zip.write_bytes(b"\x00\x01 this is no workbook")
    zip_of_junk = tmp_path / "b.xlsx"
    with zipfile.ZipFile(zip_of_junk, "w") as z:
        z.writestr("junk.bin", b"\xff" * 100)
    bad_xml = tmp_path / "c.xlsx"
    from openpyxl import Workbook
    good = tmp_path / "good.xlsx"
    Workbook().save(good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad_xml, "w") as dst:
        for item in src.infolist():
            broken = item.filename.endswith("sheet1.xml")
            dst.writestr(item, b"<worksheet><sheetData><row>" if broken else src.read(item.filename))
    for path in (not_a_zip, zip_of_junk, bad_xml):
        report = importer.run(path)
        (p,) = report.problems
        assert (p.row, p.column, p.reason) == (0, path.name, "unreadable"), report.text()
        assert report.text().splitlines()[1].strip().startswith(f"{path.name}: the file cannot be read")
    r = subprocess.run([sys.executable, "-m", "callcenter", "outages", "import", str(not_a_zip),
                        "--data-dir", str(tmp_path / "data")], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "a.xlsx: the file cannot be read" in r.stderr
