"""Benchmark: cluster-criteria against a bare-Python baseline and a general rules engine, in one run.

    python3 -m venv .venv && .venv/bin/pip install -e '.[bench]' && .venv/bin/python benchmarks/run.py [--quick]

Prints median figures and ratios (ours ÷ baseline, so below 1 means we are faster) for:

1. ``evaluate()`` of all twelve clauses on a validated typical application (three years, 30 enterprises,
   5 incidents), against (a) a hand-written function computing the same numeric conditions as plain booleans and
   (b) the ``rule-engine`` package evaluating them as one expression. The target compares against the baselines
   given the figures already extracted into a flat dict (counts of titles and incidents precomputed), which
   favours them: they do none of the reading, counting or explaining that ``evaluate()`` does. Two more rows time
   the same baselines when they first read those figures out of the application themselves (like for like).
2. Validating such an application from JSON text, against ``json.loads`` of the same text.
3. ``import cluster_criteria`` against ``import pydantic``, each in a fresh interpreter.
4. ``cluster-criteria evaluate-many --jobs N`` over generated JSON Lines files: seconds, applications per second and
   the peak memory of the whole process tree (parent and workers, sampled from /proc).
5. ``cluster-criteria serve``: median latency and requests per second of ``POST /v1/evaluate`` against
   ``evaluate()`` in process (``benchmarks/service.py``; printed before the batch, which takes longest).

Per-call figures come from :mod:`timeit` (median of rounds, garbage collector paused as timeit does, for every
contender alike). Nothing here is a test: figures depend on the machine; only the ratios travel.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from applications import typical_data, variants

ASSESSMENT_DATE = dt.date(2025, 4, 15)


# -- 1. evaluate() against the baselines ---------------------------------------------------------------------------


def flat_figures(application: Any, context: Any) -> dict[str, Any]:
    """The numbers the numeric conditions need, read out of a validated application.

    What a team using a general rules engine would write to feed it: the window years' figures, the title holders
    counted on the assessment date and the incidents graded by the same table ``evaluate()`` uses.
    """
    from cluster_criteria.rules.article6 import designation_end
    from cluster_criteria.severity import grade

    p = context.parameters
    figures: dict[str, Any] = {"area": application.cluster.area_km2}
    for index, year in enumerate(context.figure_years, start=1):
        record = application.year(year)
        for name in (
            "total_output",
            "sme_output",
            "leading_industry_output",
            "sme_rd_expenditure",
            "valid_invention_patents",
            "employees",
            "platform_penetration",
            "industrial_software_rate",
            "co2_intensity",
        ):
            figures[f"{name}_{index}"] = getattr(record, name)

    day, years = context.assessment_date, p.integer("designation_default_validity_years")

    def holders(kinds: tuple[Any, ...]) -> int:
        return sum(
            1
            for enterprise in application.enterprises
            if enterprise.in_leading_industry
            and any(
                d.kind in kinds and d.valid_from <= day <= designation_end(d, years)[0] for d in enterprise.designations
            )
        )

    figures["top_holders"] = holders(p.values["top_designation_kinds"].value)
    figures["provincial_holders"] = holders(p.values["provincial_designation_kinds"].value)
    figures["major_incidents"] = sum(
        1
        for incident in application.incidents
        if context.in_event_window(incident.date) and grade(incident, p).reaches(p.severity("accident_severity_floor"))
    )
    figures["violations"] = len(application.violations)
    status = application.cluster.leading_industry.catalogue_status
    figures["excluded_industry"] = status in p.values["excluded_catalogue_statuses"].value
    return figures


def _limits() -> dict[str, Decimal]:
    from cluster_criteria.ruleset import get_rule_set

    p = get_rule_set("jilin-2024").parameters
    return {
        "area": p.threshold("area_max_km2").value,
        "total": p.threshold("total_output_min").value,
        "sme_share": p.threshold("sme_output_share_min").value,
        "lead_growth": p.threshold("leading_output_growth_min").value,
        "lead_share": p.threshold("leading_output_share_min").value,
        "top": p.threshold("top_designations_min").value,
        "provincial": p.threshold("provincial_designations_min").value,
        "rd_growth": p.threshold("rd_growth_min").value,
        "patent_growth": p.threshold("patent_growth_min").value,
        "per_10k": p.threshold("patents_per_10k_min").value,
        "per": p.decimal("patents_per_employees"),
        "penetration": p.threshold("platform_penetration_min").value,
    }


def bare_python(f: dict[str, Any], k: dict[str, Decimal]) -> bool:
    """The numeric conditions of Art. 6 and 7 as plain booleans (geometric growth, cross-multiplied)."""
    years = (1, 2, 3)
    return (
        f["area"] <= k["area"]
        and all(f[f"total_output_{y}"] >= k["total"] for y in years)
        and all(f[f"sme_output_{y}"] >= k["sme_share"] * f[f"total_output_{y}"] for y in years)
        and f["leading_industry_output_3"] >= f["leading_industry_output_1"] * (1 + k["lead_growth"]) ** 2
        and all(f[f"leading_industry_output_{y}"] >= k["lead_share"] * f[f"total_output_{y}"] for y in years)
        and (f["top_holders"] >= k["top"] or f["provincial_holders"] >= k["provincial"])
        and f["sme_rd_expenditure_3"] > f["sme_rd_expenditure_1"] * (1 + k["rd_growth"]) ** 2
        and f["valid_invention_patents_3"] >= f["valid_invention_patents_1"] * (1 + k["patent_growth"]) ** 2
        and f["valid_invention_patents_3"] * k["per"] >= k["per_10k"] * f["employees_3"]
        and f["platform_penetration_3"] >= k["penetration"]
        and f["industrial_software_rate_1"] < f["industrial_software_rate_2"] < f["industrial_software_rate_3"]
        and f["co2_intensity_1"] > f["co2_intensity_2"] > f["co2_intensity_3"]
        and not f["excluded_industry"]
        and f["major_incidents"] == 0
        and f["violations"] == 0
    )


def rule_engine_expression(k: dict[str, Decimal]) -> str:
    """The same conditions in rule-engine's expression language, limits written in from the rule set."""
    years = (1, 2, 3)
    parts = [
        f"area <= {k['area']}",
        *(f"total_output_{y} >= {k['total']}" for y in years),
        *(f"sme_output_{y} >= {k['sme_share']} * total_output_{y}" for y in years),
        f"leading_industry_output_3 >= leading_industry_output_1 * {1 + k['lead_growth']} ** 2",
        *(f"leading_industry_output_{y} >= {k['lead_share']} * total_output_{y}" for y in years),
        f"(top_holders >= {k['top']} or provincial_holders >= {k['provincial']})",
        f"sme_rd_expenditure_3 > sme_rd_expenditure_1 * {1 + k['rd_growth']} ** 2",
        f"valid_invention_patents_3 >= valid_invention_patents_1 * {1 + k['patent_growth']} ** 2",
        f"valid_invention_patents_3 * {k['per']} >= {k['per_10k']} * employees_3",
        f"platform_penetration_3 >= {k['penetration']}",
        "industrial_software_rate_1 < industrial_software_rate_2",
        "industrial_software_rate_2 < industrial_software_rate_3",
        "co2_intensity_1 > co2_intensity_2",
        "co2_intensity_2 > co2_intensity_3",
        "not excluded_industry",
        "major_incidents == 0",
        "violations == 0",
    ]
    return " and ".join(parts)


def per_call(function: Callable[[], object], number: int, repeat: int) -> float:
    """Median seconds per call over ``repeat`` rounds of ``number`` calls."""
    function()  # warm caches and lazy imports outside the timing
    rounds = timeit.Timer(function).repeat(repeat=repeat, number=number)
    return statistics.median(rounds) / number


def records_only(report: Any) -> Callable[[], object]:
    """A function that builds ``report``'s verdicts, checks and figures again from their finished values.

    No rule runs: it times the immutable records a full report is made of, the part of ``evaluate()`` that neither
    baseline has. Built the way ``evaluate()`` builds them, so it is a floor for ``evaluate()`` itself.
    """
    import dataclasses

    from cluster_criteria.verdicts import new_check, new_figure, new_verdict

    def values(record: Any) -> tuple[Any, ...]:
        return tuple(getattr(record, item.name) for item in dataclasses.fields(record))

    plan = [
        (
            values(v)[:9],
            values(v)[10:],
            [(values(c)[:4], values(c)[5:], [values(f) for f in c.figures]) for c in v.checks],
        )
        for v in report.verdicts
    ]

    def build() -> tuple[Any, ...]:
        return tuple(
            new_verdict(
                *head, tuple(new_check(*h, tuple(new_figure(*f) for f in fs), *t) for h, t, fs in checks), *tail
            )
            for head, tail, checks in plan
        )

    if build() != report.verdicts:
        raise SystemExit("records_only() does not rebuild the report; fix the benchmark")
    return build


def bench_evaluate(quick: bool) -> dict[str, float]:
    import rule_engine

    from cluster_criteria import EvaluationContext, evaluate, load_application

    number, repeat = (30, 5) if quick else (200, 15)
    data = typical_data()
    application = load_application(data)
    context = EvaluationContext(ASSESSMENT_DATE)
    figures = flat_figures(application, context)
    limits = _limits()
    rule = rule_engine.Rule(rule_engine_expression(limits))
    report = evaluate(application, ASSESSMENT_DATE)
    # The three must agree before they are timed, on the typical application and on one that fails 6.1.
    failing = load_application(next(variants(1)))  # the first variant is under 20 亿元 in its first year
    failing_figures = flat_figures(failing, context)
    agree = (report.outcome.value == "eligible") == bare_python(figures, limits) == rule.matches(figures) and (
        evaluate(failing, ASSESSMENT_DATE).outcome.value == "eligible"
    ) == bare_python(failing_figures, limits) == rule.matches(failing_figures)
    if not agree:
        raise SystemExit("the baselines disagree with evaluate(); fix the benchmark before reading its figures")
    checks = sum(len(v.checks) for v in report.verdicts)
    print(
        f"typical application: {len(application.enterprises)} enterprises, {len(application.incidents)} incidents, "
        f"{len(report.verdicts)} verdicts with {checks} checks"
    )
    ours = per_call(lambda: evaluate(application, ASSESSMENT_DATE), number, repeat)
    bare = per_call(lambda: bare_python(figures, limits), number * 20, repeat)
    engine = per_call(lambda: rule.matches(figures), number * 5, repeat)
    # The same two baselines when they must first read their figures out of the application, as evaluate() does.
    bare_reading = per_call(lambda: bare_python(flat_figures(application, context), limits), number * 5, repeat)
    engine_reading = per_call(lambda: rule.matches(flat_figures(application, context)), number * 5, repeat)
    floor = per_call(records_only(report), number, repeat)
    _row("evaluate() — 12 clauses, full verdicts", ours)
    _row("  of which at least: building its records, no rule run", floor)
    _row("bare Python — numeric conditions only", bare)
    _row("rule-engine — numeric conditions only", engine)
    _row("bare Python, reading its figures from the application", bare_reading)
    _row("rule-engine, reading its figures from the application", engine_reading)
    _ratio("evaluate() ÷ bare Python", ours / bare)
    _ratio("evaluate() ÷ rule-engine (the target)", ours / engine, target=1.0)
    _ratio("evaluate() ÷ rule-engine reading its own figures", ours / engine_reading)
    _ratio("building the records alone ÷ rule-engine", floor / engine)
    return {
        "evaluate": ours,
        "records_only": floor,
        "bare": bare,
        "rule_engine": engine,
        "bare_reading": bare_reading,
        "rule_engine_reading": engine_reading,
    }


# -- 2. validation from JSON text ----------------------------------------------------------------------------------


def bench_validate(quick: bool) -> dict[str, float]:
    from cluster_criteria import load_application

    number, repeat = (30, 5) if quick else (200, 15)
    text = json.dumps(typical_data(), ensure_ascii=False)
    ours = per_call(lambda: load_application(text), number, repeat)
    parse = per_call(lambda: json.loads(text), number * 10, repeat)
    _row(f"load_application(JSON text, {len(text.encode()):,} bytes)", ours)
    _row("json.loads of the same text (no validation)", parse)
    _ratio("load_application ÷ json.loads", ours / parse)
    return {"validate": ours, "json_loads": parse}


# -- 3. import time ------------------------------------------------------------------------------------------------


def fresh_interpreter(code: str, repeat: int) -> float:
    """Median wall seconds of ``python -c code`` (interpreter start-up included)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_import(quick: bool) -> dict[str, float]:
    repeat = 7 if quick else 31
    nothing = fresh_interpreter("pass", repeat)
    ours = fresh_interpreter("import cluster_criteria", repeat)
    pydantic = fresh_interpreter("import pydantic", repeat)
    first_use = fresh_interpreter("from cluster_criteria import evaluate, load_application", repeat)
    cli = fresh_interpreter("from cluster_criteria.cli import build_parser; build_parser()", repeat)
    _row("python -c pass (interpreter start-up)", nothing)
    _row("import cluster_criteria", ours)
    _row("import pydantic", pydantic)
    _row("from cluster_criteria import evaluate, load_application", first_use)
    _row("command-line parser built (all subcommands)", cli)
    _ratio("import cluster_criteria ÷ import pydantic", ours / pydantic, target=1.5)
    _ratio("  the same, start-up subtracted", (ours - nothing) / max(pydantic - nothing, 1e-9), target=1.5)
    _ratio("evaluate + load_application ready ÷ import pydantic", first_use / pydantic)
    return {"import": ours, "pydantic": pydantic, "first_use": first_use, "start": nothing}


# -- 4. the batch command ------------------------------------------------------------------------------------------


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory(threading.Thread):
    """Samples the summed RSS of a process and all its descendants until stopped; keeps the peak."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kib = pid, every, 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            total = sum(_rss_kib(pid) for pid in _descendants(self.pid))
            self.peak_kib = max(self.peak_kib, total)
            self.stopped.wait(self.every)


def bench_batch(count: int, jobs: int, workdir: Path, detail: str = "full") -> dict[str, float]:
    source, output, summary = workdir / f"in-{count}.jsonl", workdir / f"out-{count}.jsonl", workdir / "summary.json"
    if not source.exists():  # generated once per size, kept for the next detail
        with source.open("w", encoding="utf-8") as sink:
            for text in variants(count):
                sink.write(text + "\n")
    command = [
        sys.executable, "-m", "cluster_criteria", "evaluate-many", str(source), "--as-of", ASSESSMENT_DATE.isoformat(),
        "--jobs", str(jobs), "--output", str(output), "--summary", str(summary), "--detail", detail,
    ]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    sampler = TreeMemory(process.pid)
    sampler.start()
    status = process.wait()
    seconds = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    done = json.loads(summary.read_text(encoding="utf-8"))
    out_bytes = output.stat().st_size
    output.unlink()
    if status != 0 or done["lines"] != count:
        raise SystemExit(f"evaluate-many exited {status} after {done['lines']} of {count} lines")
    peak_mb = sampler.peak_kib / 1024
    print(
        f"  {detail:<5} {count:>7,} applications  {seconds:8.2f} s  {count / seconds:8,.0f} /s  "
        f"peak RSS (tree) {peak_mb:6.0f} MB  output {out_bytes / 1e9:.2f} GB  outcomes {done['outcomes']}"
    )
    return {"seconds": seconds, "rate": count / seconds, "peak_mb": peak_mb}


# -- printing ------------------------------------------------------------------------------------------------------


def _row(label: str, seconds: float) -> None:
    print(f"  {label:<58} {_human(seconds):>12}")


def _ratio(label: str, value: float, target: float | None = None) -> None:
    verdict = (
        ""
        if target is None
        else ("  (target < %.1f: met)" if value < target else "  (target < %.1f: NOT met)") % target
    )
    print(f"  {label:<58} {value:12.2f}{verdict}")


def _human(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run: fewer repetitions, smaller batches")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the batch (default 2)")
    parser.add_argument(
        "--batch-sizes", help="comma-separated batch sizes (default 100000,10000; with --quick 2000,200)"
    )
    parser.add_argument("--skip-batch", action="store_true", help="leave out the batch command")
    parser.add_argument("--skip-service", action="store_true", help="leave out the HTTP service")
    parser.add_argument(
        "--batch-details", default="full,brief", help="comma-separated --detail values to run (default full,brief)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in (args.batch_sizes or ("2000,200" if args.quick else "100000,10000")).split(",")]

    import cluster_criteria

    print(
        f"cluster-criteria {cluster_criteria.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPU(s){' — quick run' if args.quick else ''}"
    )
    print("\n1. evaluate() on a validated typical application (median per call)")
    bench_evaluate(args.quick)
    print("\n2. validation from JSON text (median per call)")
    bench_validate(args.quick)
    print("\n3. import in a fresh interpreter (median wall time, start-up included)")
    bench_import(args.quick)
    if not args.skip_service:
        print("\n5. the HTTP service: one evaluation over HTTP against evaluate() in process")
        from service import bench_service

        bench_service(args.quick)
    if args.skip_batch:
        return
    print(f"\n4. cluster-criteria evaluate-many --jobs {args.jobs} (end to end: start-up, read, evaluate, write)")
    with tempfile.TemporaryDirectory(prefix="cc-bench-") as workdir:
        for detail in args.batch_details.split(","):
            for count in sizes:
                bench_batch(count, args.jobs, Path(workdir), detail)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  largest single process seen by getrusage(RUSAGE_CHILDREN): {children:.0f} MB")


if __name__ == "__main__":
    main()
