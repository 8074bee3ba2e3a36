"""script-render: choose and render the scripts for a call phase from a library
of N generated scripts, against a bare ``str.format`` of the same texts.

The library is written as N TOML files (one per script, like the shipped one)
and loaded the way the app loads it: the files are checked against the compiled
cache and the cache is reused while no file changed (``load_ms``, every start
after the first); ``load_cold_ms`` is the first start (parse, check and index
every file). Each timed run picks a phase, category and conditions, chooses the
scripts that apply (one per role, the most specific) and renders them with a
call's values, missing values as visible blanks (``render_p99_ms``). The
baseline formats the very texts chosen with ``str.format(**values)`` and all
values present, so it is the floor for "produce this text" in the same run.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from callcenter.domain.scripts.model import CONDITIONS, PHASES
from callcenter.services.scripts.call_lines import CallScripts
from callcenter.services.scripts.library import ScriptLibraryService
from callcenter.services.site.profile import load_profile

from .common import NS_PER_MS, BenchArgs, BenchError, Metrics, Scenario, percentile, rounded

WARMUP = 200
ROLES = ("greeting", "apology", "hold", "resume", "closing", "cannot_answer", "transfer",
         "complaint_opening", "reminder", "explain")
WORDS = ("您好", "请您稍等", "停电", "抢修", "电费", "缴费", "表箱", "空气开关", "供电公司", "感谢您的耐心",
         "我们会尽快处理", "请您留下联系电话", "给您带来不便", "敬请谅解", "产权分界", "线路检修")
FIELDS = ("agent_id", "unit", "customer_name", "deadline", "outage_restore_time", "account_no",
          "address", "outage_cause")


def _script(i: int, rng: random.Random, categories: list[str]) -> str:
    phase = rng.choice(sorted(PHASES - {"any"}))
    conds = rng.sample(sorted(CONDITIONS), rng.choice((0, 0, 1, 2)))
    conds = [("!" + c) if rng.random() < 0.3 else c for c in conds]
    cats = rng.sample(categories, 1) if rng.random() < 0.3 else []
    parts = []
    for _ in range(rng.randint(3, 8)):
        parts.append(rng.choice(WORDS))
        if rng.random() < 0.5:
            parts.append("{" + rng.choice(FIELDS) + "}")
    text = "，".join(parts) + "。"
    quoted = lambda xs: "[" + ", ".join(f'"{x}"' for x in xs) + "]"  # noqa: E731
    return (f'id = "gen_{i:05d}"\ntitle = "生成话术{i}"\nrole = "{rng.choice(ROLES)}"\n'
            f'phase = "{phase}"\ncategories = {quoted(cats)}\nconditions = {quoted(conds)}\n'
            f'order = {rng.randint(0, 99)}\nkeywords = {quoted(rng.sample(WORDS, 2))}\n'
            f'text = "{text}"\n')


def generate(directory: Path, n: int, categories: list[str], seed: int = 95598) -> None:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.toml"):
        old.unlink()
    for i in range(n):
        (directory / f"gen_{i:05d}.toml").write_text(_script(i, rng, categories), encoding="utf-8")


def run(args: BenchArgs) -> Metrics:
    profile = load_profile()
    cats = [c.code for c in profile.categories]
    lib_dir = args.data_dir / "script-library"
    args.progress(f"writing {args.size:,} script files to {lib_dir}")
    generate(lib_dir, args.size, cats)

    clock = time.perf_counter_ns
    cache_dir = args.data_dir / "cache"
    cache_dir.mkdir(exist_ok=True)
    t0 = clock()
    ScriptLibraryService(lib_dir, categories=cats, cache_dir=cache_dir)  # first start: parse all
    cold_ns = clock() - t0
    t0 = clock()
    service = ScriptLibraryService(lib_dir, categories=cats, cache_dir=cache_dir)
    load_ns = clock() - t0
    library = service.library
    if library.problems:
        raise BenchError(f"generated library has problems, first: {library.problems[0]}")
    if len(library) != args.size:
        raise BenchError(f"loaded {len(library)} scripts, expected {args.size}")

    rng = random.Random(7)
    full = {"agent_id": "1024", "unit": profile.unit_name, "customer_name": "张女士",
            "deadline": "11月26日前", "outage_restore_time": "今天18:00", "account_no": "0123456789",
            "address": "临江市江城区幸福路12号", "outage_cause": "线路故障"}
    phases = sorted(PHASES - {"any"})
    conds = sorted(CONDITIONS)
    args.progress(f"timing {args.runs:,} choose+render runs and bare str.format (after {WARMUP} warm-up)")
    render_ns: list[int] = []
    format_ns: list[int] = []
    chosen = 0
    for i in range(WARMUP + args.runs):
        values = dict(full)
        if i % 3 == 0:
            values.pop("customer_name")  # not known yet: a visible blank
        call = CallScripts(library, "zh", values, frozenset(rng.sample(conds, rng.choice((0, 1, 2)))))
        phase = phases[i % len(phases)]
        category = rng.choice(cats) if i % 2 else ""
        t0 = clock()
        lines = call.lines(phase, category)
        t1 = clock()
        texts = [library.get(line.script_id).text.source for line in lines]  # type: ignore[union-attr]
        t2 = clock()
        for text in texts:
            text.format(**full)
        t3 = clock()
        if i >= WARMUP:
            render_ns.append(t1 - t0)
            format_ns.append(t3 - t2)
            chosen += len(lines)
    if chosen == 0:
        raise BenchError("no script was ever chosen: the generated library does not match any call")
    render_ns.sort()
    format_ns.sort()
    r99 = percentile(render_ns, 99) / NS_PER_MS
    b99 = percentile(format_ns, 99) / NS_PER_MS
    return {
        "render_p50_ms": rounded(percentile(render_ns, 50) / NS_PER_MS, 4),
        "render_p99_ms": rounded(r99, 4),
        "render_max_ms": rounded(render_ns[-1] / NS_PER_MS, 4),
        "load_ms": rounded(load_ns / NS_PER_MS, 1),
        "load_cold_ms": rounded(cold_ns / NS_PER_MS, 1),
        "baseline_format_p50_ms": rounded(percentile(format_ns, 50) / NS_PER_MS, 4),
        "baseline_format_p99_ms": rounded(b99, 4),
        "ratio_p99": rounded(r99 / b99, 2) if b99 > 0 else 0.0,
        "lines_per_render": rounded(chosen / len(render_ns), 2),
        "iterations": len(render_ns),
    }


SCENARIO = Scenario(
    name="script-render",
    summary="choose + render the scripts for a call phase vs a bare str.format of the same texts",
    size_means="scripts in the generated library",
    runs_means="timed choose+render runs (and as many str.format runs), after 200 warm-up",
    default_size=2_000,
    default_runs=5_000,
    run=run,
    path="CallScripts.lines (choose + render) on the calling thread",
)
