"""evaluate_many and evaluate_lines: one result per item, in input order, on one process or several."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cluster_criteria import UnknownRuleError, evaluate, report_to_data
from cluster_criteria.batch import BatchSummary, evaluate_lines, evaluate_many
from cluster_criteria.errors import RuleSetNotInForceError
from cluster_criteria.testing import ApplicationBuilder

ASSESSED = dt.date(2025, 4, 15)


def _texts() -> list[str]:
    """Five applications: eligible, failing 6.1, not JSON, a misspelt field, failing 6.2."""
    return [
        json.dumps(ApplicationBuilder().data(), ensure_ascii=False),
        json.dumps(
            ApplicationBuilder()
            .year(2023, total_output="19.99亿元", sme_output="12亿元", leading_industry_output="14亿元")
            .data(),
            ensure_ascii=False,
        ),
        "{not json",
        json.dumps({**ApplicationBuilder().data(), "clustre": {}}, ensure_ascii=False),
        json.dumps(ApplicationBuilder().without_designations().data(), ensure_ascii=False),
    ]


class TestEvaluateMany:
    def test_results_come_in_input_order_numbered_from_one(self) -> None:
        """The n-th result is line n, whatever happened to the lines before it."""
        results = list(evaluate_many(_texts(), ASSESSED))
        assert [r.line for r in results] == [1, 2, 3, 4, 5]
        assert [r.outcome for r in results] == [
            "eligible",
            "ineligible",
            "invalid_input",
            "invalid_input",
            "ineligible",
        ]

    def test_a_report_equals_what_evaluate_gives_for_the_same_application(self) -> None:
        """Batching changes nothing in a report."""
        application = ApplicationBuilder().build()
        (result,) = evaluate_many([ApplicationBuilder().data()], ASSESSED)
        assert result.report is not None
        assert report_to_data(result.report) == report_to_data(evaluate(application, ASSESSED))

    def test_a_bad_item_carries_its_problems_with_the_field_and_the_batch_goes_on(self) -> None:
        """The misspelt field is named in the fourth result; the fifth is still evaluated."""
        results = list(evaluate_many(_texts(), ASSESSED))
        record = results[3].to_data()
        assert record["line"] == 4
        assert record["error"] == "invalid_input"
        assert "clustre" in [p["path"] for p in record["problems"]]
        assert results[4].report is not None

    def test_failing_lists_the_clauses_that_fail(self) -> None:
        """A 6.1 shortfall shows as failing clause 6.1, and an error record fails no clause."""
        results = list(evaluate_many(_texts(), ASSESSED))
        assert results[1].failing == ("6.1",)
        assert results[2].failing == ()

    def test_an_empty_input_gives_no_results(self) -> None:
        """Nothing in, nothing out, on one process or two."""
        assert list(evaluate_many([], ASSESSED)) == []
        assert list(evaluate_many([], ASSESSED, jobs=2)) == []

    def test_a_blank_line_is_an_error_record_not_a_skipped_line(self) -> None:
        """Line numbers of later lines stay right because a blank line still gets its record."""
        results = list(evaluate_many(["", _texts()[0]], ASSESSED))
        assert results[0].problems[0].code == "cc_empty_line"
        assert results[1].line == 2 and results[1].outcome == "eligible"

    def test_numbering_starts_where_asked(self) -> None:
        """A resumed batch numbers its items from the resume line."""
        assert [r.line for r in evaluate_many(_texts()[:2], ASSESSED, start=41)] == [41, 42]

    def test_parsed_dicts_are_accepted_like_texts(self) -> None:
        """A dict item is validated the same way as its JSON text."""
        (result,) = evaluate_many([ApplicationBuilder().without_designations().data()], ASSESSED)
        assert result.failing == ("6.2",)

    def test_two_processes_give_the_same_results_as_one(self) -> None:
        """Order and contents do not depend on the number of processes or the chunk size."""
        texts = _texts() * 3
        one = [r.to_data() for r in evaluate_many(texts, ASSESSED)]
        two = [r.to_data() for r in evaluate_many(texts, ASSESSED, jobs=2, chunk_size=2)]
        assert one == two

    def test_an_unknown_rule_id_is_refused_before_any_item_is_read(self) -> None:
        """A typo in the rule ids fails at once, not on every line."""

        def never() -> list[str]:
            raise AssertionError("the items were read")

        with pytest.raises(UnknownRuleError):
            evaluate_many(iter(never, None), ASSESSED, rules=["6.9"])

    def test_a_date_before_the_measures_took_effect_is_refused_at_once(self) -> None:
        """The rules are not applied before 2024-03-15, for a batch as for one application."""
        with pytest.raises(RuleSetNotInForceError):
            evaluate_many(_texts(), dt.date(2024, 3, 14))

    def test_a_subset_of_rules_gives_partial_reports(self) -> None:
        """With rules=["6.1"] every report has one verdict and is never eligible."""
        results = list(evaluate_many(_texts()[:1], ASSESSED, rules=["6.1"]))
        assert results[0].report is not None
        assert [v.rule_id for v in results[0].report.verdicts] == ["6.1"]
        assert results[0].outcome == "undecided"

    def test_jobs_below_one_is_refused(self) -> None:
        """Zero processes is a caller's mistake, said plainly."""
        with pytest.raises(ValueError, match="jobs"):
            list(evaluate_many(_texts(), ASSESSED, jobs=0))


class TestEvaluateLines:
    def test_each_line_is_the_compact_json_of_its_report_or_error_record(self) -> None:
        """The bytes parse back to the same data evaluate_many gives."""
        texts = _texts()
        lines = list(evaluate_lines(texts, ASSESSED))
        expected = [r.to_data() for r in evaluate_many(texts, ASSESSED)]
        assert [json.loads(line.json) for line in lines] == expected
        assert all(b"\n" not in line.json for line in lines)

    def test_bytes_lines_with_their_newlines_are_read_as_text(self) -> None:
        """Lines as a binary file yields them (newline included) evaluate the same."""
        raw = [(t + "\n").encode() for t in _texts()]
        assert [r.outcome for r in evaluate_lines(raw, ASSESSED)] == [
            r.outcome for r in evaluate_many(_texts(), ASSESSED)
        ]


class TestBatchSummary:
    def test_counts_outcomes_and_failing_clauses_in_legal_order(self) -> None:
        """Two failures of different clauses and two bad lines are counted once each."""
        summary = BatchSummary()
        for result in evaluate_many(_texts(), ASSESSED):
            summary.add(result)
        data = summary.to_data()
        assert data["lines"] == 5 and (data["first_line"], data["last_line"]) == (1, 5)
        assert data["outcomes"] == {
            "eligible": 1, "ineligible": 2, "undecided": 0, "invalid_input": 2, "evaluation_failed": 0,
        }  # fmt: skip
        assert list(data["failing_clauses"].items()) == [("6.1", 1), ("6.2", 1)]
        assert summary.invalid == 2

    def test_an_empty_batch_has_zero_counts(self) -> None:
        """No lines: every outcome zero, no failing clause, no first or last line."""
        data = BatchSummary().to_data()
        assert data["lines"] == 0 and data["first_line"] is None
        assert set(data["outcomes"].values()) == {0} and data["failing_clauses"] == {}
