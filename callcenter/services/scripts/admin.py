"""Shift leads edit scripts in the app: validate, save a draft, publish.

Versions live in the ``script_versions`` table (append-only rows, so they can
sync to other workstations later). Writes are one small row, done on the
calling thread: publishing is a rare shift-lead action, never in a call. Publishing runs the same check as
``callcenter scripts check`` and refuses a script with any problem; a published
version is what agents see from their next call on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from callcenter.domain.audit import AuditAction
from callcenter.domain.auth.permissions import Permission
from callcenter.domain.clock import Clock
from callcenter.domain.scripts.library import SourceFile
from callcenter.domain.scripts.parsing import parse_script
from callcenter.domain.scripts.placeholders import KNOWN_PLACEHOLDERS, PlaceholderSyntax, compile_template
from callcenter.domain.scripts.problems import Locator, Problem
from callcenter.services.audit.log import append_in
from callcenter.services.auth.current_user import CurrentUser
from callcenter.services.scripts.library import ScriptLibraryService
from callcenter.services.storage.database import Database
from callcenter.store.script_models import STATE_DRAFT, STATE_PUBLISHED, ScriptVersion

# Sample values for the editor's preview (a visible blank shows what is not filled).
SAMPLE_VALUES: Mapping[str, str] = {
    "agent_id": "1024", "unit": "国网临江供电公司", "customer_name": "张女士",
    "caller_number": "13800138000", "account_no": "0123456789", "address": "临江市江城区幸福路12号",
    "deadline": "11月26日前", "department": "抢修中心", "ticket_number": "LJ-W01-20261123-0001",
    "callback_reason": "回访您上周反映的停电问题", "outage_cause": "10千伏线路故障抢修",
    "outage_restore_time": "今天18:00", "outage_area": "江城区幸福路片区",
}


# What "New script" starts from: every key a simple script needs, and a comment
# on where each value comes from.
NEW_SCRIPT_TEMPLATE = """# id: lower-case letters, digits and _; it cannot change once published
id = "new_script"
title = "新话术"
title_en = "New script"
role = "note"
# phase: answer hold resume cannot_answer transfer complaint triage closing outbound any
phase = "any"
categories = []
# conditions: late_answer outbound known_outage known_customer repeat_complaint (! = must not hold)
conditions = []
order = 50
keywords = []
text = "{customer_name}您好，"
"""


class ScriptRefused(ValueError):
    """The script has problems; nothing was published."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class ScriptVersionInfo:
    script_id: str
    number: int  # 0: the shipped file
    state: str  # shipped | draft | published
    author: str
    at: datetime | None
    source: str


@dataclass(frozen=True)
class ScriptSummary:
    script_id: str
    title: str
    published: int  # version agents see (0: shipped file)
    latest: ScriptVersionInfo


@dataclass(frozen=True)
class Preview:
    lines: list[str]  # the text and every step's say, rendered with sample values
    problems: list[Problem]


def published_sources(db: Database) -> list[SourceFile]:
    """The newest published version of every script (what agents see)."""
    def q(s: Session) -> list[SourceFile]:
        newest = (select(ScriptVersion.script_id, func.max(ScriptVersion.number).label("n"))
                  .where(ScriptVersion.state == STATE_PUBLISHED, ScriptVersion.deleted_at.is_(None))
                  .group_by(ScriptVersion.script_id).subquery())
        rows = s.scalars(select(ScriptVersion).join(
            newest, (ScriptVersion.script_id == newest.c.script_id)
            & (ScriptVersion.number == newest.c.n)).order_by(ScriptVersion.script_id))
        return [SourceFile(f"db:{r.script_id}@v{r.number}", r.source, r.number) for r in rows]
    return db.read_now(q)


def _info(row: ScriptVersion) -> ScriptVersionInfo:
    return ScriptVersionInfo(row.script_id, row.number, row.state, row.author, row.created_at, row.source)


class ScriptAdmin:
    def __init__(self, db: Database, clock: Clock, workstation: str,
                 library: ScriptLibraryService, *, user: CurrentUser) -> None:
        self._db = db
        self.user = user  # drafts and publishing: the signed-in shift lead only
        self._clock = clock
        self.workstation = workstation
        self.library = library

    # ----- reading -------------------------------------------------------
    def published_sources(self) -> list[SourceFile]:
        return published_sources(self._db)

    def versions(self, script_id: str) -> list[ScriptVersionInfo]:
        """Every stored version, newest first, then the shipped file as version 0."""
        rows = self._db.read_now(lambda s: [_info(r) for r in s.scalars(
            select(ScriptVersion).where(ScriptVersion.script_id == script_id)
            .order_by(ScriptVersion.number.desc()))])
        shipped = self._shipped_source(script_id)
        if shipped is not None:
            rows.append(ScriptVersionInfo(script_id, 0, "shipped", "", None, shipped))
        return rows

    def _shipped_source(self, script_id: str) -> str | None:
        path = Path(self.library.directory) / f"{script_id}.toml"
        if path.is_file():
            return path.read_text(encoding="utf-8")
        script = self.library.library.get(script_id)
        if script is not None and script.version == 0 and script.file:
            return Path(script.file).read_text(encoding="utf-8")
        return None

    def summaries(self) -> list[ScriptSummary]:
        out = []
        for s in sorted(self.library.library.scripts, key=lambda s: s.id):
            known = self.versions(s.id)
            latest = known[0] if known else ScriptVersionInfo(s.id, 0, "shipped", "", None, "")
            out.append(ScriptSummary(s.id, s.title, s.version, latest))
        return out

    # ----- checking --------------------------------------------------------
    def check(self, text: str, name: str = "<editor>", script_id: str | None = None) -> list[Problem]:
        """The same check as ``callcenter scripts check``; plus the id may not change."""
        script, problems = parse_script(text, name, categories=self.library.categories)
        if script is not None and script_id is not None and script.id != script_id:
            problems.append(Problem(name, Locator(text).key("id"),
                                    f"id must stay {script_id!r} (it is what calls refer to)"))
        return problems

    def preview(self, text: str, values: Mapping[str, str] = SAMPLE_VALUES) -> Preview:
        problems = self.check(text)
        script, _ = parse_script(text, "<editor>")
        if script is None:
            # show what we can: every placeholder-bearing string we can compile
            try:
                return Preview([compile_template(text).render(values)], problems)
            except PlaceholderSyntax:
                return Preview([], problems)
        lines = [script.text.render(values)]
        for step in script.steps:
            if step.say.source:
                lines.append(f"[{step.id}] {step.say.render(values)}")
            for a in step.answers:
                lines.append(f"    {a.id}. {a.label} → {a.next}")
        return Preview(lines, problems)

    # ----- writing ---------------------------------------------------------
    def save_draft(self, script_id: str, text: str, author: str) -> ScriptVersionInfo:
        """Keep work in progress (even with problems); agents do not see drafts.
        Raises ``PermissionDenied`` unless ``author`` is signed in and may edit scripts."""
        self.user.require_as(author, Permission.SCRIPT_EDIT)
        return self._add(script_id, text, author, STATE_DRAFT)

    def publish(self, script_id: str, text: str, author: str) -> ScriptVersionInfo:
        """Check, store as the next published version, reload the library.
        Raises ``ScriptRefused`` with every problem (file and line) if not clean,
        ``PermissionDenied`` unless ``author`` is signed in and may publish."""
        self.user.require_as(author, Permission.SCRIPT_PUBLISH)
        problems = self.check(text, f"{script_id}.toml", script_id)
        if problems:
            raise ScriptRefused(problems)
        info = self._add(script_id, text, author, STATE_PUBLISHED)
        self.library.reload()
        return info

    def script_id_of(self, text: str) -> str | None:
        """The id a new script's text declares, if it parses."""
        script, _ = parse_script(text, "<new>", categories=self.library.categories)
        return None if script is None else script.id

    def publish_new(self, text: str, author: str) -> ScriptVersionInfo:
        """Publish a script that does not exist yet (its id must be free)."""
        self.user.require_as(author, Permission.SCRIPT_PUBLISH)
        script, problems = parse_script(text, "<new>.toml", categories=self.library.categories)
        if script is None:
            raise ScriptRefused(problems)
        if self.library.library.get(script.id) is not None or self.versions(script.id):
            raise ScriptRefused([Problem(f"{script.id}.toml", Locator(text).key("id"),
                                         f"id {script.id!r} is already taken")])
        return self.publish(script.id, text, author)

    def _add(self, script_id: str, text: str, author: str, state: str) -> ScriptVersionInfo:
        now = self._clock.utc_now()

        def write(s: Session) -> ScriptVersionInfo:
            last = s.scalar(select(func.max(ScriptVersion.number))
                            .where(ScriptVersion.script_id == script_id)) or 0
            row = ScriptVersion(script_id=script_id, number=last + 1, state=state, source=text,
                                author=author, created_at=now, updated_at=now,
                                origin_workstation=self.workstation)
            s.add(row)
            s.flush()
            if state == STATE_PUBLISHED:  # audited in the same transaction
                append_in(s, self.workstation, now, AuditAction.SCRIPT_PUBLISHED, user_id=author,
                          subject=f"{script_id} #{row.number}")
            return _info(row)
        return self._db.write_now(write)


__all__ = ["KNOWN_PLACEHOLDERS", "NEW_SCRIPT_TEMPLATE", "SAMPLE_VALUES", "Preview", "ScriptAdmin",
           "ScriptRefused", "ScriptSummary", "ScriptVersionInfo"]
