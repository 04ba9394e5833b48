"""``cluster-criteria schema``: JSON Schemas of the input, the report, the brief report of a batch line and the
comparison of two batch outputs."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK, write_output

__all__ = ["register"]


def register(commands: Any) -> None:
    sc = commands.add_parser(
        "schema", help="print the JSON Schema of the input, the report, the brief report or compare --format json"
    )
    sc.add_argument("which", choices=("input", "report", "brief", "compare"))
    sc.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..brief import brief_schema
    from ..compare import comparison_schema
    from ..jsonio import input_schema, report_schema

    schemas = {"input": input_schema, "report": report_schema, "brief": brief_schema, "compare": comparison_schema}
    schema = schemas[args.which]()
    write_output(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", None)
    return EXIT_OK
