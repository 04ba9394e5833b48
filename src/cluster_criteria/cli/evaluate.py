"""``cluster-criteria evaluate``: one application, one report."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from ..i18n import available_languages
from .common import (
    EXIT_BAD_INPUT,
    EXIT_INELIGIBLE,
    EXIT_OK,
    EXIT_UNDECIDED,
    EXIT_USAGE,
    OptionError,
    add_evaluation_options,
    evaluation_options,
    iso_date,
    read_source,
    say,
    write_output,
)

__all__ = ["register"]


def register(commands: Any) -> None:
    ev = commands.add_parser(
        "evaluate",
        help="evaluate one application (JSON file, or - for standard input)",
        description="Evaluate one application against Art. 6 and Art. 7 and print the report with a clause-by-clause "
        "explanation.",
    )
    ev.add_argument("file", help="application JSON file, .xlsx workbook, or - to read standard input")
    ev.add_argument(
        "--as-of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="assessment date (default: today's date, which the report states)",
    )
    ev.add_argument(
        "--format",
        choices=("json", "text", "md", "html"),
        default="json",
        help="json (the report, plus its explanation under 'explanation'), text, md (Markdown) or html "
        "(a printable page); default json",
    )
    ev.add_argument(
        "--lang", choices=available_languages(), default="zh", help="language of the explanation (default zh)"
    )
    ev.add_argument("--output", metavar="PATH", help="write the report to PATH instead of standard output")
    add_evaluation_options(ev)
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
    from ..jsonio import load_application
    from ..render import render
    from ..verdicts import Outcome
    from .output_paths import check_outputs

    lang: str = args.lang
    check_outputs([args.file], [args.output])
    raw = read_source(args.file, lang)
    if raw is None:
        return EXIT_BAD_INPUT
    try:
        options = evaluation_options(args)
    except OptionError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    # The command line is the caller: without --as-of it passes today's date, and the report states it.
    as_of = args.as_of if args.as_of is not None else dt.date.today()
    locate = None
    try:
        if args.file.lower().endswith(".xlsx"):
            from .workbooks import load_workbook

            application, locate = load_workbook(raw)
        else:
            application = load_application(raw)
        report = evaluate(application, as_of, **options)
    except ApplicationError as exc:
        exc = locate(exc) if locate is not None else exc
        print(say("bad_input", lang), file=sys.stderr)
        print(exc.render(lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnknownRuleError as exc:
        print(exc.render(lang), file=sys.stderr)
        return EXIT_USAGE
    write_output(render(report, args.format, lang), args.output)
    if not args.outcome_exit_code:
        return EXIT_OK
    return {Outcome.ELIGIBLE: EXIT_OK, Outcome.INELIGIBLE: EXIT_INELIGIBLE}.get(report.outcome, EXIT_UNDECIDED)
