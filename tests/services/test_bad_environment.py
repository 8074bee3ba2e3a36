"""A read-only folder or store, a full disk, a bad command line and two first
starts at once each end in one clear line (or a report), never a traceback
(issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from callcenter.domain.clock import FakeClock
from callcenter.services.outages.importer import OutageImport
from callcenter.services.storage.database import StoreOpenError, open_database
from callcenter.store.outage_models import Outage
from tests.outages.conftest import GOOD_ROWS, write_csv


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "callcenter", *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=120, check=False, cwd=cwd)


def test_a_read_only_store_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(path).close()
    path.chmod(0o400)
    with pytest.raises(StoreOpenError) as err:
        open_database(path)
    assert str(err.value).startswith(f"{path}: the store is read-only (mode 0400)")
    assert path.stat().st_mode & 0o777 == 0o400  # not silently made writable again
    r = cli("db", "upgrade", "--data-dir", str(tmp_path))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip().startswith(f"callcenter: {path}: the store is read-only")


def test_a_store_others_can_read_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(path).close()
    path.chmod(0o644)
    open_database(path).close()
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A data folder the store cannot write in: chmod for a normal user; for root
    (whom modes do not stop) a read-only tmpfs mount, or skip."""
    d = tmp_path / "ro"
    d.mkdir()
    if os.geteuid() != 0:
        d.chmod(0o555)
        yield d
        d.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(d)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("root, and no read-only mount available")
    try:
        yield d
    finally:
        subprocess.run(["umount", str(d)], check=False)


def test_a_read_only_data_folder_is_one_line_for_every_command(read_only_folder: Path) -> None:
    for args in (["db", "upgrade"], ["outages", "lookup", "幸福路"]):
        r = cli(*args, "--data-dir", str(read_only_folder))
        assert r.returncode == 1, r.stderr
        assert "Traceback" not in r.stderr
        assert r.stderr.strip() == (f"callcenter: {read_only_folder}: the data folder is read-only; the "
                                    "store desk.sqlite3 needs to write its journal beside it (choose a "
                                    "writable --data-dir)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-m", "callcenter", "--data-dir", str(read_only_folder),
                        "--exit-when-shown"], capture_output=True, text=True, timeout=120, env=env,
                       check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "the data folder is read-only" in r.stderr


def test_a_command_line_argument_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable.encode(), b"-m", b"callcenter", b"outages", b"lookup",
                        b"\xd5\xc5\xc8\xfd", b"--data-dir", str(tmp_path).encode()],
                       capture_output=True, timeout=60, check=False,
                       env={**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"})
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 2 and "Traceback" not in err
    assert err.strip() == "callcenter: argument 3 is not valid UTF-8 text: \\xd5\\xc5\\xc8\\xfd"


def test_a_full_disk_during_an_import_is_a_report_and_nothing_is_written(tmp_path: Path) -> None:
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        # SQLite's own "database or disk is full": the file may not grow past its size
        db.write_now(lambda s: s.connection().exec_driver_sql(
            "PRAGMA max_page_count = " + str(s.connection().exec_driver_sql(
                "PRAGMA page_count").scalar())))
        report = OutageImport(db, FakeClock(), "W01", "Asia/Shanghai").run(
            write_csv(tmp_path / "list.csv", GOOD_ROWS * 1))
        (p,) = report.problems
        assert (p.row, p.column, p.reason) == (0, "list.csv", "disk_full"), report.text()
        assert report.text().splitlines()[1].strip().startswith("list.csv: the disk is full")
        assert db.read_now(lambda s: s.scalars(select(Outage)).all()) == []
    finally:
        db.close()


STARTER = r"""
import sys, time
from pathlib import Path
from callcenter.services.storage.database import open_database
at = float(sys.argv[2])
while time.time() < at:
    pass
open_database(Path(sys.argv[1]), busy_timeout_ms=50).close()
print("ok")
"""


def test_two_first_starts_on_one_folder_take_turns(tmp_path: Path) -> None:
    """Before, the second start ran the migration too: "database is locked" (or
    "table ... already exists") as a traceback."""
    path = tmp_path / "desk.sqlite3"
    at = str(time.time() + 2.0)
    procs = [subprocess.Popen([sys.executable, "-c", STARTER, str(path), at], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [out.strip() for out, _ in results] == ["ok"] * 3, [err for _, err in results]


def test_a_full_disk_at_demo_start_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs a small filesystem (a tmpfs mount, root only)")
    disk = tmp_path / "small"
    disk.mkdir()
    # room for the store's schema, not for the demo's customers and tickets
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(disk)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("no tmpfs mount available")
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        r = subprocess.run([sys.executable, "-m", "callcenter", "--demo", "--data-dir", str(disk / "d"),
                            "--exit-when-shown"], capture_output=True, text=True, timeout=120, env=env,
                           check=False)
    finally:
        subprocess.run(["umount", str(disk)], check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    # (the demo data, or on a slow day already the schema's journal, does not fit)
    line = r.stderr.strip().splitlines()[-1]
    assert line.startswith(f"callcenter: {disk / 'd' / 'desk.sqlite3'}: cannot ") and "(disk_full)" in line


def test_a_profile_that_is_not_utf8_is_one_line_for_a_command(tmp_path: Path) -> None:
    from callcenter.services.site.profile import DEFAULT_PROFILE

    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes(DEFAULT_PROFILE.read_text(encoding="utf-8").encode("gbk"))
    r = cli("scripts", "check", "--profile", str(gbk))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip() == (f"callcenter: {gbk}:8: not UTF-8 text (byte 0xb9; GBK?): "
                                "save the profile as UTF-8")
