"""Showing text from the input safely: on a terminal, in a printed report, in an error message, in JSON.

Input text is data, never layout or terminal commands. A control character (ESC, carriage return, the C1 range),
a format character (the bidi overrides U+202A–U+202E and U+2066–U+2069, zero-width characters) or a lone
surrogate is shown as its escape (``\\x1b``, ``\\u202e``); a line break (``\\n``, ``\\r``, U+2028, U+2029 and the
others :meth:`str.splitlines` knows) either ends a line that the caller then indents under its label, or is shown
as an escape where the text must stay on one line.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "CONTINUATION",
    "ECHO_LIMIT",
    "LINE_BREAKS",
    "flowed",
    "json_safe",
    "lines_of",
    "one_line",
    "quoted",
    "text_block",
]

# Exactly the characters str.splitlines() ends a line at.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
CONTINUATION = "| "
"""What every further line of a multi-line text starts with, after its indent, in plain-text output. No line a
report prints itself starts so, so a line break in the input cannot make a line that passes for one of its own."""
ECHO_LIMIT = 80
"""Characters of an input value that an error message quotes before it cuts the value short with "…"."""

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
def _escaped(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _unsafe(ch: str) -> bool:
    return unicodedata.category(ch) in _UNSAFE_CATEGORIES


def one_line(text: str) -> str:
    """``text`` on one line: every control, format and line-break character shown as its escape."""
    if text.isprintable():  # the common case: nothing to show differently (the space is printable)
        return text
    return "".join(_escaped(ch) if _unsafe(ch) else ch for ch in text)


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` (split at every kind of line break), each escaped; a tab reads as a space.

    A caller prints the first line after its label and indents the others under it, so that no line of the input
    can begin a line of the report.
    """
    return [one_line(line.replace("\t", " ")) for line in text.splitlines()] or [""]


def text_block(first: str, text: str, indent: str) -> list[str]:
    """``first`` followed by the first line of ``text``; each further line of it under ``indent`` and the bar."""
    head, *rest = lines_of(text)
    return [first + head, *(f"{indent}{CONTINUATION}{line}" for line in rest)]


def flowed(text: str) -> str:
    """``text`` as one run of words: line breaks and tabs become spaces, anything else unsafe is escaped."""
    return one_line(" ".join(line.replace("\t", " ") for line in text.splitlines()))


def quoted(text: str, limit: int = ECHO_LIMIT) -> str:
    """An input value fit to quote in a message: its first ``limit`` characters, escaped, then "…" if cut."""
    head = text[:limit]
    return one_line(head) + ("…" if len(text) > limit else "")


def json_safe(json_text: str) -> str:
    """JSON text with C1 controls, format characters and line separators written as ``\\u`` escapes.

    The data are unchanged (a JSON reader gives back the same strings); only a terminal or an editor that shows
    the JSON can no longer be steered by them. ``json.dumps`` already escapes the C0 controls, so the only raw line
    break left is the one between lines of indented JSON.
    """
    lines = json_text.split("\n")
    for index, line in enumerate(lines):
        if not line.isprintable():
            lines[index] = "".join(_json_escaped(ch) if _unsafe(ch) else ch for ch in line)
    return "\n".join(lines)


def _json_escaped(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
