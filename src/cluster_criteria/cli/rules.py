"""``cluster-criteria rules``: the rules in legal order, as a table or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from ..i18n import available_languages, localise, translate
from .common import EXIT_OK, EXIT_USAGE, OptionError, add_rule_set_option, described_rule_set, iso_date, write_output

if TYPE_CHECKING:
    from ..ruleset import RuleSet

__all__ = ["register", "rules_data"]


def register(commands: Any) -> None:
    ru = commands.add_parser("rules", help="list the rules in legal order")
    ru.add_argument("--format", choices=("json", "text"), default="text")
    ru.add_argument("--lang", choices=available_languages(), default="zh", help="language of the table (default zh)")
    ru.add_argument(
        "--as-of", type=iso_date, metavar="YYYY-MM-DD", help="the rule set in force on this date (default today)"
    )
    ru.add_argument("--rule-sets", action="store_true", help="list the known rule sets and their periods instead")
    add_rule_set_option(ru)
    ru.set_defaults(handler=run)


def rules_data(rule_set: RuleSet, day: dt.date) -> dict[str, Any]:
    """The edition and its rules in legal order, with clause text, qualitative items, checks (their limits in force
    on ``day``) and readings."""
    from ..explain.catalogue import check_description
    from ..rules import select
    from ..rules.spec import id_meaning

    rules = select(None, rule_set)
    params = rule_set.parameters_on(day)
    return {
        "rule_set": _rule_set_data(rule_set),
        "rules": [
            {
                "rule_id": r.rule_id,
                "article": r.article,
                "clause": r.clause,
                "function": r.name,
                "exclusion": r.exclusion,
                "citation_zh": r.citation_zh,
                "citation_en": r.citation_en,
                "title_zh": r.title_zh,
                "title_en": r.title_en,
                "text_zh": rule_set.clause_text(r.article, r.clause),
                "qualitative_items": [
                    {"id": i.id, "text_zh": i.text_zh, "text_en": i.text_en}
                    for i in params.items_for(r.article, r.clause)
                ],
                "checks": [
                    {
                        "id": c.id,
                        "pattern": c.pattern,
                        "kind": c.kind.value,
                        "zh": check_description(c, params, "zh"),
                        "en": check_description(c, params, "en"),
                        "id_meaning_zh": id_meaning(c, "zh"),
                        "id_meaning_en": id_meaning(c, "en"),
                        "parameters": list(c.named_parameters),
                    }
                    for c in r.describes
                ],
                "readings": list(r.readings),
            }
            for r in rules
        ],
    }


def run(args: argparse.Namespace) -> int:
    from ..rules import select
    from ..ruleset import rule_sets

    if args.rule_sets:
        return _list_rule_sets(args, rule_sets())
    try:
        rule_set = described_rule_set(args)
    except OptionError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    rules = select(None, rule_set)
    params = rule_set.parameters_on(args.as_of or dt.date.today())
    if args.format == "json":
        data = rules_data(rule_set, args.as_of or dt.date.today())
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    lang: str = args.lang
    header = tuple(translate(f"rules.column.{key}", lang) for key in ("id", "clause", "title", "checks", "items"))
    rows = [
        (
            r.rule_id,
            localise(r.citation_zh, r.citation_en, lang),
            localise(r.title_zh, r.title_en, lang),
            str(len([c for c in r.describes if c.kind.value != "declared"])),
            str(len(params.items_for(r.article, r.clause))),
        )
        for r in rules
    ]
    widths = [max(_width(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in (header, *rows)]
    lines.append("")
    lines.append(translate("rules.see_explain", lang))
    write_output("\n".join(lines) + "\n", None)
    return EXIT_OK


def _rule_set_data(rule_set: RuleSet) -> dict[str, Any]:
    return {
        "id": rule_set.id,
        "name_zh": rule_set.name_zh,
        "name_en": rule_set.name_en,
        "version": rule_set.version,
        "effective_date": rule_set.effective_date.isoformat(),
        "in_force_until": rule_set.in_force_until.isoformat() if rule_set.in_force_until else None,
        "rules": len(rule_set.rules),
    }


def _list_rule_sets(args: argparse.Namespace, known: tuple[RuleSet, ...]) -> int:
    if args.format == "json":
        write_output(json.dumps([_rule_set_data(r) for r in known], ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_OK
    lang: str = args.lang
    lines = []
    for r in known:
        until = r.in_force_until.isoformat() if r.in_force_until else translate("rules.until_superseded", lang)
        name = localise(r.name_zh, r.name_en, lang)
        lines.append(f"{r.id}  {r.version}  {r.effective_date.isoformat()} – {until}  {name}")
    write_output("\n".join(lines) + "\n", None)
    return EXIT_OK


def _width(text: str) -> int:
    """Display width in a terminal: wide (CJK) characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
