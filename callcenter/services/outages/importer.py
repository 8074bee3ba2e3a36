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
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.outages import OutageKind, OutageStatus, OutageTimes
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.outages.records import OutageRecord, WriteCounts, no_gc, write_records
from callcenter.services.storage.database import Database

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
}


@dataclass(frozen=True)
class ImportProblem:
    row: int  # as the agent sees it in a spreadsheet: the header is row 1
    column: str  # the header as written in the file (or the expected one if missing)
    reason: str  # a code of REASONS
    value: str = ""

    def text(self) -> str:
        shown = f" ({self.value!r})" if self.value else ""
        return f"row {self.row}, column {self.column}: {REASONS.get(self.reason, self.reason)}{shown}"


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
    uses) or the first sheet of an .xlsx."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            return [list(r) for r in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


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
        try:
            y, mo, d, h, mi, sec = (int(g) for g in m.groups(default="0"))
            local = datetime(y, mo, d, h, mi, sec)
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
    """Check every row; returns the records, or the problems (then no records)."""
    if not rows:
        return [], [ImportProblem(1, COLUMNS["source_id"][0], "missing_column")]
    index, shown = _header_map(rows[0])
    problems = [ImportProblem(1, COLUMNS[f][0], "missing_column") for f in REQUIRED if f not in index]
    if problems:
        return [], problems
    records: list[OutageRecord] = []
    seen: dict[str, int] = {}
    data = rows[1:]
    for n, row in enumerate(data):
        if cancel is not None and cancel.is_set():
            raise ImportCancelled
        if progress is not None and n % 2000 == 0:
            progress(n, len(data))
        line = n + 2

        raw = {f: row[i] if i < len(row) else None for f, i in index.items()}
        text = {f: _cell(v) for f, v in raw.items()}

        def get(f: str, text: dict[str, str] = text) -> str:
            return text.get(f, "")

        if not any(text.values()) and not any(_cell(c) for c in row):
            continue  # blank line at the end of an export
        bad: list[ImportProblem] = []

        def problem(f: str, reason: str, value: object = "", bad: list[ImportProblem] = bad,
                    line: int = line) -> None:
            bad.append(ImportProblem(line, shown.get(f, COLUMNS[f][0]), reason, _cell(value)))

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
            continue
        assert kind is not None and start is not None and times["expected_restore"] is not None
        if status is None:
            status = OutageStatus.RESTORED if times["actual_restore"] else OutageStatus.ANNOUNCED
        records.append(OutageRecord(
            source_id=sid,
            times=OutageTimes(kind, status, start, times["expected_restore"], times["actual_restore"],
                              times["announced_at"]),
            cause=get("cause"),
            feeders=lists["feeders"], transformer_areas=lists["transformer_areas"],
            scopes=lists["scopes"], accounts=lists["accounts"],
        ))
    if progress is not None:
        progress(len(data), len(data))
    return ([] if problems else records), problems


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
