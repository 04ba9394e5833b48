"""Parameters of the procedure and dynamic management chapters (Art. 9–14), each with its source, and their readings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from ..citations import citation_zh
from ..terms import TermEnd
from ..vocabulary import IncidentKind, Severity, ViolationKind
from .parameters import Parameters, Reading, RuleSet, Source

__all__ = [
    "JILIN_2024_PROCEDURE",
    "PROCEDURE_READINGS",
    "ChangeFiling",
    "FirstReportYear",
    "MeihekouRecommender",
    "ProcedureParameters",
    "TermEnd",
    "procedure_parameters",
    "procedure_parameters_on",
]

_MEASURES = "吉林省促进中小企业特色产业集群发展暂行办法（2024）"


class FirstReportYear(str, Enum):
    """Which calendar year the first Art. 13 report covers."""

    # Every calendar year in which the cluster was designated for at least one day is reported on.
    DESIGNATION_YEAR = "designation_year"
    # Only calendar years that begin with the designation already in force.
    FIRST_FULL_YEAR = "first_full_year"

    @property
    def reading(self) -> str:
        return f"reports.{self.value}"


class ChangeFiling(str, Enum):
    """By when a major change (Art. 14(4)) must be re-filed to be filed 及时, when no period in days is set."""

    # By the first yearly-report due date on or after the change, and never sooner than a minimum period after it:
    # the next regular contact with the province; never more than a year after the change.
    NEXT_DUE_DATE = "next_due_date"
    # By the due date of the report on the year of the change (up to 15 months after it).
    REPORT_ON_ITS_YEAR = "by_next_report"

    @property
    def reading(self) -> str:
        return f"changes.{self.value}"


class MeihekouRecommender(str, Enum):
    """Which body may do the Art. 9–10 prefecture work for 梅河口市, a city coded under 通化市 but administered by the
    province directly."""

    # Either 梅河口市's own department or 通化市's.
    EITHER = "either"
    # 梅河口市's own department: the province deals with it as with a prefecture.
    OWN = "own"
    # 通化市's department: the text's 所在市（州）, the prefecture its code lies in.
    TONGHUA = "tonghua"

    @property
    def reading(self) -> str:
        return f"scope.meihekou_recommender_{self.value}"


@dataclass(frozen=True, slots=True)
class ProcedureParameters:
    """Every number, period and floor of Art. 12–14, and where each comes from."""

    validity_years: int
    validity_source: Source
    extension_years: int
    extension_source: Source
    term_end: TermEnd
    report_due_month: int
    report_due_source: Source
    first_report_year: FirstReportYear
    # Days after a major change within which it must be re-filed; None: ``change_filing`` decides.
    change_filing_days: int | None
    change_filing_source: Source
    change_filing: ChangeFiling
    # Under NEXT_DUE_DATE, the fewest days a change is given before it must be re-filed.
    change_filing_min_days: int
    change_filing_min_days_source: Source
    accident_kinds: tuple[IncidentKind, ...]
    accident_severity_floor: Severity
    accident_source: Source
    security_event_kinds: tuple[IncidentKind, ...]
    security_event_severity_floor: Severity
    security_event_source: Source
    violation_kinds: tuple[ViolationKind, ...]
    violation_source: Source
    plan_goals_share_min: Decimal
    plan_goals_source: Source
    meihekou_recommender: MeihekouRecommender
    meihekou_source: Source


def _art(article: int, clause: int, quote: str) -> Source:
    return Source(_MEASURES, citation_zh(article, clause), quote)


def procedure_parameters(
    parameters: Parameters,
    *,
    term_end: TermEnd = TermEnd.DAY_BEFORE_ANNIVERSARY,
    first_report_year: FirstReportYear = FirstReportYear.DESIGNATION_YEAR,
    change_filing: ChangeFiling = ChangeFiling.NEXT_DUE_DATE,
    change_filing_days: int | None = None,
    meihekou_recommender: MeihekouRecommender = MeihekouRecommender.EITHER,
) -> ProcedureParameters:
    """The procedure's parameters: numbers, floors and kinds from a rule set's data (in force on one date), and the
    readings the keyword arguments choose (their defaults are the documented ones, docs/procedure.md)."""
    p = parameters
    return ProcedureParameters(
        validity_years=p.integer("validity_years"),
        validity_source=p.source("validity_years"),
        extension_years=p.integer("extension_years"),
        extension_source=p.source("extension_years"),
        term_end=term_end,
        report_due_month=p.integer("report_due_month"),
        report_due_source=p.source("report_due_month"),
        first_report_year=first_report_year,
        change_filing_days=change_filing_days,
        change_filing_source=_art(14, 4, "集群发生主导产业、空间范围、运营管理机构变更等重大变动未及时更新报备的"),
        change_filing=change_filing,
        change_filing_min_days=p.integer("change_filing_min_days"),
        change_filing_min_days_source=p.source("change_filing_min_days"),
        accident_kinds=p.kinds("revocation_accident_kinds", IncidentKind),
        accident_severity_floor=p.severity("revocation_accident_severity_floor"),
        accident_source=p.source("revocation_accident_severity_floor"),
        security_event_kinds=p.kinds("revocation_security_event_kinds", IncidentKind),
        security_event_severity_floor=p.severity("revocation_security_event_severity_floor"),
        security_event_source=p.source("revocation_security_event_severity_floor"),
        violation_kinds=p.kinds("revocation_violation_kinds", ViolationKind),
        violation_source=p.source("revocation_violation_kinds"),
        plan_goals_share_min=p.decimal("plan_goals_share_min"),
        plan_goals_source=p.source("plan_goals_share_min"),
        meihekou_recommender=meihekou_recommender,
        meihekou_source=_art(9, 0, "由所在市（州）进行审核推荐。"),
    )


def procedure_parameters_on(rule_set: RuleSet, day: dt.date | None = None) -> ProcedureParameters:
    """The procedure's parameters with the documented readings and ``rule_set``'s values in force on ``day`` (its
    latest values when there is no day): what the procedure applies when it is given a rule set but no parameters,
    so that a reformed or later edition's floors and periods are the ones used."""
    return _documented(rule_set.parameters if day is None else rule_set.parameters_on(day))


@lru_cache(maxsize=64)
def _documented(parameters: Parameters) -> ProcedureParameters:
    # Keyed by identity: a rule set gives one Parameters object for each period of its values, so every report on
    # a date in the same period shares one set of procedure parameters instead of reading the data again.
    return procedure_parameters(parameters)


if TYPE_CHECKING:
    JILIN_2024_PROCEDURE: ProcedureParameters


def __getattr__(name: str) -> object:
    # Built from the 2024 data on first use: the data's package imports the rules, which import this module.
    if name == "JILIN_2024_PROCEDURE":
        from .registry import get_rule_set

        edition = get_rule_set("jilin-2024")
        value = procedure_parameters_on(edition, edition.effective_date)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

_READINGS = (
    Reading(
        "validity.day_before_anniversary",
        "有效期自认定之日起算，至满三年之日的前一日止",
        "The term runs from the designation date to the day before its third anniversary",
        "A designation takes effect on the day it is published, so that day is the first day in force; three "
        "full years then end the day before the anniversary (designated 2024-03-15: last day 2027-03-14). This "
        "is how terms of titles are printed in Chinese designation lists, and the same reading the library uses "
        "for enterprise titles. A term starting on 29 February ends on 28 February.",
        ("validity.anniversary",),
        explanation_zh=(
            "认定自公布之日起生效，该日即为有效期第一日；"
            "满三年的最后一日为第三个周年日的前一日（2024年3月15日认定的，"
            "有效期至2027年3月14日）。中文认定名单通常如此标注有效期，"
            "本库对企业称号的有效期也采用同一算法。2月29日起算的，至2月28日止。"
        ),
    ),
    Reading(
        "validity.anniversary",
        "有效期按民法典第二百零一条、第二百零二条计算，届满之日为对应日",
        "The term ends on the anniversary (Civil Code art. 201–202)",
        "The Civil Code does not count the first day of a period and makes the corresponding day of the last "
        "year its last day (or the month's last day when there is none): designated 2024-03-15, last day "
        "2027-03-15.",
        ("validity.day_before_anniversary",),
        explanation_zh=(
            "民法典第二百零一条、第二百零二条：期间开始的当日不计入，期间最后一年的对应日为届满之日，"
            "无对应日的以该月末日为届满之日（2024年3月15日认定的，有效期至2027年3月15日）。"
        ),
    ),
    Reading(
        "validity.extension_from_origin",
        "复核通过的，有效期自原有效期届满次日起连续延长三年",
        "A passed review extends the term by three years without a gap",
        "The extended term is computed from the original designation date over six (nine …) years, so leap days "
        "never shift it; a review decided after expiry still extends from the original end.",
        explanation_zh=(
            "延长后的有效期从原认定日期按六年（九年……）整体计算，闰日不会使届满日漂移；"
            "有效期届满后才作出复核决定的，仍自原届满日起连续延长。"
        ),
    ),
    Reading(
        "reports.due_end_of_march",
        "“每年3月底前”含3月31日",
        "“每年3月底前” includes 31 March",
        "底 is the month's last day; a report filed on 31 March of year N+1 is in time for year N, one filed on "
        "1 April is late. No shift for holidays is applied.",
        explanation_zh=(
            "“底”指当月最后一日：某年度的情况在次年3月31日（含）前报送为按时，4月1日报送为逾期。"
            "本库没有节假日日历，不顺延。"
        ),
    ),
    Reading(
        "reports.designation_year",
        "认定当年即为第一个填报年度",
        "The designation year is the first year reported on",
        "Art. 13 asks every designated cluster for its previous year's work each March; a cluster designated "
        "during year N is a designated cluster in N and reports on it by the end of March N+1. Reports are due "
        "for every year in which the designation was in force on at least one day.",
        ("reports.first_full_year",),
        explanation_zh=(
            "第十三条要求已认定的集群每年3月底前报送上一年度情况；某年内认定的集群在该年即属已认定集群，"
            "应于次年3月底前报送该年度情况。凡有效期覆盖至少一日的年度，均应报送。"
        ),
    ),
    Reading(
        "reports.first_full_year",
        "认定次年为第一个填报年度",
        "The first full year after designation is the first year reported on",
        "Alternative: a year begun before the designation is not the cluster's year as a designated cluster.",
        ("reports.designation_year",),
        explanation_zh=("备选口径：认定前已经开始的年度不视为该集群作为已认定集群的年度，从认定次年开始报送。"),
    ),
    Reading(
        "reports.late_is_untimely",
        "逾期报送即属“未及时报送”",
        "A late report is “not reported in time”",
        "Art. 14(3) says 未及时报送: a report filed after its due date was not filed in time, as much as one "
        "never filed after it.",
        explanation_zh=(
            "第十四条第（三）项所称“未及时报送”：截止日后才报送的，与截止日后仍未报送的一样，均属未及时报送。"
        ),
    ),
    Reading(
        "review.request_deadline",
        "复核申请期限以省厅通知为准",
        "The deadline for requesting a review comes from the province's call",
        "The measures say the review takes place after the term ends but set no deadline for asking for it. "
        "An expired designation without a request is therefore open (needs review) until the record gives the "
        "deadline of the province's call; once that deadline has passed, Art. 14(1) applies.",
        explanation_zh=(
            "办法规定有效期满后开展复核，但未规定申请复核的期限。有效期满而未申请复核的，"
            "在记录给出省厅复核通知规定的截止日之前，待人工判断；该截止日过后，适用第十四条第（一）项。"
        ),
    ),
    Reading(
        "review.plan_goals_all",
        "三年发展规划目标须全部完成",
        "Every goal of the three-year plan must be met",
        "Art. 12 assesses the completion of the plan's goals without a share; the default asks for all of "
        "them (share 100 %). A lower share is a parameter.",
        explanation_zh=(
            "第十二条考核三年发展规划目标完成情况，未规定应完成的比例；默认要求全部完成（100%），"
            "较低比例可通过参数设定。"
        ),
    ),
    Reading(
        "changes.next_due_date",
        "重大变动最迟应在变动后的第一个年度情况报送截止日前报备，且至少给予30日",
        "A major change must be re-filed by the first yearly-report due date after it, with at least 30 days",
        "及时 has no period in the measures. The yearly report (Art. 13, due by the end of March) is the regular "
        "contact between the cluster and the province, so a change must reach the province no later than the "
        "first due date that follows it: a change of January 2025 by 2025-03-31, one of 1 April 2025 by "
        "2026-03-31. No change can thus stay unreported for a year or more. A change shortly before a due date "
        "is given 30 days (change_filing_min_days), the period the registration rules give for registering a "
        "change (市场主体登记管理条例 第二十四条): changed 2025-03-20, re-filed by 2025-04-19. Before its "
        "deadline an unfiled change is open (needs review); after it the ground is met.",
        ("changes.by_next_report", "changes.within_days"),
        explanation_zh=(
            "办法对“及时”未规定期限。年度情况报送（第十三条，每年3月底前）是集群与省厅之间的常规联系，"
            "重大变动最迟应在变动后的第一个报送截止日前报备："
            "2025年1月的变动应于2025年3月31日前报备，"
            "2025年4月1日的变动应于2026年3月31日前报备，因此任何变动都不会一年以上未报备。"
            "截止日前不足30日的变动给予30日（参照中华人民共和国市场主体登记管理条例第二十四条变更登记的30日期限）："
            "2025年3月20日的变动应于2025年4月19日前报备。期限届满前尚未报备的待人工判断，"
            "届满后构成该情形。"
        ),
    ),
    Reading(
        "changes.by_next_report",
        "重大变动最迟应在变动当年度情况报送截止日前报备",
        "A major change must be re-filed at the latest by the due date of the report on its year",
        "Alternative: the change is reported with the yearly report on the year it happened. This lets a change "
        "of January go unreported for up to fifteen months (January 2025 to 31 March 2026), longer than 及时 "
        "allows on a careful reading, so it is not the default.",
        ("changes.next_due_date",),
        explanation_zh=(
            "备选口径：变动随变动当年度的情况一并报送。"
            "该口径可使1月发生的变动长达十五个月未报备（2025年1月至2026年3月31日），"
            "审慎理解下超出“及时”的范围，故不作为默认口径。"
        ),
    ),
    Reading(
        "changes.within_days",
        "重大变动应在设定天数内报备",
        "A major change must be re-filed within a set number of days",
        "Alternative for a province that sets a period: change_filing_days, counted from the day after the "
        "change (changed 2025-02-10, 30 days: re-filed by 2025-03-12).",
        ("changes.next_due_date",),
        explanation_zh=(
            "备选口径，适用于省厅设定具体期限的情形：按参数change_filing_days，"
            "自变动次日起计算（2025年2月10日变动、期限30日的，应于2025年3月12日前报备）。"
        ),
    ),
    Reading(
        "findings.false_application_found",
        "虚假申报以发现之日为准，认定之日（含）以后发现的构成该情形",
        "A false application counts from the day it is found, on or after the designation date",
        "Art. 14(2) says 发现虚假申报: the conduct (the application, or a later review application) necessarily "
        "precedes the designation it obtained, so its own date cannot place it after designation; what happens "
        "to the designated cluster is the finding. A finding dated before the designation date, with the "
        "cluster designated all the same, goes to review: the province may have weighed it already.",
        explanation_zh=(
            "第十四条第（二）项称“发现虚假申报”：虚假申报行为（申报材料或复核申请）必然早于其所取得的认定，"
            "不能以行为日期判断是否发生在认定之后；认定后发生在集群身上的，是“发现”。认定日前已发现、"
            "仍予认定的，待人工判断：省厅认定时可能已考虑该发现。"
        ),
    ),
    Reading(
        "findings.violation_conduct",
        "违法违规行为以行为发生之日为准，认定之日（含）以后发生且已发现的构成该情形",
        "A violation counts from the day the conduct took place, on or after the designation date, once found",
        "存在违法违规行为 describes the designated cluster, as 已认定的……如发生 frames the whole article and as "
        "Art. 14(5) counts events from designation. Conduct before the designation date was Art. 7(4)'s concern at "
        "recognition; a finding of such conduct goes to review (it may show a false application, or conduct that "
        "went on after designation). A finding counts once its finding date is known; without the conduct date the "
        "ground cannot be decided (insufficient data).",
        explanation_zh=(
            "“存在违法违规行为”指已认定集群的行为，"
            "与第十四条“已认定的特色产业集群如发生”的总括及第（五）项自认定日起计算相一致。"
            "认定日前的行为属认定时第七条第（四）项的审查范围，发现此类行为的待人工判断（可能说明申报不实，"
            "或行为延续至认定之后）。发现日期已知时方予计入；未填报行为发生日期的，数据不足。"
        ),
    ),
    Reading(
        "revocation.after_designation",
        "第十四条第（五）项只计认定之日（含）以后发生的事件",
        "Art. 14(5) counts events from the designation date on",
        "已认定的特色产业集群如发生 looks at what happens to a designated cluster: events on or after the "
        "designation date and on or before the date of the report. Earlier events were Art. 7's concern.",
        explanation_zh=(
            "“已认定的特色产业集群如发生”针对已认定集群发生的事项：计入认定之日（含）以后、"
            "报告日期（含）以前的事件。此前的事件属第七条的审查范围。"
        ),
    ),
    Reading(
        "revocation.stricter_accident_floor",
        "撤销认定的事故等级门槛为较大及以上，严于第七条的重大及以上",
        "Revocation starts at 较大 accidents, lower than Art. 7's 重大",
        "Art. 14(5) names 较大及以上 accidents where Art. 7(2) names 重大及以上: a 较大 accident does not bar "
        "recognition but revokes it. Security events stay at 重大及以上 in both.",
        explanation_zh=(
            "第十四条第（五）项规定较大及以上事故，第七条第（二）项规定重大及以上事故：较大事故不妨碍认定，"
            "但导致撤销认定。网络安全事件和数据安全事件两条均为重大及以上。"
        ),
    ),
    Reading(
        "revocation.figures_grade",
        "生产安全事故按伤亡和损失数据对应的等级判断，数据对应等级高于申报等级的以数据为准",
        "A production-safety accident has the grade its figures give when that is above the stated grade",
        "The grade of a production-safety accident is set by the highest level its deaths, serious injuries or "
        "direct loss reach (生产安全事故报告和调查处理条例 第三条). A stated grade below what the figures give "
        "cannot lower it: three deaths stated as 一般 are a 较大 accident and meet Art. 14(5). The explanation "
        "says the stated grade was lower and prints the figures. A stated grade above complete figures goes to "
        "review, since the figures are the only grounds the library can weigh. Other kinds of incident keep "
        "their stated grade.",
        explanation_zh=(
            "生产安全事故的等级以死亡人数、重伤人数、"
            "直接经济损失中达到的最高一级确定（生产安全事故报告和调查处理条例第三条）。"
            "申报等级低于数据对应等级的，不能降低事故等级：死亡3人而申报为一般的，属较大事故，"
            "构成第十四条第（五）项情形；说明中写明申报等级较低并列出数据。申报等级高于完整数据对应等级的，"
            "待人工判断。其他类型的事件采用申报等级。"
        ),
    ),
    Reading(
        "scope.zone_review",
        "开发区、新区不是县级区划，须人工确认所属县级区划",
        "A development zone or new area is not a county-level division: a reviewer confirms the county",
        "Art. 2 and 9 place a cluster inside one county-level division. Zones carry statistical codes or none "
        "and may span several counties, so a cluster placed in one goes to review.",
        explanation_zh=(
            "第二条、第九条要求集群位于一个县级区划范围内。开发区只有统计用代码或没有代码，"
            "且可能跨越多个县级区划，位于开发区的集群须人工确认所属县级区划及申报主体。"
        ),
    ),
    Reading(
        "scope.meihekou_direct",
        "梅河口市由省直管，其所在市（州）可填写梅河口市或通化市",
        "梅河口市 is administered by the province: its prefecture may be given as 梅河口市 or 通化市",
        "梅河口市 is coded under 通化市 but administered directly by the province, which deals with it as it deals "
        "with a prefecture; a location may name either as its prefecture.",
        explanation_zh=(
            "梅河口市的区划代码隶属通化市，但由省直管，省厅将其视同市（州）；所在市（州）填写梅河口市或通化市均可。"
        ),
    ),
    Reading(
        "scope.meihekou_recommender_either",
        "梅河口市的集群可由梅河口市或通化市中小企业主管部门审核推荐",
        "梅河口市's department or 通化市's may recommend a cluster in 梅河口市",
        "Art. 9 says 由所在市（州）进行审核推荐. 通化市 is the prefecture 梅河口市's code lies in; the province, "
        "administering 梅河口市 directly, deals with its department as with a prefecture's. Both readings are "
        "defensible and the measures do not choose, so by default either body's steps are accepted and the "
        "verdict names this reading (parameter meihekou_recommender).",
        ("scope.meihekou_recommender_own", "scope.meihekou_recommender_tonghua"),
        explanation_zh=(
            "第九条规定“由所在市（州）进行审核推荐”。按区划代码，梅河口市所在市为通化市；按省直管体制，"
            "省厅将梅河口市主管部门视同市（州）主管部门。两种理解均有依据，办法未作选择，"
            "默认两者办理的步骤均予接受，"
            "并在结论中注明适用本口径（参数meihekou_recommender）。"
        ),
    ),
    Reading(
        "scope.meihekou_recommender_own",
        "梅河口市的集群由梅河口市中小企业主管部门审核推荐",
        "梅河口市's own department recommends a cluster in 梅河口市",
        "Alternative: the province deals with 梅河口市 directly, as with a prefecture, so its own department does "
        "the Art. 10 work and 通化市's steps are refused.",
        ("scope.meihekou_recommender_either", "scope.meihekou_recommender_tonghua"),
        explanation_zh=(
            "备选口径：省厅直接联系梅河口市，视同市（州），由其自身主管部门承担第十条的受理、初审、"
            "实地核查和推荐，通化市办理的步骤不予接受。"
        ),
    ),
    Reading(
        "scope.meihekou_recommender_tonghua",
        "梅河口市的集群由通化市中小企业主管部门审核推荐",
        "通化市's department recommends a cluster in 梅河口市",
        "Alternative: 所在市（州） read by the division codes, under which 梅河口市 (220581) lies in 通化市 "
        "(220500); 梅河口市's own steps as a prefecture are refused.",
        ("scope.meihekou_recommender_either", "scope.meihekou_recommender_own"),
        explanation_zh=(
            "备选口径：按区划代码理解“所在市（州）”，梅河口市（220581）属通化市（220500），"
            "梅河口市以市（州）身份办理的步骤不予接受。"
        ),
    ),
    Reading(
        "scope.changbaishan",
        "长白山管委会比照市（州）审核推荐，但无区划代码",
        "长白山管委会 recommends like a prefecture but has no division code",
        "The province treats the committee like a prefecture-level unit; its areas are not county-level "
        "divisions with codes, so the applicant must be confirmed by a reviewer.",
        explanation_zh=("省厅将长白山管委会视同市级单位；其辖区不是有区划代码的县级区划，申报主体须人工确认。"),
    ),
)

PROCEDURE_READINGS: dict[str, Reading] = {reading.id: reading for reading in _READINGS}
