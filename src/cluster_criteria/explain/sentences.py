"""One sentence per check: the figures, the arithmetic, the limit with its legal word, and the result.

Every sentence is built from the check alone (its figures, value, threshold, comparison and notes), so a report read
back from JSON explains itself exactly as a fresh one does.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction

from ..verdicts import Check, Figure, Status
from ..vocabulary import DesignationKind, IncidentKind, Severity, ViolationKind
from .locale import Lang, Rounding, format_date, format_number, format_points, format_quantity, to_decimal
from .margins import Margin, MarginKind, margin_of
from .words import field_name, status_word

__all__ = ["check_sentence", "margin_sentence", "trend_breaks"]

_METHODS = {
    "geometric": ("水平法", "geometric method"),
    "arithmetic_mean_of_ratios": ("各年增长比率算术平均法", "arithmetic mean of the yearly ratios"),
}


def _pick(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _num(figure: Figure) -> Decimal | int:
    value = figure.value
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise ValueError(f"{figure.field} is not a number")
    return value


def _relation(check: Check, met: bool, limit: str, lang: Lang) -> str:
    """不低于70% / 低于70% / at least 70% (不低于) / below 70% (不低于)."""
    word = check.legal_word or ""
    comparison = check.comparison or ">="
    if lang == "zh":
        if comparison == ">=":
            if word == "以上":
                return f"在{limit}以上" if met else f"低于{limit}"
            if word == "不少于":
                return f"不少于{limit}" if met else f"少于{limit}"
            return f"{word or '不低于'}{limit}" if met else f"低于{limit}"
        if comparison == ">":
            return f"{word or '高于'}{limit}" if met else f"未{word or '高于'}{limit}"
        if comparison == "<=":
            return f"{word or '不超过'}{limit}" if met else f"超过{limit}"
        return f"低于{limit}" if met else f"未低于{limit}"
    phrase = {
        ">=": ("at least", "below"),
        ">": ("above", "not above"),
        "<=": ("at most", "above"),
        "<": ("below", "not below"),
    }[comparison]
    return f"{phrase[0] if met else phrase[1]} {limit}" + (f" ({word})" if word else "")


def _close(text: str, status: Status, lang: Lang) -> str:
    return f"{text}，{status_word(status, lang)}" if lang == "zh" else f"{text}: {status_word(status, lang)}"


def _limit_text(check: Check) -> tuple[str, str]:
    """The threshold in both languages, in the unit of the check, with as few decimals as it has."""
    assert check.threshold is not None
    return (
        format_quantity(check.threshold, check.unit, "zh", least=0),
        format_quantity(check.threshold, check.unit, "en", least=0),
    )


def _value_text(value: Decimal | Fraction | int, check: Check, lang: Lang, unit: str | None = None) -> str:
    return format_quantity(value, check.unit if unit is None else unit, lang, apart_from=check.threshold)


def check_sentence(check: Check, lang: Lang) -> str:
    """The sentence that explains ``check`` in ``lang``."""
    if check.status is Status.INSUFFICIENT_DATA:
        return _insufficient(check, lang)
    if check.status is Status.NOT_APPLICABLE:
        note = _pick(lang, check.note_zh, check.note_en).removesuffix("，不适用")
        label = _pick(lang, check.label_zh, _capital(check.label_en))
        return _close(f"{label}：{note}" if lang == "zh" else f"{label} — {note}", check.status, lang)
    if check.figures and check.figures[0].field.startswith("qualitative."):
        return _declared(check, lang)
    builder = _BUILDERS.get(check.id.split(".", 1)[0])
    if builder is not None:
        return builder(check, lang)
    if check.id.startswith(("accidents.", "security_events.")):
        return _incident(check, lang)
    if check.id.startswith("violations."):
        return _violation(check, lang)
    return _plain(check, lang)


# -- measured figures -------------------------------------------------------------------------------------------


def _compared(check: Check, lang: Lang, lead: str, value: str) -> str:
    met = check.status is Status.PASS
    limit = _limit_text(check)[0 if lang == "zh" else 1]
    joined = f"{lead}{value}"
    sep = "，" if lang == "zh" else ", "
    return _close(f"{joined}{sep}{_relation(check, met, limit, lang)}", check.status, lang)


def _amount(check: Check, lang: Lang) -> str:
    """2022年集群总产值19.9999亿元，低于20亿元，不符合."""
    assert check.value is not None
    label = _pick(lang, check.label_zh, _capital(check.label_en) + ":")
    lead = label if lang == "zh" else f"{label} "
    return _compared(check, lang, lead, _value_text(check.value, check, lang))


def _share(check: Check, lang: Lang) -> str:
    """2024年主导产业产值29.04亿元 ÷ 集群总产值36.30亿元 = 80.00%，不低于70%，符合."""
    assert check.value is not None
    part, whole = check.figures
    share = Fraction(_num(part)) / Fraction(_num(whole))
    shown = format_quantity(share, "%", lang, apart_from=check.threshold)
    if lang == "zh":
        lead = (
            f"{check.year}年{field_name(part.field, lang, with_year=False)}{format_quantity(_num(part), '元', lang)}"
            f" ÷ {field_name(whole.field, lang, with_year=False)}{format_quantity(_num(whole), '元', lang)} = "
        )
    else:
        lead = (
            f"{check.year}: {field_name(part.field, lang, with_year=False)} {format_quantity(_num(part), '元', lang)}"
            f" ÷ {field_name(whole.field, lang, with_year=False)} {format_quantity(_num(whole), '元', lang)} = "
        )
    return _compared(check, lang, lead, shown)


def _scaled_numbers(values: list[Decimal | int], unit: str, lang: Lang) -> list[str]:
    """Bare numbers in one common scale, for a formula (29.04 ÷ 24.00)."""
    if unit != "元":
        return [format_number(v, lang, least=0, most=4) for v in values]
    biggest = max(abs(Decimal(v)) for v in values)
    if lang == "zh":
        scale = Decimal(100_000_000) if biggest >= 100_000_000 else Decimal(10_000) if biggest >= 10_000 else Decimal(1)
    else:
        scale = Decimal(10**9) if biggest >= 10**9 else Decimal(10**6) if biggest >= 10**6 else Decimal(1)
    return [format_number(Decimal(v) / scale, lang, least=2, most=4) for v in values]


def _growth(check: Check, lang: Lang) -> str:
    """主导产业产值年均增速（水平法）：2022年24.00亿元、…；(29.04 ÷ 24.00)^(1/2) − 1 = 10.00%，不低于5%，符合."""
    assert check.value is not None and check.method is not None
    figures = sorted(check.figures, key=lambda f: f.year or 0)
    unit = figures[0].unit
    values = [_num(f) for f in figures]
    bare = _scaled_numbers(values, unit, lang)
    steps = len(values) - 1
    if check.method == "geometric":
        formula = f"({bare[-1]} ÷ {bare[0]})^(1/{steps}) − 1"
    else:
        ratios = " + ".join(f"{b} ÷ {a}" for a, b in itertools.pairwise(bare))
        formula = f"({ratios}) ÷ {steps} − 1"
    method = _METHODS.get(check.method, (check.method, check.method))
    rate = format_quantity(check.value, "%", lang, apart_from=check.threshold)
    if lang == "zh":
        series = "、".join(f"{f.year}年{format_quantity(v, unit, lang)}" for f, v in zip(figures, values, strict=True))
        lead = f"{check.label_zh}（{method[0]}）：{series}；{formula} = "
    else:
        series = ", ".join(f"{f.year} {format_quantity(v, unit, lang)}" for f, v in zip(figures, values, strict=True))
        lead = f"{_capital(check.label_en)} ({method[1]}): {series}; {formula} = "
    return _compared(check, lang, lead, rate)


def _per_10k(check: Check, lang: Lang) -> str:
    """2024年有效发明专利45件 ÷ 从业人员9,300人 × 10,000 = 48.39个，不低于5个，符合."""
    assert check.value is not None
    patents, people = check.figures
    ten_k = format_number(10_000, lang)
    value = format_number(check.value, lang, least=2, most=2, apart_from=check.threshold)
    if lang == "zh":
        lead = (
            f"{check.year}年有效发明专利{format_quantity(_num(patents), '件', lang)} ÷ "
            f"从业人员{format_quantity(_num(people), '人', lang)} × {ten_k} = "
        )
        return _compared(check, lang, lead, f"{value}个")
    lead = (
        f"{check.year}: valid invention patents {format_number(_num(patents), lang)} ÷ "
        f"employees {format_number(_num(people), lang)} × {ten_k} = "
    )
    return _compared(check, lang, lead, f"{value} per 10,000 people")


def _penetration(check: Check, lang: Lang) -> str:
    """Stated rate, or enterprises using a platform ÷ all enterprises."""
    assert check.value is not None
    rate = format_quantity(check.value, "%", lang, apart_from=check.threshold)
    if len(check.figures) == 2:
        users, total = check.figures
        if lang == "zh":
            users_name, total_name = (field_name(f.field, lang, with_year=False) for f in (users, total))
            lead = (
                f"{check.year}年{users_name}{format_quantity(_num(users), '家', lang)}"
                f" ÷ {total_name}{format_quantity(_num(total), '家', lang)} = "
            )
        else:
            lead = (
                f"{check.year}: {field_name(users.field, lang, with_year=False)} {format_number(_num(users), lang)}"
                f" ÷ {field_name(total.field, lang, with_year=False)} {format_number(_num(total), lang)} = "
            )
        return _compared(check, lang, lead, rate)
    return _compared(check, lang, check.label_zh if lang == "zh" else _capital(check.label_en) + ": ", rate)


def _designations(check: Check, lang: Lang) -> str:
    """属于主导产业、评估日有效的…：1家（名称：称号），不少于1家，符合."""
    assert check.value is not None
    holders = [_holder(f, lang) for f in check.figures]
    count = format_quantity(check.value, "家", lang)
    if lang == "zh":
        listed = f"（{'；'.join(holders)}）" if holders else ""
        lead = f"属于主导产业且在评估日有效的{check.label_zh}："
        text = _compared(check, lang, lead, f"{count}{listed}")
        return text + ("（与另一组条件满足其一即可）" if check.group else "")
    listed = f" ({'; '.join(holders)})" if holders else ""
    lead = f"{_capital(check.label_en)} of the leading industry, valid on the assessment date: "
    text = _compared(check, lang, lead, f"{format_number(check.value, lang)}{listed}")
    return text + (" (either group suffices)" if check.group else "")


def _holder(figure: Figure, lang: Lang) -> str:
    """``Name (little_giant+high_tech_enterprise)`` → ``Name：专精特新“小巨人”企业、高新技术企业``."""
    text = str(figure.value)
    name, _, kinds = text.rpartition(" (")
    if not name or not kinds.endswith(")"):
        return text
    labels = []
    for kind in kinds[:-1].split("+"):
        try:
            labels.append(DesignationKind(kind).label(lang))
        except ValueError:
            return text
    return f"{name}：{'、'.join(labels)}" if lang == "zh" else f"{name}: {', '.join(labels)}"


def _area(check: Check, lang: Lang) -> str:
    assert check.value is not None
    value = _value_text(check.value, check, lang)
    if lang == "zh":
        text = _compared(check, lang, "占地面积", value)
        return text + (
            "（“一般不超过”为软性限制，超出时由复核人员判断）" if check.status is Status.NEEDS_REVIEW else ""
        )
    text = _compared(check, lang, "Area: ", value)
    return text + (
        " (the limit is soft: 一般, as a rule; a reviewer decides)" if check.status is Status.NEEDS_REVIEW else ""
    )


def trend_breaks(check: Check) -> list[tuple[Figure, Figure]]:
    """The consecutive pairs of years where a trend check's figure does not move the required way."""
    figures = sorted(check.figures, key=lambda f: f.year or 0)
    wanted_up = check.comparison == ">"
    return [
        (a, b)
        for a, b in itertools.pairwise(figures)
        if not ((_num(b) > _num(a)) if wanted_up else (_num(b) < _num(a)))
    ]


def _trend(check: Check, lang: Lang) -> str:
    """工业软件应用率稳步提升：2022年20.00%、2023年22.00%、2024年22.00%；须逐年高于上一年，2023→2024未满足，不符合."""
    figures = sorted(check.figures, key=lambda f: f.year or 0)
    unit = check.unit
    up = check.comparison == ">"

    def show(f: Figure) -> str:
        if unit:
            return format_quantity(_num(f), unit, lang)
        return format_number(_num(f), lang, least=2, most=4)

    breaks = trend_breaks(check)
    if lang == "zh":
        series = "、".join(f"{f.year}年{show(f)}" for f in figures)
        rule = f"须逐年{'高于' if up else '低于'}上一年（{check.legal_word}）"
        broken = "，" + "、".join(f"{a.year}→{b.year}未满足" for a, b in breaks) if breaks else "，逐年满足"
        return _close(f"{check.label_zh}：{series}；{rule}{broken}", check.status, lang)
    series = ", ".join(f"{f.year} {show(f)}" for f in figures)
    rule = f"each year must be {'above' if up else 'below'} the year before ({check.legal_word})"
    broken = "; breaks at " + ", ".join(f"{a.year}→{b.year}" for a, b in breaks) if breaks else "; holds every year"
    return _close(f"{_capital(check.label_en)}: {series}; {rule}{broken}", check.status, lang)


def _efficiency(check: Check, lang: Lang) -> str:
    assert check.value is not None and check.threshold is not None
    value = format_quantity(check.value, check.unit, lang, apart_from=check.threshold)
    limit = format_quantity(check.threshold, check.unit, lang)
    met = check.status is Status.PASS
    source = check.evidence or ""
    if lang == "zh":
        relation = f"低于行业基准值{limit}" if met else f"未低于行业基准值{limit}"
        text = f"{check.label_zh}：单位产品消耗{value}，{relation}（消耗越低能效越高）"
        return _close(text, check.status, lang) + (f"；基准值依据：{source}" if source else "")
    relation = f"below the industry benchmark {limit}" if met else f"not below the industry benchmark {limit}"
    text = f"{_capital(check.label_en)}: unit consumption {value}, {relation} (lower consumption is better)"
    return _close(text, check.status, lang) + (f"; benchmark from {source}" if source else "")


# -- declarations and records ------------------------------------------------------------------------------------


def _declared(check: Check, lang: Lang) -> str:
    """A qualitative item: what the applicant declared and the evidence it names."""
    evidence = check.evidence
    if lang == "zh":
        if check.status is Status.PASS:
            said = "申报方声明已达到，依据申报方声明视为达到" + (
                f"；证明材料：{evidence}" if evidence else "；未列明证明材料"
            )
        else:
            said = "申报方声明未达到" + (f"；材料：{evidence}" if evidence else "")
        said += "".join(f"；{field_name(f.field, lang)}：{f.value}（辅助信息）" for f in _supporting(check))
        text = _close(f"{check.label_zh}：{said}", check.status, lang)
        return text + ("（同组列举方式满足其一即可）" if check.group else "")
    if check.status is Status.PASS:
        said = "declared met by the applicant; rests on that declaration" + (
            f"; evidence: {evidence}" if evidence else "; no evidence named"
        )
    else:
        said = "declared not met by the applicant" + (f"; material: {evidence}" if evidence else "")
    said += "".join(f"; {field_name(f.field, lang)}: {f.value} (supporting information)" for f in _supporting(check))
    text = _close(f"{check.label_en} — {said}", check.status, lang)
    return text + (" (any one of the listed alternatives suffices)" if check.group else "")


def _supporting(check: Check) -> tuple[Figure, ...]:
    """Figures a declared item carries beside its answer (the operating body's name for 6(8))."""
    return tuple(f for f in check.figures[1:] if not f.field.startswith("qualitative."))


def _figure(check: Check, suffix: str) -> Figure | None:
    for figure in check.figures:
        if figure.field.endswith(suffix):
            return figure
    return None


def _incident(check: Check, lang: Lang) -> str:
    if check.id.endswith(".window"):
        window = _figure(check, "window")
        span = _window_text(str(window.value), lang) if window is not None else ""
        label = _pick(lang, check.label_zh, check.label_en)
        note = _pick(lang, check.note_zh, check.note_en)
        if lang == "zh":
            return _close(f"{label}：时间范围{span}，{note}", check.status, lang)
        return _close(f"{_capital(label)} — window {span}; {note}", check.status, lang)
    date = _figure(check, ".date")
    kind = _figure(check, ".kind")
    when = format_date(dt.date.fromisoformat(str(date.value)), lang) if date is not None else ""
    what = IncidentKind(str(kind.value)).label(lang) if kind is not None else ""
    floor = check.legal_word or ""
    evidence = (
        f"（{check.evidence}）" if check.evidence and lang == "zh" else f" ({check.evidence})" if check.evidence else ""
    )
    if lang == "zh":
        reached = {Status.FAIL: f"达到{floor}", Status.PASS: f"未达{floor}"}.get(check.status, f"是否达到{floor}待定")
        return _close(f"{when}{what}{evidence}：{check.note_zh}，{reached}", check.status, lang)
    floor_en = _floor_en(floor)
    reached = {Status.FAIL: f"reaches {floor_en} or worse", Status.PASS: f"below {floor_en}"}.get(
        check.status, f"whether it reaches {floor_en} is open"
    )
    return _close(f"{_capital(what)} of {when}{evidence}: {check.note_en}, {reached}", check.status, lang)


def _floor_en(legal_word: str) -> str:
    """重大及以上 → serious: the grade the legal word starts from, in English."""
    grade = legal_word.removesuffix("及以上")
    for severity in Severity:
        if severity.zh == grade:
            return severity.en
    return grade


def _window_text(span: str, lang: Lang) -> str:
    start, _, end = span.partition("..")
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return span
    return (
        f"{format_date(first, lang)}至{format_date(last, lang)}"
        if lang == "zh"
        else (f"{format_date(first, lang)} to {format_date(last, lang)}")
    )


def _violation(check: Check, lang: Lang) -> str:
    if check.id == "violations.none":
        label = _pick(lang, check.label_zh, _capital(check.label_en))
        note = _pick(lang, check.note_zh, check.note_en)
        return _close(f"{label}：{note}" if lang == "zh" else f"{label} — {note}", check.status, lang)
    date = _figure(check, ".date")
    kind = _figure(check, ".kind")
    when = format_date(dt.date.fromisoformat(str(date.value)), lang) if date is not None else ""
    what = ViolationKind(str(kind.value)).label(lang) if kind is not None else check.label_en
    if lang == "zh":
        evidence = f"（{check.evidence}）" if check.evidence else ""
        return _close(f"{when}{what}{evidence}：{check.note_zh}", check.status, lang)
    evidence = f" ({check.evidence})" if check.evidence else ""
    return _close(f"{_capital(what)} of {when}{evidence}: {check.note_en}", check.status, lang)


def _plain(check: Check, lang: Lang) -> str:
    """Any other check: its label, the figures it names and its note."""
    label = _pick(lang, check.label_zh, _capital(check.label_en))
    parts = [_pick(lang, check.note_zh, check.note_en)]
    body = ("；" if lang == "zh" else "; ").join(p for p in parts if p)
    if not body:
        return _close(label, check.status, lang)
    return _close(f"{label}：{body}" if lang == "zh" else f"{label} — {body}", check.status, lang)


def _insufficient(check: Check, lang: Lang) -> str:
    label = _pick(lang, check.label_zh, _capital(check.label_en))
    note = _pick(lang, check.note_zh, check.note_en)
    if check.figures and check.figures[0].field.startswith("qualitative."):
        note = note or _pick(lang, "未作答，不视为符合", "not answered; never taken as met")
    fields = [_named_path(p, lang) for p in check.missing]
    if lang == "zh":
        body = "；".join(x for x in (note, "缺少：" + "、".join(fields) if fields else "") if x)
        return _close(f"{label}：{body}" if body else label, check.status, lang)
    body = "; ".join(x for x in (note, "missing: " + ", ".join(fields) if fields else "") if x)
    return _close(f"{label} — {body}" if body else label, check.status, lang)


def _named_path(path: str, lang: Lang) -> str:
    name = field_name(path, lang)
    if name == path:
        return path
    return f"{name}（{path}）" if lang == "zh" else f"{name} ({path})"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_BUILDERS = {
    "total_output": _amount,
    "sme_output_share": _share,
    "leading_output_share": _share,
    "leading_output_growth": _growth,
    "sme_rd_growth": _growth,
    "patent_growth": _growth,
    "patents_per_10k": _per_10k,
    "platform_penetration": _penetration,
    "top_designations": _designations,
    "provincial_designations": _designations,
    "area": _area,
    "industrial_software_trend": _trend,
    "co2_intensity_trend": _trend,
    "energy_efficiency": _efficiency,
    "water_efficiency": _efficiency,
}


# -- margins -----------------------------------------------------------------------------------------------------


def margin_sentence(check: Check, lang: Lang, margin: Margin | None = None) -> str:
    """What would have met the limit (a failing check) or how much room there is (a passing one)."""
    if check.id in ("industrial_software_trend", "co2_intensity_trend") and check.status is Status.FAIL:
        return _trend_shortfall(check, lang)
    margin = margin if margin is not None else margin_of(check)
    if margin is None:
        return ""
    subject = _subject(check, margin, lang)
    unit = margin.unit
    shortfall = margin.kind is MarginKind.SHORTFALL
    # Round so the statement stays true: a needed value up (down for a ceiling), a shortfall up, a headroom down.
    toward_limit: Rounding = "up" if margin.direction > 0 else "down"
    # The limit keeps its digits (it is the exact figure that would meet the check); the gap is rounded to two
    # decimals of its scale (亿元, 万元, million), in the direction that keeps the statement true.
    limit = format_quantity(margin.limit, unit, lang, rounding=toward_limit, least=0)
    gap = _gap(margin, lang, "up" if shortfall else "down")
    current = format_quantity(margin.current, unit, lang, apart_from=margin.limit)
    held = _held(check, margin, lang)
    points = _points(check, lang, shortfall)
    if check.id in ("top_designations", "provincial_designations"):
        return _count_margin(margin, lang)
    if not shortfall and margin.gap == 0:
        return _pick(
            lang,
            f"余量：{held}{subject}恰好等于临界值{limit}，无余量",
            f"Headroom: none; {held}{subject} is exactly at the limit value {limit}",
        ) + _whole_note(margin, lang)
    if lang == "zh":
        if shortfall:
            if margin.direction > 0:
                text = (
                    f"差额：{held}{subject}须高于{limit}（现为{current}）"
                    if margin.strict
                    else f"差额：{held}{subject}至少需{limit}，差{gap}"
                )
            else:
                text = (
                    f"差额：{held}{subject}须低于{limit}，现" + (f"高出{gap}" if margin.gap else "恰好等于该值")
                    if margin.strict
                    else f"超出：{held}{subject}须不超过{limit}，超出{gap}"
                )
        else:
            relation = (
                ("须高于" if margin.strict else "至少需")
                if margin.direction > 0
                else ("须低于" if margin.strict else "不超过")
            )
            more = "多" if margin.direction > 0 else "少"
            text = f"余量：{held}{subject}比临界值{limit}（{relation}）{more}{gap}"
        return text + _whole_note(margin, lang) + (f"；{points}" if points else "")
    if shortfall:
        if margin.direction > 0:
            text = (
                f"Shortfall: {held}{subject} would have to exceed {limit} (it is {current})"
                if margin.strict
                else f"Shortfall: {held}{subject} would have to be at least {limit}, {gap} more"
            )
        else:
            text = (
                f"Shortfall: {held}{subject} would have to be below {limit}; it is "
                + (f"{gap} over" if margin.gap else "exactly at it")
                if margin.strict
                else f"Over the limit: {held}{subject} would have to be at most {limit}; it is {gap} over"
            )
    else:
        side = "above" if margin.direction > 0 else "below"
        text = f"Headroom: {held}{subject} is {gap} {side} the limit value {limit}"
    return text + _whole_note(margin, lang) + (f"; {points}" if points else "")


def _whole_note(margin: Margin, lang: Lang) -> str:
    """(按整数计至少45件): the whole count that meets a fractional limit, beside the limit itself."""
    whole = margin.whole_limit
    if whole is None or whole == margin.limit:
        return ""
    shown = format_quantity(whole, margin.unit, lang, least=0)
    if lang == "zh":
        return f"（按整数计{'至少' if margin.direction > 0 else '至多'}{shown}）"
    return f" (in whole numbers, {'at least' if margin.direction > 0 else 'at most'} {shown})"


def _gap(margin: Margin, lang: Lang, rounding: str) -> str:
    if margin.unit == "%":
        return format_points(margin.gap, lang, rounding="up" if rounding == "up" else "down")
    return format_quantity(margin.gap, margin.unit, lang, rounding="up" if rounding == "up" else "down", most=2)


def _subject(check: Check, margin: Margin, lang: Lang) -> str:
    if margin.field:
        return field_name(margin.field, lang)
    return _pick(lang, check.label_zh, check.label_en)


def _held(check: Check, margin: Margin, lang: Lang) -> str:
    """What stays fixed while the figure moves."""
    if not margin.basis:
        return ""
    if margin.basis in _METHODS:
        return _pick(lang, "其余年份不变时，", "with the other years unchanged, ")
    basis = field_name(margin.basis, lang, with_year=False)
    return _pick(lang, f"{basis}不变时，", f"with {basis} unchanged, ")


def _points(check: Check, lang: Lang, shortfall: bool) -> str:
    """For a share: its distance from the limit in percentage points."""
    if not check.id.startswith(("sme_output_share.", "leading_output_share.")) or check.threshold is None:
        return ""
    part, whole = check.figures
    share = Fraction(_num(part)) / Fraction(_num(whole))
    distance = abs(share - Fraction(check.threshold))
    shown = format_points(to_decimal(distance), lang, rounding="up" if shortfall else "down")
    if shortfall:
        return _pick(lang, f"占比差{shown}", f"the share is {shown} short")
    return _pick(lang, f"占比高出{shown}", f"the share is {shown} above the limit")


def _count_margin(margin: Margin, lang: Lang) -> str:
    gap = format_number(margin.gap, lang)
    if margin.kind is MarginKind.SHORTFALL:
        return _pick(lang, f"差额：还需{gap}家符合条件的企业", f"Shortfall: {gap} more qualifying enterprise(s) needed")
    if margin.gap == 0:
        return _pick(lang, "余量：恰好达到下限，无余量", "Headroom: none, exactly at the limit")
    return _pick(lang, f"余量：比下限多{gap}家", f"Headroom: {gap} more than the minimum")


def _trend_shortfall(check: Check, lang: Lang) -> str:
    up = check.comparison == ">"
    unit = check.unit
    parts = []
    for before, after in trend_breaks(check):
        name = field_name(after.field, lang)
        value = (
            format_quantity(_num(before), unit, lang) if unit else format_number(_num(before), lang, least=2, most=4)
        )
        if lang == "zh":
            parts.append(f"{name}须{'高于' if up else '低于'}{before.year}年的{value}")
        else:
            parts.append(f"{name} would have to be {'above' if up else 'below'} the {before.year} value {value}")
    if not parts:
        return ""
    return _pick(lang, "差额：" + "；".join(parts), "Shortfall: " + "; ".join(parts))
