"""Rendering reports: plain text, Markdown, printable HTML and JSON, in each language of the catalogues."""

from __future__ import annotations

import json
from typing import Literal

from ..explain import explain, explanation_to_data
from ..safe_text import json_safe
from ..verdicts import Report
from .html import render_html
from .markdown import render_markdown
from .text import render_text

__all__ = ["FORMATS", "Format", "render", "render_html", "render_json", "render_markdown", "render_text"]

Format = Literal["text", "md", "html", "json"]
FORMATS: tuple[Format, ...] = ("text", "md", "html", "json")


def render_json(report: Report, lang: str = "zh") -> str:
    """The report's JSON with its explanation under the extra top-level key ``explanation``."""
    from ..jsonio import report_to_data

    data = report_to_data(report)
    data["explanation"] = explanation_to_data(explain(report, lang))
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def render(report: Report, fmt: str = "text", lang: str = "zh") -> str:
    """Render ``report`` as ``text``, ``md``, ``html`` or ``json`` in ``lang`` (``zh``, ``en`` or ``ko``)."""
    if fmt == "json":
        return render_json(report, lang)
    explanation = explain(report, lang)
    if fmt == "text":
        return render_text(explanation)
    if fmt in ("md", "markdown"):
        return render_markdown(explanation)
    if fmt == "html":
        return render_html(explanation)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
