"""Shared pieces of the command line: exit codes, messages, reading input and writing output."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from ..safe_text import one_line

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INELIGIBLE",
    "EXIT_OK",
    "EXIT_UNDECIDED",
    "EXIT_USAGE",
    "OptionError",
    "add_evaluation_options",
    "add_rule_set_option",
    "described_rule_set",
    "evaluation_options",
    "iso_date",
    "read_source",
    "say",
    "write_output",
]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_INELIGIBLE = 10
EXIT_UNDECIDED = 11

def say(key: str, lang: str, **kwargs: object) -> str:
    """The command-line message ``cli.<key>`` in the chosen language."""
    from ..i18n import translate

    return translate(f"cli.{key}", lang, **kwargs)


def iso_date(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD dates (only that form: ``date.fromisoformat`` also reads 20250415 and 2025-W16)."""
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {one_line(value)!r} (expected YYYY-MM-DD)") from None


def read_source(source: str, lang: str) -> bytes | None:
    """The bytes of a file, or of standard input for ``-``; ``None`` (after a message) when unreadable or over the
    size limit, of which no more than one byte past the limit is read."""
    from ..errors import ApplicationError
    from ..reading import read_bounded, read_file_bounded

    try:
        return read_bounded(sys.stdin.buffer) if source == "-" else read_file_bounded(source)
    except OSError as exc:
        print(say("cannot_read", lang, path=one_line(source), reason=exc.strerror or exc), file=sys.stderr)
    except ApplicationError as exc:
        print(say("bad_input", lang), file=sys.stderr)
        print(exc.render(lang), file=sys.stderr)
    return None


def write_output(text: str, output: str | None) -> None:
    """Write to a file when ``output`` is given, else to standard output.

    Raises :class:`.output_paths.OutputError` when it cannot (no such folder, a full disk, standard output closed);
    :func:`..main` prints its message. A closed pipe stays a ``BrokenPipeError``: the reader has had enough.
    """
    from .output_paths import OutputError

    try:
        if output:
            Path(output).write_text(text, encoding="utf-8")
            return
        if sys.stdout is None:  # started with standard output closed
            raise OutputError("stdout_closed")
        sys.stdout.write(text)
        sys.stdout.flush()  # a full disk shows here, not in a traceback at exit
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError("cannot_write", path=output or "-", reason=exc.strerror or exc) from None


def add_evaluation_options(parser: argparse.ArgumentParser) -> None:
    """The options every evaluating command shares: the readings to apply and the rules to run."""
    parser.add_argument(
        "--growth-method",
        choices=("geometric", "arithmetic_mean_of_ratios"),
        default="geometric",
        help="how 年均增速 is computed (default geometric)",
    )
    parser.add_argument(
        "--sharing-rule",
        choices=("all_listed", "any_listed"),
        default="all_listed",
        help="Art. 6(3): all listed sharing mechanisms, or any one (default all_listed)",
    )
    parser.add_argument("--rules", metavar="IDS", help="comma-separated rule ids to run, e.g. 6.1,7.2 (default all)")
    add_rule_set_option(parser)
    parser.add_argument(
        "--reform",
        metavar="FILE",
        help="a what-if reform (TOML) overlaid on the rule set; the report says which values it changed",
    )


def add_rule_set_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rule-set",
        metavar="ID",
        help="the rule set to apply, by id (default: the one in force on the date); `cluster-criteria rules "
        "--rule-sets` lists them",
    )


class OptionError(Exception):
    """An option names something that cannot be used (an unknown rule set, an unreadable reform file).

    Its message is printed to a terminal: what the user or the reform file wrote is escaped onto one line.
    """

    def __init__(self, message: str) -> None:
        from ..safe_text import quoted

        super().__init__(quoted(message, 2000))


def evaluation_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of ``evaluate`` that the shared options give."""
    from ..errors import UnknownRuleSetError
    from ..ruleset import RuleSetDataError, get_rule_set
    from ..ruleset.reform import load_reform

    lang = getattr(args, "lang", None) or "zh"
    rule_set = None
    if getattr(args, "rule_set", None):
        try:
            rule_set = get_rule_set(args.rule_set)
        except UnknownRuleSetError as exc:
            raise OptionError(exc.render(lang)) from None
    reform = None
    if getattr(args, "reform", None):
        try:
            reform = load_reform(Path(args.reform))
        except OSError as exc:  # the reason is the system's own words, as docs/languages.md allows
            raise OptionError(say("cannot_read", lang, path=args.reform, reason=exc.strerror or exc)) from None
        except RuleSetDataError as exc:
            raise OptionError(str(exc)) from None
    return {
        "rules": [r for r in args.rules.split(",") if r.strip()] if args.rules else None,
        "growth_method": args.growth_method,
        "sharing_rule": args.sharing_rule,
        "rule_set": rule_set,
        "reform": reform,
    }


def described_rule_set(args: argparse.Namespace) -> Any:
    """The rule set a describing command (rules, explain, template) shows: named, or in force on --as-of or today."""
    from ..errors import ApplicationError, UnknownRuleSetError
    from ..ruleset import get_rule_set, rule_set_for

    if getattr(args, "rule_set", None):
        try:
            return get_rule_set(args.rule_set)
        except UnknownRuleSetError as exc:
            raise OptionError(exc.render(getattr(args, "lang", None) or "zh")) from None
    day = getattr(args, "as_of", None) or dt.date.today()
    try:
        return rule_set_for(day)
    except ApplicationError as exc:  # no rule set in force on that date: said in the language asked for
        raise OptionError(exc.render(getattr(args, "lang", None) or "zh")) from None
