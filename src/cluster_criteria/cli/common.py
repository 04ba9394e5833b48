"""Shared pieces of the command line: exit codes, messages, reading input and writing output."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INELIGIBLE",
    "EXIT_OK",
    "EXIT_UNDECIDED",
    "EXIT_USAGE",
    "add_evaluation_options",
    "iso_date",
    "read_source",
    "say",
    "write_output",
]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_INELIGIBLE = 10
EXIT_UNDECIDED = 11

_MESSAGES = {
    "bad_input": ("输入有误，无法评估：", "The input cannot be evaluated:"),
    "cannot_read": ("无法读取文件 {path}：{reason}", "cannot read {path}: {reason}"),
    "cannot_write": ("无法写入文件 {path}：{reason}", "cannot write {path}: {reason}"),
}


def say(key: str, lang: str, **kwargs: object) -> str:
    """A command-line message in the chosen language (``zh`` or ``en``)."""
    zh, en = _MESSAGES[key]
    return (zh if lang == "zh" else en).format(**kwargs)


def iso_date(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r} (expected YYYY-MM-DD)") from None


def read_source(source: str, lang: str) -> bytes | None:
    """The bytes of a file, or of standard input for ``-``; ``None`` (after a message) when unreadable or over the
    size limit, of which no more than one byte past the limit is read."""
    from ..errors import ApplicationError
    from ..reading import read_bounded, read_file_bounded

    try:
        return read_bounded(sys.stdin.buffer) if source == "-" else read_file_bounded(source)
    except OSError as exc:
        print(say("cannot_read", lang, path=source, reason=exc.strerror or exc), file=sys.stderr)
    except ApplicationError as exc:
        print(say("bad_input", lang), file=sys.stderr)
        print(exc.render(lang), file=sys.stderr)
    return None


def write_output(text: str, output: str | None) -> None:
    """Write to a file when ``output`` is given, else to standard output."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


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
