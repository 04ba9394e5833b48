"""``cluster-criteria status``: a designated cluster's record on a date — validity, reports, grounds for revocation."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..i18n import available_languages
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

__all__ = ["register", "run"]


def register(commands: Any) -> None:
    st = commands.add_parser("status", help="monitoring report of a designated cluster's record (Art. 12-14) on a date")
    st.add_argument("file", nargs="?", help="record JSON file, or - to read standard input")
    st.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="date of the report")
    st.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    st.add_argument("--lang", choices=available_languages(), default="zh", help="language (default zh)")
    st.add_argument("--output", metavar="PATH", help="write the report to PATH instead of standard output")
    st.add_argument("--schema", action="store_true", help="print the JSON Schema of the record format and exit")
    st.add_argument(
        "--outcome-exit-code",
        action="store_true",
        help=f"exit {EXIT_OK} no ground met, {EXIT_INELIGIBLE} to be revoked, {EXIT_UNDECIDED} undecided",
    )
    st.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import ApplicationError
    from ..procedure import (
        RevocationOutcome,
        load_record,
        monitor,
        monitoring_report_to_json,
        record_schema,
        render_monitoring_text,
    )
    from .output_paths import check_outputs

    lang: str = args.lang
    if args.schema:
        write_output(json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n", args.output)
        return EXIT_OK
    if args.file is None or args.as_of is None:
        print("status: FILE and --as-of YYYY-MM-DD are required (or --schema)", file=sys.stderr)
        return EXIT_USAGE
    check_outputs([args.file], [args.output])
    raw = read_source(args.file, lang)
    if raw is None:
        return EXIT_BAD_INPUT
    try:
        report = monitor(load_record(raw), args.as_of)
    except ApplicationError as exc:
        print(say("bad_input", lang), file=sys.stderr)
        print(exc.render(lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    text = monitoring_report_to_json(report) + "\n" if args.format == "json" else render_monitoring_text(report, lang)
    write_output(text, args.output)
    if not args.outcome_exit_code:
        return EXIT_OK
    return {RevocationOutcome.KEEP: EXIT_OK, RevocationOutcome.REVOKE: EXIT_INELIGIBLE}.get(
        report.outcome, EXIT_UNDECIDED
    )
