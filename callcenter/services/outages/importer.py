"""Import dispatch's outage lists (CSV or .xlsx), all or nothing.

Why all or nothing: a half-imported list is worse than none: the agent would
tell a caller "no known outage" for a row that was silently skipped. So every
row is checked first; any bad row stops the import with a report naming each
bad row, column and reason, and nothing is written. A good file is written in
one transaction, updating records by dispatch's stable 停电编号 (re-importing
the same file changes nothing).

Files: UTF-8 (with or without BOM) or GBK/GB18030 CSV, or the first sheet of an
.xlsx. Headers as dispatch exports them, English aliases accepted. Times are
site local (``YYYY-MM-DD HH:MM[:SS]`` or with ``/``) and stored as UTC.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.exc import DBAPIError

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.outages import OutageKind, OutageStatus, OutageTimes
from callcenter.domain.storable_text import first_unstorable
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.outages.records import OutageRecord, WriteCounts, no_gc, write_records
from callcenter.services.storage.database import Database, StoreFailure, StoreFailureKind, as_failure

Progress = Callable[[int, int], None]  # (done, total)

COLUMNS: dict[str, tuple[str, ...]] = {  # field -> accepted headers (first is dispatch's)
    "source_id": ("停电编号", "id", "source_id", "outage_id"),
    "kind": ("停电类型", "kind", "type"),
    "cause": ("停电原因", "cause", "reason"),
    "start": ("开始时间", "start", "start_time"),
    "expected_restore": ("预计恢复时间", "expected_restore", "expected_restore_time", "restore_time"),
    "actual_restore": ("实际恢复时间", "actual_restore", "actual_restore_time"),
    "status": ("状态", "status"),
    "feeders": ("线路", "feeder", "feeders"),
    "transformer_areas": ("台区", "transformer_area", "transformer_areas"),
    "scopes": ("停电范围", "area", "scope", "scopes"),
    "accounts": ("户号", "account", "accounts"),
    "announced_at": ("发布时间", "announced", "announced_at"),
}
REQUIRED = ("source_id", "kind", "cause", "start", "expected_restore")
AREA_FIELDS = ("feeders", "transformer_areas", "scopes", "accounts")

KINDS = {
    "计划停电": OutageKind.PLANNED, "计划": OutageKind.PLANNED, "planned": OutageKind.PLANNED,
    "临时停电": OutageKind.TEMPORARY, "临时": OutageKind.TEMPORARY, "temporary": OutageKind.TEMPORARY,
    "故障停电": OutageKind.FAULT, "故障": OutageKind.FAULT, "fault": OutageKind.FAULT,
    "超容量停电": OutageKind.OVER_CAPACITY, "超容量": OutageKind.OVER_CAPACITY,
    "over_capacity": OutageKind.OVER_CAPACITY, "over-capacity": OutageKind.OVER_CAPACITY,
}
STATUSES = {
    "已发布": OutageStatus.ANNOUNCED, "待停电": OutageStatus.ANNOUNCED, "announced": OutageStatus.ANNOUNCED,
    "停电中": OutageStatus.IN_PROGRESS, "进行中": OutageStatus.IN_PROGRESS,
    "in_progress": OutageStatus.IN_PROGRESS, "in progress": OutageStatus.IN_PROGRESS,
    "已恢复": OutageStatus.RESTORED, "已送电": OutageStatus.RESTORED, "restored": OutageStatus.RESTORED,
    "已取消": OutageStatus.CANCELLED, "取消": OutageStatus.CANCELLED, "cancelled": OutageStatus.CANCELLED,
    "canceled": OutageStatus.CANCELLED,
}
_LIST_SEP = re.compile(r"[、;；，,\n]+")

REASONS = {  # reason code -> English text (the UI translates the codes itself)
    "missing_column": "the column is missing",
    "required": "a value is required",
    "unknown_kind": "unknown outage type",
    "unknown_status": "unknown status",
    "bad_time": "not a time (YYYY-MM-DD HH:MM[:SS])",
    "end_before_start": "ends before it starts",
    "duplicate_id": "the same 停电编号 appears twice in the file",
    "no_area": "no affected area (线路, 台区, 停电范围 or 户号)",
    "unreadable": "the file cannot be read",
    "bad_character": "holds a character that cannot be stored (NUL or an undecodable byte)",
    "mixed_encoding": "is in another encoding than the rest of the file",
    "disk_full": "the disk is full: nothing was imported (free some space, then import again)",
    "store_failed": "the store refused the write: nothing was imported",
    "bad_encoding": "is neither UTF-8 nor GBK/GB18030 text",
}


@dataclass(frozen=True)
class ImportProblem:
    row: int  # as the agent sees it in a spreadsheet: the header is row 1; 0: the whole file
    column: str  # the header as written in the file (or the expected one if missing); for a
    #              problem of the whole file, its name; "" for a problem of a whole row
    reason: str  # a code of REASONS
    value: str = ""

    def text(self) -> str:
        shown = f" ({self.value!r})" if self.value else ""
        reason = REASONS.get(self.reason, self.reason)
        if self.row == 0:
            return f"{self.column}: {reason}{shown}"
        if not self.column:
            return f"row {self.row}: {reason}{shown}"
        return f"row {self.row}, column {self.column}: {reason}{shown}"


class UnreadableTable(ValueError):
    """The file cannot be read as a table; ``problems`` say where (rows when known)."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        super().__init__("; ".join(p.text() for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class ImportReport:
    total: int = 0
    problems: tuple[ImportProblem, ...] = ()
    counts: WriteCounts = field(default_factory=WriteCounts)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def text(self) -> str:
        if self.cancelled:
            return "cancelled: nothing was imported"
        if self.problems:
            lines = [f"{len(self.problems)} problem(s); nothing was imported:"]
            return "\n".join(lines + ["  " + p.text() for p in self.problems])
        c = self.counts
        return f"{self.total} rows: {c.added} added, {c.updated} updated, {c.unchanged} unchanged"


class ImportCancelled(Exception):
    pass


def read_table(path: Path) -> list[list[object]]:
    """Rows of cells (the header first) from a CSV (any of the encodings dispatch
    uses) or the first sheet of an .xlsx. Raises ``UnreadableTable`` (a file that
    is not what its name says, rows in different encodings) or ``OSError``."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raw = path.read_bytes()
    return [list(r) for r in csv.reader(io.StringIO(decode_csv(raw, path.name), newline=""))]


def _read_xlsx(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            return [list(r) for r in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    except OSError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl, zipfile and the XML parsers raise many kinds
        # not a zip, a zip of junk, broken XML: all mean "not a workbook we can read"
        raise UnreadableTable([ImportProblem(0, path.name, "unreadable",
                                             f"not a readable .xlsx workbook: {type(exc).__name__}: {exc}")]
                              ) from exc


def decode_csv(raw: bytes, name: str) -> str:
    """The text of a CSV, its encoding decided from the whole file: UTF-8 when every
    row is UTF-8 (or ASCII), else GB18030 (GBK's superset) when no row is UTF-8.
    Rows that disagree are refused by their row number (a row that happens to be
    valid in both counts as UTF-8: GB18030 would turn 停电 into 鍋滅數)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # the structure on bytes (latin-1 keeps every byte; no GB18030 byte of a
    # multi-byte character is a comma, quote or line end), then each row's encoding
    utf8: list[int] = []
    gb: list[int] = []
    bad: list[int] = []
    for n, record in enumerate(csv.reader(io.StringIO(raw.decode("latin-1"), newline="")), 1):
        cells = "\x1f".join(record).encode("latin-1")
        if cells.isascii():
            continue
        try:
            cells.decode("utf-8")
            utf8.append(n)
            continue
        except UnicodeDecodeError:
            pass
        try:
            cells.decode("gb18030")
            gb.append(n)
        except UnicodeDecodeError:
            bad.append(n)
    problems = [ImportProblem(n, "", "bad_encoding") for n in bad]
    if utf8 and gb:
        few, rest = (gb, "UTF-8") if len(gb) <= len(utf8) else (utf8, "GBK/GB18030")
        mine = "GBK/GB18030" if few is gb else "UTF-8"
        problems += [ImportProblem(n, "", "mixed_encoding", f"{mine}; the rest: {rest}") for n in few]
    if problems:
        raise UnreadableTable(sorted(problems, key=lambda p: p.row))
    return raw.decode("gb18030")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def split_list(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in _LIST_SEP.split(text) if p.strip()))


_TIME = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_UTC = ZoneInfo("UTC")


def parse_local_time(value: object, tz: ZoneInfo) -> datetime | None:
    """Site-local ``YYYY-MM-DD HH:MM[:SS]`` (or with ``/``) to UTC; None if not a time.
    A regex, not strptime: it is the hot loop of a 50,000-row import."""
    if isinstance(value, datetime):
        local = value
    else:
        m = _TIME.match(_cell(value))
        if m is None:
            return None
        y, mo, d, h, mi, sec = m.groups(default="0")
        try:
            local = datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec))
        except ValueError:
            return None
    if local.tzinfo is None:
        local = local.replace(tzinfo=tz)
    return local.astimezone(_UTC)


def _header_map(header: Sequence[object]) -> tuple[dict[str, int], dict[str, str]]:
    aliases = {a.lower(): f for f, names in COLUMNS.items() for a in names}
    index: dict[str, int] = {}
    shown: dict[str, str] = {}
    for i, cell in enumerate(header):
        name = _cell(cell).lstrip("\ufeff")
        f = aliases.get(name.lower())
        if f is not None and f not in index:
            index[f] = i
            shown[f] = name
    return index, shown


def parse_rows(
    rows: Sequence[Sequence[object]], tz: ZoneInfo, progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> tuple[list[OutageRecord], list[ImportProblem]]:
    """Check every row; returns the records, or the problems (then no records).

    Each row is tried on ``_fast_row`` (text cells that pass every check, the
    whole of a dispatch export); any other row goes through ``_check_row``,
    which names each problem. Both give a good row the same record."""
    if not rows:
        return [], [ImportProblem(1, COLUMNS["source_id"][0], "missing_column")]
    index, shown = _header_map(rows[0])
    problems = [ImportProblem(1, COLUMNS[f][0], "missing_column") for f in REQUIRED if f not in index]
    if problems:
        return [], problems
    records: list[OutageRecord] = []
    seen: dict[str, int] = {}
    data = rows[1:]
    at = tuple(index.get(f, -1) for f in _FAST_FIELDS)
    times: dict[str, datetime | None] = {}  # a time's text -> its UTC value (times repeat)
    for n, row in enumerate(data):
        if cancel is not None and cancel.is_set():
            raise ImportCancelled
        if progress is not None and n % 2000 == 0:
            progress(n, len(data))
        line = n + 2
        record = _fast_row(row, at, tz, times, seen)
        if record is None:
            record = _check_row(row, line, index, shown, tz, seen, problems)
            if record is None:
                continue
        else:
            seen[record.source_id] = line
        records.append(record)
    if progress is not None:
        progress(len(data), len(data))
    return ([] if problems else records), problems


_FAST_FIELDS = ("source_id", "kind", "cause", "start", "expected_restore", "actual_restore", "status",
                "feeders", "transformer_areas", "scopes", "accounts", "announced_at")
_MISSING: datetime = datetime.min


def _fast_row(row: Sequence[object], at: tuple[int, ...], tz: ZoneInfo, times: dict[str, datetime | None],
              seen: dict[str, int]) -> OutageRecord | None:
    """The record of a row of text cells that passes every check, else None
    (then ``_check_row`` says what is wrong, or skips a blank line)."""
    width = len(row)
    cells: list[str] = []
    for i in at:
        v = row[i] if 0 <= i < width else None
        if v is None:
            cells.append("")
        elif type(v) is str:
            cells.append(v.strip())
        else:
            return None  # an .xlsx number or datetime: the careful path converts it
    sid, kind_t, cause, start_t, expected_t, actual_t, status_t, feeders, areas, scopes, accounts, \
        announced_t = cells
    if not (sid and kind_t and cause and start_t and expected_t) or sid in seen:
        return None
    if first_unstorable("\x1f".join(cells)) is not None:
        return None
    kind = KINDS.get(kind_t.lower())
    status = STATUSES.get(status_t.lower()) if status_t else None
    if kind is None or (status_t and status is None):
        return None
    parsed: list[datetime | None] = []
    for t in (start_t, expected_t, actual_t, announced_t):
        if not t:
            parsed.append(None)
            continue
        value = times.get(t, _MISSING)
        if value is _MISSING:
            value = times[t] = parse_local_time(t, tz)
        if value is None:
            return None
        parsed.append(value)
    start, expected, actual, announced = parsed
    assert start is not None and expected is not None
    if expected < start or (actual is not None and actual < start):
        return None
    lists = [split_list(c) if c else () for c in (feeders, areas, scopes, accounts)]
    if not any(lists):
        return None
    if status is None:
        status = OutageStatus.RESTORED if actual else OutageStatus.ANNOUNCED
    return OutageRecord(source_id=sid, times=OutageTimes(kind, status, start, expected, actual, announced),
                        cause=cause, feeders=lists[0], transformer_areas=lists[1], scopes=lists[2],
                        accounts=lists[3])


def _check_row(row: Sequence[object], line: int, index: dict[str, int], shown: dict[str, str], tz: ZoneInfo,
               seen: dict[str, int], problems: list[ImportProblem]) -> OutageRecord | None:
    """Every check of one row, each problem named (added to ``problems``): the
    record, or None for a bad row or a blank line."""
    raw = {f: row[i] if i < len(row) else None for f, i in index.items()}
    text = {f: _cell(v) for f, v in raw.items()}

    def get(f: str, text: dict[str, str] = text) -> str:
        return text.get(f, "")

    if not any(text.values()) and not any(_cell(c) for c in row):
        return None  # blank line at the end of an export
    bad: list[ImportProblem] = []

    def problem(f: str, reason: str, value: object = "", bad: list[ImportProblem] = bad,
                line: int = line) -> None:
        bad.append(ImportProblem(line, shown.get(f, COLUMNS[f][0]), reason, _cell(value)))

    for f, v in text.items():  # central cannot store NUL (issue 19): refuse it here
        if first_unstorable(v) is not None:
            problem(f, "bad_character", v.replace("\x00", "\\0"))
    for f in REQUIRED:
        if not get(f):
            problem(f, "required")
    sid = get("source_id")
    if sid in seen:
        problem("source_id", "duplicate_id", sid)
    seen.setdefault(sid, line)
    kind = KINDS.get(get("kind").lower())
    if kind is None and get("kind"):
        problem("kind", "unknown_kind", get("kind"))
    status_text = get("status").lower()
    status = STATUSES.get(status_text) if status_text else None
    if status_text and status is None:
        problem("status", "unknown_status", get("status"))
    times: dict[str, datetime | None] = {}
    for f in ("start", "expected_restore", "actual_restore", "announced_at"):
        value = raw.get(f)  # an .xlsx cell may hold a real datetime
        times[f] = parse_local_time(value, tz) if get(f) else None
        if get(f) and times[f] is None:
            problem(f, "bad_time", get(f))
    start = times["start"]
    for f in ("expected_restore", "actual_restore"):
        end = times[f]
        if start is not None and end is not None and end < start:
            problem(f, "end_before_start", get(f))
    lists = {f: split_list(get(f)) for f in AREA_FIELDS}
    if not any(lists.values()):
        problem("scopes", "no_area")
    if bad:
        problems.extend(bad)
        return None
    assert kind is not None and start is not None and times["expected_restore"] is not None
    if status is None:
        status = OutageStatus.RESTORED if times["actual_restore"] else OutageStatus.ANNOUNCED
    return OutageRecord(
        source_id=sid,
        times=OutageTimes(kind, status, start, times["expected_restore"], times["actual_restore"],
                          times["announced_at"]),
        cause=get("cause"),
        feeders=lists["feeders"], transformer_areas=lists["transformer_areas"],
        scopes=lists["scopes"], accounts=lists["accounts"],
    )


class OutageImport:
    """The use case behind ``callcenter outages import`` and the import dialog.

    ``user``: the desk's signed-in user (the app passes it): then only whom the
    permission table lets import outage lists may run it (a shift lead). The
    command line, run by whoever administers the store file, passes none."""

    def __init__(self, db: Database, clock: Clock, workstation: str, timezone: str, *,
                 user: CurrentUser | None = None) -> None:
        self._db = db
        self._clock = clock
        self._ws = workstation
        self._tz = ZoneInfo(timezone)
        self.user = user

    def run(
        self, path: Path, progress: Progress | None = None, cancel: threading.Event | None = None,
    ) -> ImportReport:
        """Read and check on the calling thread (call it off the GUI thread), then
        write in one transaction on the writer thread. Cancelling rolls it all back.
        Raises ``PermissionDenied`` (before reading) if the signed-in user may not."""
        if self.user is not None:
            self.user.require(Permission.OUTAGE_IMPORT)
        try:
            rows = read_table(Path(path))
        except UnreadableTable as exc:
            return ImportReport(problems=exc.problems)
        except (OSError, ValueError, UnicodeDecodeError, csv.Error) as exc:
            return ImportReport(problems=(ImportProblem(0, Path(path).name, "unreadable", str(exc)),))
        return self.run_rows(rows, Path(path).name, progress, cancel)

    def run_rows(
        self, rows: Sequence[Sequence[object]], source: str, progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportReport:
        if self.user is not None:
            self.user.require(Permission.OUTAGE_IMPORT)
        total = max(0, len(rows) - 1)

        def check_progress(done: int, _n: int) -> None:
            if progress is not None:
                progress(done // 2, total)  # checking is the first half of the bar

        def write_progress(done: int, n: int) -> None:
            if progress is not None:
                progress(total // 2 + (done * (total - total // 2)) // max(n, 1), total)

        try:
            with no_gc():  # 50,000 records and their rows: see outage_store.no_gc
                return self._run_rows(rows, total, check_progress, write_progress, source, cancel)
        except ImportCancelled:
            return ImportReport(total, cancelled=True)
        except (StoreFailure, DBAPIError, sqlite3.Error, OSError) as exc:
            # the one transaction was rolled back: nothing of the file is in the store
            failure = as_failure(exc)
            reason = "disk_full" if failure.kind is StoreFailureKind.DISK_FULL else "store_failed"
            return ImportReport(total, (ImportProblem(0, source, reason, failure.detail.splitlines()[0]),))

    def _run_rows(
        self, rows: Sequence[Sequence[object]], total: int, check_progress: Progress,
        write_progress: Progress, source: str, cancel: threading.Event | None,
    ) -> ImportReport:
        records, problems = parse_rows(rows, self._tz, check_progress, cancel)
        if problems:
            return ImportReport(total, tuple(problems))
        now = self._clock.utc_now()
        counts = self._db.write(
            lambda s: write_records(s, records, source=source, workstation=self._ws, now=now,
                                    progress=write_progress, cancelled=_flag(cancel),
                                    cancel_exc=ImportCancelled)
        ).result()
        return ImportReport(total, counts=counts)


def _flag(cancel: threading.Event | None) -> Callable[[], bool]:
    return (lambda: False) if cancel is None else cancel.is_set
