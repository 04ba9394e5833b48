"""The ``cluster-criteria`` command line. Each subcommand lives in its own module with a ``register`` function."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from .. import __version__
from .common import EXIT_BAD_INPUT, EXIT_INELIGIBLE, EXIT_OK, EXIT_UNDECIDED, EXIT_USAGE

__all__ = ["EXIT_BAD_INPUT", "EXIT_INELIGIBLE", "EXIT_OK", "EXIT_UNDECIDED", "EXIT_USAGE", "main"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C

# One line per subcommand module, in the order of the help text.
COMMAND_MODULES = (
    "evaluate",
    "evaluate_many",
    "rules",
    "explain",
    "schema",
    "template",
    "status",
    "divisions",
    "test",
)


def build_parser() -> argparse.ArgumentParser:
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the EXIT_* constants)."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl-C in any command: the shell's code for it, without a traceback
        return EXIT_INTERRUPTED
    return status
