"""One sentence per check: the figures, the arithmetic, the limit with its legal word, and the result.

Every sentence is built from the check alone (its figures, value, threshold, comparison and notes), so a report read
back from JSON explains itself exactly as a fresh one does.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction

from ..i18n import localise, translate
from ..verdicts import Check, CheckKind, Figure, Status
from ..vocabulary import DesignationKind, IncidentKind, Severity, ViolationKind
from .locale import (
    Lang,
    Rounding,
    format_date,
    format_number,
    format_points,
    format_quantity,
    money_scale,
    to_decimal,
)
from .margins import Margin, MarginKind, margin_of
from .words import field_name, status_word

__all__ = ["check_sentence", "margin_sentence", "trend_breaks"]

_METHODS = frozenset({"geometric", "arithmetic_mean_of_ratios"})
# The word a comparison stands for when the rule set names none.
_DEFAULT_WORDS = {">=": "不低于", ">": "高于", "<=": "不超过", "<": "低于"}
# Legal words that read differently from the default of their comparison (在…以上, 少于).
_OWN_WORDS = {"以上": "yishang", "不少于": "bushaoyu"}
_COMPARISONS = {">=": "ge", ">": "gt", "<=": "le", "<": "lt"}


def _t(message_id: str, lang: Lang, **args: object) -> str:
    return translate(message_id, lang, **args)


def _num(figure: Figure) -> Decimal | int:
    value = figure.value
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise ValueError(f"{figure.field} is not a number")
    return value


def _label(check: Check, lang: Lang, *, capital: bool = True) -> str:
    return localise(check.label_zh, _capital(check.label_en) if capital else check.label_en, lang)


def _note(check: Check, lang: Lang) -> str:
    return localise(check.note_zh, check.note_en, lang)


def _relation(check: Check, met: bool, limit: str, lang: Lang) -> str:
    """不低于70% / 低于70% / at least 70% (不低于) / 70% 이상(不低于)."""
    comparison = check.comparison or ">="
    word = check.legal_word or _DEFAULT_WORDS[comparison]
    outcome = "met" if met else "unmet"
    own = _OWN_WORDS.get(word) if comparison == ">=" else None
    if own is not None:
        return _t(f"relation.{own}.{outcome}", lang, limit=limit)
    return _t(f"relation.{_COMPARISONS[comparison]}.{outcome}", lang, limit=limit, word=word)


def _close(text: str, status: Status, lang: Lang) -> str:
    return _t("sentence.close", lang, text=text, status=status_word(status, lang))


def _value_text(value: Decimal | Fraction | int, check: Check, lang: Lang, unit: str | None = None) -> str:
    return format_quantity(value, check.unit if unit is None else unit, lang, apart_from=check.threshold)


def check_sentence(check: Check, lang: Lang) -> str:
    """The sentence that explains ``check`` in ``lang``."""
    if check.status is Status.INSUFFICIENT_DATA:
        return _insufficient(check, lang)
    if check.status is Status.NOT_APPLICABLE:
        note = localise(check.note_zh.removesuffix("，不适用"), check.note_en, lang)
        return _close(_t("sentence.labelled", lang, label=_label(check, lang), body=note), check.status, lang)
    if check.kind is CheckKind.DECLARED:
        return _declared(check, lang)
    builder = _BUILDERS.get(check.kind)
    if builder is not None:
        return builder(check, lang)
    return _plain(check, lang)


# -- measured figures -------------------------------------------------------------------------------------------


def _compared(check: Check, lang: Lang, lead: str, value: str) -> str:
    """``lead`` and ``value`` (a lead ends where the value starts), then the limit with its legal word."""
    assert check.threshold is not None
    limit = format_quantity(check.threshold, check.unit, lang, least=0)
    relation = _relation(check, check.status is Status.PASS, limit, lang)
    return _close(_t("sentence.compared", lang, lead=lead, value=value, relation=relation), check.status, lang)


def _amount(check: Check, lang: Lang) -> str:
    """2022年集群总产值19.9999亿元，低于20亿元，不符合; a soft limit exceeded says a reviewer decides."""
    assert check.value is not None
    lead = _t("sentence.amount_lead", lang, label=_label(check, lang))
    text = _compared(check, lang, lead, _value_text(check.value, check, lang))
    if check.status is Status.NEEDS_REVIEW and "soft_limit" in " ".join(check.readings):
        text += _t("sentence.soft_limit", lang)
    return text


def _share(check: Check, lang: Lang) -> str:
    """2024年主导产业产值29.04亿元 ÷ 集群总产值36.30亿元 = 80.00%，不低于70%，符合."""
    assert check.value is not None
    part, whole = check.figures
    share = Fraction(_num(part)) / Fraction(_num(whole))
    shown = format_quantity(share, "%", lang, apart_from=check.threshold)
    lead = _t(
        "sentence.ratio_lead",
        lang,
        year=check.year,
        part=field_name(part.field, lang, with_year=False),
        part_value=format_quantity(_num(part), "元", lang),
        whole=field_name(whole.field, lang, with_year=False),
        whole_value=format_quantity(_num(whole), "元", lang),
    )
    return _compared(check, lang, lead, shown)


def _scaled_numbers(values: list[Decimal | int], unit: str, lang: Lang) -> list[str]:
    """Bare numbers in one common scale, for a formula (29.04 ÷ 24.00): the scale the language counts money in."""
    if unit != "元":
        return [format_number(v, lang, least=0, most=4) for v in values]
    biggest = max(abs(Decimal(v)) for v in values)
    scale = money_scale(biggest, lang)
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
    method = _t(f"method.{check.method}", lang) if check.method in _METHODS else check.method
    rate = format_quantity(check.value, "%", lang, apart_from=check.threshold)
    series = _t("list.separator", lang).join(
        _t("sentence.year_value", lang, year=f.year, value=format_quantity(v, unit, lang))
        for f, v in zip(figures, values, strict=True)
    )
    lead = _t("sentence.growth_lead", lang, label=_label(check, lang), method=method, series=series, formula=formula)
    return _compared(check, lang, lead, rate)


def _per_people(check: Check, lang: Lang) -> str:
    """2024年有效发明专利45件 ÷ 从业人员9,300人 × 10,000 = 48.39个，不低于5个，符合."""
    assert check.value is not None
    count, people = check.figures
    value = format_number(check.value, lang, least=2, most=2, apart_from=check.threshold)
    lead = _t(
        "sentence.per_people_lead",
        lang,
        year=check.year,
        count=field_name(count.field, lang, with_year=False),
        count_value=format_quantity(_num(count), count.unit, lang),
        count_number=format_number(_num(count), lang),
        people=field_name(people.field, lang, with_year=False),
        people_value=format_quantity(_num(people), people.unit, lang),
        people_number=format_number(_num(people), lang),
        ten_thousand=format_number(10_000, lang),
    )
    return _compared(check, lang, lead, _t("sentence.per_people_value", lang, value=value, unit=check.unit))


def _rate(check: Check, lang: Lang) -> str:
    """Stated rate, or enterprises using a platform ÷ all enterprises."""
    assert check.value is not None
    rate = format_quantity(check.value, "%", lang, apart_from=check.threshold)
    if len(check.figures) == 2:
        users, total = check.figures
        lead = _t(
            "sentence.counted_ratio_lead",
            lang,
            year=check.year,
            part=field_name(users.field, lang, with_year=False),
            part_value=format_quantity(_num(users), "家", lang),
            part_number=format_number(_num(users), lang),
            whole=field_name(total.field, lang, with_year=False),
            whole_value=format_quantity(_num(total), "家", lang),
            whole_number=format_number(_num(total), lang),
        )
        return _compared(check, lang, lead, rate)
    return _compared(check, lang, _t("sentence.amount_lead", lang, label=_label(check, lang)), rate)


def _designations(check: Check, lang: Lang) -> str:
    """属于主导产业、评估日有效的…：1家（名称：称号），不少于1家，符合."""
    assert check.value is not None
    holders = [_holder(f, lang) for f in check.figures]
    listed = _t("sentence.holders", lang, holders=_t("report.separator", lang).join(holders)) if holders else ""
    lead = _t("sentence.designations_lead", lang, label=_label(check, lang))
    value = _t(
        "sentence.designations_value",
        lang,
        count=format_quantity(check.value, "家", lang),
        number=format_number(check.value, lang),
        holders=listed,
    )
    text = _compared(check, lang, lead, value)
    return text + (_t("sentence.either_group", lang) if check.group else "")


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
    return _t("sentence.holder", lang, name=name, titles=_t("list.separator", lang).join(labels))


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
    direction = "up" if check.comparison == ">" else "down"

    def show(f: Figure) -> str:
        if unit:
            return format_quantity(_num(f), unit, lang)
        return format_number(_num(f), lang, least=2, most=4)

    breaks = trend_breaks(check)
    series = _t("list.separator", lang).join(
        _t("sentence.year_value", lang, year=f.year, value=show(f)) for f in figures
    )
    rule = _t(f"sentence.trend_rule.{direction}", lang, word=check.legal_word or "")
    if breaks:
        pairs = _t("list.separator", lang).join(
            _t("sentence.trend_break", lang, start=a.year, end=b.year) for a, b in breaks
        )
        broken = _t("sentence.trend_breaks", lang, breaks=pairs)
    else:
        broken = _t("sentence.trend_holds", lang)
    text = _t("sentence.trend", lang, label=_label(check, lang), series=series, rule=rule, broken=broken)
    return _close(text, check.status, lang)


def _efficiency(check: Check, lang: Lang) -> str:
    assert check.value is not None and check.threshold is not None
    value = format_quantity(check.value, check.unit, lang, apart_from=check.threshold)
    limit = format_quantity(check.threshold, check.unit, lang)
    met = "met" if check.status is Status.PASS else "unmet"
    relation = _t(f"sentence.efficiency.{met}", lang, limit=limit)
    text = _t("sentence.efficiency", lang, label=_label(check, lang), value=value, relation=relation)
    source = _t("sentence.benchmark_source", lang, source=check.evidence) if check.evidence else ""
    return _close(text, check.status, lang) + source


# -- declarations and records ------------------------------------------------------------------------------------


def _declared(check: Check, lang: Lang) -> str:
    """A qualitative item: what the applicant declared and the evidence it names."""
    evidence = check.evidence
    if check.status is Status.PASS:
        named = _t("sentence.evidence", lang, evidence=evidence) if evidence else _t("sentence.no_evidence", lang)
        said = _t("sentence.declared_met", lang, evidence=named)
    else:
        named = _t("sentence.material", lang, evidence=evidence) if evidence else ""
        said = _t("sentence.declared_unmet", lang, evidence=named)
    said += "".join(
        _t("sentence.supporting", lang, name=field_name(f.field, lang), value=f.value) for f in _supporting(check)
    )
    label = _label(check, lang, capital=False)
    text = _close(_t("sentence.declared", lang, label=label, said=said), check.status, lang)
    return text + (_t("sentence.any_alternative", lang) if check.group else "")


def _supporting(check: Check) -> tuple[Figure, ...]:
    """Figures a declared item carries beside its answer (the operating body's name for 6(8))."""
    return tuple(f for f in check.figures[1:] if not f.field.startswith("qualitative."))


def _figure(check: Check, suffix: str) -> Figure | None:
    for figure in check.figures:
        if figure.field.endswith(suffix):
            return figure
    return None


def _incident_summary(check: Check, lang: Lang) -> str:
    window = _figure(check, "window")
    span = _window_text(str(window.value), lang) if window is not None else ""
    text = _t("sentence.incident_summary", lang, label=_label(check, lang), window=span, note=_note(check, lang))
    return _close(text, check.status, lang)


def _incident(check: Check, lang: Lang) -> str:
    date = _figure(check, ".date")
    kind = _figure(check, ".kind")
    when = format_date(dt.date.fromisoformat(str(date.value)), lang) if date is not None else ""
    what = IncidentKind(str(kind.value)).label(lang) if kind is not None else ""
    floor = _floor(check.legal_word or "", lang)
    evidence = _t("sentence.record_evidence", lang, evidence=check.evidence) if check.evidence else ""
    reached = {Status.FAIL: "reached", Status.PASS: "not_reached"}.get(check.status, "open")
    text = _t(
        "sentence.incident",
        lang,
        when=when,
        what=_capital(what),
        evidence=evidence,
        note=_note(check, lang),
        reached=_t(f"sentence.incident.{reached}", lang, floor=floor),
    )
    return _close(text, check.status, lang)


def _floor(legal_word: str, lang: Lang) -> str:
    """重大及以上 → 重大 / serious / 중대: the grade the legal word starts from, in ``lang`` (whole word in Chinese)."""
    if lang == "zh":  # the legal word itself, 及以上 included
        return legal_word
    grade = legal_word.removesuffix("及以上")
    for severity in Severity:
        if severity.zh == grade:
            return severity.label(lang)
    return grade


def _window_text(span: str, lang: Lang) -> str:
    start, _, end = span.partition("..")
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return span
    return _t("sentence.window", lang, start=format_date(first, lang), end=format_date(last, lang))


def _violation(check: Check, lang: Lang) -> str:
    date = _figure(check, ".date")
    kind = _figure(check, ".kind")
    when = format_date(dt.date.fromisoformat(str(date.value)), lang) if date is not None else ""
    what = ViolationKind(str(kind.value)).label(lang) if kind is not None else _label(check, lang)
    evidence = _t("sentence.record_evidence", lang, evidence=check.evidence) if check.evidence else ""
    text = _t("sentence.violation", lang, when=when, what=_capital(what), evidence=evidence, note=_note(check, lang))
    return _close(text, check.status, lang)


def _plain(check: Check, lang: Lang) -> str:
    """Any other check: its label and its note."""
    label = _label(check, lang)
    note = _note(check, lang)
    if not note:
        return _close(label, check.status, lang)
    return _close(_t("sentence.labelled", lang, label=label, body=note), check.status, lang)


def _insufficient(check: Check, lang: Lang) -> str:
    label = _label(check, lang)
    note = _note(check, lang)
    if check.figures and check.figures[0].field.startswith("qualitative."):
        note = note or _t("sentence.not_answered", lang)
    fields = [_named_path(p, lang) for p in check.missing]
    missing = _t("sentence.missing", lang, fields=_t("list.separator", lang).join(fields)) if fields else ""
    body = _t("report.separator", lang).join(x for x in (note, missing) if x)
    return _close(_t("sentence.labelled", lang, label=label, body=body) if body else label, check.status, lang)


def _named_path(path: str, lang: Lang) -> str:
    name = field_name(path, lang)
    if name == path:
        return path
    return _t("sentence.named_path", lang, name=name, path=path)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_BUILDERS = {
    CheckKind.AMOUNT: _amount,
    CheckKind.SHARE: _share,
    CheckKind.GROWTH: _growth,
    CheckKind.PER_PEOPLE: _per_people,
    CheckKind.RATE: _rate,
    CheckKind.COUNT: _designations,
    CheckKind.TREND: _trend,
    CheckKind.EFFICIENCY: _efficiency,
    CheckKind.INCIDENT: _incident,
    CheckKind.INCIDENT_SUMMARY: _incident_summary,
    CheckKind.VIOLATION: _violation,
    CheckKind.VIOLATION_SUMMARY: _plain,
}


# -- margins -----------------------------------------------------------------------------------------------------


def margin_sentence(check: Check, lang: Lang, margin: Margin | None = None) -> str:
    """What would have met the limit (a failing check) or how much room there is (a passing one)."""
    if check.kind is CheckKind.TREND and check.status is Status.FAIL:
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
    if check.kind is CheckKind.COUNT:
        return _count_margin(margin, lang)
    if not shortfall and margin.gap == 0:
        return _t("margin.exactly_at_limit", lang, held=held, subject=subject, limit=limit) + _whole_note(margin, lang)
    if shortfall:
        if margin.direction > 0:
            case = "shortfall.above" if margin.strict else "shortfall.at_least"
        elif margin.strict:
            case = "shortfall.below" if margin.gap else "shortfall.below_exactly"
        else:
            case = "shortfall.at_most"
        text = _t(f"margin.{case}", lang, held=held, subject=subject, limit=limit, current=current, gap=gap)
    else:
        side = "up" if margin.direction > 0 else "down"
        relation = _t(f"margin.relation.{side}.{'strict' if margin.strict else 'inclusive'}", lang)
        text = _t(f"margin.headroom.{side}", lang, held=held, subject=subject, limit=limit, relation=relation, gap=gap)
    return text + _whole_note(margin, lang) + (_t("margin.points", lang, points=points) if points else "")


def _whole_note(margin: Margin, lang: Lang) -> str:
    """(按整数计至少45件): the whole count that meets a fractional limit, beside the limit itself."""
    whole = margin.whole_limit
    if whole is None or whole == margin.limit:
        return ""
    shown = format_quantity(whole, margin.unit, lang, least=0)
    return _t(f"margin.whole.{'at_least' if margin.direction > 0 else 'at_most'}", lang, value=shown)


def _gap(margin: Margin, lang: Lang, rounding: str) -> str:
    if margin.unit == "%":
        return format_points(margin.gap, lang, rounding="up" if rounding == "up" else "down")
    return format_quantity(margin.gap, margin.unit, lang, rounding="up" if rounding == "up" else "down", most=2)


def _subject(check: Check, margin: Margin, lang: Lang) -> str:
    if margin.field:
        return field_name(margin.field, lang)
    return _label(check, lang, capital=False)


def _held(check: Check, margin: Margin, lang: Lang) -> str:
    """What stays fixed while the figure moves."""
    if not margin.basis:
        return ""
    if margin.basis in _METHODS:
        return _t("margin.held.other_years", lang)
    return _t("margin.held.basis", lang, basis=field_name(margin.basis, lang, with_year=False))


def _points(check: Check, lang: Lang, shortfall: bool) -> str:
    """For a share: its distance from the limit in percentage points."""
    if check.kind is not CheckKind.SHARE or check.threshold is None:
        return ""
    part, whole = check.figures
    share = Fraction(_num(part)) / Fraction(_num(whole))
    distance = abs(share - Fraction(check.threshold))
    shown = format_points(to_decimal(distance), lang, rounding="up" if shortfall else "down")
    if shortfall:
        return _t("margin.share_short", lang, points=shown)
    return _t("margin.share_above", lang, points=shown)


def _count_margin(margin: Margin, lang: Lang) -> str:
    gap = format_number(margin.gap, lang)
    if margin.kind is MarginKind.SHORTFALL:
        return _t("margin.count.shortfall", lang, gap=gap)
    if margin.gap == 0:
        return _t("margin.count.none", lang)
    return _t("margin.count.headroom", lang, gap=gap)


def _trend_shortfall(check: Check, lang: Lang) -> str:
    up = check.comparison == ">"
    unit = check.unit
    parts = []
    for before, after in trend_breaks(check):
        name = field_name(after.field, lang)
        value = (
            format_quantity(_num(before), unit, lang) if unit else format_number(_num(before), lang, least=2, most=4)
        )
        direction = "up" if up else "down"
        parts.append(_t(f"margin.trend.{direction}", lang, name=name, year=before.year, value=value))
    if not parts:
        return ""
    return _t("margin.trend", lang, parts=_t("report.separator", lang).join(parts))
