"""``cluster-criteria evaluate``: one application, one report."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import (
    EXIT_BAD_INPUT,
    EXIT_INELIGIBLE,
    EXIT_OK,
    EXIT_UNDECIDED,
    EXIT_USAGE,
    iso_date,
    read_source,
    say,
    write_output,
)

__all__ = ["register"]


def register(commands: Any) -> None:
    ev = commands.add_parser("evaluate", help="evaluate one application (JSON file, or - for standard input)")
    ev.add_argument("file", help="application JSON file, or - to read standard input")
    ev.add_argument("--as-of", type=iso_date, required=True, metavar="YYYY-MM-DD", help="assessment date")
    ev.add_argument("--format", choices=("json", "text"), default="json", help="output format (default json)")
    ev.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    ev.add_argument("--output", metavar="PATH", help="write the report to PATH instead of standard output")
    ev.add_argument(
        "--growth-method",
        choices=("geometric", "arithmetic_mean_of_ratios"),
        default="geometric",
        help="how 年均增速 is computed (default geometric)",
    )
    ev.add_argument(
        "--sharing-rule",
        choices=("all_listed", "any_listed"),
        default="all_listed",
        help="Art. 6(3): all listed sharing mechanisms, or any one (default all_listed)",
    )
    ev.add_argument("--rules", metavar="IDS", help="comma-separated rule ids to run, e.g. 6.1,7.2 (default all)")
    ev.add_argument(
        "--outcome-exit-code",
        action="store_true",
        help=f"exit {EXIT_OK} eligible, {EXIT_INELIGIBLE} ineligible, {EXIT_UNDECIDED} undecided "
        f"(default: {EXIT_OK} whenever a report is produced)",
    )
    ev.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import ApplicationError, UnknownRuleError
    from ..evaluation import evaluate
    from ..jsonio import load_application, report_to_json
    from ..verdicts import Outcome

    lang: str = args.lang
    raw = read_source(args.file, lang)
    if raw is None:
        return EXIT_BAD_INPUT
    rules = [r for r in args.rules.split(",") if r.strip()] if args.rules else None
    try:
        application = load_application(raw)
        report = evaluate(
            application, args.as_of, rules=rules, growth_method=args.growth_method, sharing_rule=args.sharing_rule
        )
    except ApplicationError as exc:
        print(say("bad_input", lang), file=sys.stderr)
        print(exc.render(lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnknownRuleError as exc:
        print(str(exc).strip("\"'"), file=sys.stderr)
        return EXIT_USAGE
    text = report_to_json(report) if args.format == "json" else _plain(report, lang)
    write_output(text, args.output)
    if not args.outcome_exit_code:
        return EXIT_OK
    return {Outcome.ELIGIBLE: EXIT_OK, Outcome.INELIGIBLE: EXIT_INELIGIBLE}.get(report.outcome, EXIT_UNDECIDED)


def _plain(report: Any, lang: str) -> str:
    zh = lang == "zh"
    lines = [
        f"{report.cluster_name} — {report.assessment_date.isoformat()} — "
        f"{report.rule_set.name_zh if zh else report.rule_set.name_en} ({report.rule_set.version})",
        f"{'结论' if zh else 'Outcome'}: {report.outcome.value}  ({', '.join(report.decided_by)})",
    ]
    for verdict in report.verdicts:
        cite = verdict.citation_zh if zh else verdict.citation_en
        lines.append(f"  {verdict.rule_id:<4} {cite:<14} {verdict.status.value}")
        for check in verdict.checks:
            if check.status.value != "pass":
                label = check.label_zh if zh else check.label_en
                lines.append(
                    f"         - {check.status.value}: {label}"
                    + (f" [{', '.join(check.missing)}]" if check.missing else "")
                )
    return "\n".join(lines) + "\n"
