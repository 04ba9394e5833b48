"""``cluster-criteria compare``: two outputs of evaluate-many side by side — what changed, and for whom."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import IO, Any

from ..i18n import available_languages
from .common import EXIT_BAD_INPUT, EXIT_OK, say, write_output

__all__ = ["register", "run"]


# The default of --limit, as cluster_criteria.compare.DEFAULT_MAX_LISTED; not imported here, so that building the
# parser stays cheap (a test keeps the two equal).
_DEFAULT_LIMIT_TEXT = "1000"


def register(commands: Any) -> None:
    cp = commands.add_parser(
        "compare",
        help="compare two outputs of evaluate-many: the applications whose outcome or clause status changed",
        description="BASE and REFORM are two outputs of evaluate-many (full or brief reports, with error records), "
        "paired by input line. Lists the applications whose outcome or some clause's status changed, counts outcomes "
        "before and after and status changes by clause, and names the rule sets and reforms of both runs.",
    )
    cp.add_argument("base", metavar="BASE", help="the first run's JSON Lines output")
    cp.add_argument("reform", metavar="REFORM", help="the second run's JSON Lines output")
    cp.add_argument(
        "--format",
        choices=("text", "md", "json", "html"),
        default="text",
        help="text, md (Markdown), json (see: cluster-criteria schema compare) or html (one page with a chart); "
        "default text",
    )
    cp.add_argument("--lang", choices=available_languages(), default="zh", help="language of the output (default zh)")
    cp.add_argument("--output", metavar="PATH", help="write to PATH instead of standard output")
    cp.add_argument(
        "--limit",
        type=_count,
        metavar="N",
        help=f"list at most N changed applications one by one; the counts stay exact (default {_DEFAULT_LIMIT_TEXT})",
    )
    cp.set_defaults(handler=run)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    from ..compare import DEFAULT_MAX_LISTED, CompareError, compare_lines, render_comparison

    lang: str = args.lang
    with contextlib.ExitStack() as stack:
        sources = []
        for path in (args.base, args.reform):
            try:
                sources.append(stack.enter_context(open(path, "rb")))
            except OSError as exc:
                print(say("cannot_read", lang, path=path, reason=exc.strerror or exc), file=sys.stderr)
                return EXIT_BAD_INPUT
        try:
            comparison = compare_lines(
                _lines(sources[0], args.base),
                _lines(sources[1], args.reform),
                base_name=args.base,
                reform_name=args.reform,
                max_listed=DEFAULT_MAX_LISTED if args.limit is None else args.limit,
            )
        except CompareError as exc:
            print(exc.render(lang), file=sys.stderr)
            return EXIT_BAD_INPUT
        except OSError as exc:  # a read error part way (a file on a vanished disk, a directory given as a file)
            print(
                say("cannot_read", lang, path=getattr(exc, "filename", None) or "", reason=exc.strerror or exc),
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
    text = render_comparison(comparison, args.format, lang)
    write_output(text, args.output)  # an output error is reported by the command line itself, exit 2
    return EXIT_OK


def _lines(source: IO[bytes], name: str) -> Iterator[bytes]:
    """The file's lines, one at a time, never more than the limit and one byte of a line.

    A line cut there is one byte too long, and the reader refuses it, naming the line, before asking for more.
    """
    from ..compare import MAX_LINE_BYTES

    while line := source.readline(MAX_LINE_BYTES + 1):
        yield line
