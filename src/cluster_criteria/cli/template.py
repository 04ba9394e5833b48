"""``cluster-criteria template``: write a blank application to fill in."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from .common import EXIT_OK, EXIT_USAGE, iso_date, say, write_output

__all__ = ["register"]


def register(commands: Any) -> None:
    te = commands.add_parser(
        "template",
        help="write a blank application to fill in (JSON; $comment keys explain each field)",
        description="Write a blank application with every field. Keys starting with $comment explain the field "
        "after them and are ignored when the application is loaded. Unknown figures stay null (missing data).",
    )
    te.add_argument(
        "--as-of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="planned assessment date; the template asks for the three years before it (default: today)",
    )
    te.add_argument("--output", metavar="PATH", help="write to PATH instead of standard output")
    te.add_argument(
        "--format",
        choices=("json", "xlsx"),
        default="json",
        help="json (default), or xlsx: the 申报表 workbook with lists, checks and help (needs the excel extra)",
    )
    te.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..template import blank_application

    day = args.as_of if args.as_of is not None else dt.date.today()
    if args.format == "xlsx":
        from .workbooks import write_template

        return write_template(day.year, args.output)
    text = json.dumps(blank_application(day.year), ensure_ascii=False, indent=2) + "\n"
    try:
        write_output(text, args.output)
    except OSError as exc:
        print(say("cannot_write", "zh", path=args.output, reason=exc.strerror or exc), file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
