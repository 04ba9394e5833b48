"""The ``cluster-criteria`` command line. Each subcommand lives in its own module with a ``register`` function."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import __version__
from .common import EXIT_BAD_INPUT, EXIT_INELIGIBLE, EXIT_OK, EXIT_UNDECIDED, EXIT_USAGE

__all__ = ["EXIT_BAD_INPUT", "EXIT_INELIGIBLE", "EXIT_OK", "EXIT_UNDECIDED", "EXIT_USAGE", "main", "run"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C

# One line per subcommand module, in the order of the help text.
COMMAND_MODULES = (
    "evaluate",
    "evaluate_many",
    "compare",
    "rules",
    "explain",
    "schema",
    "template",
    "status",
    "divisions",
    "test",
    "serve",
)


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; its help in ``lang`` when a catalogue has it (English otherwise)."""
    parser = argparse.ArgumentParser(
        prog="cluster-criteria",
        description="吉林省促进中小企业特色产业集群发展暂行办法 — 逐条评估 / clause-by-clause evaluation of the "
        "Jilin 2024 measures.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f".{name}", __name__).register(commands)
    if lang is not None and lang != "en":
        from ..i18n import available_languages
        from .help_text import localise_help

        if lang in available_languages():
            localise_help(parser, lang)
    return parser


def run() -> NoReturn:
    """The ``cluster-criteria`` process (the console script and ``python -m cluster_criteria``).

    Unlike :func:`main` called from other code, the process ends right after the command: a command that guards
    its work against stop signals keeps the guard to the end, so a signal in the last moments cannot turn a finished
    run into a killed one or a traceback.
    """
    raise SystemExit(main(ending_process=True))


def main(argv: Sequence[str] | None = None, *, ending_process: bool = False) -> int:
    """Run the command line; returns the exit status (see the EXIT_* constants).

    ``ending_process`` says the process ends when this returns (see :func:`run`); left false, every signal handler
    a command installs is restored before it returns.
    """
    from .help_text import help_language
    from .output_paths import OutputError

    args = build_parser(help_language(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    args.ending_process = ending_process
    from ..i18n import preload

    preload(getattr(args, "lang", "zh"))
    try:
        status: int = args.handler(args)
        _flush_standard_output()
    except BrokenPipeError:
        return EXIT_OK
    except OutputError as exc:
        print(exc.message(getattr(args, "lang", "zh")), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C in any command: the shell's code for it, without a traceback
        return EXIT_INTERRUPTED
    return status


def _flush_standard_output() -> None:
    """What is still buffered, written now: a full disk is then a message, not a traceback at exit."""
    from .output_paths import OutputError

    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError("cannot_write", path="-", reason=exc.strerror or exc) from None
