"""Where the time of one batch line goes: per-stage medians, then the functions that cost most (cProfile).

.venv/bin/python benchmarks/profile_batch.py [LINES]
"""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from applications import variants

from cluster_criteria import evaluate
from cluster_criteria.jsonio import application_from_data, parse_json, report_to_json_line

ASSESSMENT_DATE = dt.date(2025, 4, 15)


def stages(texts: list[str]) -> None:
    """Median milliseconds per line of each stage the batch worker runs."""
    timings: dict[str, list[float]] = {"parse JSON": [], "validate": [], "evaluate": [], "write JSON": []}
    for text in texts:
        t0 = time.perf_counter()
        data = parse_json(text)
        t1 = time.perf_counter()
        application = application_from_data(data)
        t2 = time.perf_counter()
        report = evaluate(application, ASSESSMENT_DATE)
        t3 = time.perf_counter()
        report_to_json_line(report)
        t4 = time.perf_counter()
        for name, seconds in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            timings[name].append(seconds)
    total = sum(statistics.median(v) for v in timings.values())
    print(f"median per line over {len(texts)} typical applications: {total * 1e3:.2f} ms")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"  {name:<12} {median * 1e3:7.3f} ms  {median / total:6.1%}")


def profile(texts: list[str]) -> None:
    def work() -> None:
        for text in texts:
            report_to_json_line(evaluate(application_from_data(parse_json(text)), ASSESSMENT_DATE))

    profiler = cProfile.Profile()
    profiler.runcall(work)
    print("\nfunctions by cumulative time (cProfile; its overhead inflates many small calls):")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    texts = list(variants(count))
    stages(texts[:20])  # warm-up
    stages(texts)
    profile(texts)


if __name__ == "__main__":
    main()
