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
    from ..safe_text import one_line
    from ..testing.scenarios import ScenarioError, discover, read_scenario_file

    files = discover(args.paths)
    if not files:
        print("no scenario files found", file=sys.stderr)
        return EXIT_BAD_INPUT
    passed = failed = unreadable = 0
    for file in files:
        # Names, paths and messages come from the scenario files: shown escaped, on one line each, so that a name
        # cannot print a line of its own (a forged PASS) or steer the terminal.
        where = one_line(str(file))
        try:
            scenarios, broken = read_scenario_file(file)
        except ScenarioError as exc:
            print(f"ERROR {one_line(str(exc))}", file=sys.stderr)
            unreadable += 1
            continue
        for error in broken:  # one scenario stated wrongly fails alone; the rest of its file still runs
            failed += 1
            print(f"FAIL  {where}: {one_line(error.scenario or '(a scenario without a name)')}")
            print(f"      cannot be read: {one_line(str(error))}")
        for scenario in scenarios:
            differences = _differences(scenario)
            if not differences:
                passed += 1
                if not args.quiet:
                    print(f"PASS  {where}: {one_line(scenario.name)}")
                continue
            failed += 1
            print(f"FAIL  {where}: {one_line(scenario.name)}")
            for difference in differences:
                print(f"      {one_line(difference)}")
    print(f"{passed} passed, {failed} failed" + (f", {unreadable} file(s) could not be read" if unreadable else ""))
    if unreadable:
        return EXIT_BAD_INPUT
    return EXIT_SCENARIOS_FAILED if failed else EXIT_OK


def _differences(scenario: Any) -> list[str]:
    """What differs from the scenario's expectations; a scenario that cannot even be run differs in that."""
    from ..testing.scenarios import run_scenario

    try:
        return [difference.render() for difference in run_scenario(scenario).differences]
    except (RecursionError, ValueError, TypeError, KeyError) as exc:
        return [f"cannot be run: {type(exc).__name__}: {exc}"]
