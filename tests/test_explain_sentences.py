"""Explanation sentences: exact wording, figures and arithmetic, in Chinese and English."""

from __future__ import annotations

import datetime as dt

import pytest

from cluster_criteria import Report, evaluate
from cluster_criteria.explain import explain, explain_check
from cluster_criteria.testing import ApplicationBuilder

ASSESSED = dt.date(2025, 4, 15)


def _report(builder: ApplicationBuilder) -> Report:
    return evaluate(builder.build(), ASSESSED)


def _sentences(builder: ApplicationBuilder, rule_id: str, check_id: str, lang: str) -> tuple[str, str]:
    explained = explain_check(_report(builder).verdict(rule_id).check(check_id), lang)
    return explained.sentence, explained.margin_sentence


class TestShareSentence:
    def test_a_share_shows_both_figures_the_quotient_the_legal_word_and_the_result_in_chinese(self) -> None:
        """28 亿 ÷ 36 亿 reads as a division with its percentage, 不低于70% and 符合."""
        sentence, margin = _sentences(ApplicationBuilder(), "6.1", "leading_output_share.2024", "zh")
        assert sentence == "2024年主导产业产值28.00亿元 ÷ 集群总产值36.00亿元 = 77.78%，不低于70%，符合"
        assert (
            margin
            == "余量：集群总产值不变时，2024年主导产业产值比临界值25.2亿元（至少需）多2.80亿元；占比高出7.77个百分点"
        )

    def test_a_share_reads_the_same_in_english_with_cny_scale_words(self) -> None:
        """English uses CNY billion and keeps the legal word in brackets."""
        sentence, margin = _sentences(ApplicationBuilder(), "6.1", "leading_output_share.2024", "en")
        assert sentence == (
            "2024: leading-industry output CNY 2.80 billion ÷ total output CNY 3.60 billion = 77.78%, "
            "at least 70% (不低于): met"
        )
        assert margin == (
            "Headroom: with total output unchanged, leading-industry output in 2024 is CNY 280.00 million above the "
            "limit value CNY 2.52 billion; the share is 7.77 percentage points above the limit"
        )


class TestFailingFigures:
    def _low_2022(self) -> ApplicationBuilder:
        return ApplicationBuilder().year(
            2022, total_output="19.99亿元", sme_output="15亿元", leading_industry_output="15亿元"
        )

    def test_an_output_below_20_yi_states_the_shortfall_in_chinese(self) -> None:
        """19.99 亿元 is below 20 亿元 by 100 万元."""
        assert _sentences(self._low_2022(), "6.1", "total_output.2022", "zh") == (
            "2022年集群总产值19.99亿元，低于20亿元，不符合",
            "差额：2022年集群总产值至少需20亿元，差100.00万元",
        )

    def test_an_output_below_20_yi_states_the_shortfall_in_english(self) -> None:
        """The English shortfall is CNY 1 million."""
        assert _sentences(self._low_2022(), "6.1", "total_output.2022", "en") == (
            "Total output of the cluster in 2022: CNY 1.999 billion, below CNY 2 billion (以上): not met",
            "Shortfall: total output in 2022 would have to be at least CNY 2 billion, CNY 1.00 million more",
        )

    def test_research_growth_of_exactly_five_percent_is_not_above_five_percent(self) -> None:
        """高于 is strict: 1.00 → 1.1025 亿 is exactly 5 %, and the shortfall says the 2024 figure must exceed itself."""
        sentence, margin = _sentences(
            ApplicationBuilder().year(2024, sme_rd_expenditure="1.1025亿元"), "6.4", "sme_rd_growth", "zh"
        )
        assert sentence == (
            "中小企业研发经费年均增长（水平法）：2022年1.00亿元、2023年1.10亿元、2024年1.1025亿元；"
            "(1.1025 ÷ 1.00)^(1/2) − 1 = 5.00%，未高于5%，不符合"
        )
        assert margin == "差额：其余年份不变时，2024年中小企业研发经费须高于1.1025亿元（现为1.1025亿元）"

    def test_research_growth_in_english_names_the_method_and_every_year(self) -> None:
        """The English growth sentence lists the years and the geometric formula."""
        sentence, margin = _sentences(
            ApplicationBuilder().year(2024, sme_rd_expenditure="1.1025亿元"), "6.4", "sme_rd_growth", "en"
        )
        assert sentence == (
            "Average annual growth of SME R&D expenditure (geometric method): 2022 CNY 100.00 million, "
            "2023 CNY 110.00 million, 2024 CNY 110.25 million; (110.25 ÷ 100.00)^(1/2) − 1 = 5.00%, "
            "not above 5% (高于): not met"
        )
        assert margin == (
            "Shortfall: with the other years unchanged, SME R&D expenditure in 2024 would have to exceed "
            "CNY 110.25 million (it is CNY 110.25 million)"
        )

    def test_patent_growth_shortfall_is_a_whole_number_of_patents(self) -> None:
        """300 → 330 patents grows 4.88 %; 300 × 1.05² = 330.75, so 331 are needed: one more."""
        assert _sentences(
            ApplicationBuilder().year(2024, valid_invention_patents=330), "6.4", "patent_growth", "zh"
        ) == (
            "有效发明专利年均增长率（水平法）：2022年300件、2023年330件、2024年330件；(330 ÷ 300)^(1/2) − 1 = 4.88%，低于5%，不符合",
            "差额：其余年份不变时，2024年有效发明专利至少需330.75件，差0.75件（按整数计至少331件）",
        )

    def test_too_few_titled_enterprises_says_how_many_more_are_needed(self) -> None:
        """No titled enterprise: five more for the provincial group, in both languages."""
        builder = ApplicationBuilder().without_designations()
        zh = _sentences(builder, "6.2", "provincial_designations", "zh")
        en = _sentences(builder, "6.2", "provincial_designations", "en")
        assert zh[1] == "差额：还需5家符合条件的企业"
        assert en[1] == "Shortfall: 5 more qualifying enterprise(s) needed"
        assert "0家，少于5家，不符合" in zh[0]

    def test_a_penetration_just_under_eight_percent_is_short_by_percentage_points(self) -> None:
        """7.9 % is 0.10 percentage points short of 8 %."""
        builder = ApplicationBuilder().set("metrics.2.platform_penetration", "0.079")
        assert _sentences(builder, "6.5", "platform_penetration", "en") == (
            "Industrial internet platform penetration in 2024: 7.90%, below 8% (不低于): not met",
            "Shortfall: industrial internet platform penetration in 2024 would have to be at least 8%, "
            "0.10 percentage points more",
        )


class TestDeclarationsAndGaps:
    def test_a_declared_item_says_it_rests_on_the_declaration_and_names_the_evidence(self) -> None:
        """Met qualitative items are declarations with their evidence."""
        zh, _ = _sentences(ApplicationBuilder(), "6.3", "6.3.chain_layout", "zh")
        en, _ = _sentences(ApplicationBuilder(), "6.3", "6.3.chain_layout", "en")
        assert zh == "集群产业链布局合理：申报方声明已达到，依据申报方声明视为达到；证明材料：申报书附件，符合"
        assert en == (
            "The cluster's industrial chain is well laid out — declared met by the applicant; rests on that "
            "declaration; evidence: 申报书附件: met"
        )

    def test_an_unanswered_item_names_the_field_to_fill_in(self) -> None:
        """Not answered is never met, and the sentence names the input path."""
        zh, margin = _sentences(ApplicationBuilder().unanswered("6.3.chain_layout"), "6.3", "6.3.chain_layout", "zh")
        assert (
            zh
            == "集群产业链布局合理：未作答，不视为符合；缺少：定性项6.3.chain_layout的作答（qualitative.6.3.chain_layout），材料不全"
        )
        assert margin == ""

    def test_a_missing_base_year_is_named_in_the_growth_sentence(self) -> None:
        """A growth check without its first year says which figure is missing."""
        sentence, _ = _sentences(
            ApplicationBuilder().year(2022, leading_industry_output=None), "6.1", "leading_output_growth", "en"
        )
        assert sentence == (
            "Average annual growth of leading-industry output — missing: leading-industry output in 2022 "
            "(metrics[year=2022].leading_industry_output): insufficient data"
        )

    def test_an_area_above_the_soft_limit_goes_to_review_with_its_excess(self) -> None:
        """100.5 km² is 0.5 km² over the soft limit and needs review."""
        sentence, margin = _sentences(ApplicationBuilder().area("100.5"), "6.1", "area", "zh")
        assert sentence.startswith("占地面积100.50平方公里，超过100平方公里，需人工复核")
        assert margin == "超出：占地面积须不超过100平方公里，超出0.50平方公里"


class TestReportExplanation:
    def test_every_clause_of_a_full_run_is_explained_with_its_clause_text(self) -> None:
        """Twelve clauses, each with its citation, status word and quoted text."""
        explanation = explain(_report(ApplicationBuilder()), "zh")
        assert [v.citation for v in explanation.verdicts][:2] == ["第六条第（一）项", "第六条第（二）项"]
        assert len(explanation.verdicts) == 12
        assert all(v.clause_text and v.status_word == "符合" for v in explanation.verdicts[:8])
        # Art. 7 names situations that must not exist: their status says the situation is not present.
        assert all(v.clause_text and v.status_word == "不存在该情形" for v in explanation.verdicts[8:])
        assert explanation.assessment_date_text == "2025年4月15日"
        assert explanation.outcome_word == "符合基本条件"

    def test_the_checklist_names_each_missing_field_once_per_clause(self) -> None:
        """A field several checks need is listed once, with every check that needs it."""
        report = _report(ApplicationBuilder().year(2022, total_output=None))
        supply = [s for s in explain(report, "en").to_supply if s.field == "metrics[year=2022].total_output"]
        assert len(supply) == 1
        assert supply[0].citation == "Art. 6(1)"
        assert "SME share of total output in 2022" in supply[0].label

    def test_review_items_list_the_checks_a_person_must_judge(self) -> None:
        """An area over 100 km² appears among the review items."""
        items = explain(_report(ApplicationBuilder().area(120)), "en").to_review
        assert [(i.citation, i.check_id) for i in items] == [("Art. 6(1)", "area")]

    def test_the_english_date_is_day_month_year(self) -> None:
        """15 April 2025."""
        assert explain(_report(ApplicationBuilder()), "en").assessment_date_text == "15 April 2025"

    @pytest.mark.parametrize("lang", ["fr", "de"])
    def test_an_unsupported_language_is_refused(self, lang: str) -> None:
        """Only zh and en are offered."""
        with pytest.raises(ValueError, match="unsupported language"):
            explain(_report(ApplicationBuilder()), lang)
