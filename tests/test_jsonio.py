"""JSON forms: reports round-trip without loss, schemas describe input and report, and the loader never crashes."""

from __future__ import annotations

import json

import pytest

from cluster_criteria import (
    ApplicationError,
    evaluate,
    input_schema,
    load_application,
    report_from_json,
    report_schema,
    report_to_data,
    report_to_json,
)
from cluster_criteria.testing import ApplicationBuilder
from helpers import AS_OF


class TestReportRoundTrip:
    def test_a_report_survives_json_and_back_unchanged(self) -> None:
        """report → JSON → report gives an equal report, Decimals included."""
        report = evaluate(ApplicationBuilder().incident("safety", "2024-01-10", deaths=1).build(), AS_OF)
        again = report_from_json(report_to_json(report))
        assert again == report

    def test_decimals_are_written_as_strings(self) -> None:
        """Exact values travel as strings so no digit is lost in other languages' float parsers."""
        data = report_to_data(evaluate(ApplicationBuilder().build(), AS_OF))
        check = next(c for c in data["verdicts"][0]["checks"] if c["id"] == "sme_output_share.2022")
        assert check["value"] == "0.8" and check["threshold"] == "0.60"

    def test_the_report_has_the_documented_top_level_keys(self) -> None:
        """outcome and verdicts at the top; each verdict with rule_id, article, clause, status, checks."""
        data = report_to_data(evaluate(ApplicationBuilder().build(), AS_OF))
        assert data["outcome"] == "eligible"
        verdict = data["verdicts"][0]
        assert {"rule_id", "article", "clause", "status", "checks", "text", "citation_zh"} <= set(verdict)
        assert (verdict["article"], verdict["clause"]) == (6, 1)

    def test_an_application_round_trips_through_its_own_json(self) -> None:
        """model_dump_json → load_application gives an equal application."""
        application = ApplicationBuilder().incident("quality", "2024-03-01", "larger").build()
        assert load_application(application.model_dump_json()) == application


class TestSchemas:
    def test_the_input_schema_lists_every_top_level_field(self) -> None:
        """The input schema is JSON Schema 2020-12 with the application's fields."""
        schema = input_schema()
        assert schema["$schema"].endswith("2020-12/schema")
        assert {"cluster", "metrics", "enterprises", "incidents", "violations", "qualitative"} <= set(
            schema["properties"]
        )

    def test_amounts_accept_strings_with_units_in_the_schema(self) -> None:
        """The schema lets an amount be a number or a string such as '29.04亿元'."""
        text = json.dumps(input_schema(), ensure_ascii=False)
        assert "亿元" in text

    def test_the_report_schema_describes_verdicts_and_checks(self) -> None:
        """Report schema names Verdict and Check."""
        schema = report_schema()
        assert {"Verdict", "Check", "Status"} <= set(schema["$defs"])


class TestLoaderRobustness:
    @pytest.mark.parametrize(
        "text",
        ["", "[]", "null", "{", '{"cluster": {}}', "\xff", '{"a": ' * 5000 + "1" + "}" * 5000, "1" * 5000],
    )
    def test_malformed_text_gives_an_application_error(self, text: str) -> None:
        """Empty, wrong-shaped, truncated, deeply nested or huge inputs are refused cleanly."""
        with pytest.raises(ApplicationError):
            load_application(text)

    def test_invalid_utf8_bytes_are_refused(self) -> None:
        """Bytes that are not UTF-8 are refused with a reason."""
        with pytest.raises(ApplicationError) as caught:
            load_application(b"\xff\xfe{")
        assert "UTF-8" in caught.value.render("en")

    def test_json_syntax_errors_give_line_and_column(self) -> None:
        """A syntax error names where it is."""
        with pytest.raises(ApplicationError) as caught:
            load_application('{\n  "cluster": ,\n}')
        assert caught.value.problems[0].path.startswith("line 2")

    def test_an_error_serialises_for_other_systems(self) -> None:
        """ApplicationError.as_dict is JSON-ready with path, code and both messages."""
        with pytest.raises(ApplicationError) as caught:
            load_application("[]")
        payload = caught.value.as_dict()
        assert payload["error"] == "invalid_input"
        assert json.dumps(payload) and payload["problems"][0]["message_zh"]
