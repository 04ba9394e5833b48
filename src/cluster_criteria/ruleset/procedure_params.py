"""Parameters of the procedure and dynamic management chapters (Art. 9–14), each with its source, and their readings."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..vocabulary import IncidentKind, Severity, ViolationKind
from .parameters import Reading, Source

__all__ = [
    "JILIN_2024_PROCEDURE",
    "PROCEDURE_READINGS",
    "ChangeFiling",
    "FirstReportYear",
    "MeihekouRecommender",
    "ProcedureParameters",
    "TermEnd",
]

_MEASURES = "吉林省促进中小企业特色产业集群发展暂行办法（2024）"


class TermEnd(str, Enum):
    """How the last day of a term of N years is counted from the designation date D."""

    # The day of designation is the first day in force; the term ends the day before the N-th anniversary.
    DAY_BEFORE_ANNIVERSARY = "day_before_anniversary"
    # Civil Code art. 201–202: the first day is not counted, so the anniversary itself is the last day.
    ANNIVERSARY = "anniversary"

    @property
    def reading(self) -> str:
        return f"validity.{self.value}"


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
    numerals = "〇一二三四五六七八九十"
    head = f"第{numerals[article] if article <= 10 else '十' + numerals[article - 10]}条"
    return Source(_MEASURES, head if clause == 0 else f"{head}第（{numerals[clause]}）项", quote)


JILIN_2024_PROCEDURE = ProcedureParameters(
    validity_years=3,
    validity_source=_art(12, 0, "特色产业集群有效期为三年。"),
    extension_years=3,
    extension_source=_art(12, 0, "复核通过的有效期延长三年。"),
    term_end=TermEnd.DAY_BEFORE_ANNIVERSARY,
    report_due_month=3,
    report_due_source=_art(13, 0, "组织特色产业集群于每年3月底前填报集群上一年度有关工作开展情况"),
    first_report_year=FirstReportYear.DESIGNATION_YEAR,
    change_filing_days=None,
    change_filing_source=_art(14, 4, "集群发生主导产业、空间范围、运营管理机构变更等重大变动未及时更新报备的"),
    change_filing=ChangeFiling.NEXT_DUE_DATE,
    change_filing_min_days=30,
    change_filing_min_days_source=Source(
        "中华人民共和国市场主体登记管理条例（国务院令第746号）",
        "第二十四条",
        "市场主体变更登记事项，应当自作出变更决议、决定或者法定变更事项发生之日起30日内向登记机关申请变更登记。",
    ),
    accident_kinds=(IncidentKind.SAFETY, IncidentKind.QUALITY, IncidentKind.ENVIRONMENTAL),
    accident_severity_floor=Severity.LARGER,
    accident_source=_art(14, 5, "集群企业发生较大及以上安全、质量和环境污染等事故"),
    security_event_kinds=(IncidentKind.NETWORK_SECURITY, IncidentKind.DATA_SECURITY),
    security_event_severity_floor=Severity.MAJOR,
    security_event_source=_art(14, 5, "重大及以上网络安全事件和数据安全事件"),
    violation_kinds=(ViolationKind.TAX_EVASION, ViolationKind.SERIOUS_DISHONESTY, ViolationKind.OTHER_MAJOR_VIOLATION),
    violation_source=_art(14, 5, "以及偷税漏税、违法违规、严重失信和其它重大问题的行为"),
    plan_goals_share_min=Decimal(1),
    plan_goals_source=_art(12, 0, "并考核集群三年发展规划目标完成情况"),
    meihekou_recommender=MeihekouRecommender.EITHER,
    meihekou_source=_art(9, 0, "由所在市（州）进行审核推荐。"),
)

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
    ),
    Reading(
        "validity.anniversary",
        "有效期按民法典第二百零一条、第二百零二条计算，届满之日为对应日",
        "The term ends on the anniversary (Civil Code art. 201–202)",
        "The Civil Code does not count the first day of a period and makes the corresponding day of the last "
        "year its last day (or the month's last day when there is none): designated 2024-03-15, last day "
        "2027-03-15.",
        ("validity.day_before_anniversary",),
    ),
    Reading(
        "validity.extension_from_origin",
        "复核通过的，有效期自原有效期届满次日起连续延长三年",
        "A passed review extends the term by three years without a gap",
        "The extended term is computed from the original designation date over six (nine …) years, so leap days "
        "never shift it; a review decided after expiry still extends from the original end.",
    ),
    Reading(
        "reports.due_end_of_march",
        "“每年3月底前”含3月31日",
        "“每年3月底前” includes 31 March",
        "底 is the month's last day; a report filed on 31 March of year N+1 is in time for year N, one filed on "
        "1 April is late. No shift for holidays is applied.",
    ),
    Reading(
        "reports.designation_year",
        "认定当年即为第一个填报年度",
        "The designation year is the first year reported on",
        "Art. 13 asks every designated cluster for its previous year's work each March; a cluster designated "
        "during year N is a designated cluster in N and reports on it by the end of March N+1. Reports are due "
        "for every year in which the designation was in force on at least one day.",
        ("reports.first_full_year",),
    ),
    Reading(
        "reports.first_full_year",
        "认定次年为第一个填报年度",
        "The first full year after designation is the first year reported on",
        "Alternative: a year begun before the designation is not the cluster's year as a designated cluster.",
        ("reports.designation_year",),
    ),
    Reading(
        "reports.late_is_untimely",
        "逾期报送即属“未及时报送”",
        "A late report is “not reported in time”",
        "Art. 14(3) says 未及时报送: a report filed after its due date was not filed in time, as much as one "
        "never filed after it.",
    ),
    Reading(
        "review.request_deadline",
        "复核申请期限以省厅通知为准",
        "The deadline for requesting a review comes from the province's call",
        "The measures say the review takes place after the term ends but set no deadline for asking for it. "
        "An expired designation without a request is therefore open (needs review) until the record gives the "
        "deadline of the province's call; once that deadline has passed, Art. 14(1) applies.",
    ),
    Reading(
        "review.plan_goals_all",
        "三年发展规划目标须全部完成",
        "Every goal of the three-year plan must be met",
        "Art. 12 assesses the completion of the plan's goals without a share; the default asks for all of "
        "them (share 100 %). A lower share is a parameter.",
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
    ),
    Reading(
        "changes.by_next_report",
        "重大变动最迟应在变动当年度情况报送截止日前报备",
        "A major change must be re-filed at the latest by the due date of the report on its year",
        "Alternative: the change is reported with the yearly report on the year it happened. This lets a change "
        "of January go unreported for up to fifteen months (January 2025 to 31 March 2026), longer than 及时 "
        "allows on a careful reading, so it is not the default.",
        ("changes.next_due_date",),
    ),
    Reading(
        "changes.within_days",
        "重大变动应在设定天数内报备",
        "A major change must be re-filed within a set number of days",
        "Alternative for a province that sets a period: change_filing_days, counted from the day after the "
        "change (changed 2025-02-10, 30 days: re-filed by 2025-03-12).",
        ("changes.next_due_date",),
    ),
    Reading(
        "findings.false_application_found",
        "虚假申报以发现之日为准，认定之日（含）以后发现的构成该情形",
        "A false application counts from the day it is found, on or after the designation date",
        "Art. 14(2) says 发现虚假申报: the conduct (the application, or a later review application) necessarily "
        "precedes the designation it obtained, so its own date cannot place it after designation; what happens "
        "to the designated cluster is the finding. A finding dated before the designation date, with the "
        "cluster designated all the same, goes to review: the province may have weighed it already.",
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
    ),
    Reading(
        "revocation.after_designation",
        "第十四条第（五）项只计认定之日（含）以后发生的事件",
        "Art. 14(5) counts events from the designation date on",
        "已认定的特色产业集群如发生 looks at what happens to a designated cluster: events on or after the "
        "designation date and on or before the date of the report. Earlier events were Art. 7's concern.",
    ),
    Reading(
        "revocation.stricter_accident_floor",
        "撤销认定的事故等级门槛为较大及以上，严于第七条的重大及以上",
        "Revocation starts at 较大 accidents, lower than Art. 7's 重大",
        "Art. 14(5) names 较大及以上 accidents where Art. 7(2) names 重大及以上: a 较大 accident does not bar "
        "recognition but revokes it. Security events stay at 重大及以上 in both.",
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
    ),
    Reading(
        "scope.zone_review",
        "开发区、新区不是县级区划，须人工确认所属县级区划",
        "A development zone or new area is not a county-level division: a reviewer confirms the county",
        "Art. 2 and 9 place a cluster inside one county-level division. Zones carry statistical codes or none "
        "and may span several counties, so a cluster placed in one goes to review.",
    ),
    Reading(
        "scope.meihekou_direct",
        "梅河口市由省直管，其所在市（州）可填写梅河口市或通化市",
        "梅河口市 is administered by the province: its prefecture may be given as 梅河口市 or 通化市",
        "梅河口市 is coded under 通化市 but administered directly by the province, which deals with it as it deals "
        "with a prefecture; a location may name either as its prefecture.",
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
    ),
    Reading(
        "scope.meihekou_recommender_own",
        "梅河口市的集群由梅河口市中小企业主管部门审核推荐",
        "梅河口市's own department recommends a cluster in 梅河口市",
        "Alternative: the province deals with 梅河口市 directly, as with a prefecture, so its own department does "
        "the Art. 10 work and 通化市's steps are refused.",
        ("scope.meihekou_recommender_either", "scope.meihekou_recommender_tonghua"),
    ),
    Reading(
        "scope.meihekou_recommender_tonghua",
        "梅河口市的集群由通化市中小企业主管部门审核推荐",
        "通化市's department recommends a cluster in 梅河口市",
        "Alternative: 所在市（州） read by the division codes, under which 梅河口市 (220581) lies in 通化市 "
        "(220500); 梅河口市's own steps as a prefecture are refused.",
        ("scope.meihekou_recommender_either", "scope.meihekou_recommender_own"),
    ),
    Reading(
        "scope.changbaishan",
        "长白山管委会比照市（州）审核推荐，但无区划代码",
        "长白山管委会 recommends like a prefecture but has no division code",
        "The province treats the committee like a prefecture-level unit; its areas are not county-level "
        "divisions with codes, so the applicant must be confirmed by a reviewer.",
    ),
)

PROCEDURE_READINGS: dict[str, Reading] = {reading.id: reading for reading in _READINGS}
