"""``cluster-criteria rules``: the rules in legal order, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK, write_output

__all__ = ["register"]


def register(commands: Any) -> None:
    ru = commands.add_parser("rules", help="list the rules in legal order")
    ru.add_argument("--format", choices=("json", "text"), default="text")
    ru.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..rules import select
    from ..ruleset import JILIN_2024

    rules = select()
    if args.format == "json":
        data = {
            "rule_set": {
                "id": JILIN_2024.id,
                "name_zh": JILIN_2024.name_zh,
                "version": JILIN_2024.version,
                "effective_date": JILIN_2024.effective_date.isoformat(),
            },
            "rules": [
                {
                    "rule_id": r.rule_id,
                    "article": r.article,
                    "clause": r.clause,
                    "function": r.name,
                    "citation_zh": r.citation_zh,
                    "citation_en": r.citation_en,
                    "title_zh": r.title_zh,
                    "title_en": r.title_en,
                    "text_zh": JILIN_2024.clause_text(r.article, r.clause),
                    "qualitative_items": [
                        {"id": i.id, "text_zh": i.text_zh, "text_en": i.text_en}
                        for i in JILIN_2024.parameters.items_for(r.article, r.clause)
                    ],
                }
                for r in rules
            ],
        }
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    for r in rules:
        write_output(f"{r.rule_id:<4} {r.citation_zh:<12} {r.title_zh} / {r.title_en}\n", None)
    return EXIT_OK
