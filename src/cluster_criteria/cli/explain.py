"""``cluster-criteria explain RULE_ID``: one rule's clause, checks, parameters, qualitative items and readings."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from ..i18n import available_languages, data_text, localise, translate
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
    from ..rules.spec import id_meaning

    rule = select([rule_id], rule_set)[0]
    params = rule_set.parameters_on(day) if day is not None else rule_set.parameters
    last = (day or params.since).year - 1
    years = tuple(range(last - params.integer("figure_window_years") + 1, last + 1))
    return {
        "rule_id": rule.rule_id,
        "rule_set": {
            "id": rule_set.id,
            "version": rule_set.version,
            "values_on": (day or params.since).isoformat(),
        },
        "citation": localise(rule.citation_zh, rule.citation_en, lang),
        "title": localise(rule.title_zh, rule.title_en, lang),
        "function": rule.name,
        "clause_text": rule_set.clause_text(rule.article, rule.clause),
        # a reference translation beside the authoritative Chinese, in languages that have one
        **_translation(rule_set.clause_text(rule.article, rule.clause), lang),
        "checks": [
            {
                "id": c.id,
                "pattern": c.pattern,
                "kind": c.kind.value,
                "description": check_description(c, params, lang),
                "id_meaning": id_meaning(c, lang, years),
                "parameters": [describe_parameter(params, p, lang) for p in c.named_parameters if p in params.values],
            }
            for c in rule.describes
        ],
        "qualitative_items": [
            {"id": i.id, "text": localise(i.text_zh, i.text_en, lang), "group": i.group}
            for i in params.items_for(rule.article, rule.clause)
        ],
        "readings": [
            {
                "id": r,
                "title": localise(rule_set.readings[r].title_zh, rule_set.readings[r].title_en, lang),
                "explanation": rule_set.readings[r].explanation(lang),
            }
            for r in rule.readings
            if r in rule_set.readings
        ],
    }


def _translation(clause: str, lang: str) -> dict[str, str]:
    found = data_text(clause, lang) if lang != "zh" else None
    return {"clause_translation": found} if found else {}


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
        print(exc.render(lang), file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    def t(key: str, **values: object) -> str:
        return translate(f"explain_page.{key}", lang, **values)

    colon = translate("report.colon", lang)
    rule_set_data = data["rule_set"]
    lines = [
        f"{data['rule_id']}  {data['citation']}  {data['title']}  ({data['function']})",
        t("rule_set", id=rule_set_data["id"], version=rule_set_data["version"], day=rule_set_data["values_on"]),
        "",
        t("clause") + colon + data["clause_text"],
    ]
    if data.get("clause_translation"):
        lines.append(translate("report.clause_translation", lang) + colon + data["clause_translation"])
    lines += ["", t("checks")]
    for check in data["checks"]:
        lines.append(f"  - {check['id']}: {check['description']}")
        if check["id_meaning"]:
            lines.append(f"      {translate('check_id.label', lang)}{colon}{check['id_meaning']}")
        lines.extend(f"      {t('parameter')}{colon}{p}" for p in check["parameters"])
    if data["qualitative_items"]:
        lines += ["", t("items") + colon]
        for item in data["qualitative_items"]:
            group = f" [{t('alternative')}: {item['group']}]" if item["group"] else ""
            lines.append(f"  - {item['id']}: {item['text']}{group}")
    lines += ["", t("readings")]
    for reading in data["readings"]:
        lines.append(f"  - {reading['id']}: {reading['title']}")
        lines.append(f"      {reading['explanation']}")
    write_output("\n".join(lines) + "\n", None)
    return EXIT_OK
