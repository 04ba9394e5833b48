"""Render every example application into examples/reports/, assessed on 15 April 2025.

    python examples/render_reports.py          # rewrite the reports
    python examples/render_reports.py --check  # exit 1 if a checked-in report differs

The test suite runs the check, so the reports in the repository always match the library.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from cluster_criteria import evaluate, load_application
from cluster_criteria.render import render

ASSESSMENT_DATE = dt.date(2025, 4, 15)
EXAMPLES = Path(__file__).resolve().parent
REPORTS = EXAMPLES / "reports"
# (file suffix, format, language)
OUTPUTS = (
    ("zh.txt", "text", "zh"),
    ("en.txt", "text", "en"),
    ("zh.md", "md", "zh"),
    ("en.md", "md", "en"),
    ("zh.html", "html", "zh"),
    ("en.html", "html", "en"),
    ("ko.txt", "text", "ko"),
    ("ko.md", "md", "ko"),
    ("ko.html", "html", "ko"),
    ("json", "json", "zh"),
)


def rendered() -> dict[Path, str]:
    """Every report file and the text it should hold."""
    files: dict[Path, str] = {}
    for source in sorted(EXAMPLES.glob("*.json")):
        report = evaluate(load_application(source.read_bytes()), ASSESSMENT_DATE)
        for suffix, fmt, lang in OUTPUTS:
            files[REPORTS / f"{source.stem}.{suffix}"] = render(report, fmt, lang)
    return files


def main(argv: list[str]) -> int:
    files = rendered()
    if "--check" in argv:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"stale: {path.relative_to(EXAMPLES.parent)}", file=sys.stderr)
        return 1 if stale else 0
    REPORTS.mkdir(exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
