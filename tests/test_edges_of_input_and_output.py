"""Edges of the input and output paths that scenarios do not reach: validation messages, JSON round trips, the
command line's other subcommands, and the small accessors of reports and vocabulary."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import cluster_criteria
from cluster_criteria import (
    ApplicationError,
    EvaluationContext,
    Outcome,
    Status,
    UnknownRuleError,
    evaluate,
    load_application,
)
from cluster_criteria.cli import main
from cluster_criteria.credit_code import credit_code_problem
from cluster_criteria.jsonio import input_schema, report_from_json, report_schema, report_to_json
from cluster_criteria.models import Enterprise
from cluster_criteria.rules import select
from cluster_criteria.testing import ApplicationBuilder, credit_code
from cluster_criteria.vocabulary import Severity

DAY = dt.date(2025, 4, 15)


def _refusal(data: dict[str, Any]) -> tuple[str, str]:
    with pytest.raises(ApplicationError) as caught:
        load_application(data)
    problem = caught.value.problems[0]
    assert problem.message_zh and problem.message_en
    return problem.path, problem.code


class TestValidationMessages:
    @pytest.mark.parametrize(
        ("path", "value", "code"),
        [
            ("metrics.0.total_output", True, "cc_not_a_number"),
            ("metrics.0.total_output", "三十亿", "cc_not_an_amount"),
            ("metrics.0.total_output", "-1亿元", "cc_negative"),
            ("metrics.0.total_output", -5, "cc_negative"),
            ("metrics.0.total_output", "1e20亿元", "cc_too_large"),
            ("metrics.0.total_output", "1" * 31, "cc_too_precise"),
            ("metrics.0.total_output", [1], "cc_not_a_number"),
            ("metrics.0.total_output", "NaN元", "cc_not_an_amount"),
            ("metrics.0.co2_intensity", "abc", "cc_not_a_number"),
            ("metrics.0.co2_intensity", "-1", "cc_negative"),
            ("metrics.0.co2_intensity", "1e17", "cc_too_large"),
            ("metrics.0.co2_intensity", "Infinity", "cc_not_finite"),
            ("metrics.0.platform_penetration", "120%", "cc_rate_range"),
            ("metrics.0.employees", True, "cc_not_a_count"),
            ("metrics.0.employees", "2.5", "cc_not_a_count"),
            ("metrics.0.employees", -3, "cc_negative"),
            ("metrics.0.employees", 10**13, "cc_too_large"),
            ("cluster.name", "名\x07称", "cc_control_chars"),
            ("enterprises.0.credit_code", "91220284MA0A0000", "cc_credit_code"),
            ("enterprises.0.credit_code", "91220284MA0A0000I1", "cc_credit_code"),
            ("enterprises.0.credit_code", "91220284MA0A000010", "cc_credit_code"),
            ("enterprises.0.designations.0.valid_to", "2020-01-01", "cc_dates_reversed"),
            ("metrics.0.year", 2023, "cc_duplicate_year"),
            ("metrics.1.year", 2021, "cc_year_gap"),
            ("enterprises.1.credit_code", credit_code("91220284MA0A00001"), "cc_duplicate_enterprise"),
            ("money_unit", "美元", "enum"),
            ("cluster.colour", "red", "extra_forbidden"),
        ],
    )
    def test_each_kind_of_bad_value_is_named_with_its_code(self, path: str, value: Any, code: str) -> None:
        """Every refusal names the field and says why, in Chinese and English."""
        found = _refusal(ApplicationBuilder().set(path, value).data())
        assert found[1] == code

    @pytest.mark.parametrize(
        ("fields", "code"),
        [
            ({"platform_using_enterprises": 9, "enterprises_total": 8}, "cc_count_exceeds_total"),
            ({"platform_using_enterprises": 0, "enterprises_total": 0}, "cc_zero_base"),
            (
                {"platform_using_enterprises": 1, "enterprises_total": 10, "platform_penetration": "0.2"},
                "cc_rate_mismatch",
            ),
        ],
    )
    def test_inconsistent_platform_counts_are_refused(self, fields: dict[str, Any], code: str) -> None:
        """Counts and the stated rate must agree."""
        assert _refusal(ApplicationBuilder().year(2024, **fields).data())[1] == code

    def test_an_unknown_qualitative_item_is_refused(self) -> None:
        """Answers are keyed by the rule set's item ids."""
        assert _refusal(ApplicationBuilder().answer("6.9.made_up", "met").data()) == ("qualitative", "cc_unknown_item")

    def test_answers_may_be_written_as_bare_words(self) -> None:
        """``{"id": "met"}`` stands for ``{"id": {"answer": "met"}}``."""
        data = ApplicationBuilder().data()
        data["qualitative"] = {k: "met" for k in data["qualitative"]}
        assert evaluate(load_application(data), DAY).outcome is Outcome.ELIGIBLE

    def test_bare_numbers_are_read_in_the_money_unit(self) -> None:
        """With 万元 as the unit, 300000 is 30 亿元, a float keeps its written digits, and text with a unit wins."""
        data = ApplicationBuilder().money_unit("万元").data()
        data["metrics"][0].update(total_output=300000, sme_output=240000.5, leading_industry_output="24亿元")
        data["metrics"][1].update(sme_rd_expenditure="11000", total_output=Decimal(330000))
        data["enterprises"][0]["revenue"] = 1000
        data["incidents"] = [{"kind": "safety", "date": "2024-01-01", "direct_loss": 10, "severity": "ordinary"}]
        data["metrics"][2]["sme_output"] = "not money"
        path, code = _refusal(data)
        assert (path, code) == ("metrics[2].sme_output", "cc_not_an_amount")
        data["metrics"][2]["sme_output"] = True
        assert _refusal(data)[1] == "cc_not_a_number"
        data["metrics"][2]["sme_output"] = float("nan")
        assert _refusal(data)[1] == "cc_not_finite"
        data["metrics"][2]["sme_output"] = "28亿元"
        application = load_application(data)
        assert application.metrics[0].total_output == Decimal("3000000000")
        assert application.metrics[0].sme_output == Decimal("2400005000.0")
        assert application.metrics[1].sme_rd_expenditure == Decimal("110000000")
        assert application.enterprises is not None and application.enterprises[0].revenue == Decimal("10000000")

    def test_a_bad_money_unit_is_reported_by_its_field(self) -> None:
        """An unknown unit does not stop the other fields being read."""
        data = ApplicationBuilder().data()
        data["money_unit"] = "美元"
        data["metrics"] = "not a list"
        paths = {p.path for p in _problems(data)}
        assert {"money_unit", "metrics"} <= paths

    def test_json_text_and_bytes_load_exactly(self) -> None:
        """Decimals in JSON text keep every digit; bytes with a BOM are read too."""
        text = json.dumps(ApplicationBuilder().year(2024, co2_intensity="0.10").data(), ensure_ascii=False)
        application = load_application(("\ufeff" + text).encode("utf-8"))
        assert str(application.metrics[2].co2_intensity) == "0.10"
        assert cluster_criteria.Application.model_validate_json(bytearray(text.encode())).cluster.name

    def test_invalid_utf8_is_refused_as_such(self) -> None:
        """Bytes that are not UTF-8 are an encoding problem."""
        with pytest.raises(ApplicationError) as caught:
            load_application(b"\xff\xfe{")
        assert caught.value.problems[0].code == "cc_encoding"
        assert caught.value.field == ""
        assert caught.value.as_dict()["problems"][0]["code"] == "cc_encoding"

    def test_a_problem_renders_in_both_languages(self) -> None:
        """The whole-input path reads as （整体） in Chinese."""
        error = ApplicationError.single("", "中文", "English")
        assert error.render("zh") == "（整体）: 中文"
        assert error.render("en") == "(whole input): English"
        assert str(error) == "(whole input): English"


def _problems(data: dict[str, Any]) -> tuple[Any, ...]:
    with pytest.raises(ApplicationError) as caught:
        load_application(data)
    return caught.value.problems


class TestEnterprisesAndCodes:
    def test_credit_code_problems_are_named(self) -> None:
        """Length, characters and the check character are each reported."""
        assert credit_code_problem(credit_code("91220284MA0A00001")) is None
        assert "18 characters" in (credit_code_problem("123") or "")
        assert "outside" in (credit_code_problem("91220284MA0A0000OI") or "")
        assert "check character" in (credit_code_problem("91220284MA0A000010") or "")

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"is_sme": False, "employees": 10}, (False, "declared")),
            ({"employees": 999}, (True, "derived")),
            ({"revenue": "3.99亿元"}, (True, "derived")),
            ({"employees": 1000, "revenue": "4亿元"}, (False, "derived")),
            ({"employees": 1000}, (None, "unknown")),
            ({}, (None, "unknown")),
        ],
    )
    def test_sme_status_is_declared_or_derived_from_the_industrial_standard(
        self, fields: dict[str, Any], expected: tuple[bool | None, str]
    ) -> None:
        """Fewer than 1000 employees or revenue below 4 亿元 makes an SME; a declaration comes first."""
        enterprise = Enterprise.model_validate(
            {"name": "某公司", "credit_code": credit_code("91220284MA0A00009"), **fields}
        )
        params = cluster_criteria.get_rule_set("jilin-2024").parameters
        assert enterprise.sme_status(params.integer("sme_employees_below"), params.decimal("sme_revenue_below_yuan")) == expected


class TestEvaluationEdges:
    def test_a_subset_of_rules_is_never_eligible(self) -> None:
        """A partial run leaves the outcome undecided even when every selected clause passes."""
        report = evaluate(ApplicationBuilder().build(), DAY, rules=["art. 6(1)", "7.2"])
        assert [v.rule_id for v in report.verdicts] == ["6.1", "7.2"]
        assert report.outcome is Outcome.UNDECIDED and not report.complete

    def test_an_unknown_rule_is_refused_with_the_known_ones(self) -> None:
        """Asking for 6.9 names the rules that exist."""
        with pytest.raises(UnknownRuleError) as caught:
            select(["6.9"])
        assert caught.value.rule_id == "6.9" and "6.1" in caught.value.known

    def test_figures_for_a_year_not_yet_over_are_refused(self) -> None:
        """Assessed in 2024, figures for 2024 cannot exist yet."""
        with pytest.raises(ApplicationError) as caught:
            evaluate(ApplicationBuilder().build(), dt.date(2024, 6, 1))
        assert caught.value.problems[0].code == "cc_year_not_over"

    @pytest.mark.parametrize("day", [dt.datetime(2025, 4, 15, 9, 0), "2025-04-15"])
    def test_the_context_refuses_anything_but_a_date(self, day: Any) -> None:
        """A datetime or text is not an assessment date: a TypeError, like any argument of the wrong type."""
        with pytest.raises(TypeError, match=r"must be a datetime\.date"):
            EvaluationContext(day)
        with pytest.raises(TypeError, match=r"must be a datetime\.date"):
            evaluate(ApplicationBuilder().build(), day)

    def test_reports_find_verdicts_and_checks_and_group_them(self) -> None:
        """Lookups work by id and raise KeyError for unknown ones."""
        report = ApplicationBuilder().year(2023, total_output="1亿元").evaluate()
        assert report.verdict("6.1").check("area").status is Status.PASS
        assert [v.rule_id for v in report.by_status(Status.FAIL)] == ["6.1"]
        with pytest.raises(KeyError) as caught:
            report.verdict("9.9")
        assert caught.value.args == ("9.9",)
        with pytest.raises(KeyError) as caught:
            report.verdict("6.1").check("nothing")
        assert caught.value.args == ("nothing",)

    def test_reports_survive_a_json_round_trip(self) -> None:
        """What report_to_json writes, report_from_json reads back equal."""
        report = ApplicationBuilder().incident("safety", "2024-01-01", deaths=2).evaluate()
        assert report_from_json(report_to_json(report)) == report
        with pytest.raises(ApplicationError):
            report_from_json('{"cluster_name": 1}')

    def test_schemas_describe_input_and_report(self) -> None:
        """Both schemas are draft 2020-12 with titles."""
        assert input_schema()["title"] == "cluster-criteria application"
        assert report_schema()["$schema"].endswith("2020-12/schema")

    def test_rules_know_their_text_and_citations(self) -> None:
        """Each rule cites its clause in both languages and carries its docstring."""
        rule = select(["7.4"])[0]
        assert (rule.citation_zh, rule.citation_en, rule.name) == (
            "第七条第（四）项",
            "Art. 7(4)",
            "art7_4_major_violations",
        )
        assert "偷税漏税" in rule.doc
        assert cluster_criteria.get_rule_set("jilin-2024").reading("boundary.inclusive").title_en
        assert cluster_criteria.get_rule_set("jilin-2024").parameters.item("6.8.three_year_plan").clause == 8
        with pytest.raises(KeyError):
            cluster_criteria.get_rule_set("jilin-2024").parameters.item("none")

    def test_severity_labels_and_order(self) -> None:
        """Labels follow the language; ranks order the grades."""
        assert Severity.MAJOR.label("zh") == "重大" and Severity.MAJOR.label("en") == Severity.MAJOR.en
        assert Severity.ESPECIALLY_MAJOR.at_least(Severity.MAJOR)

    def test_the_package_exports_lazily_and_lists_its_names(self) -> None:
        """Unknown names raise AttributeError; dir() lists the public names."""
        assert "evaluate" in dir(cluster_criteria)
        with pytest.raises(AttributeError):
            cluster_criteria.no_such_name  # noqa: B018


class TestCommandLine:
    def _run(self, *args: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        old = sys.stdin, sys.stdout, sys.stderr
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
        sys.stdout, sys.stderr = out, err
        try:
            code = main(list(args))
        finally:
            sys.stdin, sys.stdout, sys.stderr = old
        return code, out.getvalue(), err.getvalue()

    @pytest.fixture
    def application_file(self, tmp_path: Path) -> Path:
        path = tmp_path / "app.json"
        path.write_text(
            json.dumps(ApplicationBuilder().year(2023, total_output="19亿元").data(), ensure_ascii=False), "utf-8"
        )
        return path

    def test_evaluate_writes_a_text_report_naming_what_failed(self, application_file: Path) -> None:
        """The text format lists each clause and the checks that did not pass."""
        code, out, _ = self._run(
            "evaluate", str(application_file), "--as-of", "2025-04-15", "--format", "text", "--lang", "en"
        )
        assert code == 0
        assert "Outcome: ineligible" in out and "total output of the cluster in 2023" in out

    def test_evaluate_writes_json_to_a_file_and_sets_outcome_exit_codes(
        self, application_file: Path, tmp_path: Path
    ) -> None:
        """--output writes the report; --outcome-exit-code maps ineligible to 10 and undecided to 11."""
        target = tmp_path / "report.json"
        code, _, _ = self._run(
            "evaluate", str(application_file), "--as-of", "2025-04-15", "--output", str(target), "--outcome-exit-code"
        )
        assert code == 10
        assert json.loads(target.read_text("utf-8"))["outcome"] == "ineligible"
        code, _, _ = self._run(
            "evaluate", str(application_file), "--as-of", "2025-04-15", "--rules", "6.2", "--outcome-exit-code"
        )
        assert code == 11

    def test_evaluate_reads_standard_input(self) -> None:
        """``-`` reads the application from standard input; an eligible one exits 0 with --outcome-exit-code."""
        text = json.dumps(ApplicationBuilder().data(), ensure_ascii=False)
        code, out, _ = self._run("evaluate", "-", "--as-of", "2025-04-15", "--outcome-exit-code", stdin=text)
        assert code == 0 and json.loads(out)["outcome"] == "eligible"

    def test_evaluate_reports_unreadable_files_bad_input_and_unknown_rules(
        self, tmp_path: Path, application_file: Path
    ) -> None:
        """A missing file and invalid input exit 3; an unknown rule id exits 2."""
        code, _, err = self._run("evaluate", str(tmp_path / "none.json"), "--as-of", "2025-04-15")
        assert code == 3 and "无法读取" in err
        bad = tmp_path / "bad.json"
        bad.write_text("{}", "utf-8")
        code, _, err = self._run("evaluate", str(bad), "--as-of", "2025-04-15")
        assert code == 3 and "cluster" in err
        code, _, err = self._run("evaluate", str(application_file), "--as-of", "2025-04-15", "--rules", "6.9")
        assert code == 2 and "未知的规则“6.9”" in err

    def test_a_bad_date_is_a_usage_error(self, application_file: Path) -> None:
        """argparse refuses a date that is not YYYY-MM-DD."""
        with pytest.raises(SystemExit) as caught:
            self._run("evaluate", str(application_file), "--as-of", "15/04/2025")
        assert caught.value.code == 2

    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_rules_lists_every_clause(self, fmt: str) -> None:
        """Both formats name every clause."""
        code, out, _ = self._run("rules", "--format", fmt)
        assert code == 0
        assert all(rule.rule_id in out for rule in select())

    @pytest.mark.parametrize("which", ["input", "report"])
    def test_schema_prints_json(self, which: str) -> None:
        """The schema command prints a JSON Schema."""
        code, out, _ = self._run("schema", which)
        assert code == 0 and json.loads(out)["$schema"]

    def test_python_dash_m_runs_the_command_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """``python -m cluster_criteria`` exits with main's status."""
        monkeypatch.setattr(sys, "argv", ["cluster_criteria", "rules"])
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        monkeypatch.delitem(sys.modules, "cluster_criteria.__main__", raising=False)
        with pytest.raises(SystemExit) as caught:
            importlib.import_module("cluster_criteria.__main__")
        assert caught.value.code == 0

    def test_a_closed_pipe_ends_quietly(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A reader that goes away (``| head``) is not an error."""

        def broken(_: str) -> None:
            raise BrokenPipeError

        monkeypatch.setattr(sys.stdout, "write", broken)
        assert main(["schema", "input"]) == 0
