"""``cluster-criteria explain RULE_ID``: one rule's clause, checks, parameters, qualitative items and readings."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .common import EXIT_OK, EXIT_USAGE, write_output

__all__ = ["register", "rule_data"]


def register(commands: Any) -> None:
    ex = commands.add_parser(
        "explain",
        help="explain one rule: its clause, checks, parameters and readings",
        description="Explain one rule (e.g. 6.1, 6(4), art7.2): the clause quoted, what it checks, the parameters "
        "with their sources, the qualitative items and the readings of the text it applies.",
    )
    ex.add_argument("rule_id", metavar="RULE_ID", help="rule id, e.g. 6.1 or 7.2")
    ex.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (default zh)")
    ex.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    ex.set_defaults(handler=run)


def rule_data(rule_id: str, lang: str) -> dict[str, Any]:
    """Everything known about one rule without an application, as JSON-ready data."""
    from ..explain.catalogue import describe_parameter, rule_spec
    from ..rules import select
    from ..ruleset import JILIN_2024

    rule = select([rule_id])[0]
    spec = rule_spec(rule.rule_id)
    zh = lang == "zh"
    params = JILIN_2024.parameters
    return {
        "rule_id": rule.rule_id,
        "citation": rule.citation_zh if zh else rule.citation_en,
        "title": rule.title_zh if zh else rule.title_en,
        "function": rule.name,
        "clause_text": JILIN_2024.clause_text(rule.article, rule.clause),
        "checks": [
            {
                "pattern": c.pattern,
                "description": c.zh if zh else c.en,
                "parameters": [describe_parameter(JILIN_2024, p, lang) for p in c.parameters],
            }
            for c in spec.checks
        ],
        "qualitative_items": [
            {"id": i.id, "text": i.text_zh if zh else i.text_en, "group": i.group}
            for i in params.items_for(rule.article, rule.clause)
        ],
        "readings": [
            {
                "id": r,
                "title": JILIN_2024.readings[r].title_zh if zh else JILIN_2024.readings[r].title_en,
                "explanation": JILIN_2024.readings[r].explanation(lang),
            }
            for r in spec.readings
            if r in JILIN_2024.readings
        ],
    }


def run(args: argparse.Namespace) -> int:
    from ..errors import UnknownRuleError

    lang: str = args.lang
    try:
        data = rule_data(args.rule_id, lang)
    except UnknownRuleError as exc:
        print(str(exc).strip("\"'"), file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    zh = lang == "zh"
    colon = "：" if zh else ": "
    heading = "：" if zh else ":"
    lines = [
        f"{data['rule_id']}  {data['citation']}  {data['title']}  ({data['function']})",
        "",
        ("条文" if zh else "Clause") + colon + data["clause_text"],
        "",
        ("检查" if zh else "Checks") + heading,
    ]
    for check in data["checks"]:
        lines.append(f"  - {check['pattern']}: {check['description']}")
        lines.extend(f"      {('参数' if zh else 'parameter')}{colon}{p}" for p in check["parameters"])
    if data["qualitative_items"]:
        lines += [
            "",
            ("定性项（在申报材料 qualitative 中作答）" if zh else "Qualitative items (answer under qualitative)")
            + colon,
        ]
        for item in data["qualitative_items"]:
            group = f" [{('任选其一' if zh else 'alternative')}: {item['group']}]" if item["group"] else ""
            lines.append(f"  - {item['id']}: {item['text']}{group}")
    lines += ["", ("适用口径" if zh else "Readings applied") + heading]
    for reading in data["readings"]:
        lines.append(f"  - {reading['id']}: {reading['title']}")
        lines.append(f"      {reading['explanation']}")
    write_output("\n".join(lines) + "\n", None)
    return EXIT_OK
