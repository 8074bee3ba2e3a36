"""``callcenter qa checks [--call ID | --since DATE] --json`` and
``callcenter qa sample --agent ID --from DATE --to DATE --n N --seed S --json`` and
``callcenter qa calibration --call ID --json`` (the spread of the blind calibration
scorings of one call, per question and per reviewer).

The same services the QA workspace uses, on the desk's own store file. Dates are
site-local days (``YYYY-MM-DD``; ``--to`` is inclusive). ``checks --json`` prints
one JSON list: each call with its checks, the proving events named by their seq.
``sample`` draws N calls per agent, reproducibly (the same arguments over the
same calls give the same calls), and stores the sample with its seed and query.
Phone numbers never leave the desk in full (rules section 9: output is export).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from callcenter.domain.site_profile import SiteProfile
    from callcenter.services.storage.database import Database


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="callcenter qa", description="Quality review of calls.")
    sub = p.add_subparsers(dest="cmd", required=True)
    ch = sub.add_parser("checks", help="the automatic checks of calls")
    which = ch.add_mutually_exclusive_group()
    which.add_argument("--call", help="one call's id")
    which.add_argument("--since", help="calls from this site-local day (YYYY-MM-DD) on")
    ch.add_argument("--failed", action="store_true", help="only calls with a failed check")
    ch.add_argument("--json", action="store_true")
    ch.add_argument("--data-dir", type=Path)
    sa = sub.add_parser("sample", help="a reproducible random sample of N calls per agent")
    sa.add_argument("--agent", action="append", default=[], help="agent ID (repeat; default: all)")
    sa.add_argument("--from", dest="start", required=True, help="first site-local day, YYYY-MM-DD")
    sa.add_argument("--to", dest="end", required=True, help="last site-local day (inclusive)")
    sa.add_argument("--n", type=int, required=True, help="calls per agent")
    sa.add_argument("--seed", type=int, required=True)
    sa.add_argument("--answered", action="store_true", help="answered calls only")
    sa.add_argument("--json", action="store_true")
    sa.add_argument("--data-dir", type=Path)
    cal = sub.add_parser("calibration", help="the spread of a call's blind calibration scorings")
    cal.add_argument("--call", required=True, help="the call's id")
    cal.add_argument("--json", action="store_true")
    cal.add_argument("--data-dir", type=Path)
    return p


def _day(text: str, tz: ZoneInfo) -> datetime:
    """A site-local day's start in UTC; ValueError on anything else."""
    d = date.fromisoformat(text)
    return datetime.combine(d, time(0), tz).astimezone(ZoneInfo("UTC"))


def main(argv: list[str]) -> int:
    try:
        ns = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    from callcenter.services.site.profile import load_profile
    from callcenter.services.site.settings import default_data_dir
    from callcenter.services.storage.database import open_database

    profile = load_profile()
    tz = ZoneInfo(profile.timezone)
    path = (ns.data_dir or default_data_dir()) / "desk.sqlite3"
    if not os.path.exists(path):
        print(f"callcenter qa: no store at {path}", file=sys.stderr)
        return 2
    try:
        if ns.cmd in ("checks", "calibration"):
            call_id = uuid.UUID(ns.call) if ns.call else None
            since = _day(ns.since, tz) if getattr(ns, "since", None) else None
        else:
            start, end = _day(ns.start, tz), _day(ns.end, tz) + timedelta(days=1)
    except ValueError as exc:
        print(f"callcenter qa: {exc}", file=sys.stderr)
        return 2
    db = open_database(path)
    try:
        if ns.cmd == "checks":
            return _checks(db, profile, call_id, since, ns.json, ns.failed)
        if ns.cmd == "calibration":
            assert call_id is not None
            return _calibration(db, profile, call_id, ns.json)
        return _sample(db, ns, start, end)
    finally:
        db.close()


def _checks(db: Database, profile: SiteProfile, call_id: uuid.UUID | None, since: datetime | None,
            as_json: bool, only_failed: bool) -> int:
    from callcenter.services.qa.checks import checks_in, rules_of

    rules = rules_of(profile)
    calls = db.read_now(lambda s: checks_in(s, rules, call_id=call_id, since=since))
    if call_id is not None and not calls:
        print(f"callcenter qa: no call {call_id}", file=sys.stderr)
        return 1
    if only_failed:
        calls = [c for c in calls if c.failed]
    if as_json:
        print(json.dumps([c.as_json() for c in calls], ensure_ascii=False))
        return 0
    for c in calls:
        bad = ", ".join(f"{r.name}@{c.event_seqs(r)}" for r in c.failed) or "all passed"
        print(f"{c.call_id}  {c.agent_id}  {c.started_at:%Y-%m-%d %H:%M}  {bad}")
    print(f"{len(calls)} calls, {sum(1 for c in calls if c.failed)} with a failed check")
    return 0


def _sample(db: Database, ns: argparse.Namespace, start: datetime, end: datetime) -> int:
    from callcenter.domain.clock import SystemClock
    from callcenter.domain.qa.sampling import SampleQuery
    from callcenter.services.qa.sampling import draw_sample_in

    try:
        query = SampleQuery(tuple(sorted(set(ns.agent))), start, end, ns.n, ns.seed, ns.answered)
    except ValueError as exc:
        print(f"callcenter qa: {exc}", file=sys.stderr)
        return 2
    now = SystemClock().utc_now()
    try:
        sample = db.write_now(lambda s: draw_sample_in(s, query, created_by="cli", now=now))
    except ValueError as exc:
        print(f"callcenter qa: {exc}", file=sys.stderr)
        return 2
    if ns.json:
        print(json.dumps(sample.as_json(), ensure_ascii=False))
        return 0
    for agent, ids in sample.calls.items():
        print(f"{agent}: {len(ids)} of {sample.population[agent]} calls")
        for i in ids:
            print(f"  {i}")
    return 0


def _calibration(db: Database, profile: SiteProfile, call_id: uuid.UUID, as_json: bool) -> int:
    from callcenter.domain.qa.forms import forms_from_profile
    from callcenter.services.qa.reviews import calibration_in

    forms = forms_from_profile(profile.qa)
    cal = db.read_now(lambda s: calibration_in(s, call_id, forms))
    if cal is None:
        print(f"callcenter qa: no calibration scorings of call {call_id}", file=sys.stderr)
        return 1
    out = {"call": str(call_id), "reviewers": list(cal.reviewers), "mean_score": cal.mean_score,
           "questions": [{"question": q.question, "spread": q.spread, "stdev": q.stdev,
                          "shares": dict(q.shares)} for q in cal.questions],
           "by_reviewer": [{"reviewer": r.reviewer, "score": r.score, "vs_mean": r.vs_mean,
                            "mean_abs_dev": r.mean_abs_dev} for r in cal.by_reviewer]}
    if as_json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(f"mean score {cal.mean_score}")
    for q in sorted(cal.questions, key=lambda x: -x.spread):
        print(f"  {q.question:<16} spread {q.spread:.2f}  stdev {q.stdev:.2f}")
    for r in cal.by_reviewer:
        print(f"  {r.reviewer:<8} score {r.score}  vs mean {r.vs_mean}  mean |dev| {r.mean_abs_dev}")
    return 0
