"""``cluster-criteria schema``: JSON Schemas of the input, the report and the brief report of a batch line."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK, write_output

__all__ = ["register"]


def register(commands: Any) -> None:
    sc = commands.add_parser("schema", help="print the JSON Schema of the input, the report or the brief report")
    sc.add_argument("which", choices=("input", "report", "brief"))
    sc.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..brief import brief_schema
    from ..jsonio import input_schema, report_schema

    schema = {"input": input_schema, "report": report_schema, "brief": brief_schema}[args.which]()
    write_output(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", None)
    return EXIT_OK
