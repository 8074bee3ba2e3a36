"""``callcenter bench NAME [--size N] [--runs N] [--json] [--data-dir DIR]``.

Each scenario measures the app and a raw baseline in the same run and prints
one JSON object ``{"scenario": NAME, "size": N, "path": WHAT, "metrics": {KEY: number}}``
with ``--json`` (``path`` names the code path timed and where the clock stops; the
sync scenarios add ``"durable": true|false``, whether central fsyncs its commits), or a
readable table without it. A figure that cannot be true (negative, not finite) fails
the run. Progress goes to stderr so
stdout stays machine-readable. Without ``--data-dir`` a fresh temporary
directory is used and removed afterwards (unless ``--keep``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from . import (
    audit_verify,
    board,
    board_latency,
    handover_compile,
    outage_import,
    outage_lookup,
    qa_checks,
    replay_open,
    report_monthly,
    script_render,
    sign_in,
    sip_call,
    startup,
    sync_fleet,
    sync_pull,
    sync_push,
    ticket_list,
    ticket_save,
    ticket_search,
    timer_lag,
)
from .common import DURABLE, BenchArgs, BenchError, Metrics, Scenario, check_figures

__all__ = ["SCENARIOS", "BenchError", "Scenario", "main", "run_scenario"]

# A new scenario is a module with a SCENARIO, imported above and listed here.
SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        ticket_save.SCENARIO, startup.SCENARIO, timer_lag.SCENARIO,  # the call loop
        script_render.SCENARIO,  # scripts
        ticket_search.SCENARIO, ticket_list.SCENARIO,  # finding tickets
        outage_lookup.SCENARIO, outage_import.SCENARIO,  # outages
        sync_push.SCENARIO, sync_pull.SCENARIO, sync_fleet.SCENARIO,  # sync with central
        sign_in.SCENARIO, audit_verify.SCENARIO,  # who uses the desk, the audit log
        sip_call.SCENARIO,  # the SIP soft phone
        handover_compile.SCENARIO,  # the shift handover
        qa_checks.SCENARIO,  # quality review
        replay_open.SCENARIO,  # QA replay
        board.SCENARIO, board_latency.SCENARIO,  # the lead's board
        report_monthly.SCENARIO,  # the monthly report (issue 15)
    )
}


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    lines = [f"  {s.name:<12} {s.summary}\n{'':15}--size: {s.size_means} (default {s.default_size:,});"
             f" --runs: {s.runs_means} (default {s.default_runs:,})" for s in SCENARIOS.values()]
    p = argparse.ArgumentParser(
        prog="callcenter bench",
        description="Measure a scenario and its raw baseline in the same run.",
        epilog="scenarios:\n" + "\n".join(lines),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("name", metavar="NAME", help="scenario: " + ", ".join(SCENARIOS))
    p.add_argument("--size", type=_count, help="scenario size (see below)")
    p.add_argument("--runs", type=_count, help="repetitions (see below)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.add_argument("--data-dir", type=Path,
                   help="where the scenario's files go (default: a fresh temporary directory)")
    p.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    p.add_argument("--central", metavar="URL",
                   help="sync-*: admin URL of a PostgreSQL to use (default: start one with pgserver)")
    p.add_argument("--seconds", type=float,
                   help="sync-fleet: how long the desks work (default 60); timer-lag: the least "
                        "length of each phase (default 5)")
    p.add_argument("--nondurable", choices=("no", "only", "too"), default="no",
                   help="sync-*: 'only' runs on a throwaway central with fsync, synchronous_commit "
                        "and full_page_writes off (never a site's settings); 'too' runs durable, "
                        "then again on that central, reporting its figures as KEY_nondurable")
    return p


def _progress(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def run_scenario(
    name: str, *, size: int | None = None, runs: int | None = None, data_dir: Path | None = None,
    keep: bool = False, central: str | None = None, seconds: float | None = None,
    nondurable: str = "no",
) -> tuple[int, Metrics]:
    """Run one scenario; returns (size used, metrics). Raises ``BenchError``/``KeyError``.
    A sync scenario's metrics hold ``durable`` (bool)."""
    scenario = SCENARIOS[name]
    size = scenario.default_size if size is None else size
    runs = scenario.default_runs if runs is None else runs
    if runs < 1:
        raise BenchError("--runs must be at least 1")
    temp = data_dir is None
    directory = Path(tempfile.mkdtemp(prefix=f"callcenter-bench-{name}-")) if temp else Path(data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    if nondurable != "no" and not scenario.central:
        raise BenchError("--nondurable is for the sync scenarios")

    def once(durable: bool) -> Metrics:
        return check_figures(scenario.run(BenchArgs(
            size=size, runs=runs, data_dir=directory, progress=_progress, central=central,
            seconds=seconds, durable=durable)))

    try:
        metrics = once(nondurable != "only")
        if nondurable == "too":
            _progress("again on a throwaway (non-durable) central")
            fast = once(False)
            if fast.pop(DURABLE, False):
                raise BenchError("the non-durable run's central was durable")
            metrics.update({f"{k}_nondurable": v for k, v in fast.items()})
        if scenario.central and not isinstance(metrics.get(DURABLE), bool):
            raise BenchError(f"{name} did not say whether central was durable")
    finally:
        if temp and not keep:
            shutil.rmtree(directory, ignore_errors=True)
        elif temp:
            _progress(f"kept {directory}")
    return size, metrics


def _table(name: str, size: int, head: dict[str, object], metrics: Metrics, out: TextIO) -> None:
    print(f"{name}  (size {size:,})", file=out)
    print(f"  path: {head['path']}" + (f"; durable central: {head[DURABLE]}" if DURABLE in head else ""),
          file=out)
    width = max((len(k) for k in metrics), default=0)
    for key, value in metrics.items():
        shown = f"{value:,}" if isinstance(value, int) else f"{value:,.3f}"
        print(f"  {key:<{width}}  {shown:>14}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        ns = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed by argparse
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if ns.name not in SCENARIOS:
        print(f"callcenter bench: unknown scenario {ns.name!r}; known scenarios: "
              f"{', '.join(SCENARIOS)}", file=sys.stderr)
        return 2
    try:
        size, metrics = run_scenario(ns.name, size=ns.size, runs=ns.runs, data_dir=ns.data_dir,
                                     keep=ns.keep, central=ns.central, seconds=ns.seconds,
                                     nondurable=ns.nondurable)
    except BenchError as exc:
        print(f"callcenter bench {ns.name}: {exc}", file=sys.stderr)
        return 1
    scenario = SCENARIOS[ns.name]
    head: dict[str, object] = {"scenario": ns.name, "size": size, "path": scenario.path}
    if scenario.central:
        head[DURABLE] = metrics.pop(DURABLE)
    if ns.json:
        print(json.dumps({**head, "metrics": metrics}))
    else:
        _table(ns.name, size, head, metrics, sys.stdout)
    return 0
