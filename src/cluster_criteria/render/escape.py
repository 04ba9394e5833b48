"""Escaping strings that come from the input, for each output format (the rules are in :mod:`..safe_text`)."""

from __future__ import annotations

import html
import re

from ..safe_text import flowed, lines_of, text_block

__all__ = ["escape_html", "escape_markdown", "escape_text", "text_block"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
def escape_text(text: str) -> str:
    """For a terminal: control characters (escape sequences, carriage returns) are shown, not obeyed; every kind of
    line break becomes a newline."""
    return "\n".join(lines_of(text))


def escape_html(text: str) -> str:
    """For HTML text and attribute values."""
    return html.escape(flowed(text), quote=True)


def escape_markdown(text: str) -> str:
    """For Markdown: HTML-escaped, then Markdown punctuation backslash-escaped, on one line."""
    escaped = html.escape(flowed(text), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
