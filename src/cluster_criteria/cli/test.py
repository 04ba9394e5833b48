"""``cluster-criteria test``: run scenario files and say, per scenario, whether the law gives what they expect."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import EXIT_BAD_INPUT, EXIT_OK

__all__ = ["EXIT_SCENARIOS_FAILED", "register", "run"]

EXIT_SCENARIOS_FAILED = 1


def register(commands: Any) -> None:
    te = commands.add_parser("test", help="run scenario files (TOML) and report each scenario as pass or fail")
    te.add_argument("paths", nargs="+", metavar="PATH", help="scenario files, or directories searched for *.toml")
    te.add_argument("--quiet", "-q", action="store_true", help="print failing scenarios and the summary only")
    te.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..testing.scenarios import ScenarioError, discover, load_scenarios, run_scenario

    files = discover(args.paths)
    if not files:
        print("no scenario files found", file=sys.stderr)
        return EXIT_BAD_INPUT
    passed = failed = 0
    unreadable = False
    for file in files:
        try:
            scenarios = load_scenarios(file)
        except ScenarioError as exc:
            print(f"ERROR {exc}", file=sys.stderr)
            unreadable = True
            continue
        for scenario in scenarios:
            result = run_scenario(scenario)
            if result.passed:
                passed += 1
                if not args.quiet:
                    print(f"PASS  {file}: {scenario.name}")
                continue
            failed += 1
            print(f"FAIL  {file}: {scenario.name}")
            for difference in result.differences:
                print(f"      {difference.render()}")
    print(f"{passed} passed, {failed} failed")
    if unreadable:
        return EXIT_BAD_INPUT
    return EXIT_SCENARIOS_FAILED if failed else EXIT_OK
