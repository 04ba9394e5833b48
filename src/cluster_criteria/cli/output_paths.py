"""Output files checked before anything is written: never an input of the same run, and writable where they go.

A report written over its own input destroys it (opening for writing empties the file before a line is read), and
appended to it, a run reads back its own output without end. Both are refused before any file is opened for
writing. The same file is recognised through links and different spellings of its path: by device and inode when
it exists, by its resolved path when it does not yet.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from ..safe_text import one_line

__all__ = ["STDIN", "STDOUT", "OutputError", "check_outputs", "output_conflict", "unwritable"]

STDIN = "-"
STDOUT = None



class OutputError(Exception):
    """An output cannot be written; carries the bilingual message a command prints before it exits."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = {name: one_line(str(value)) for name, value in values.items()}
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        from ..i18n import translate

        return translate(f"output.{self.key}", lang, **self.values)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino)


def _resolved(path: str) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links: compare as written
        return Path(os.path.abspath(path))


def _same(first: str, second: str) -> bool:
    one, other = _identity(first), _identity(second)
    if one is not None and other is not None:
        return one == other
    return _resolved(first) == _resolved(second)


def _stream_identity(stream: object) -> tuple[int, int] | None:
    """Device and inode of a standard stream when it is a regular file (a pipe or a terminal cannot be an input)."""
    try:
        status = os.fstat(stream.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None


def output_conflict(inputs: Iterable[str], outputs: Iterable[str | None]) -> OutputError | None:
    """Why these outputs cannot be written with these inputs, or ``None``.

    ``-`` among the inputs is standard input, ``None`` among the outputs standard output; both are compared by
    what they are redirected from or to.
    """
    sources = [path for path in inputs if path]
    targets = [path for path in outputs if path is not None and path != STDIN]
    named = [path for path in sources if path != STDIN]
    for target in targets:
        for source in named:
            if _same(target, source):
                return OutputError("same_file", output=target, input=source)
        if STDIN in sources:
            stdin = _stream_identity(sys.stdin)
            if stdin is not None and stdin == _identity(target):
                return OutputError("same_file", output=target, input="-")
    for index, first in enumerate(targets):
        for second in targets[index + 1 :]:
            if _same(first, second):
                return OutputError("two_outputs", first=first, second=second)
    if any(path is None for path in outputs):
        stdout = _stream_identity(sys.stdout)
        for source in named:
            if stdout is not None and stdout == _identity(source):
                return OutputError("stdout_is_input", input=source)
    return None


def unwritable(path: str) -> OutputError | None:
    """Why ``path`` cannot be written, when that can be told without writing (a missing folder, no permission, a
    folder in its place), or ``None``. A full disk shows only on writing; the writer answers that itself."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        return OutputError("cannot_write", path=path, reason=os.strerror(errno.EISDIR))
    if not folder.is_dir():
        return OutputError("cannot_write", path=path, reason=os.strerror(errno.ENOENT))
    if target.exists():
        if not os.access(target, os.W_OK):
            return OutputError("cannot_write", path=path, reason=os.strerror(errno.EACCES))
    elif not os.access(folder, os.W_OK | os.X_OK):
        return OutputError("cannot_write", path=path, reason=os.strerror(errno.EACCES))
    return None


def check_outputs(
    inputs: Iterable[str], outputs: Iterable[str | None], *, written_later: Iterable[str | None] = ()
) -> None:
    """Raise :class:`OutputError` when an output is an input (or another output), or when a file written only after
    the work (a batch summary) could not be written: a run must not end, after hours, in "cannot write"."""
    outputs = list(outputs)
    problem = output_conflict(inputs, outputs)
    for path in written_later:
        if problem is None and path is not None:
            problem = unwritable(path)
    if problem is not None:
        raise problem
