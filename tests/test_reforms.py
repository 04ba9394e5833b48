"""What-if reforms: an overlay changes some values, the base stays intact, and every report says what changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from cluster_criteria import evaluate, load_application
from cluster_criteria.cli import main
from cluster_criteria.render import render
from cluster_criteria.ruleset import RuleSetDataError, get_rule_set
from cluster_criteria.ruleset.reform import apply_reform, load_reform
from cluster_criteria.verdicts import Outcome, Status

ROOT = Path(__file__).resolve().parent.parent
REFORM_FILE = ROOT / "examples" / "reforms" / "output-floor-15.toml"
WANGQING = ROOT / "examples" / "ineligible-wangqing-edible-fungi.json"
APPLICATIONS = ROOT / "examples" / "applications.jsonl"
ASSESSED = dt.date(2025, 4, 15)
BASE = get_rule_set("jilin-2024")


def _wangqing() -> object:
    return load_application(WANGQING.read_bytes())


class TestApplying:
    def test_the_reform_changes_its_values_and_leaves_the_base_as_it_was(self) -> None:
        reformed = apply_reform(BASE, load_reform(REFORM_FILE))
        assert reformed.parameters_on(ASSESSED).threshold("total_output_min").value == 1_500_000_000
        assert reformed.parameters_on(ASSESSED).threshold("sme_output_share_min").value == Decimal("0.55")
        assert BASE.parameters_on(ASSESSED).threshold("total_output_min").value == 2_000_000_000
        assert reformed.reform is not None and [c.name for c in reformed.reform.changes] == [
            "total_output_min",
            "sme_output_share_min",
        ]

    def test_19_9999_yi_fails_the_2024_floor_and_meets_the_reformed_one(self) -> None:
        application = _wangqing()
        before = evaluate(application, ASSESSED).verdict("6.1").check("total_output.2022")  # type: ignore[arg-type]
        after = evaluate(application, ASSESSED, reform=load_reform(REFORM_FILE)).verdict("6.1")  # type: ignore[arg-type]
        assert before.status is Status.FAIL and after.check("total_output.2022").status is Status.PASS
        assert "15亿元" in render(evaluate(application, ASSESSED, reform=load_reform(REFORM_FILE)), "text", "zh")  # type: ignore[arg-type]

    def test_the_report_records_the_reform_and_the_values_used(self) -> None:
        report = evaluate(_wangqing(), ASSESSED, reform=load_reform(REFORM_FILE))  # type: ignore[arg-type]
        assert report.reform is not None and report.reform.id == "output-floor-15"
        used = {p.name: p.value for p in report.parameters}
        assert used["total_output_min"] == "1500000000" and used["sme_output_share_min"] == "0.55"
        for fmt, lang, words in (("text", "zh", "假设性调整"), ("md", "en", "What-if reform"), ("html", "zh", "假设性调整")):
            assert words in render(report, fmt, lang)

    def test_a_reform_from_a_date_on_keeps_the_earlier_values(self, tmp_path: Path) -> None:
        path = tmp_path / "later.toml"
        path.write_text(
            'id = "later"\ntitle_zh = "二〇二六年起"\ntitle_en = "From 2026"\n'
            '[parameters.total_output_min]\nvalue = "1500000000"\nfrom = 2026-01-01\n',
            encoding="utf-8",
        )
        reformed = apply_reform(BASE, load_reform(path))
        assert reformed.parameters_on(dt.date(2025, 12, 31)).threshold("total_output_min").value == 2_000_000_000
        assert reformed.parameters_on(dt.date(2026, 1, 1)).threshold("total_output_min").value == 1_500_000_000

    def test_the_dated_value_carries_the_reforms_date_and_words(self) -> None:
        """The date a value takes effect and how it is cited are kept once, on its dated value."""
        reform = load_reform(
            'id = "later"\ntitle_zh = "二〇二六年起"\ntitle_en = "From 2026"\n'
            '[parameters.total_output_min]\nvalue = "1500000000"\ncites = "15亿元"\nfrom = 2026-01-01\n'
        )
        record = apply_reform(BASE, reform).records["total_output_min"]
        earlier, later = record.on(dt.date(2025, 12, 31)), record.on(dt.date(2026, 1, 1))
        assert earlier is not None and (earlier.effective_from, earlier.cites) == (dt.date(2024, 3, 15), "20亿元")
        assert later is not None and (later.effective_from, later.cites) == (dt.date(2026, 1, 1), "15亿元")
        assert later.value == dataclasses.replace(earlier.value, value=Decimal(1_500_000_000), source=later.source)


class TestWordsInLabels:
    """A check's label says the boundary word in force, never the 2024 word written into the rule."""

    @staticmethod
    def _labels(reform_text: str, tmp_path: Path) -> dict[str, tuple[str, str]]:
        reform = None
        if reform_text:
            path = tmp_path / "words.toml"
            path.write_text('id = "words"\ntitle_zh = "用词"\ntitle_en = "Words"\n' + reform_text, encoding="utf-8")
            reform = load_reform(path)
        report = evaluate(_wangqing(), ASSESSED, reform=reform)  # type: ignore[arg-type]
        return {c.id: (c.label_zh, c.label_en) for v in report.verdicts for c in v.checks}

    def test_the_2024_words(self, tmp_path: Path) -> None:
        labels = self._labels("", tmp_path)
        assert labels["industrial_software_trend"] == (
            "工业软件应用率稳步提升", "industrial software application rate rising steadily"
        )
        assert labels["co2_intensity_trend"] == ("二氧化碳排放量强度持续下降", "CO₂ emission intensity falling continuously")

    def test_a_reformed_trend_word_is_the_word_of_the_label(self, tmp_path: Path) -> None:
        labels = self._labels('[parameters.software_rate_trend]\nword = "continuously_falling"\n', tmp_path)
        assert labels["industrial_software_trend"] == (
            "工业软件应用率持续下降", "industrial software application rate falling continuously"
        )


class TestRefusing:
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('title_zh = "x"\ntitle_en = "x"\n[parameters.total_output_min]\nvalue = "1"\n', "`id` is required"),
            ('id = "x"\ntitle_zh = "x"\ntitle_en = "x"\n', "a [parameters.NAME] table is required"),
            ('id = "x"\ntitle_zh = "x"\ntitle_en = "x"\n[parameters.total_output_min]\ncites = "1"\n', "give a `value`"),
            ('id = "x"\ntitle_zh = "x"\ntitle_en = "x"\n[parameters.total_output_min]\nvalue = "lots"\n', "a number"),
            ('id = "x"\ntitle_zh = "x"\ntitle_en = "x"\n[parameters.nonexistent]\nvalue = "1"\n', "no such parameter"),
            ('id = "x"\ntitle_zh = "x"\ntitle_en = "x"\nrule_set = "other"\n[parameters.total_output_min]\nvalue = "1"\n',
             "written for rule set 'other'"),
            ('id = "x"\ntitle_zh = "x"\ntitle_en = "x"\n[parameters.total_output_min]\nvalue = "1"\nword = "about"\n',
             "not a boundary word"),
            ('id = "x"\ntitle_zh = "x"\ntitle_en = "x"\n[parameters.figure_window_years]\nvalue = "2.5"\n', "whole number"),
            ("id = [", "not valid TOML"),
        ],
    )
    def test_a_broken_reform_names_the_problem(self, tmp_path: Path, text: str, message: str) -> None:
        path = tmp_path / "broken.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RuleSetDataError, match=message.replace("[", r"\[").replace("(", r"\(")):
            apply_reform(BASE, load_reform(path))

    def test_the_command_line_refuses_a_missing_or_broken_reform_with_exit_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["evaluate", str(WANGQING), "--as-of", "2025-04-15", "--reform", str(tmp_path / "no.toml")]) == 2
        assert "no.toml" in capsys.readouterr().err
        broken = tmp_path / "broken.toml"
        broken.write_text('id = "x"\n', encoding="utf-8")
        assert main(["evaluate", str(WANGQING), "--as-of", "2025-04-15", "--reform", str(broken)]) == 2
        assert "title_zh" in capsys.readouterr().err
        assert main(["evaluate", str(WANGQING), "--as-of", "2025-04-15", "--rule-set", "jilin-1999"]) == 2
        assert "jilin-1999" in capsys.readouterr().err

    def test_what_an_option_names_is_echoed_escaped(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A rule-set id or a reform path holding ESC and bidi characters reaches the terminal escaped."""
        assert main(["evaluate", str(WANGQING), "--as-of", "2025-04-15", "--rule-set", "x\x1b[2J\u202e"]) == 2
        err = capsys.readouterr().err
        assert "\x1b" not in err and "\u202e" not in err and "\\x1b[2J" in err
        reform = tmp_path / "r\x1b[31m.toml"
        assert main(["evaluate", str(WANGQING), "--as-of", "2025-04-15", "--reform", str(reform)]) == 2
        err = capsys.readouterr().err
        assert "\x1b" not in err and "\\x1b[31m" in err


class TestDraftingARevision:
    def test_a_batch_with_and_without_the_reform_compares_outcome_by_outcome(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The README's flow: evaluate-many twice, then compare; the Wangqing cluster's 6.1 changes."""
        base, reformed = tmp_path / "base.jsonl", tmp_path / "reform.jsonl"
        common = ["evaluate-many", str(APPLICATIONS), "--as-of", "2025-04-15", "--detail", "brief"]
        assert main([*common, "--output", str(base)]) == 0
        assert main([*common, "--output", str(reformed), "--reform", str(REFORM_FILE)]) == 0
        capsys.readouterr()
        lines = [json.loads(line) for line in reformed.read_text(encoding="utf-8").splitlines()]
        assert all(line["reform"]["id"] == "output-floor-15" for line in lines)
        assert main(["compare", str(base), str(reformed), "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["changed"] == 1
        (listed,) = data["listed"]
        assert listed["cluster_name"] == "汪清县食用菌特色产业集群"
        assert listed["clause_changes"] == [{"rule_id": "6.1", "before": "fail", "after": "needs_review"}]
        assert "output-floor-15" in data["reform"]["reforms"]["values"][0]["value"]

    def test_the_lower_floor_alone_clears_6_1_but_lets_no_one_in(self) -> None:
        """Wangqing passes the reformed output floor, and stays ineligible on the clauses the reform leaves alone."""
        application = _wangqing()
        report = evaluate(application, ASSESSED, reform=load_reform(REFORM_FILE))  # type: ignore[arg-type]
        assert report.outcome is Outcome.INELIGIBLE and report.decided_by == ("6.2", "6.4", "6.5")
        assert report.verdict("6.1").status is Status.NEEDS_REVIEW  # the soft area limit remains
