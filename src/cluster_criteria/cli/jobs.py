"""How many worker processes a batch runs: as asked, but not more than the machine has CPUs unless forced.

More processes than CPUs do not go faster (the work is pure computation); they only take memory, one Python
interpreter each, and ``--jobs 1000`` started a thousand. A request above the number of CPUs is lowered to it, and
the command says so; ``--force-jobs`` keeps the number asked for, up to :data:`FORCED_CEILING` times the CPUs.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

__all__ = ["FORCED_CEILING", "add_jobs_options", "available_cpus", "jobs_to_run"]

FORCED_CEILING = 8



def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system tells it), at least one."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(len(affinity(0)), 1)
    return max(os.cpu_count() or 1, 1)  # pragma: no cover - platforms without sched_getaffinity


def add_jobs_options(parser: argparse.ArgumentParser, positive: Any) -> None:
    """``--jobs N`` and ``--force-jobs``; ``positive`` is the argparse type for a whole number of at least 1."""
    parser.add_argument(
        "--jobs",
        type=positive,
        default=1,
        metavar="N",
        help="worker processes (default 1); more than the CPUs available is lowered to their number",
    )
    parser.add_argument(
        "--force-jobs",
        action="store_true",
        help=f"run as many worker processes as --jobs asks even above the CPUs (at most {FORCED_CEILING} times them)",
    )


def jobs_to_run(asked: int, *, forced: bool, lang: str, cpus: int | None = None) -> int:
    """The number of worker processes to start; a lowered number is said on standard error."""
    cpus = available_cpus() if cpus is None else cpus
    ceiling = cpus * FORCED_CEILING
    if forced and asked > ceiling:
        _say("ceiling", lang, asked=asked, ceiling=ceiling, factor=FORCED_CEILING)
        return ceiling
    if not forced and asked > cpus:
        _say("lowered", lang, asked=asked, cpus=cpus)
        return cpus
    return asked


def _say(key: str, lang: str, **values: object) -> None:
    from ..i18n import translate

    print(translate(f"jobs.{key}", lang, **values), file=sys.stderr)
