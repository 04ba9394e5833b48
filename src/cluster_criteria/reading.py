"""Reading input within its limit: never more than the limit plus one byte of a file, a stream or a line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import ApplicationError
from .limits import MAX_DOCUMENT_BYTES

__all__ = ["bounded_lines", "read_bounded", "read_file_bounded", "too_large"]

# How much of an over-long batch line is read at a time while skipping to its end.
_SKIP_BLOCK = 1 << 16


def too_large(limit: int = MAX_DOCUMENT_BYTES) -> ApplicationError:
    """The error for an input over ``limit`` bytes; the message states the limit."""
    return ApplicationError.of("", "problem.cc_document_too_large", "cc_document_too_large", limit=f"{limit:,}")


def read_bounded(stream: IO[bytes], limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """All of ``stream`` when it holds at most ``limit`` bytes; else :class:`ApplicationError`, having read only
    ``limit + 1`` bytes (so an endless stream such as ``/dev/zero`` is refused at once)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(limit)
    return data


def read_file_bounded(path: str | Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of the file at ``path``, as :func:`read_bounded`; ``OSError`` when it cannot be opened."""
    with open(path, "rb") as file:
        return read_bounded(file, limit)


def bounded_lines(stream: IO[bytes], limit: int = MAX_DOCUMENT_BYTES) -> Iterator[bytes]:
    """The lines of ``stream``, each with its newline; a line over ``limit`` bytes comes as its first ``limit + 1``
    bytes (which :func:`cluster_criteria.jsonio.parse_json` refuses as too large) and the rest of it is skipped,
    so that an endless line holds no more memory than that and the following lines keep their numbers."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_BLOCK)) and not rest.endswith(b"\n"):
                pass
        yield line
