"""Comments in input files: keys starting with ``$comment`` are notes for people and are dropped before validation.

The blank application written by ``cluster-criteria template`` explains each field in such keys, so a filled-in
template loads as it is. Any other unknown key is still an error.
"""

from __future__ import annotations

from typing import Any

__all__ = ["COMMENT_PREFIX", "strip_comments"]

COMMENT_PREFIX = "$comment"


def strip_comments(data: Any) -> Any:
    """``data`` without any object key that starts with ``$comment``, at any depth."""
    if isinstance(data, dict):
        return {
            k: strip_comments(v) for k, v in data.items() if not (isinstance(k, str) and k.startswith(COMMENT_PREFIX))
        }
    if isinstance(data, list):
        return [strip_comments(v) for v in data]
    return data
