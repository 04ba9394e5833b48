"""A second edition that lives in the tests (tests/revision_2027): it evaluates, explains itself in both languages,
renders in every format and runs through evaluate-many, `rules`, `explain`, `schema` and the testing kit, with no
module of the library knowing it exists. Rule counts come from the edition, never a literal."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cluster_criteria.batch import evaluate_lines
from cluster_criteria.cli import main
from cluster_criteria.explain import explain
from cluster_criteria.jsonio import input_schema, report_from_json, report_to_json
from cluster_criteria.render import render
from cluster_criteria.ruleset import get_rule_set, registered, rule_set_for
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.testing.scenarios import load_scenarios, run_scenario
from cluster_criteria.verdicts import Outcome, Status
from helpers import english_words
from revision_2027 import REVISION

ASSESSED = dt.date(2027, 4, 15)
BASE = get_rule_set("jilin-2024")


@pytest.fixture(autouse=True)
def revision() -> Iterator[None]:
    with registered(REVISION):
        yield


def _builder() -> ApplicationBuilder:
    """The testing kit's eligible base, assessed in 2027, with an export figure for each window year."""
    builder = ApplicationBuilder().assessed_on(ASSESSED)
    for year in (2024, 2025, 2026):
        builder.year(year, export_output="4亿元")
    return builder


class TestChoosingTheEdition:
    def test_the_revision_applies_from_its_first_day_and_the_2024_text_before(self) -> None:
        assert rule_set_for(dt.date(2026, 12, 31)) is BASE
        assert rule_set_for(dt.date(2027, 1, 1)) is REVISION
        assert len(REVISION.rules) == len(BASE.rules) + 1

    def test_a_report_names_the_edition_and_the_values_it_used(self) -> None:
        report = _builder().evaluate()
        assert report.rule_set.id == "jilin-2027-draft" and report.outcome is Outcome.ELIGIBLE
        assert len(report.verdicts) == len(REVISION.rules)
        used = {p.name: p for p in report.parameters}
        assert used["total_output_min"].value == "2500000000" and used["export_share_min"].word == "不低于"

    def test_the_2024_text_still_judges_by_name_on_the_same_date(self) -> None:
        report = _builder().evaluate(rule_set="jilin-2024")
        assert report.rule_set.id == "jilin-2024" and len(report.verdicts) == len(BASE.rules)


class TestChangedValues:
    def test_the_higher_output_floor_fails_what_the_2024_text_lets_in(self) -> None:
        builder = _builder().year(2025, total_output="24亿元")
        assert builder.evaluate().verdict("6.1").check("total_output.2025").status is Status.FAIL
        assert builder.evaluate(rule_set="jilin-2024").verdict("6.1").check("total_output.2025").status is Status.PASS

    def test_the_changed_word_makes_exactly_5_percent_rd_growth_enough(self) -> None:
        builder = _builder().growth("sme_rd_expenditure", "5%")
        assert builder.evaluate().verdict("6.4").check("sme_rd_growth").status is Status.PASS
        assert builder.evaluate(rule_set="jilin-2024").verdict("6.4").check("sme_rd_growth").status is Status.FAIL

    def test_the_dropped_item_is_no_longer_asked(self) -> None:
        ids = [c.id for c in _builder().evaluate().verdict("6.1").checks]
        assert "6.1.leading_position" not in ids
        assert "6.1.leading_position" in [c.id for c in _builder().evaluate(rule_set="jilin-2024").verdict("6.1").checks]


class TestTheNewClause:
    def test_the_new_figure_at_the_limit_meets_it_and_just_under_fails(self) -> None:
        at_limit = _builder().year(2026, total_output="40亿元", export_output="4亿元")
        assert at_limit.evaluate().verdict("6.9").check("export_share.2026").status is Status.PASS
        under = _builder().year(2026, total_output="40亿元", export_output="3.9999亿元")
        report = under.evaluate()
        assert report.verdict("6.9").status is Status.FAIL and report.outcome is Outcome.INELIGIBLE

    def test_a_missing_new_figure_is_missing_data_with_its_path(self) -> None:
        check = _builder().year(2025, export_output=None).evaluate().verdict("6.9").check("export_share.2025")
        assert check.status is Status.INSUFFICIENT_DATA
        assert check.missing == ("metrics[year=2025].figures.export_output",)

    @pytest.mark.parametrize("lang", ["zh", "en"])
    @pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
    def test_every_format_explains_it(self, fmt: str, lang: str) -> None:
        report = _builder().year(2026, export_output="3亿元").evaluate()
        text = render(report, fmt, lang)
        assert "出口交货值" in text if lang == "zh" else "export delivery value" in text
        if fmt == "text" and lang == "zh":
            assert english_words(text) == []

    def test_its_sentence_and_margin_come_from_its_kind(self) -> None:
        report = _builder().year(2026, total_output="40亿元", export_output="3.6亿元").evaluate()
        check = next(c for v in explain(report, "zh").verdicts for c in v.checks if c.check_id == "export_share.2026")
        assert "出口交货值3.60亿元 ÷ 集群总产值40.00亿元 = 9.00%" in check.sentence
        assert "低于10%" in check.sentence and check.margin_sentence.startswith("差额")

    def test_a_report_read_back_from_json_explains_itself_the_same(self) -> None:
        report = _builder().evaluate()
        again = report_from_json(report_to_json(report))
        assert render(again, "text", "zh") == render(report, "text", "zh")


class TestTheBatchAndTheCommandLine:
    def test_evaluate_many_runs_the_new_clause(self) -> None:
        line = json.dumps(_builder().data(), ensure_ascii=False)
        (result,) = list(evaluate_lines([line], ASSESSED, detail="brief"))
        brief = json.loads(result.json)
        assert [v["rule_id"] for v in brief["verdicts"]][-5] == "6.9"

    def test_rules_lists_thirteen_clauses_for_the_revision(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["rules", "--rule-set", "jilin-2027-draft", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert [r["rule_id"] for r in data["rules"]] == list(REVISION.rule_ids)
        assert main(["rules", "--rule-sets"]) == 0
        assert "jilin-2027-draft" in capsys.readouterr().out

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_explain_describes_the_new_clause_with_its_limit(self, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["explain", "6.9", "--rule-set", "jilin-2027-draft", "--lang", lang, "--as-of", "2027-04-15"]) == 0
        out = capsys.readouterr().out
        assert ("不低于10%" if lang == "zh" else "at least 10%") in out
        if lang == "zh":
            assert english_words(out.split("\n", 1)[1]) == []

    def test_explain_shows_the_changed_threshold_once(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["explain", "6.1", "--as-of", "2027-04-15"]) == 0
        out = capsys.readouterr().out
        assert "25亿元" in out and "20亿元" not in out

    def test_evaluate_on_the_command_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "app.json"
        path.write_text(json.dumps(_builder().data(), ensure_ascii=False), encoding="utf-8")
        assert main(["evaluate", str(path), "--as-of", "2027-04-15", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["rule_set"]["id"] == "jilin-2027-draft"

    def test_the_input_schema_describes_the_figures_an_edition_adds(self) -> None:
        metrics = input_schema()["$defs"]["YearMetrics"]["properties"]
        assert "figures" in metrics

    def test_a_scenario_file_can_use_the_new_figure(self, tmp_path: Path) -> None:
        path = tmp_path / "revision.toml"
        path.write_text(
            "as_of = 2027-04-15\n"
            "[[scenario]]\n"
            'name = "An export share of 9 % in 2026 fails the new clause"\n'
            'given.years.2024 = { export_output = "4亿元" }\n'
            'given.years.2025 = { export_output = "4亿元" }\n'
            'given.years.2026 = { total_output = "40亿元", export_output = "3.6亿元" }\n'
            'expect = { "6.9" = "fail", outcome = "ineligible" }\n',
            encoding="utf-8",
        )
        (scenario,) = load_scenarios(path)
        assert run_scenario(scenario).passed
