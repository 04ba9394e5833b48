"""Escaping strings that come from the input, for each output format."""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["escape_html", "escape_markdown", "escape_text"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def escape_text(text: str) -> str:
    """For a terminal: control characters (escape sequences, carriage returns) are shown, not obeyed."""
    return "".join(ch if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf") else _visible(ch) for ch in text)


def _visible(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_html(text: str) -> str:
    """For HTML text and attribute values."""
    return html.escape(escape_text(text).replace("\n", " "), quote=True)


def escape_markdown(text: str) -> str:
    """For Markdown: HTML-escaped, then Markdown punctuation backslash-escaped, on one line."""
    escaped = html.escape(escape_text(text).replace("\n", " "), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
