"""``cluster-criteria schema``: JSON Schemas of the input and the report."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK, write_output

__all__ = ["register"]


def register(commands: Any) -> None:
    sc = commands.add_parser("schema", help="print the JSON Schema of the input or of the report")
    sc.add_argument("which", choices=("input", "report"))
    sc.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..jsonio import input_schema, report_schema

    schema = input_schema() if args.which == "input" else report_schema()
    write_output(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", None)
    return EXIT_OK
