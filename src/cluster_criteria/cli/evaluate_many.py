"""``cluster-criteria evaluate-many``: JSON Lines in (one application a line), one report a line out, in order."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
import time
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .common import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, add_evaluation_options, iso_date, say

if TYPE_CHECKING:
    from ..batch import BatchSummary

__all__ = ["register", "run"]

EXIT_INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C (128 + SIGINT)
EXIT_WORKER_LOST = 1  # a worker process died (killed, out of memory); the finished lines are kept

_MESSAGES = {
    "cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "interrupted": (
        "已中断：第 {first}–{last} 行的结果已写入。继续请加 --resume-from {next}（追加到输出文件）",
        "interrupted: results for lines {first}–{last} are written. Continue with --resume-from {next} "
        "(appends to the output)",
    ),
    "interrupted_none": (
        "已中断：尚未写入结果。继续请加 --resume-from {next}",
        "interrupted: no result written yet. Continue with --resume-from {next}",
    ),
    "worker_lost": (
        "一个工作进程意外终止（可能被系统结束或内存不足）",
        "a worker process stopped unexpectedly (killed, or out of memory)",
    ),
    "not_evaluated": (
        "{count} 行无法评估（见输出中的错误记录）",
        "{count} line(s) could not be evaluated (see the error records)",
    ),
}


def _say(key: str, lang: str, **kwargs: object) -> str:
    zh, en = _MESSAGES[key]
    return (zh if lang == "zh" else en).format(**kwargs)


def register(commands: Any) -> None:
    em = commands.add_parser(
        "evaluate-many",
        help="evaluate a JSON Lines file of applications (one a line), one JSON report a line out",
        description="Each input line is one application; each output line is its report, or an error record "
        '{"line": n, "error": "invalid_input", "problems": [...]} — in input order. A summary goes to stderr.',
    )
    em.add_argument("input", help="JSON Lines file, or - to read standard input")
    em.add_argument("--as-of", type=iso_date, required=True, metavar="YYYY-MM-DD", help="assessment date")
    em.add_argument("--output", metavar="PATH", help="write the reports to PATH instead of standard output")
    em.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes (default 1)")
    em.add_argument(
        "--chunk-size", type=_positive, default=64, metavar="LINES", help="lines sent to a worker at once (default 64)"
    )
    em.add_argument(
        "--detail",
        choices=("full", "brief"),
        default="full",
        help="full: each line is the whole report (as evaluate --format json); brief: each clause's status and only "
        "the checks that did not pass, with the input line number — about a twentieth of the size (default full)",
    )
    em.add_argument("--summary", metavar="PATH", help="also write the summary as JSON to PATH")
    resume = em.add_mutually_exclusive_group()
    resume.add_argument(
        "--resume-from",
        type=_positive,
        metavar="LINE",
        help="start at input line LINE (1-based), appending to --output; an interrupted run says which line",
    )
    resume.add_argument("--skip", type=_non_negative, metavar="N", help="skip the first N input lines (appends)")
    em.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    add_evaluation_options(em)
    em.set_defaults(handler=run)


def _positive(text: str) -> int:
    value = _non_negative(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    from ..batch import BatchSummary, evaluate_lines
    from ..errors import ApplicationError, UnknownRuleError

    lang: str = args.lang
    first = args.resume_from or (args.skip + 1 if args.skip is not None else 1)
    rules = [r for r in args.rules.split(",") if r.strip()] if args.rules else None
    summary = BatchSummary()
    with contextlib.ExitStack() as stack:
        try:
            source = sys.stdin.buffer if args.input == "-" else stack.enter_context(open(args.input, "rb"))
        except OSError as exc:
            print(say("cannot_read", lang, path=args.input, reason=exc.strerror or exc), file=sys.stderr)
            return EXIT_BAD_INPUT
        try:
            sink = _open_output(args.output, append=first > 1)
        except OSError as exc:
            print(_say("cannot_write", lang, path=args.output, reason=exc.strerror or exc), file=sys.stderr)
            return EXIT_BAD_INPUT
        stack.callback(_close, sink)
        progress = _Progress(_size(source)) if sys.stderr.isatty() else None
        try:
            results = evaluate_lines(
                _read_from(source, first, progress),
                args.as_of,
                jobs=args.jobs,
                rules=rules,
                growth_method=args.growth_method,
                sharing_rule=args.sharing_rule,
                start=first,
                chunk_size=args.chunk_size,
                detail=args.detail,
            )
        except ApplicationError as exc:  # the date, checked once before the first line
            print(say("bad_input", lang), file=sys.stderr)
            print(exc.render(lang), file=sys.stderr)
            return EXIT_BAD_INPUT
        except UnknownRuleError as exc:
            print(str(exc).strip("\"'"), file=sys.stderr)
            return EXIT_USAGE
        stack.callback(getattr(results, "close", lambda: None))
        try:
            for result in results:
                sink.write(result.json)
                sink.write(b"\n")
                summary.add(result)
                if progress is not None:
                    progress.advance()
        except (KeyboardInterrupt, BrokenExecutor) as exc:
            sink.flush()
            if progress is not None:
                progress.finish()
            if isinstance(exc, BrokenExecutor):
                print(_say("worker_lost", lang), file=sys.stderr)
            resume_at = (summary.last_line or first - 1) + 1
            _report(summary, args, lang, resume_at=resume_at)
            if summary.last_line is None:
                print(_say("interrupted_none", lang, next=resume_at), file=sys.stderr)
            else:
                last = summary.last_line
                print(_say("interrupted", lang, first=summary.first_line, last=last, next=resume_at), file=sys.stderr)
            return EXIT_INTERRUPTED if isinstance(exc, KeyboardInterrupt) else EXIT_WORKER_LOST
        if progress is not None:
            progress.finish()
    _report(summary, args, lang)
    if summary.invalid:
        print(_say("not_evaluated", lang, count=summary.invalid), file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _size(source: IO[bytes]) -> int | None:
    """The input's size in bytes when it is a regular file (for the progress bar), else ``None``."""
    try:
        status = os.fstat(source.fileno())
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _open_output(path: str | None, *, append: bool) -> IO[bytes]:
    if not path:
        return sys.stdout.buffer
    return open(path, "ab" if append else "wb", buffering=1 << 20)


def _close(sink: IO[bytes]) -> None:
    if sink is sys.stdout.buffer:
        sink.flush()
    else:
        sink.close()


def _read_from(source: IO[bytes], first: int, progress: _Progress | None) -> Iterator[bytes]:
    """Input lines from line ``first`` on, read one at a time (never the whole file, nor a whole endless line)."""
    from ..reading import bounded_lines

    for number, line in enumerate(bounded_lines(source), start=1):
        if progress is not None:
            progress.read(len(line))
        if number >= first:
            yield line


def _report(summary: BatchSummary, args: argparse.Namespace, lang: str, *, resume_at: int | None = None) -> None:
    """The summary on stderr, and as JSON in ``--summary``; ``resume_at`` is set when the run was interrupted."""
    print(summary.render(lang), file=sys.stderr)
    if args.summary:
        data = summary.to_data()
        data["interrupted"] = resume_at is not None
        if resume_at is not None:
            data["resume_from"] = resume_at
        Path(args.summary).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


class _Progress:
    """A one-line progress bar on a terminal's stderr, redrawn at most a few times a second."""

    _EVERY = 0.2

    def __init__(self, size: int | None) -> None:
        self.size = size
        self.bytes_read = 0
        self.done = 0
        self.started = time.monotonic()
        self.drawn = 0.0

    def read(self, count: int) -> None:
        self.bytes_read += count

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.drawn >= self._EVERY:
            self.drawn = now
            self._draw(now)

    def finish(self) -> None:
        self._draw(time.monotonic())
        sys.stderr.write("\n")
        sys.stderr.flush()

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.started, 1e-9)
        text = f"{self.done} lines  {rate:,.0f}/s"
        if self.size:
            share = min(self.bytes_read / self.size, 1.0)
            filled = int(share * 30)
            text = f"[{'#' * filled}{'.' * (30 - filled)}] {share:6.1%}  " + text
        sys.stderr.write("\r" + text)
        sys.stderr.flush()
