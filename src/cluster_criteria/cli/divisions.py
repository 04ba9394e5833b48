"""``cluster-criteria divisions``: list Jilin's division codes, or look one up by code or name."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..i18n import available_languages, localise, translate
from ..safe_text import one_line
from .common import EXIT_OK, EXIT_USAGE, write_output

__all__ = ["register", "run"]


def register(commands: Any) -> None:
    dv = commands.add_parser("divisions", help="list Jilin's division codes, or look one up by code or name")
    dv.add_argument("query", nargs="?", help="a six-digit code or a name, e.g. 220284 or 磐石市")
    dv.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    dv.add_argument("--lang", choices=available_languages(), default="zh", help="language of level names (default zh)")
    dv.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..divisions import Division, jilin_divisions

    table = jilin_divisions()
    rows: tuple[Division, ...]
    if args.query:
        found = table.lookup(args.query)
        if found is None:
            print(translate("divisions.not_found", args.lang, query=one_line(args.query)), file=sys.stderr)
            return EXIT_USAGE
        # A prefecture or the province lists its members too.
        rows = (found, *table.children(found))
    else:
        rows = table.divisions
    if args.format == "json":
        data = [{"code": d.code, "name": d.name, "level": d.level.value, "parent_code": d.parent_code} for d in rows]
        write_output(json.dumps({"source": table.source, "divisions": data}, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    lines = [f"{d.code or '—':<7} {d.name}  ({localise(d.level.zh, d.level.en, args.lang)})" for d in rows]
    write_output("\n".join(lines) + "\n", None)
    return EXIT_OK
