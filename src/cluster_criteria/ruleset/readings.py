"""The readings of the text that the rules apply, each with its reason; docs/interpretation.md expands them."""

from __future__ import annotations

from .parameters import Reading

__all__ = ["READINGS"]

_ALL = (
    Reading(
        "boundary.inclusive",
        "以上、不低于、不少于、不超过含本数",
        "以上 / 不低于 / 不少于 / 不超过 include the limit",
        "Civil Code art. 1259 makes 以上 and 以下 include the number; 不低于, 不少于 and 不超过 say so in plain "
        "words. A figure exactly at the limit meets it.",
        explanation_zh="民法典第一千二百五十九条规定“以上”含本数；“不低于”“不少于”“不超过”字面即含本数。恰好等于限值的数据满足条件。",
    ),
    Reading(
        "boundary.strict",
        "高于为严格大于",
        "高于 is strictly greater",
        "高于 (higher than) excludes equality: a figure equal to the limit does not meet it.",
        explanation_zh="“高于”不含本数：与限值相等的数据不满足条件。",
    ),
    Reading(
        "window.figures",
        "近三年（数据）为评估年度之前三个完整日历年度",
        "近三年 for figures: the three complete calendar years before the assessment year",
        "Annual statistics exist only for closed calendar years, so an assessment in year N uses N-3, N-2 and "
        "N-1. A year the application does not report is missing data, never zero.",
        explanation_zh="年度统计数据只存在于已结束的日历年度，评估年度为N时使用N-3、N-2、N-1年的数据。申报未填的年度作缺失处理，绝不按零计。",
    ),
    Reading(
        "window.whole",
        "时间范围内每一年的数据都须齐全",
        "Every year of a window must be reported",
        "A check reads every year its window covers, whatever its formula: the geometric growth rate uses only the "
        "first and last years, but a year missing in between is missing data, not a silent pass.",
        explanation_zh="无论采用何种计算方法，检查所覆盖时间范围内每一年的数据都须申报：水平法只用首末两年的数值，但中间年份缺失仍属材料不全，不得默认通过。",
    ),
    Reading(
        "each_year",
        "每年均：逐年分别判断，须全部满足",
        "每年均: each year on its own, all must hold",
        "均 distributes the test over the years; one year below the limit fails the condition.",
        explanation_zh="“均”表示逐年分别判断，任何一年未达限值即不满足。",
    ),
    Reading(
        "latest_year",
        "未写时间的指标取最近一个报告年度",
        "A limit without a time word applies to the latest reported year",
        "Rates such as the platform penetration or patents per 10,000 people describe the cluster's present "
        "state; the most recent complete year is the best evidence of it.",
        explanation_zh="平台应用普及率、每万人发明专利等指标描述集群现状，以最近一个完整年度的数据为准。",
    ),
    Reading(
        "window.events",
        "近三年（事件）为评估日往前推三个日历年（含首尾两日）",
        "近三年 for events: from the assessment date minus three calendar years to the assessment date, inclusive",
        "Events have dates, not years. The window starts on the same calendar day three years earlier "
        "(29 February falls back to 28 February) and both ends are inside.",
        explanation_zh="事件以日期计。时间范围自评估日往前推三个日历年的同一日起（2月29日退至2月28日），至评估日止，首尾两日均含在内。",
    ),
    Reading(
        "no_window.violations",
        "第七条第（四）项不设时间范围",
        "Art. 7(4) has no time window",
        "Unlike 7(2) and 7(3), 7(4) says 有 (has) without 近三年: any recorded finding counts, whenever it was.",
        explanation_zh="第七条第（二）（三）项有“近三年”，第（四）项只写“有”，故任何时间的此类记录均予计入。",
    ),
    Reading(
        "growth.geometric",
        "年均增速按水平法（几何平均）计算",
        "Average annual growth by the geometric (level) method",
        "(Y3 / Y1)^(1/2) - 1 is the method of official statistics for 年均增长速度 and depends only on the "
        "first and last years. It is the default.",
        alternatives=("growth.arithmetic_mean_of_ratios",),
        explanation_zh="(Y3/Y1)^(1/2) - 1 是统计部门计算年均增长速度的方法（水平法），只取决于首末两年，为默认方法。",
    ),
    Reading(
        "growth.arithmetic_mean_of_ratios",
        "年均增速按各年增长比率的算术平均计算",
        "Average annual growth as the arithmetic mean of the yearly ratios",
        "1/2 x (Y2/Y1 + Y3/Y2) - 1, the formula of the high-tech enterprise guideline (国科发火〔2016〕195号). "
        "Offered as an alternative; choose it in the evaluation context.",
        alternatives=("growth.geometric",),
        explanation_zh="1/2 × (Y2/Y1 + Y3/Y2) - 1，即高新技术企业认定工作指引（国科发火〔2016〕195号）的公式，可在评估时选用。",
    ),
    Reading(
        "growth.exact_comparison",
        "增速与门槛以交叉相乘精确比较",
        "Growth is compared with its limit exactly, by cross-multiplication",
        "A rounded root or quotient could put a figure exactly at the limit on the wrong side; the decision "
        "compares products of the reported figures, the displayed rate is rounded for reading only.",
        explanation_zh="四舍五入后的开方或商可能把恰在限值上的数据判到错误一侧；判断以申报数据的乘积精确比较，显示的增速仅供阅读。",
    ),
    Reading(
        "growth.positive_base",
        "基期为零或负数时无法计算增速",
        "No growth rate from a zero or negative base",
        "A rate needs a positive base year (and, for the mean of ratios, a positive middle year): otherwise "
        "the check has insufficient data with that reason.",
        explanation_zh="计算增速需要基期（算术平均法还需中间年度）为正数，否则该项为材料不全并说明原因。",
    ),
    Reading(
        "count.distinct_enterprises",
        "按企业（统一社会信用代码）计数，一家企业只计一次",
        "Count distinct enterprises by credit code, each once",
        "家 counts enterprises, not titles: an enterprise holding two titles of the same group counts once.",
        explanation_zh="“家”按企业计数，一家企业在同一组内持有两个称号只计一次。",
    ),
    Reading(
        "count.leading_industry_only",
        "只计属于集群主导产业的企业",
        "Only enterprises of the leading industry count",
        "The clause says 属于集群主导产业的. An enterprise whose membership is not stated is listed as missing data.",
        explanation_zh="条文写明“属于集群主导产业的”。未说明是否属于主导产业的企业列为缺失数据。",
    ),
    Reading(
        "count.valid_on_date",
        "只计评估日有效的称号",
        "Only titles valid on the assessment date count",
        "A title counts when its valid-from date is on or before the assessment date and its valid-to date on "
        "or after it.",
        explanation_zh="称号的有效期起日不晚于评估日、止日不早于评估日时计入。",
    ),
    Reading(
        "designation.derived_end",
        "未给出有效期止日的称号按三年有效期推算",
        "A title without an end date runs three years",
        "These titles are generally granted for three years; the last day is the day before the third "
        "anniversary of valid-from (28 February for a start on 29 February), by the same rule as designation "
        "terms, and the check says it was derived.",
        explanation_zh="此类称号一般有效期三年；未给出止日时，以起日满三周年的前一日为止日（2月29日起始的，止于2月28日），"
        "与集群有效期同一算法，并在检查中注明。",
    ),
    Reading(
        "qualitative.declaration",
        "定性要求以申报方明确作答为准，未作答不视为符合",
        "Qualitative items rest on an explicit answer; no answer is never met",
        "Judgements such as 机制完善 cannot be computed. An item answered met counts as met on the applicant's "
        "declaration with its evidence; not met fails; not answered is insufficient data.",
        explanation_zh="“机制完善”等判断无法计算。申报为符合的，依申报方声明及其证明材料计为符合；申报为不符合的不满足；未作答的为材料不全。",
    ),
    Reading(
        "soft_limit.area",
        "占地面积“一般不超过”为软性限制，超出时需人工复核",
        "The area limit (一般不超过) is soft: above it needs review",
        "一般 (as a rule) leaves room for exceptions, so an area above 100 km2 goes to a reviewer instead of failing.",
        explanation_zh="“一般”表明允许例外，占地面积超过100平方公里时交由人工复核，而不直接判为不符合。",
    ),
    Reading(
        "trend.strict_each_year",
        "稳步提升、持续下降：逐年严格上升或下降",
        "稳步提升 / 持续下降: strictly rising / falling every year",
        "Each year's figure must be above (below) the year before; an unchanged year breaks the trend.",
        explanation_zh="每一年的数值都必须严格高于（低于）上一年；持平的年份即打破趋势。",
    ),
    Reading(
        "efficiency.strictly_better",
        "能效、水效高于基准值：单位消耗严格低于基准值",
        "Efficiency above the benchmark: unit consumption strictly below it",
        "Benchmarks are stated as unit consumption, where lower is better; 高于 is strict.",
        explanation_zh="基准值以单位产品消耗表示，越低越好；“高于”为严格比较，即单位消耗须严格低于基准值。",
    ),
    Reading(
        "severity.production_safety",
        "生产安全事故等级按伤亡和直接经济损失推定，取最高一级",
        "Production-safety accident grade from casualties and loss, highest reached",
        "The grading table of 国务院令第493号 article 3: each measure gives a grade, the highest applies; its "
        "以下 excludes the number, so each grade starts at its lower bound.",
        explanation_zh="按国务院令第493号第三条的分级表，每项指标各得一个等级，取最高者；该条“以下”不含本数，故各等级自其下限起算。",
    ),
    Reading(
        "severity.figures_prevail",
        "申报等级低于按伤亡和损失确定的等级时，以后者为准",
        "A stated grade below the one casualties and loss give yields to the figures",
        "The grading table fixes the grade by the highest level any one figure reaches; a lower stated grade cannot "
        "undo it, and the explanation says that the stated grade was lower.",
        explanation_zh="分级表以任一指标达到的最高等级确定事故等级，申报的较低等级不能改变这一结果；说明中注明申报等级低于按数字确定的等级。",
    ),
    Reading(
        "severity.conflict",
        "申报等级高于按伤亡和损失确定的等级时需人工复核",
        "A stated grade above the one casualties and loss give needs review",
        "An accident can be graded above its figures by the authority that investigated it (for its social impact, "
        "for instance); neither grade silently wins, and a reviewer reads the investigation report.",
        explanation_zh="事故可能因社会影响等原因由调查机关定为高于其伤亡和损失数字的等级；两个等级都不自动采用，由复核人员查阅事故调查报告后判断。",
    ),
    Reading(
        "facts.known_on_date",
        "评估日之后发生的事实在评估日不予考虑",
        "Facts dated after the assessment date are not known on it",
        "Incidents, violations and titles dated after the assessment date are left out of every clause, with or "
        "without a window; the check counts how many were left out so that a reviewer sees them.",
        explanation_zh="评估日之后发生的事故、事件、违法违规行为和取得的称号，在各项条款中一律不予考虑（无论是否设有时间范围）；检查中列明被排除的记录条数，供复核人员查看。",
    ),
    Reading(
        "records.absent_vs_empty",
        "未提供记录与声明无记录相区分",
        "A record not supplied differs from a record declared empty",
        "An omitted incidents or violations list is missing data; an empty list is the applicant's declaration "
        "that there are none.",
        explanation_zh="未提供事故或违法违规清单的，为材料不全；提供空清单的，视为申报方声明没有此类记录。",
    ),
    Reading(
        "sharing.all_listed",
        "第六条第（三）项列举的五类共享机制均须建立",
        "All five sharing mechanisms listed in 6(3) are required",
        "The clause lists equipment, logistics, warehousing, human-resources and design sharing after 建立了; "
        "the default reads the list as required in full. The alternative accepts any one.",
        alternatives=("sharing.any_listed",),
        explanation_zh="条文在“建立了”之后列举通用生产设备、物流、仓储、人力、设计等共享机制，默认理解为五类均须建立；另一理解为建立其一即可。",
    ),
    Reading(
        "sharing.any_listed",
        "第六条第（三）项列举的共享机制建立其一即可",
        "Any one of the sharing mechanisms listed in 6(3) suffices",
        "Reads 等 as marking examples rather than a complete list.",
        alternatives=("sharing.all_listed",),
        explanation_zh="将“等”理解为举例而非完整列举，建立其中任一类共享机制即可。",
    ),
    Reading(
        "alternatives.international",
        "第六条第（七）项以“或”连接的方式满足其一即可",
        "6(7): either form of international cooperation suffices",
        "The clause joins exchange and cooperation with overseas branches by 或; either meets it, together "
        "with the growth of foreign trade the clause aims at.",
        explanation_zh="条文以“或”连接参与国际合作交流与设置海外分支机构，满足其一即可，同时须推动对外贸易快速发展。",
    ),
    Reading(
        "patents.per_10k_people",
        "每万人有效发明专利＝有效发明专利数÷集群从业人员数×10000",
        "Patents per 10,000 people use the cluster's employees",
        "The people of the cluster are its employees in the same year as the patent count.",
        explanation_zh="以同一年度集群从业人员数作为人口基数。",
    ),
    Reading(
        "titles.sme_status",
        "称号在有效期内即计入，不因企业规模变化而失效",
        "A title counts while valid, whatever the enterprise's size now",
        "The titles were granted under their own rules; the measures do not ask for a fresh size test. "
        "A single champion need not be an SME at all.",
        explanation_zh="称号依其自身规则授予，本办法未要求重新进行规模判定；制造业单项冠军本就不要求是中小企业。",
    ),
    Reading(
        "sme.derivation",
        "中小企业身份按工业行业划型标准推定",
        "SME status derived by the industrial-sector size standard",
        "Where not declared: fewer than 1000 employees or revenue below 4亿元 (工信部联企业〔2011〕300号).",
        explanation_zh="未申报时，按工业行业标准推定：从业人员少于1000人或营业收入低于4亿元（工信部联企业〔2011〕300号）。",
    ),
    Reading(
        "catalogue.status",
        "主导产业在《产业结构调整指导目录》中的类别",
        "The leading industry's class in the industrial structure catalogue",
        "Restricted, to-be-eliminated and prohibited classes are excluded; encouraged and permitted are not. "
        "An unstated class is missing data.",
        explanation_zh="限制类、淘汰类和禁止类予以排除；鼓励类和允许类不排除；未说明类别的为材料不全。",
    ),
    Reading(
        "management_body.declared",
        "运营管理机构是否设立为申报事项，机构名称仅作辅助信息",
        "Whether an operating body is set up is a declared item; its name only supports it",
        "设立了（园区）管委会等运营管理机构 is answered like the other qualitative items (met, not met or not "
        "answered, with evidence); a name in the body field does not show that the body exists.",
        explanation_zh="“设立了（园区）管委会等运营管理机构”与其他定性要求一样须明确作答（达到、未达到或未作答）并列明证明材料；仅填写机构名称不能证明机构已设立。",
    ),
)

READINGS: dict[str, Reading] = {r.id: r for r in _ALL}
