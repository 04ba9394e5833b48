"""``cluster-criteria evaluate-many``: JSON Lines in (one application a line), one report a line out, in order."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import BrokenExecutor
from typing import IO, TYPE_CHECKING, Any

from ..i18n import available_languages, translate
from .common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    OptionError,
    add_evaluation_options,
    evaluation_options,
    iso_date,
    say,
    write_output,
)
from .jobs import add_jobs_options, jobs_to_run
from .workbooks import batch_workbooks, excel_missing, save_summary_workbook

if TYPE_CHECKING:
    from ..batch import BatchSummary

__all__ = ["register", "run"]

EXIT_INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C (128 + SIGINT); 143 for SIGTERM, 129 for SIGHUP
EXIT_WORKER_LOST = 1  # a worker process died (killed, out of memory); the finished lines are kept



def _say(key: str, lang: str, **kwargs: object) -> str:
    return translate(f"batch_cli.{key}", lang, **kwargs)


def register(commands: Any) -> None:
    em = commands.add_parser(
        "evaluate-many",
        help="evaluate a JSON Lines file of applications (one a line), one JSON report a line out",
        description="Each input line is one application; each output line is its report, or an error record "
        '{"line": n, "error": "invalid_input", "problems": [...]} — in input order. A summary goes to stderr.',
    )
    em.add_argument(
        "input",
        help="JSON Lines file, or - to read standard input; or an .xlsx workbook, or a folder of .xlsx and .json "
        "applications (one line each, in file-name order; needs the excel extra for workbooks)",
    )
    em.add_argument("--as-of", type=iso_date, required=True, metavar="YYYY-MM-DD", help="assessment date")
    em.add_argument("--output", metavar="PATH", help="write the reports to PATH instead of standard output")
    add_jobs_options(em, _positive)
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
    em.add_argument(
        "--summary-xlsx",
        metavar="PATH",
        help="also write the 汇总表 workbook to PATH: one row per application, each clause's status in colour, and "
        "output, shares and growth to sort by (needs the excel extra)",
    )
    resume = em.add_mutually_exclusive_group()
    resume.add_argument(
        "--resume-from",
        type=_positive,
        metavar="LINE",
        help="start at input line LINE (1-based), appending to --output; an interrupted run says which line",
    )
    resume.add_argument("--skip", type=_non_negative, metavar="N", help="skip the first N input lines (appends)")
    resume.add_argument(
        "--resume",
        action="store_true",
        help="continue from what --output holds (for a run begun at line 1 that stopped without saying where, "
        "e.g. killed): an incomplete last line is removed and the run starts after the last whole line",
    )
    em.add_argument("--lang", choices=available_languages(), default="zh", help="language of messages (default zh)")
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
    from .output_paths import OutputError, check_outputs

    lang: str = args.lang
    # Before any file is opened for writing: an output that is the input would empty it (or, appended to, be read
    # back without end), and a summary that cannot be written would fail only after the whole batch.
    check_outputs([args.input], [args.output, *([args.summary] if args.summary else [])], written_later=[args.summary])
    first = args.resume_from or (args.skip + 1 if args.skip is not None else 1)
    try:
        options = evaluation_options(args)
    except OptionError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    if args.resume and not args.output:
        print(_say("resume_needs_output", lang), file=sys.stderr)
        return EXIT_USAGE
    if (first > 1 or args.resume) and args.output:
        # An interrupted run leaves only whole lines, but a killed one may have left part of a line: appending to it
        # would glue two reports together.
        try:
            whole, trimmed = trim_incomplete_line(args.output)
        except OSError as exc:
            raise OutputError("cannot_write", path=args.output, reason=exc.strerror or exc) from None
        if trimmed:
            print(_say("trimmed", lang, count=trimmed), file=sys.stderr)
        if args.resume:
            first = whole + 1
            print(_say("resuming", lang, lines=whole, next=first), file=sys.stderr)
    summary = BatchSummary()
    try:
        workbooks, sheet = batch_workbooks(args.input, args.summary_xlsx, lang)
    except ImportError as exc:
        print(excel_missing(exc), file=sys.stderr)
        return EXIT_USAGE
    with contextlib.ExitStack() as stack:
        # Entered first, so that it is the last to go: it still holds while the results are closed (the worker pool
        # shutting down), the outputs are closed and the summary is written.
        guard = stack.enter_context(_StopSignals(hold_to_the_end=getattr(args, "ending_process", False)))
        if sheet is not None:
            stack.callback(save_summary_workbook, sheet, args.summary_xlsx, lang)
        try:
            source: IO[bytes] | None = None
            if workbooks is None:
                source = sys.stdin.buffer if args.input == "-" else stack.enter_context(open(args.input, "rb"))
        except OSError as exc:
            print(say("cannot_read", lang, path=args.input, reason=exc.strerror or exc), file=sys.stderr)
            return EXIT_BAD_INPUT
        try:
            sink = _open_output(args.output, append=first > 1 or args.resume)
        except OSError as exc:
            raise OutputError("cannot_write", path=args.output, reason=exc.strerror or exc) from None
        stack.callback(_close, sink)
        progress = _Progress(_size(source)) if sys.stderr.isatty() and source is not None else None
        lines = _read_from(source, first, progress, guard) if source is not None else _from(workbooks or (), first)
        try:
            results = evaluate_lines(
                lines,
                args.as_of,
                jobs=jobs_to_run(args.jobs, forced=args.force_jobs, lang=lang),
                **options,
                start=first,
                chunk_size=args.chunk_size,
                detail=args.detail,
            )
        except ApplicationError as exc:  # the date, checked once before the first line
            print(say("bad_input", lang), file=sys.stderr)
            print(exc.render(lang), file=sys.stderr)
            return EXIT_BAD_INPUT
        except UnknownRuleError as exc:
            print(exc.render(lang), file=sys.stderr)
            return EXIT_USAGE
        stack.callback(getattr(results, "close", lambda: None))
        try:
            for result in results:
                # Each line is written whole and counted before a stop is looked at, so the line the message names
                # to resume from is exactly the first one the output lacks.
                guard.check()
                text = result.json if workbooks is None else workbooks.locate(result.line, result.json)
                if sheet is not None:
                    sheet.add_line(text)
                sink.write(text + b"\n")
                summary.add(result)
                if progress is not None:
                    progress.advance()
            sink.flush()  # a full disk shows here, as a message, and not when the file is closed
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError("cannot_write", path=args.output or "-", reason=exc.strerror or exc) from None
        except (KeyboardInterrupt, BrokenExecutor) as exc:
            return _stop(sink, progress, summary, args, lang, first, guard, exc)
        guard.stopping = True  # every line is written: a signal now is ignored rather than cut the summary short
        if progress is not None:
            progress.finish()
        _report(summary, args, lang)
        if summary.invalid:
            print(_say("not_evaluated", lang, count=summary.invalid), file=sys.stderr)
            return EXIT_BAD_INPUT
    return EXIT_OK


def _stop(
    sink: IO[bytes],
    progress: _Progress | None,
    summary: BatchSummary,
    args: argparse.Namespace,
    lang: str,
    first: int,
    guard: _StopSignals,
    exc: BaseException,
) -> int:
    """Flush the whole lines written, say where to resume, and give the exit status of the stop."""
    guard.stopping = True  # a second signal must not cut the flush short
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
        print(
            _say("interrupted", lang, first=summary.first_line, last=summary.last_line, next=resume_at), file=sys.stderr
        )
    guard.yield_to_default()  # from here a further signal ends the process at once; the output is whole
    if isinstance(exc, _Stopped):
        return 128 + exc.signum
    return EXIT_INTERRUPTED if isinstance(exc, KeyboardInterrupt) else EXIT_WORKER_LOST


def _size(source: Any) -> int | None:
    """The input's size in bytes when it is a regular file (for the progress bar), else ``None``."""
    try:
        status = os.fstat(source.fileno())
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _open_output(path: str | None, *, append: bool) -> IO[bytes]:
    from .output_paths import OutputError

    if not path:
        if sys.stdout is None:  # started with standard output closed
            raise OutputError("stdout_closed")
        return sys.stdout.buffer
    return open(path, "ab" if append else "wb", buffering=1 << 20)


def _close(sink: IO[bytes]) -> None:
    # Every line was flushed before the run ended, or writing failed and was reported: an error now says nothing new.
    with contextlib.suppress(OSError):
        if sys.stdout is not None and sink is sys.stdout.buffer:
            sink.flush()
        else:
            sink.close()


def trim_incomplete_line(path: str) -> tuple[int, int]:
    """Remove a last line without its newline from the file at ``path``; return how many whole lines it then holds
    and how many bytes were removed. A missing file holds none."""
    whole = 0
    end_of_last_line = 0
    if not os.path.exists(path):
        return 0, 0
    with open(path, "r+b") as file:
        offset = 0
        while block := file.read(1 << 20):
            count = block.count(b"\n")
            if count:
                whole += count
                end_of_last_line = offset + block.rindex(b"\n") + 1
            offset += len(block)
        if offset > end_of_last_line:
            file.truncate(end_of_last_line)
    return whole, offset - end_of_last_line


class _Stopped(KeyboardInterrupt):
    """SIGINT, SIGTERM or SIGHUP, raised where the batch can stop cleanly."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _StopSignals:
    """SIGINT, SIGTERM and SIGHUP as a request to stop, acted on where the batch can stop cleanly.

    The handler only notes the signal, and the loop stops before writing the next line. The one exception is a wait
    for input (a pipe that is slow or silent), which nothing else would end: there the handler raises
    :class:`_Stopped` at once. Raising anywhere else could land inside a library call that wraps or swallows it.
    Installed only in the main thread, where Python runs signal handlers; elsewhere it does nothing.

    When the process ends with the batch (``hold_to_the_end``), leaving the guard ignores every later stop signal:
    the status is decided, and a signal between the summary and the process's exit would otherwise kill a finished
    run (or, for SIGINT, raise where nothing catches it). Called from other code, leaving the guard restores the
    handlers it found.
    """

    SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))

    def __init__(self, *, hold_to_the_end: bool = False) -> None:
        self.hold_to_the_end = hold_to_the_end
        self.signum: int | None = None  # the stop signal received, once one is
        self.stopping = False
        self.waiting_for_input = False
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _StopSignals:
        if threading.current_thread() is threading.main_thread():
            self.previous = {signum: signal.signal(signum, self._handle) for signum in self.SIGNALS}
        return self

    def __exit__(self, *exc: object) -> None:
        if self.hold_to_the_end:
            # Ignored at the level of the operating system: Python resets its own handlers to the default action
            # while the interpreter shuts down, which is exactly the moment this must cover.
            for signum in self.previous:
                signal.signal(signum, signal.SIG_IGN)
            return
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: object) -> None:
        if self.stopping:
            return
        self.signum = signum
        if self.waiting_for_input:
            self.check()

    def check(self) -> None:
        """Raise :class:`_Stopped` when a stop signal has come."""
        if self.signum is not None:
            self.stopping = True
            raise _Stopped(self.signum)

    @contextlib.contextmanager
    def input_wait(self) -> Iterator[None]:
        """A wait for input, which a stop signal ends at once."""
        self.check()
        self.waiting_for_input = True
        try:
            yield
        finally:
            self.waiting_for_input = False

    def yield_to_default(self) -> None:
        for signum in self.previous:
            signal.signal(signum, signal.SIG_DFL)


def _read_from(source: IO[bytes], first: int, progress: _Progress | None, guard: _StopSignals) -> Iterator[bytes]:
    """Input lines from line ``first`` on, read one at a time (never the whole file, nor a whole endless line)."""
    from ..reading import bounded_lines

    lines = bounded_lines(source)
    number = 0
    while True:
        with guard.input_wait():
            line = next(lines, None)
        if line is None:
            return
        number += 1
        if progress is not None:
            progress.read(len(line))
        if number >= first:
            yield line


def _from(lines: Iterable[bytes], first: int) -> Iterator[bytes]:
    """The lines of workbooks and files in a folder, from line ``first`` on."""
    return itertools.islice(lines, first - 1, None)


def _report(summary: BatchSummary, args: argparse.Namespace, lang: str, *, resume_at: int | None = None) -> None:
    """The summary on stderr, and as JSON in ``--summary``; ``resume_at`` is set when the run was interrupted."""
    print(summary.render(lang), file=sys.stderr)
    if args.summary:
        data = summary.to_data()
        data["interrupted"] = resume_at is not None
        if resume_at is not None:
            data["resume_from"] = resume_at
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", args.summary)


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
