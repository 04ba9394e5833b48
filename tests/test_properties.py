"""Hypothesis properties of every numeric threshold: exact boundaries (inclusive words pass at the limit, strict
words fail there), monotonicity (raising a figure never turns a pass into a fail), and no exception on any valid
application. Limits are read from the rule set, not written here."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_criteria import GrowthMethod, Status, evaluate
from cluster_criteria.arithmetic import growth_meets, growth_rate
from cluster_criteria.jsonio import report_from_json, report_to_json
from cluster_criteria.models import Incident
from cluster_criteria.ruleset import Comparison
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.severity import grade
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.testing import strategies as cs
from cluster_criteria.vocabulary import Severity
from helpers import AS_OF, verdict_of

P = JILIN_2024.parameters
FAST = settings(max_examples=60, deadline=None)

yuan = st.integers(min_value=1, max_value=10**12).map(Decimal)
cents = st.integers(min_value=0, max_value=10**13).map(lambda n: Decimal(n) / 100)


def _status(builder: ApplicationBuilder, rule_id: str, check_id: str, **options: str) -> Status:
    return verdict_of(builder, rule_id, **options).check(check_id).status


class TestTotalOutputProperty:
    @FAST
    @given(total=cents)
    def test_passes_exactly_when_at_or_above_the_limit(self, total: Decimal) -> None:
        """total ≥ 20亿 ⇔ the 2022 check passes (以上 is inclusive)."""
        part = total * Decimal("0.8")
        builder = ApplicationBuilder().year(2022, total_output=total, sme_output=part, leading_industry_output=part)
        expected = Status.PASS if total >= P.threshold("total_output_min").value else Status.FAIL
        assert _status(builder, "6.1", "total_output.2022") is expected

    @FAST
    @given(total=cents, extra=cents)
    def test_raising_total_output_never_turns_a_pass_into_a_fail(self, total: Decimal, extra: Decimal) -> None:
        """Monotonic in the total."""
        low = ApplicationBuilder().year(2024, total_output=total, sme_output=0, leading_industry_output=0)
        high = ApplicationBuilder().year(2024, total_output=total + extra, sme_output=0, leading_industry_output=0)
        if _status(low, "6.1", "total_output.2024") is Status.PASS:
            assert _status(high, "6.1", "total_output.2024") is Status.PASS


class TestShareProperty:
    @FAST
    @given(total=yuan, data=st.data())
    def test_sme_share_passes_exactly_at_or_above_sixty_percent(self, total: Decimal, data: st.DataObject) -> None:
        """part ÷ total ≥ 0.60 ⇔ pass, decided exactly (part at the limit included)."""
        limit_part = total * P.threshold("sme_output_share_min").value
        part = data.draw(
            st.sampled_from([limit_part, max(limit_part - 1, Decimal(0)), min(limit_part + 1, total)])
            | st.integers(0, int(total)).map(Decimal)
        )
        builder = ApplicationBuilder().year(2022, total_output=total, sme_output=part, leading_industry_output=total)
        expected = (
            Status.PASS
            if Fraction(part) >= Fraction(P.threshold("sme_output_share_min").value) * Fraction(total)
            else Status.FAIL
        )
        assert _status(builder, "6.1", "sme_output_share.2022") is expected

    @FAST
    @given(total=yuan, share=st.fractions(0, 1), more=st.fractions(0, 1))
    def test_raising_the_leading_output_never_turns_a_pass_into_a_fail(
        self, total: Decimal, share: Fraction, more: Fraction
    ) -> None:
        """Monotonic in the part, the total held."""
        low = Decimal(int(total * Decimal(share.numerator) / Decimal(share.denominator)))
        high = min(total, low + Decimal(int(total * Decimal(more.numerator) / Decimal(more.denominator))))
        before = ApplicationBuilder().year(2023, total_output=total, sme_output=total, leading_industry_output=low)
        after = ApplicationBuilder().year(2023, total_output=total, sme_output=total, leading_industry_output=high)
        if _status(before, "6.1", "leading_output_share.2023") is Status.PASS:
            assert _status(after, "6.1", "leading_output_share.2023") is Status.PASS


class TestGrowthProperty:
    @FAST
    @given(base=yuan, method=st.sampled_from(list(GrowthMethod)))
    def test_growth_exactly_at_the_limit_passes_budiyu_and_fails_gaoyu(
        self, base: Decimal, method: GrowthMethod
    ) -> None:
        """A series growing by exactly g each year meets 不低于 g and misses 高于 g, by either method."""
        g = P.threshold("leading_output_growth_min").value
        series = [base, base * (1 + g), base * (1 + g) ** 2]
        assert growth_meets(series, method, Comparison.AT_LEAST, g)
        assert not growth_meets(series, method, Comparison.ABOVE, g)
        assert growth_rate(series, method) == g

    @FAST
    @given(first=yuan, middle=yuan, last=yuan, extra=yuan, method=st.sampled_from(list(GrowthMethod)))
    def test_raising_the_last_year_never_turns_growth_from_pass_to_fail(
        self, first: Decimal, middle: Decimal, last: Decimal, extra: Decimal, method: GrowthMethod
    ) -> None:
        """Monotonic in the final year, both methods, both words."""
        for comparison in (Comparison.AT_LEAST, Comparison.ABOVE):
            if growth_meets([first, middle, last], method, comparison, Decimal("0.05")):
                assert growth_meets([first, middle, last + extra], method, comparison, Decimal("0.05"))

    @FAST
    @given(first=yuan, middle=yuan, last=yuan, method=st.sampled_from(list(GrowthMethod)))
    def test_the_exact_decision_agrees_with_the_displayed_rate_away_from_the_limit(
        self, first: Decimal, middle: Decimal, last: Decimal, method: GrowthMethod
    ) -> None:
        """Where the rounded rate is clearly on one side, the exact decision is on the same side."""
        rate = growth_rate([first, middle, last], method)
        g = Decimal("0.05")
        if abs(rate - g) > Decimal("1e-20"):
            assert growth_meets([first, middle, last], method, Comparison.AT_LEAST, g) == (rate > g)

    @FAST
    @given(rd_2022=st.integers(1, 10**10).map(Decimal))
    def test_rd_growth_at_exactly_five_percent_fails_and_a_yuan_more_passes(self, rd_2022: Decimal) -> None:
        """高于5%: 1.1025 × base fails; 1.1025 × base + 1 元 passes."""
        factor = (1 + P.threshold("rd_growth_min").value) ** 2
        at_limit = (
            ApplicationBuilder().year(2022, sme_rd_expenditure=rd_2022).year(2024, sme_rd_expenditure=rd_2022 * factor)
        )
        above = (
            ApplicationBuilder()
            .year(2022, sme_rd_expenditure=rd_2022)
            .year(2024, sme_rd_expenditure=rd_2022 * factor + 1)
        )
        assert _status(at_limit, "6.4", "sme_rd_growth") is Status.FAIL
        assert _status(above, "6.4", "sme_rd_growth") is Status.PASS


class TestLatestYearProperties:
    @FAST
    @given(patents=st.integers(0, 10**6), employees=st.integers(1, 10**7))
    def test_patent_density_passes_exactly_at_five_per_ten_thousand(self, patents: int, employees: int) -> None:
        """patents × 10,000 ≥ 5 × employees ⇔ pass."""
        builder = ApplicationBuilder().year(2024, valid_invention_patents=patents, employees=employees)
        expected = patents * P.decimal("patents_per_employees") >= P.threshold("patents_per_10k_min").value * employees
        assert (_status(builder, "6.4", "patents_per_10k") is Status.PASS) == expected

    @FAST
    @given(total=st.integers(1, 10**6), data=st.data())
    def test_penetration_from_counts_passes_exactly_at_eight_percent(self, total: int, data: st.DataObject) -> None:
        """users ÷ total ≥ 8 % ⇔ pass, with users drawn around the limit."""
        limit = int(P.threshold("platform_penetration_min").value * total)
        users = data.draw(st.sampled_from([limit, max(limit - 1, 0), min(limit + 1, total)]) | st.integers(0, total))
        builder = ApplicationBuilder().year(
            2024, platform_penetration=None, platform_using_enterprises=users, enterprises_total=total
        )
        expected = Fraction(users, total) >= Fraction(P.threshold("platform_penetration_min").value)
        assert (_status(builder, "6.5", "platform_penetration") is Status.PASS) == expected

    @FAST
    @given(area=st.decimals(min_value=0, max_value=10**6, places=2))
    def test_area_never_fails_only_passes_or_needs_review(self, area: Decimal) -> None:
        """The soft limit: ≤ 100 km² passes, above needs review, never a fail."""
        expected = Status.PASS if area <= P.threshold("area_max_km2").value else Status.NEEDS_REVIEW
        assert _status(ApplicationBuilder().area(area), "6.1", "area") is expected

    @FAST
    @given(consumption=st.decimals(0, 10**4, places=3), benchmark=st.decimals(0, 10**4, places=3))
    def test_efficiency_passes_only_strictly_below_the_benchmark(
        self, consumption: Decimal, benchmark: Decimal
    ) -> None:
        """高于基准值 means strictly lower unit consumption."""
        builder = ApplicationBuilder().efficiency("energy", consumption, benchmark)
        expected = Status.PASS if consumption < benchmark else Status.FAIL
        assert _status(builder, "6.6", "energy_efficiency") is expected


def _year_figures() -> st.SearchStrategy[dict[str, object]]:
    amount = st.one_of(st.none(), cents)
    return st.fixed_dictionaries(
        {},
        optional={
            "total_output": amount,
            "sme_rd_expenditure": amount,
            "valid_invention_patents": st.integers(0, 10**6),
            "employees": st.integers(0, 10**7),
            "platform_penetration": st.decimals(0, 1, places=4),
            "industrial_software_rate": st.decimals(0, 1, places=4),
            "co2_intensity": st.decimals(0, 100, places=3),
        },
    )


class TestNeverRaises:
    @settings(max_examples=80, deadline=None)
    @given(
        years=st.lists(_year_figures(), min_size=0, max_size=4),
        method=st.sampled_from(list(GrowthMethod)),
        sharing=st.sampled_from(["all_listed", "any_listed"]),
        area=st.one_of(st.none(), st.decimals(0, 10**5, places=2)),
    )
    def test_evaluation_never_raises_on_a_valid_application(
        self, years: list[dict[str, object]], method: GrowthMethod, sharing: str, area: Decimal | None
    ) -> None:
        """Any valid application gives twelve verdicts, whatever is missing or zero."""
        data = ApplicationBuilder().area(area).data()
        data["metrics"] = [
            {"year": 2024 - len(years) + 1 + i, **{k: v for k, v in y.items() if v is not None}}
            for i, y in enumerate(years)
        ]
        from cluster_criteria import load_application

        report = evaluate(load_application(data), AS_OF, growth_method=method, sharing_rule=sharing)
        assert len(report.verdicts) == 12
        # One verdict per rule of the rule set in force, in legal order: none skipped, repeated or reordered.
        assert [v.rule_id for v in report.verdicts] == [rule.rule_id for rule in JILIN_2024.rules]
        # The report survives its JSON form unchanged, whatever was missing or zero.
        assert report_from_json(report_to_json(report)) == report


class TestCountAndTrendProperties:
    @settings(max_examples=20, deadline=None)
    @given(count=st.integers(0, 12), doubled=st.booleans())
    def test_provincial_titles_pass_exactly_from_five_distinct_enterprises(self, count: int, doubled: bool) -> None:
        """n distinct enterprises ≥ 5 ⇔ the provincial check passes; a second title on each changes nothing."""
        builder = ApplicationBuilder().without_designations()
        titles = ("provincial_srdi_sme", "high_tech_enterprise") if doubled else ("provincial_srdi_sme",)
        for n in range(count):
            builder.enterprise(f"企业{n}", *titles)
        check = verdict_of(builder, "6.2").check("provincial_designations")
        assert check.value == count
        assert (check.status is Status.PASS) == (count >= P.threshold("provincial_designations_min").value)

    @FAST
    @given(rates=st.lists(st.decimals(0, 1, places=3), min_size=3, max_size=3))
    def test_the_software_rate_passes_exactly_when_strictly_rising(self, rates: list[Decimal]) -> None:
        """稳步提升 ⇔ r2022 < r2023 < r2024."""
        builder = ApplicationBuilder()
        for year, rate in zip((2022, 2023, 2024), rates, strict=True):
            builder.year(year, industrial_software_rate=rate)
        rising = rates[0] < rates[1] < rates[2]
        assert (_status(builder, "6.5", "industrial_software_trend") is Status.PASS) == rising

    @FAST
    @given(values=st.lists(st.decimals(0, 10, places=3), min_size=3, max_size=3))
    def test_the_co2_intensity_passes_exactly_when_strictly_falling(self, values: list[Decimal]) -> None:
        """持续下降 ⇔ i2022 > i2023 > i2024: a year that holds level or rises breaks the fall."""
        builder = ApplicationBuilder()
        for year, value in zip((2022, 2023, 2024), values, strict=True):
            builder.year(year, co2_intensity=value)
        falling = values[0] > values[1] > values[2]
        assert (_status(builder, "6.6", "co2_intensity_trend") is Status.PASS) == falling


class TestShareBoundaryAndMonotonicity:
    @FAST
    @given(total=yuan, data=st.data())
    def test_leading_share_passes_exactly_as_its_word_says(self, total: Decimal, data: st.DataObject) -> None:
        """leading ÷ total against 不低于70 %, decided exactly, with the part drawn at, just under and just over the
        limit as often as anywhere else."""
        threshold = P.threshold("leading_output_share_min")
        limit_part = total * threshold.value
        part = data.draw(
            st.sampled_from([limit_part, max(limit_part - 1, Decimal(0)), min(limit_part + 1, total)])
            | st.integers(0, int(total)).map(Decimal)
        )
        builder = ApplicationBuilder().year(2022, total_output=total, sme_output=total, leading_industry_output=part)
        holds = threshold.word.comparison.holds(Fraction(part) / Fraction(total), Fraction(threshold.value))
        assert _status(builder, "6.1", "leading_output_share.2022") is (Status.PASS if holds else Status.FAIL)

    @FAST
    @given(total=yuan, share=st.fractions(0, 1), more=st.fractions(0, 1))
    def test_raising_the_sme_output_never_turns_a_pass_into_a_fail(
        self, total: Decimal, share: Fraction, more: Fraction
    ) -> None:
        """Monotonic in the SME part, the total held."""
        low = Decimal(int(total * Decimal(share.numerator) / Decimal(share.denominator)))
        high = min(total, low + Decimal(int(total * Decimal(more.numerator) / Decimal(more.denominator))))
        before = ApplicationBuilder().year(2023, total_output=total, sme_output=low, leading_industry_output=total)
        after = ApplicationBuilder().year(2023, total_output=total, sme_output=high, leading_industry_output=total)
        if _status(before, "6.1", "sme_output_share.2023") is Status.PASS:
            assert _status(after, "6.1", "sme_output_share.2023") is Status.PASS


class TestPatentGrowthProperty:
    @FAST
    @given(first=st.integers(1, 10**6))
    def test_the_fewest_whole_patents_that_meet_the_growth_pass_and_one_fewer_fails(self, first: int) -> None:
        """With the default geometric rate, 年均增长率不低于 g over the window needs last ≥ first × (1 + g)²: the
        smallest whole count that reaches it passes, one patent fewer fails (computed exactly in Decimal)."""
        g = P.threshold("patent_growth_min").value
        assert P.threshold("patent_growth_min").word.comparison is Comparison.AT_LEAST
        needed = (Decimal(first) * (1 + g) ** 2).to_integral_value(rounding=ROUND_CEILING)

        def status(last: Decimal) -> Status:
            builder = ApplicationBuilder().year(2022, valid_invention_patents=first)
            builder.year(2023, valid_invention_patents=first).year(2024, valid_invention_patents=last)
            return _status(builder, "6.4", "patent_growth")

        assert status(needed) is Status.PASS
        assert status(needed - 1) is Status.FAIL


def _reaches(figures: tuple[int, int, Decimal], floor: Severity) -> bool:
    """Whether casualties and loss reach ``floor`` on the production-safety table of the rule set: one figure at or
    above the floor band's lower bound is enough (the regulation's 以上 includes the number)."""
    band = next(b for b in P.bands("production_safety_bands") if b.severity is floor)
    deaths, injuries, loss = figures
    return deaths >= band.deaths or injuries >= band.serious_injuries or loss >= band.direct_loss_yuan


def _around_bands(field: str, floor: Severity) -> st.SearchStrategy[Any]:
    """A figure at, just under or just over a band's lower bound (one person, one fen), or anywhere from zero to
    twice the floor band's bound, so that figures below the floor are drawn as often as figures reaching it."""
    bands = P.bands("production_safety_bands")
    top = 2 * getattr(next(b for b in bands if b.severity is floor), field)
    if field == "direct_loss_yuan":
        edges = [b.direct_loss_yuan + d for b in bands for d in (Decimal("-0.01"), Decimal(0), Decimal("0.01"))]
        return st.sampled_from(edges) | st.integers(0, int(top * 100)).map(lambda n: Decimal(n) / 100)
    counts = [getattr(b, field) + d for b in bands for d in (-1, 0, 1)]
    return st.sampled_from(counts) | st.integers(0, top)


def casualties_and_loss(floor: Severity) -> st.SearchStrategy[tuple[int, int, Decimal]]:
    return st.tuples(*(_around_bands(f, floor) for f in ("deaths", "serious_injuries", "direct_loss_yuan")))


def _accident(figures: tuple[int, int, Decimal]) -> dict[str, Any]:
    deaths, injuries, loss = figures
    return {"deaths": deaths, "serious_injuries": injuries, "direct_loss": f"{loss}元"}


class TestAccidentGradeProperty:
    @FAST
    @given(figures=casualties_and_loss(P.severity("accident_severity_floor")))
    def test_a_safety_accident_without_a_stated_grade_excludes_exactly_from_the_floor(
        self, figures: tuple[int, int, Decimal]
    ) -> None:
        """No grade stated, every figure given: 7(2) fails ⇔ deaths ≥ 10 or serious injuries ≥ 50 or direct loss ≥
        5000万元 (the 重大 band, the floor 重大及以上), limits read from the rule set."""
        builder = ApplicationBuilder().incident("safety", "2024-01-10", **_accident(figures))
        verdict = verdict_of(builder, "7.2")
        assert verdict.status is (
            Status.FAIL if _reaches(figures, P.severity("accident_severity_floor")) else Status.PASS
        )

    @FAST
    @given(figures=casualties_and_loss(Severity.LARGER), which=st.integers(0, 2), extra=st.integers(0, 10**6))
    def test_raising_one_figure_never_lowers_the_grade(
        self, figures: tuple[int, int, Decimal], which: int, extra: int
    ) -> None:
        """More deaths, injuries or loss, the others held, give the same grade or a higher one."""
        raised = list(figures)
        raised[which] = raised[which] + (Decimal(extra) / 100 if which == 2 else extra)
        before = grade(Incident.model_validate({"kind": "safety", "date": "2024-01-10", **_accident(figures)}), P)
        after = grade(
            Incident.model_validate(
                {"kind": "safety", "date": "2024-01-10", **_accident((raised[0], raised[1], raised[2]))}
            ),
            P,
        )
        assert before.exact and after.exact  # every figure given: the grade is known, not a range
        assert before.lower_bound is not None and after.lower_bound is not None
        assert after.lower_bound.rank >= before.lower_bound.rank


def _window_start(as_of: dt.date, years: int) -> dt.date:
    """The documented reading of 近三年 (docs/interpretation.md, window.events): the same day ``years`` calendar years
    earlier, 29 February falling back to 28 February in a common year."""
    try:
        return as_of.replace(year=as_of.year - years)
    except ValueError:
        return as_of.replace(year=as_of.year - years, day=28)


@st.composite
def _dates_and_event(draw: st.DrawFn) -> tuple[dt.date, dt.date]:
    """An assessment date (29 February and its neighbours often) and an event date anywhere around its window, on
    either edge of it or on a 29 February near it."""
    as_of = draw(cs.assessment_dates(max_year=2060))
    start = _window_start(as_of, P.integer("event_window_years"))
    day = dt.timedelta(days=1)
    leap_days = [dt.date(y, 2, 29) for y in range(as_of.year - 4, as_of.year + 1) if calendar.isleap(y)]
    edges = [start - day, start, start + day, as_of - day, as_of, as_of + day, *leap_days]
    offsets = st.integers(-5 * 366, 366).map(lambda n: as_of + dt.timedelta(days=n))
    return as_of, draw(st.sampled_from(edges) | offsets)


class TestEventWindowProperty:
    @FAST
    @given(dates=_dates_and_event(), rule=st.sampled_from([("7.2", "safety"), ("7.3", "network_security")]))
    def test_an_event_at_the_floor_counts_exactly_inside_the_documented_window(
        self, dates: tuple[dt.date, dt.date], rule: tuple[str, str]
    ) -> None:
        """A 重大 event excludes the cluster ⇔ as_of − 3 years ≤ date ≤ as_of, both days included; the window's
        start is the documented reading, which is also as_of − relativedelta(years=3)."""
        as_of, day = dates
        rule_id, kind = rule
        years = P.integer("event_window_years")
        start = _window_start(as_of, years)
        assert start == as_of - relativedelta(years=years)
        floor = P.severity("accident_severity_floor" if rule_id == "7.2" else "security_event_severity_floor")
        builder = ApplicationBuilder().assessed_on(as_of).incident(kind, day.isoformat(), floor.value)
        inside = start <= day <= as_of
        assert verdict_of(builder, rule_id, as_of).status is (Status.FAIL if inside else Status.PASS)
