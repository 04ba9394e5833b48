"""Comparing two batch outputs: pairing by input line, what changed, the counts, refusals, and every rendering.

The lines compared are real `evaluate-many` output lines, made by `evaluate_lines` from applications the testing
kit builds; the refusals use those lines with one thing broken.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from cluster_criteria.batch import evaluate_lines
from cluster_criteria.compare import (
    ERROR,
    OUTCOMES,
    CompareError,
    Comparison,
    compare_lines,
    comparison_schema,
    comparison_to_json,
    pairing,
    records,
    render_comparison,
)
from cluster_criteria.testing import ApplicationBuilder
from helpers import AS_OF
from test_chinese_output import english_words

HOSTILE_NAME = "<script>alert(1)</script>"


def _app(builder: ApplicationBuilder) -> str:
    return json.dumps(builder.data(), ensure_ascii=False)


def _named(name: str) -> ApplicationBuilder:
    return ApplicationBuilder().cluster(name=name)


def _failing_6_1(name: str = "乙集群") -> ApplicationBuilder:
    return _named(name).year(2023, total_output="19.99亿元", sme_output="12亿元", leading_industry_output="14亿元")


# Base: eligible; eligible with a hostile name; failing 6.1; not JSON; excluded by 7.2.
BASE_APPS = [
    _app(_named("甲集群")),
    _app(_named(HOSTILE_NAME)),
    _app(_failing_6_1()),
    "{not json",
    _app(_named("戊集群").incident("safety", "2024-01-10", "major")),
]
# The changed set: the same first line; the hostile one now fails 6.1; the third fixed; the fourth now valid;
# the fifth unchanged.
REFORM_APPS = [
    BASE_APPS[0],
    _app(_failing_6_1(HOSTILE_NAME)),
    _app(_named("乙集群")),
    _app(_named("丁集群")),
    BASE_APPS[4],
]


def _lines(apps: list[str], detail: str = "full", **options: Any) -> list[bytes]:
    return [result.json for result in evaluate_lines(apps, AS_OF, detail=detail, **options)]


@pytest.fixture(scope="module")
def base_full() -> list[bytes]:
    return _lines(BASE_APPS)


@pytest.fixture(scope="module")
def base_brief() -> list[bytes]:
    return _lines(BASE_APPS, "brief")


@pytest.fixture(scope="module")
def reform_brief() -> list[bytes]:
    return _lines(REFORM_APPS, "brief")


@pytest.fixture(scope="module")
def comparison(base_full: list[bytes], reform_brief: list[bytes]) -> Comparison:
    return compare_lines(base_full, reform_brief, base_name="base.jsonl", reform_name="reform.jsonl")


class TestWhatChanged:
    def test_the_changed_applications_are_listed_in_line_order_with_their_outcomes(
        self, comparison: Comparison
    ) -> None:
        """Lines 2, 3 and 4 changed; line 1 and line 5 (the same application twice) did not."""
        assert [(a.line, a.outcome_before, a.outcome_after) for a in comparison.listed] == [
            (2, "eligible", "ineligible"),
            (3, "ineligible", "eligible"),
            (4, ERROR, "eligible"),
        ]
        assert comparison.changed == 3 and comparison.lines == 5 and not comparison.truncated

    def test_each_changed_clause_is_named_with_its_status_before_and_after(self, comparison: Comparison) -> None:
        """The hostile-named cluster now fails 6.1, the third one now passes it; nothing else moved."""
        second, third, _ = comparison.listed
        assert [(c.rule_id, c.before, c.after) for c in second.clause_changes] == [("6.1", "pass", "fail")]
        assert [(c.rule_id, c.before, c.after) for c in third.clause_changes] == [("6.1", "fail", "pass")]
        assert second.cluster_name == HOSTILE_NAME and second.outcome_changed

    def test_an_error_on_one_side_is_listed_as_such_without_clause_changes(self, comparison: Comparison) -> None:
        """Line 4 was not JSON in the base: an error (invalid input), now an eligible report; its name is the after's."""
        fourth = comparison.listed[2]
        assert (fourth.error_before, fourth.error_after, fourth.clause_changes) == ("invalid_input", "", ())
        assert fourth.cluster_name == "丁集群" and fourth.cluster_name_before == ""

    def test_the_outcome_matrix_counts_every_line_once(self, comparison: Comparison) -> None:
        """eligible→eligible 1 (line 1), eligible→ineligible 1, ineligible→eligible 1, ineligible→ineligible 1
        (line 5), error→eligible 1; the row and column sums agree."""
        expected = {
            ("eligible", "eligible"): 1,
            ("eligible", "ineligible"): 1,
            ("ineligible", "eligible"): 1,
            ("ineligible", "ineligible"): 1,
            (ERROR, "eligible"): 1,
        }
        assert {(t.before, t.after): t.count for t in comparison.transitions if t.count} == expected
        assert len(comparison.transitions) == len(OUTCOMES) ** 2
        assert {s.value: s.count for s in comparison.outcomes_before} == {
            "eligible": 2, "ineligible": 2, "undecided": 0, ERROR: 1,
        }  # fmt: skip
        assert {s.value: s.count for s in comparison.outcomes_after} == {
            "eligible": 3, "ineligible": 2, "undecided": 0, ERROR: 0,
        }  # fmt: skip
        assert comparison.outcome_changes == 3
        assert comparison.count(ERROR, "eligible") == 1
        with pytest.raises(KeyError):
            comparison.count("eligible", "maybe")

    def test_status_changes_are_counted_by_clause_over_applications_evaluated_on_both_sides(
        self, comparison: Comparison
    ) -> None:
        """6.1 changed twice (pass→fail once, fail→pass once); every other clause of the twelve is listed with 0."""
        by_clause = {c.rule_id: c for c in comparison.clauses}
        assert [c.rule_id for c in comparison.clauses][:3] == ["6.1", "6.2", "6.3"]
        assert len(by_clause) == 12
        assert by_clause["6.1"].changed == 2
        assert {(t.before, t.after, t.count) for t in by_clause["6.1"].transitions} == {
            ("pass", "fail", 1),
            ("fail", "pass", 1),
        }
        assert all(c.changed == 0 for rule_id, c in by_clause.items() if rule_id != "6.1")
        assert by_clause["7.2"].exclusion and not by_clause["6.1"].exclusion

    def test_each_side_names_its_file_rule_set_date_and_readings(self, comparison: Comparison) -> None:
        """Four reports and one error in the base, five reports in the other; one rule set, one date, no reform."""
        base, reform = comparison.base, comparison.reform
        assert (base.file, base.reports, base.errors) == ("base.jsonl", 4, 1)
        assert (reform.file, reform.reports, reform.errors) == ("reform.jsonl", 5, 0)
        assert [(r.id, r.count) for r in base.rule_sets] == [("jilin-2024", 4)]
        assert base.assessment_dates.values[0].value == "2025-04-15"
        assert "growth_method=geometric" in base.options.values[0].value
        assert base.reforms.values == () and base.without_reform == 4

    def test_a_full_report_pairs_with_a_brief_one_as_a_brief_one_does(
        self, base_full: list[bytes], base_brief: list[bytes], reform_brief: list[bytes]
    ) -> None:
        """Full reports carry no line number and are paired by place; the result is the same as brief against brief."""
        assert "line" not in json.loads(base_full[0]) and json.loads(base_brief[0])["line"] == 1
        full = compare_lines(base_full, reform_brief)
        brief = compare_lines(base_brief, reform_brief)
        assert (full.listed, full.transitions, full.clauses) == (brief.listed, brief.transitions, brief.clauses)

    def test_the_same_file_twice_changes_nothing(self, base_full: list[bytes]) -> None:
        """Every line on the diagonal, no change listed, no clause changed."""
        same = compare_lines(base_full, base_full, base_name="one.jsonl", reform_name="one.jsonl")
        assert same.changed == 0 and same.listed == () and same.outcome_changes == 0
        assert sum(t.count for t in same.transitions if t.before == t.after) == 5
        assert all(c.changed == 0 for c in same.clauses)

    def test_text_lines_and_byte_lines_give_the_same_result(
        self, base_brief: list[bytes], reform_brief: list[bytes]
    ) -> None:
        """The API takes lines as str or bytes, with or without their newline."""
        as_text = [line.decode("utf-8") + "\n" for line in base_brief]
        assert compare_lines(as_text, reform_brief) == compare_lines(base_brief, reform_brief)

    def test_a_clause_run_on_one_side_only_shows_as_absent_on_the_other(self, base_brief: list[bytes]) -> None:
        """A run of 6.1–6.3 only: the other nine clauses go from their status to absent (None), and the outcome
        of the eligible lines becomes undecided (a partial run is never eligible)."""
        partial = _lines(BASE_APPS, "brief", rules=["6.1", "6.2", "6.3"])
        result = compare_lines(base_brief, partial)
        first = result.listed[0]
        assert (first.outcome_before, first.outcome_after) == ("eligible", "undecided")
        assert [(c.rule_id, c.before, c.after) for c in first.clause_changes][:2] == [
            ("6.4", "pass", None), ("6.5", "pass", None),
        ]  # fmt: skip
        assert {c.rule_id: c.changed for c in result.clauses}["6.4"] == 4
        assert "6.4 符合 → 报告中无此条款" in render_comparison(result, "text", "zh")
        assert "7.2 situation not present → not in the report" in render_comparison(result, "md", "en")

    def test_a_change_of_reading_is_shown_on_each_side(self, base_brief: list[bytes]) -> None:
        """The other run used the mean of yearly ratios: its readings say so."""
        other = compare_lines(base_brief, _lines(BASE_APPS, "brief", growth_method="arithmetic_mean_of_ratios"))
        assert "arithmetic_mean_of_ratios" in other.reform.options.values[0].value

    def test_different_clusters_on_the_same_line_are_counted_as_a_warning(self, base_brief: list[bytes]) -> None:
        """The files were made from different applications: a warning counts such lines, and where one of them
        changed the listing says which name each side had; a name alone is no change of outcome or status."""
        renamed = _lines([_app(_named("庚集群")), _app(_failing_6_1("辛集群")), *BASE_APPS[2:]], "brief")
        result = compare_lines(base_brief, renamed)
        assert result.name_mismatches == 2 and result.changed == 1
        assert (result.listed[0].cluster_name, result.listed[0].cluster_name_before) == ("辛集群", HOSTILE_NAME)
        text = render_comparison(result, "text", "zh")
        assert "有 2 行两边报告的集群名称不同" in text and "辛集群 (基准中名为 <script>" in text
        assert "on 2 line(s) the two reports name different clusters" in render_comparison(result, "html", "en")
        assert "> 注意：有 2 行" in render_comparison(result, "md", "zh")


class TestCap:
    def test_the_list_stops_at_the_cap_and_the_counts_stay_exact(
        self, base_full: list[bytes], reform_brief: list[bytes]
    ) -> None:
        """A cap of 1 lists line 2 only; three changed, the matrix unchanged; the renderings say the list is cut."""
        capped = compare_lines(base_full, reform_brief, max_listed=1)
        whole = compare_lines(base_full, reform_brief)
        assert [a.line for a in capped.listed] == [2] and capped.changed == 3 and capped.truncated
        assert capped.transitions == whole.transitions and capped.clauses == whole.clauses
        assert "仅列出前 1 项（共 3 项" in render_comparison(capped, "text", "zh")
        assert "Only the first 1 are listed (of 3" in render_comparison(capped, "md", "en")
        assert "Only the first 1 are listed (of 3" in render_comparison(capped, "html", "en")

    def test_a_cap_of_zero_lists_nothing_and_a_negative_cap_is_refused(
        self, base_full: list[bytes], reform_brief: list[bytes]
    ) -> None:
        assert compare_lines(base_full, reform_brief, max_listed=0).listed == ()
        with pytest.raises(ValueError, match="max_listed"):
            compare_lines(base_full, reform_brief, max_listed=-1)


def _record(line: int, outcome: str, statuses: dict[str, str], **extra: Any) -> str:
    verdicts = [{"rule_id": rule_id, "status": status} for rule_id, status in statuses.items()]
    rule_set = {"id": "jilin-2024", "version": "2024.1", "name_zh": "办法", "name_en": "measures"}
    data = {"line": line, "cluster_name": f"集群{line}", "outcome": outcome, "verdicts": verdicts, "rule_set": rule_set}
    return json.dumps({**data, **extra}, ensure_ascii=False)


class TestSidesAndReforms:
    def test_a_reform_record_is_shown_when_the_reports_carry_one(self) -> None:
        """A `reform` key is kept as compact JSON, counted, and printed in every format; absent, nothing is shown."""
        reform = {"id": "draft-output-floor", "changes": {"6.1.total_output": "15亿元"}}
        base = [_record(1, "eligible", {"6.1": "pass"})]
        draft = [_record(1, "eligible", {"6.1": "pass"}, reform=reform)]
        result = compare_lines(base, draft)
        assert result.reform.reforms.values[0].value == json.dumps(
            reform, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        assert (result.reform.without_reform, result.base.without_reform) == (0, 1)
        for fmt in ("text", "md", "html"):
            assert "draft-output-floor" in render_comparison(result, fmt, "en")
        assert "修改方案" in render_comparison(result, "text", "zh")
        assert "修改方案" not in render_comparison(compare_lines(base, base), "text", "zh")
        assert json.loads(render_comparison(result, "json"))["reform"]["reforms"]["values"][0]["count"] == 1

    def test_beyond_eight_distinct_values_lines_are_only_counted(self) -> None:
        """Ten dates: eight kept with their counts, two lines counted as others (memory stays bounded)."""
        lines = [_record(n, "eligible", {"6.1": "pass"}, assessment_date=f"2025-01-{n:02d}") for n in range(1, 11)]
        side = compare_lines(lines, lines).base
        assert len(side.assessment_dates.values) == pairing.MAX_DISTINCT == 8
        assert side.assessment_dates.others == 2
        assert "另有 2 行" in render_comparison(compare_lines(lines, lines), "text", "zh")

    def test_beyond_eight_rule_sets_lines_are_only_counted(self) -> None:
        """Ten rule-set versions: eight named, two lines counted as others, and the renderings say so."""
        lines = []
        for n in range(1, 11):
            data = json.loads(_record(n, "eligible", {"6.1": "pass"}))
            data["rule_set"]["version"] = f"v{n}"
            lines.append(json.dumps(data))
        result = compare_lines(lines, lines)
        assert [r.version for r in result.base.rule_sets] == [f"v{n}" for n in range(1, 9)]
        assert result.base.rule_sets_others == 2
        assert "2 more line(s) with other values" in render_comparison(result, "text", "en")

    def test_clauses_are_in_legal_order_and_ties_of_kinds_by_status_order(self) -> None:
        """6.9 before 6.10 before 7.1; the most frequent change first."""
        base = [_record(n, "eligible", {"7.1": "pass", "6.10": "pass", "6.9": "pass"}) for n in (1, 2, 3)]
        after = [
            _record(1, "ineligible", {"7.1": "pass", "6.10": "fail", "6.9": "pass"}),
            _record(2, "ineligible", {"7.1": "pass", "6.10": "fail", "6.9": "pass"}),
            _record(3, "undecided", {"7.1": "pass", "6.10": "insufficient_data", "6.9": "pass"}),
        ]
        result = compare_lines(base, after)
        assert [c.rule_id for c in result.clauses] == ["6.9", "6.10", "7.1"]
        assert [(t.after, t.count) for t in result.clauses[1].transitions] == [("fail", 2), ("insufficient_data", 1)]

    def test_both_sides_errors_of_the_same_kind_are_no_change_but_a_different_kind_is(self) -> None:
        errors = [json.dumps({"line": 1, "error": "invalid_input", "problems": []})]
        failed = [json.dumps({"line": 1, "error": "evaluation_failed", "problems": []})]
        assert compare_lines(errors, errors).changed == 0
        changed = compare_lines(errors, failed)
        assert changed.changed == 1 and changed.listed[0].error_after == "evaluation_failed"
        assert "评估失败" in render_comparison(changed, "text", "zh")


class TestRefusals:
    """Anything that is not an output line of evaluate-many, or cannot be paired, is refused naming file and line."""

    def _refused(self, base: list[Any], reform: list[Any]) -> CompareError:
        with pytest.raises(CompareError) as caught:
            compare_lines(base, reform, base_name="base.jsonl", reform_name="reform.jsonl")
        return caught.value

    def test_files_of_different_lengths_are_refused_naming_the_shorter_and_where_it_ends(
        self, base_brief: list[bytes]
    ) -> None:
        error = self._refused(base_brief[:3], base_brief)
        assert (error.code, error.file, error.line) == ("shorter", "base.jsonl", 3)
        assert "reform.jsonl 还有第 4 行" in error.render("zh")
        other = self._refused(base_brief, base_brief[:4])
        assert (other.file, other.line) == ("reform.jsonl", 4)
        assert "the files differ in length" in other.render("en")

    def test_an_empty_file_against_a_full_one_is_refused_and_two_empty_files_compare(
        self, base_brief: list[bytes]
    ) -> None:
        error = self._refused(base_brief, [])
        assert (error.code, error.file, error.line) == ("empty_file", "reform.jsonl", 1)
        assert (
            error.render("en")
            == "reform.jsonl, line 1: the file is empty but base.jsonl is not: the files differ in length and cannot be paired"
        )
        nothing = compare_lines([], [])
        assert (nothing.lines, nothing.changed, nothing.clauses) == (0, 0, ())
        assert "0 application(s)" in render_comparison(nothing, "html", "en")

    def test_a_line_that_is_not_json_is_refused(self, base_brief: list[bytes]) -> None:
        error = self._refused([*base_brief[:2], b"{oops", *base_brief[3:]], base_brief)
        assert (error.code, error.file, error.line) == ("not_json", "base.jsonl", 3)
        assert error.render("en").startswith("base.jsonl, line 3: not JSON")
        assert "不是 JSON" in str(error) and "not JSON" in str(error)  # both languages in the exception's text

    def test_a_key_given_twice_is_refused_as_evaluate_refuses_it(self, base_brief: list[bytes]) -> None:
        """Reproducer: compare read a line with "outcome" twice and kept the last value; evaluate refuses that."""
        twice = base_brief[2].replace(b"{", b'{"outcome": "eligible", ', 1)
        assert twice.count(b'"outcome"') == 2
        error = self._refused([*base_brief[:2], twice, *base_brief[3:]], base_brief)
        assert (error.code, error.file, error.line) == ("not_json", "base.jsonl", 3)
        assert "the field is given twice" in error.render("en") and "같은 항목이 두 번 나옴" in error.render("ko")

    def test_a_duplicate_line_number_is_refused(self, base_brief: list[bytes]) -> None:
        error = self._refused(base_brief, [base_brief[0], base_brief[0], *base_brief[2:]])
        assert (error.code, error.file, error.line) == ("duplicate", "reform.jsonl", 2)
        assert "line number 1 appears twice" in error.render("en")

    def test_line_numbers_going_backwards_are_refused(self, base_brief: list[bytes]) -> None:
        swapped = [base_brief[1], base_brief[0], *base_brief[2:]]
        error = self._refused(swapped, swapped)
        assert (error.code, error.line) == ("out_of_order", 2)

    def test_line_numbers_that_differ_between_the_files_are_refused(self, base_brief: list[bytes]) -> None:
        """A file resumed at line 3 in a fresh output starts at 3; the other starts at 1."""
        error = self._refused(base_brief[:3], base_brief[2:])
        assert (error.code, error.file, error.line) == ("mismatch", "reform.jsonl", 1)
        assert "differs from line number 1" in error.render("en")

    @pytest.mark.parametrize(
        ("line", "code", "field"),
        [
            (b"", "empty_line", None),
            (b"   \n", "empty_line", None),
            (b"[1, 2]", "not_object", None),
            (b"[" * 100_000 + b"]" * 100_000, "not_json", None),
            (b'{"outcome": "maybe", "verdicts": []}', "bad_field", "outcome"),
            (b'{"line": true, "outcome": "eligible"}', "bad_field", "line"),
            (b'{"line": 0, "error": "invalid_input"}', "bad_field", "line"),
            (b'{"error": 7}', "bad_field", "error"),
            (b'{"outcome": "eligible", "verdicts": {}}', "bad_field", "verdicts"),
            (b'{"outcome": "eligible", "verdicts": [1]}', "bad_field", "verdicts[0]"),
            (
                b'{"outcome": "eligible", "verdicts": [{"rule_id": "<b>", "status": "pass"}]}',
                "bad_field",
                "verdicts[0].rule_id",
            ),
            (
                b'{"outcome": "eligible", "verdicts": [{"rule_id": "6.1", "status": "pass"}, {"rule_id": "6.1", "status": "fail"}]}',
                "bad_field",
                "verdicts[1].rule_id",
            ),
            (
                b'{"outcome": "eligible", "verdicts": [{"rule_id": "6.1", "status": "ok"}]}',
                "bad_field",
                "verdicts[0].status",
            ),
            (b'{"outcome": "eligible", "verdicts": [], "cluster_name": 5}', "bad_field", "cluster_name"),
            (b'{"outcome": "eligible", "verdicts": [], "cluster_name": "a"}', "bad_field", "rule_set"),
            (
                b'{"outcome": "eligible", "verdicts": [], "cluster_name": "a", "rule_set": {"id": "x"}}',
                "bad_field",
                "rule_set.version",
            ),
            (
                b'{"outcome": "eligible", "verdicts": [], "cluster_name": "a", "rule_set": {"id": "x", "version": "1"}, "options": []}',
                "bad_field",
                "options",
            ),
        ],
    )
    def test_a_line_that_is_not_a_report_is_refused_naming_the_field(
        self, line: bytes, code: str, field: str | None
    ) -> None:
        error = self._refused([line], [line])
        assert (error.code, error.file, error.line) == (code, "base.jsonl", 1)
        if field is not None:
            assert error.render("en").startswith(f"base.jsonl, line 1: field {field} ")
            assert f"字段 {field} " in error.render("zh")

    def test_a_report_with_more_clauses_than_any_rule_set_is_refused(self) -> None:
        many = [{"rule_id": f"6.{n}", "status": "pass"} for n in range(records.MAX_CLAUSES_PER_REPORT + 1)]
        line = json.dumps({"outcome": "eligible", "verdicts": many})
        assert self._refused([line], [line]).render("en").startswith("base.jsonl, line 1: field verdicts ")

    def test_too_many_distinct_clauses_over_the_files_are_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Each line may be a report, but hundreds of clause ids across them are not a rule set: memory stays bounded."""
        monkeypatch.setattr(pairing, "MAX_CLAUSES", 3)
        lines = [_record(n, "eligible", {f"6.{n}": "pass", f"7.{n}": "pass"}) for n in (1, 2)]
        error = self._refused(lines, lines)
        assert (error.code, error.line) == ("too_many_clauses", 2)

    def test_an_over_long_line_is_refused_before_it_is_parsed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(records, "MAX_LINE_BYTES", 100)
        line = _record(1, "eligible", {"6.1": "pass"}, padding="x" * 200)
        error = self._refused([line], [line])
        assert error.code == "too_long" and "longer than 100 bytes" in error.render("en")

    def test_a_reform_record_too_deep_to_write_back_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Where the parser's depth allows what the writer's does not, the record is refused, not a traceback."""

        def too_deep(*args: object, **kwargs: object) -> str:
            raise RecursionError

        line = _record(1, "eligible", {"6.1": "pass"}, reform={"a": 1})
        monkeypatch.setattr(records.json, "dumps", too_deep)
        assert self._refused([line], [line]).render("en").startswith("base.jsonl, line 1: field reform ")

    def test_an_over_long_reform_record_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(records, "MAX_REFORM_CHARS", 10)
        line = _record(1, "eligible", {"6.1": "pass"}, reform={"changes": "x" * 20})
        assert self._refused([line], [line]).render("en").startswith("base.jsonl, line 1: field reform ")


class _Page(HTMLParser):
    """Collects the tags, the visible text and the attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attributes: dict[str, str | None] = {}
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.update({f"{tag}.{name}": value for name, value in attrs})
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


class TestRendering:
    @pytest.mark.parametrize("fmt", ["text", "md", "html"])
    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_every_format_names_the_changes_in_its_language(self, comparison: Comparison, fmt: str, lang: str) -> None:
        """The summary sentence, the changed clause of line 2 and the error of line 4, in each format."""
        out = render_comparison(comparison, fmt, lang)
        if lang == "zh":
            assert "共 5 项申报；结论或条款结果有变化的 3 项，其中结论变化的 3 项。" in out
            assert "符合 → 不符合" in out and "无法评估（输入有误）" in out
            assert "两次评估结果比较" in out
        else:
            assert "5 application(s); 3 changed in outcome or in some clause, 3 of them in outcome." in out
            assert "6.1 met → not met" in out and "not evaluated (invalid input)" in out

    @pytest.mark.parametrize("fmt", ["text", "md", "html"])
    def test_chinese_output_has_no_english_words(self, comparison: Comparison, fmt: str) -> None:
        """Ids, file names and reading ids stay as they are; every word around them is Chinese."""
        out = render_comparison(comparison, fmt, "zh")
        if fmt == "html":
            page = _Page()
            page.feed(out)
            out = "\n".join(page.text)
        if fmt == "md":  # what a reader sees: Markdown escapes and HTML entities undone
            out = html.unescape(re.sub(r"\\(.)", r"\1", out))
        assert english_words(out.replace("base.jsonl", "").replace("reform.jsonl", "").replace(HOSTILE_NAME, "")) == []

    def test_the_html_page_is_self_contained_without_scripts_and_escapes_names(self, comparison: Comparison) -> None:
        """No <script> element, no outside address, the hostile cluster name shown as text, lang set, an SVG chart."""
        out = render_comparison(comparison, "html", "en")
        page = _Page()
        page.feed(out)
        assert "script" not in page.tags and "<script" not in out
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert HOSTILE_NAME in "".join(page.text)
        assert page.attributes["html.lang"] == "en"
        assert "svg" in page.tags and page.tags.count("rect") == 2 * len(OUTCOMES) + 2
        assert "src" not in {name.split(".")[1] for name in page.attributes}
        assert "href" not in {name.split(".")[1] for name in page.attributes}
        assert page.attributes["svg.xmlns"] == "http://www.w3.org/2000/svg"
        assert "http" not in out.replace("http://www.w3.org/2000/svg", "")
        assert 'lang="zh-CN"' in render_comparison(comparison, "html", "zh")

    def test_the_chart_draws_each_count_as_a_bar_in_proportion(self, comparison: Comparison) -> None:
        """The tallest bar (3 eligible after) has the full height; the others are in proportion; counts are text."""
        from cluster_criteria.compare.chart import outcome_chart

        svg = outcome_chart([("a", 3), ("b", 0)], [6, 1], title="t", before_label="x", after_label="y")
        heights = [float(h) for h in re.findall(r'<rect [^>]*width="42" height="([0-9.]+)"', svg)]
        plot = 260 - 36 - 40  # the drawing's height less the room above for counts and below for labels
        assert heights == [plot / 2, plot, 0.0, round(plot / 6, 1)]  # a: 3 and 6 of 6; b: 0 and 1 of 6
        assert re.findall(r'text-anchor="middle">([^<]+)</text>', svg) == ["3", "6", "a", "0", "1", "b"]
        with pytest.raises(ValueError, match="one count per category"):
            outcome_chart([("a", 1)], [], title="t", before_label="x", after_label="y")

    def test_markdown_and_text_escape_what_comes_from_the_files(self, comparison: Comparison) -> None:
        """In Markdown the name is HTML-escaped; in text a control character is shown, not obeyed."""
        assert "&lt;script&gt;" in render_comparison(comparison, "md", "en")
        bell = compare_lines([_record(1, "eligible", {})], [_record(1, "ineligible", {}, cluster_name="a\x1b[2Jb")])
        assert "\x1b" not in render_comparison(bell, "text", "en") and "a\\x1b[2Jb" in render_comparison(
            bell, "text", "en"
        )

    def test_an_unknown_format_is_refused(self, comparison: Comparison) -> None:
        with pytest.raises(ValueError, match="unknown format"):
            render_comparison(comparison, "pdf")

    def test_nothing_changed_says_none(self, base_brief: list[bytes]) -> None:
        same = compare_lines(base_brief, base_brief)
        for fmt in ("text", "md", "html"):
            assert "none" in render_comparison(same, fmt, "en")


class TestJson:
    def test_the_json_reads_back_into_the_same_comparison(self, comparison: Comparison) -> None:
        """The JSON form is the frozen result, field by field; both languages give the same JSON."""
        text = render_comparison(comparison, "json", "zh")
        assert TypeAdapter(Comparison).validate_json(text) == comparison
        assert text == render_comparison(comparison, "json", "en") == comparison_to_json(comparison)

    def test_the_schema_names_every_key_the_json_has(self, comparison: Comparison) -> None:
        """Every key of the output is a property of its schema object, and every required property is present."""
        schema = comparison_schema()
        assert schema["$schema"].endswith("2020-12/schema")
        definitions = schema["$defs"]

        def check(value: Any, node: dict[str, Any]) -> None:
            if "$ref" in node:
                node = definitions[node["$ref"].rsplit("/", 1)[1]]
            if "anyOf" in node:
                return
            if isinstance(value, dict):
                assert set(value) <= set(node["properties"]) and set(node.get("required", ())) <= set(value)
                for key, item in value.items():
                    check(item, node["properties"][key])
            elif isinstance(value, list):
                for item in value:
                    check(item, node.get("items", {}))

        check(json.loads(comparison_to_json(comparison)), schema)


class TestCountsProperty:
    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(
            st.tuples(
                st.sampled_from(OUTCOMES),
                st.sampled_from(OUTCOMES),
                st.sampled_from(["pass", "fail", "insufficient_data"]),
                st.sampled_from(["pass", "fail", "insufficient_data"]),
            ),
            max_size=30,
        ),
        st.integers(min_value=0, max_value=5),
    )
    def test_counts_add_up_whatever_the_lines(self, pairs: list[tuple[str, str, str, str]], cap: int) -> None:
        """The matrix sums to the number of lines; changed counts lines that differ; the list is the first `cap`."""

        def line(n: int, outcome: str, status: str) -> str:
            if outcome == ERROR:
                return json.dumps({"line": n, "error": "invalid_input", "problems": []})
            return _record(n, outcome, {"6.1": status})

        base = [line(n, b, s) for n, (b, _, s, _) in enumerate(pairs, start=1)]
        after = [line(n, a, t) for n, (_, a, _, t) in enumerate(pairs, start=1)]
        result = compare_lines(base, after, max_listed=cap)
        differing = [n for n, (b, a, s, t) in enumerate(pairs, start=1) if b != a or (ERROR not in (b, a) and s != t)]
        assert sum(t.count for t in result.transitions) == result.lines == len(pairs)
        assert result.changed == len(differing)
        assert [x.line for x in result.listed] == differing[:cap]
        assert result.truncated == (len(differing) > cap)
        clause_changes = sum(1 for b, a, s, t in pairs if ERROR not in (b, a) and s != t)
        assert sum(c.changed for c in result.clauses) == clause_changes
