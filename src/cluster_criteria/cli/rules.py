"""``cluster-criteria rules``: the rules in legal order, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_OK, write_output

__all__ = ["register", "rules_data"]


def register(commands: Any) -> None:
    ru = commands.add_parser("rules", help="list the rules in legal order")
    ru.add_argument("--format", choices=("json", "text"), default="text")
    ru.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the table (default zh)")
    ru.set_defaults(handler=run)


def rules_data() -> dict[str, Any]:
    """The rule set and its rules in legal order, with clause text, qualitative items, checks and readings."""
    from ..explain.catalogue import rule_spec
    from ..rules import select
    from ..ruleset import JILIN_2024

    rules = select()
    return {
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
                "checks": [
                    {"pattern": c.pattern, "zh": c.zh, "en": c.en, "parameters": list(c.parameters)}
                    for c in rule_spec(r.rule_id).checks
                ],
                "readings": list(rule_spec(r.rule_id).readings),
            }
            for r in rules
        ],
    }


def run(args: argparse.Namespace) -> int:
    from ..explain.catalogue import rule_spec
    from ..rules import select
    from ..ruleset import JILIN_2024

    rules = select()
    if args.format == "json":
        data = rules_data()
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    zh = args.lang == "zh"
    header = ("编号", "条款", "名称", "检查", "定性项") if zh else ("id", "clause", "title", "checks", "items")
    rows = [
        (
            r.rule_id,
            r.citation_zh if zh else r.citation_en,
            r.title_zh if zh else r.title_en,
            str(len([c for c in rule_spec(r.rule_id).checks if c.pattern != "6.?.*"])),
            str(len(JILIN_2024.parameters.items_for(r.article, r.clause))),
        )
        for r in rules
    ]
    widths = [max(_width(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in (header, *rows)]
    lines.append("")
    lines.append(
        "cluster-criteria explain RULE_ID 查看条文、检查、参数和解释"
        if zh
        else "cluster-criteria explain RULE_ID shows a rule's clause, checks, parameters and readings"
    )
    write_output("\n".join(lines) + "\n", None)
    return EXIT_OK


def _width(text: str) -> int:
    """Display width in a terminal: wide (CJK) characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
