"""Chinese output is Chinese: no English word outside ids, field paths, units and codes.

Every report format of every example and of applications that reach the unusual sentences (grades from figures,
conflicts, later facts, gaps, efficiency figures, the alternative readings), every rule's `explain` page and the
rule list are rendered in Chinese and scanned for English words.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cluster_criteria import evaluate, load_application
from cluster_criteria.cli import main
from cluster_criteria.render import render
from cluster_criteria.rules.registry import select
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.verdicts import Report
from helpers import english_words

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
ASSESSED = dt.date(2025, 4, 15)

class _Text(HTMLParser):
    """The text a reader sees in an HTML page (tags, attributes and the style sheet left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.parts.append(data)


def _visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)


def _reports() -> list[tuple[str, Report]]:
    reports = [(path.stem, evaluate(load_application(path.read_bytes()), ASSESSED)) for path in EXAMPLES]
    unusual = (
        ApplicationBuilder()
        .incident("safety", "2024-01-10", "ordinary", deaths=12)
        .incident("safety", "2024-02-10", "major", deaths=0, serious_injuries=1, direct_loss="1")
        .incident("safety", "2024-03-10", None, deaths=4)
        .incident("quality", "2024-03-01")
        .incident("data_security", "2026-01-01", "major")
        .violation("tax_evasion", "2026-01-01")
        .efficiency("energy", "1", "2")
        .year(2023, sme_rd_expenditure=None)
        .year(2024, valid_invention_patents=1)
        .area("120")
        .unanswered("6.8.management_body")
    )
    reports.append(("unusual", unusual.evaluate()))
    reports.append(
        ("alternatives", unusual.evaluate(growth_method="arithmetic_mean_of_ratios", sharing_rule="any_listed"))
    )
    excluded = (
        ApplicationBuilder()
        .leading_industry(catalogue_status="restricted")
        .violation("serious_dishonesty", "2024-05-05")
    )
    reports.append(("excluded", excluded.evaluate()))
    return reports


REPORTS = _reports()


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
@pytest.mark.parametrize(("name", "report"), REPORTS, ids=[name for name, _ in REPORTS])
def test_a_chinese_report_has_no_english_words(name: str, report: Report, fmt: str) -> None:
    """Every sentence, label, status word, reading and note of a Chinese report is in Chinese."""
    text = render(report, fmt, "zh")
    assert english_words(_visible(text) if fmt == "html" else text) == []


@pytest.mark.parametrize("rule_id", [rule.rule_id for rule in select()])
def test_a_chinese_explain_page_has_no_english_words(rule_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`explain RULE --lang zh` names parameters, checks and readings in Chinese."""
    assert main(["explain", rule_id, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    # The page's first line names the rule's function (an id) in parentheses.
    body = out.split("\n", 1)[1]
    assert english_words(body) == []


def test_the_chinese_rule_list_has_no_english_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--lang", "zh"]) == 0
    assert english_words(capsys.readouterr().out) == []


def test_the_scan_finds_english_words() -> None:
    """The scan itself: an English word is found; ids, paths and units are not."""
    assert english_words("等级：较大（derived）") == ["derived"]
    assert english_words("缺少：metrics[year=2023].total_output；[window.figures]；2.80m³/t；1 kgce/t") == []
