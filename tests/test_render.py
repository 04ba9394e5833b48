"""Renderers: text, Markdown, HTML and JSON, complete and with every input string escaped."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from cluster_criteria import Report, evaluate, report_from_json
from cluster_criteria.render import FORMATS, render
from cluster_criteria.render.escape import escape_text
from cluster_criteria.testing import ApplicationBuilder

ASSESSED = dt.date(2025, 4, 15)
HOSTILE = "<script>alert(1)</script>"


def _report(builder: ApplicationBuilder | None = None) -> Report:
    return evaluate((builder or ApplicationBuilder()).build(), ASSESSED)


def _hostile_report() -> Report:
    """Input strings that would run or break markup if printed raw."""
    builder = (
        ApplicationBuilder()
        .cluster(name=f"{HOSTILE} & *集群* |")
        .enterprise(HOSTILE, "high_tech_enterprise")
        .answer("6.3.chain_layout", "met", evidence='"><img src=x onerror=alert(2)>')
    )
    return _report(builder)


class TestEveryRenderer:
    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_each_format_covers_all_twelve_clauses(self, fmt: str, lang: str) -> None:
        """Every clause's citation appears in every format and language."""
        text = render(_report(), fmt, lang)
        citations = ["第六条第（一）项", "第七条第（四）项"] if lang == "zh" else ["Art. 6(1)", "Art. 7(4)"]
        for citation in citations:
            assert citation in text

    def test_an_unknown_format_is_refused(self) -> None:
        """Only text, md, html and json."""
        with pytest.raises(ValueError, match="unknown format"):
            render(_report(), "pdf")

    def test_the_text_report_lists_what_to_supply(self) -> None:
        """A missing figure appears in the checklist with its field path."""
        text = render(_report(ApplicationBuilder().area(None)), "text", "en")
        assert "== Still to supply ==" in text
        assert "Art. 6(1): area [cluster.area_km2]" in text


class TestJson:
    def test_the_json_keeps_the_report_shape_and_adds_the_explanation(self) -> None:
        """Top-level outcome and verdicts stay; the explanation sits under its own key."""
        data = json.loads(render(_report(), "json", "en"))
        assert data["outcome"] == "eligible"
        assert {"rule_id", "article", "clause", "status", "checks"} <= set(data["verdicts"][0])
        assert data["explanation"]["lang"] == "en"
        assert data["explanation"]["verdicts"][0]["citation"] == "Art. 6(1)"

    def test_the_json_still_reads_back_as_a_report(self) -> None:
        """report_from_json ignores the added explanation."""
        report = _report()
        assert report_from_json(render(report, "json", "zh")) == report

    def test_margins_in_json_are_exact_fractions(self) -> None:
        """The exact limit is given as a fraction beside its decimal."""
        data = json.loads(render(_report(), "json", "zh"))
        checks = {c["check_id"]: c for c in data["explanation"]["verdicts"][0]["checks"]}
        margin = checks["leading_output_share.2024"]["margin"]
        assert margin["kind"] == "headroom"
        assert margin["limit_exact"] == "2520000000/1"


class TestEscaping:
    def test_html_prints_a_script_tag_as_text(self) -> None:
        """No input string becomes markup: no <script> or injected attribute survives."""
        page = render(_hostile_report(), "html", "zh")
        assert "<script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<img" not in page
        assert "onerror=alert(2)&gt;" in page and "&quot;&gt;&lt;img" in page

    def test_html_is_self_contained_without_scripts_or_network(self) -> None:
        """One file: inline style, no script element, no external URL."""
        page = render(_report(), "html", "en")
        assert "<style>" in page and "@page { size: A4" in page
        assert not re.search(r"<script|<link|src=|https?://", page)

    def test_markdown_escapes_markup_and_emphasis(self) -> None:
        """Angle brackets become entities and * | are backslash-escaped."""
        text = render(_hostile_report(), "md", "en")
        assert HOSTILE not in text
        assert "&lt;script&gt;" in text
        assert r"\*集群\* \|" in text

    def test_text_shows_control_characters_instead_of_obeying_them(self) -> None:
        """A terminal escape or a bidi override is printed visibly (the loader refuses most of them already)."""
        assert escape_text("a\x1b[31mb\u202ec") == "a\\x1b[31mb\\u202ec"
        assert escape_text("line one\nline two") == "line one\nline two"

    def test_json_carries_hostile_strings_as_plain_data(self) -> None:
        """JSON escaping is the encoder's; the value round-trips unchanged."""
        data = json.loads(render(_hostile_report(), "json", "zh"))
        assert data["cluster_name"].startswith(HOSTILE)
