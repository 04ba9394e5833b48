"""``cluster-criteria explain RULE_ID``: one rule's clause, checks, parameters, qualitative items and readings."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from ..i18n import available_languages
from .common import (
    EXIT_OK,
    EXIT_USAGE,
    OptionError,
    add_rule_set_option,
    described_rule_set,
    iso_date,
    write_output,
)

if TYPE_CHECKING:
    from ..ruleset import RuleSet

__all__ = ["register", "rule_data"]


def register(commands: Any) -> None:
    ex = commands.add_parser(
        "explain",
        help="explain one rule: its clause, checks, parameters and readings",
        description="Explain one rule (e.g. 6.1, 6(4), art7.2): the clause quoted, what it checks, the parameters "
        "with their sources, the qualitative items and the readings of the text it applies.",
    )
    ex.add_argument("rule_id", metavar="RULE_ID", help="rule id, e.g. 6.1 or 7.2")
    ex.add_argument("--lang", choices=available_languages(), default="zh", help="language (default zh)")
    ex.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    ex.add_argument(
        "--as-of", type=iso_date, metavar="YYYY-MM-DD", help="show the values in force on this date (default today)"
    )
    add_rule_set_option(ex)
    ex.set_defaults(handler=run)


def rule_data(rule_id: str, lang: str, rule_set: RuleSet, day: dt.date | None = None) -> dict[str, Any]:
    """Everything known about one rule without an application, as JSON-ready data.

    Parameter values are those in force on ``day`` (by default, from the latest date any value takes effect).
    """
    from ..explain.catalogue import check_description, describe_parameter
    from ..rules import select

    rule = select([rule_id], rule_set)[0]
    zh = lang == "zh"
    params = rule_set.parameters_on(day) if day is not None else rule_set.parameters
    return {
        "rule_id": rule.rule_id,
        "rule_set": {
            "id": rule_set.id,
            "version": rule_set.version,
            "values_on": (day or params.since).isoformat(),
        },
        "citation": rule.citation_zh if zh else rule.citation_en,
        "title": rule.title_zh if zh else rule.title_en,
        "function": rule.name,
        "clause_text": rule_set.clause_text(rule.article, rule.clause),
        "checks": [
            {
                "id": c.id,
                "pattern": c.pattern,
                "kind": c.kind.value,
                "description": check_description(c, params, lang),
                "parameters": [describe_parameter(params, p, lang) for p in c.named_parameters if p in params.values],
            }
            for c in rule.describes
        ],
        "qualitative_items": [
            {"id": i.id, "text": i.text_zh if zh else i.text_en, "group": i.group}
            for i in params.items_for(rule.article, rule.clause)
        ],
        "readings": [
            {
                "id": r,
                "title": rule_set.readings[r].title_zh if zh else rule_set.readings[r].title_en,
                "explanation": rule_set.readings[r].explanation(lang),
            }
            for r in rule.readings
            if r in rule_set.readings
        ],
    }


def run(args: argparse.Namespace) -> int:
    from ..errors import UnknownRuleError

    lang: str = args.lang
    try:
        rule_set = described_rule_set(args)
        data = rule_data(args.rule_id, lang, rule_set, args.as_of or dt.date.today())
    except OptionError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
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
        (
            f"规则版本 {data['rule_set']['id']}（{data['rule_set']['version']}），"
            f"参数取{data['rule_set']['values_on']}施行的值"
            if zh
            else f"Rule set {data['rule_set']['id']} ({data['rule_set']['version']}), values in force on "
            f"{data['rule_set']['values_on']}"
        ),
        "",
        ("条文" if zh else "Clause") + colon + data["clause_text"],
        "",
        ("检查" if zh else "Checks") + heading,
    ]
    for check in data["checks"]:
        lines.append(f"  - {check['id']}: {check['description']}")
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
