"""What each rule checks, in words, with the limits in force: the catalogue that `explain` and docs/rules.md show.

The rules describe their own checks (:class:`~cluster_criteria.rules.spec.CheckSpec`); the descriptions name
parameters in braces, and this module fills in each parameter's value in force on a date, with its legal word and
source, from the rule set's data. Nothing here is written per rule, so a new clause explains itself.
"""

from __future__ import annotations

from enum import Enum

from ..citations import chinese_number
from ..i18n import localise, translate
from ..rules.registry import Rule
from ..rules.spec import CheckSpec, placeholders
from ..ruleset.parameters import LegalWord, Parameters, SeverityBand, Threshold
from ..ruleset.wording import COMPARISON_NAMES, legal_word_phrase
from ..vocabulary import LabelledEnum, Severity
from .locale import format_quantity, lang_of

__all__ = ["check_description", "describe_parameter", "limit_phrase"]

# Boundary words placed after the figure in Chinese (在20亿元以上): their phrase is ``limit.<comparison>.after``.
_AFTER_THE_FIGURE = ("以上", "以下")


def limit_phrase(parameters: Parameters, name: str, lang: str) -> str:
    """A parameter as a description reads it: 在20亿元以上 / at least 2,000,000,000 yuan, 重大及以上, 稳步提升."""
    lang = lang_of(lang)
    value = parameters.values[name].value
    if isinstance(value, Threshold):
        shown = format_quantity(value.value, value.unit, lang, least=0)
        word = value.word
        after = ".after" if word.word in _AFTER_THE_FIGURE else ""
        comparison = COMPARISON_NAMES[word.comparison.value]
        return translate(f"limit.{comparison}{after}", lang, value=shown, word=word.word)
    if isinstance(value, LegalWord):
        return legal_word_phrase(value, lang)
    if isinstance(value, Severity):
        return translate("limit.grade_or_worse", lang, grade=value.label(lang))
    if isinstance(value, tuple):
        return translate("list.separator", lang).join(_word(v, lang) for v in value)
    if isinstance(value, int) and lang == "zh" and parameters.records[name].unit == "年":
        return chinese_number(value)  # a window of years as the measures write it: 近三年
    return _word(value, lang)


def check_description(spec: CheckSpec, parameters: Parameters, lang: str) -> str:
    """The spec's description with every ``{parameter}`` replaced by its limit in force."""
    text = localise(spec.zh, spec.en, lang_of(lang))
    for name in placeholders(text):
        if name in parameters.values:
            text = text.replace("{" + name + "}", limit_phrase(parameters, name, lang))
    return text


def describe_parameter(parameters: Parameters, name: str, lang: str) -> str:
    """``total_output_min = 20亿元（以上，>=，2024-03-15起）— 《…》第六条第（一）项：“…”`` in a few words."""
    lang = lang_of(lang)
    dated = parameters.values[name]
    value = dated.value
    source = dated.source
    cited = f"{source.document} {source.place}".strip() + (f"：“{source.quote}”" if source.quote else "")
    since = dated.effective_from.isoformat()
    if isinstance(value, Threshold):
        shown = format_quantity(value.value, value.unit, lang, least=0)
        soft = translate("parameter.soft", lang) if value.soft else ""
        return translate(
            "parameter.threshold",
            lang,
            name=name,
            value=shown,
            word=value.word.word,
            comparison=value.word.comparison.value,
            soft=soft,
            since=since,
            cited=cited,
        )
    if isinstance(value, LegalWord):
        body = translate(
            "parameter.legal_word", lang, word=value.word, comparison=value.comparison.value, reading=value.reading
        )
    else:
        plain = isinstance(value, (int, str)) and not isinstance(value, Enum)
        body = str(value) if plain else limit_phrase(parameters, name, lang)
        unit = parameters.records[name].unit
        if isinstance(value, int) and unit:
            body = translate("parameter.counted", lang, value=value, unit=localise(unit, unit, lang))
    when = translate("parameter.since", lang, since=since)
    return f"{name} = {body}{when}" + (f" — {cited}" if source.document or source.quote else "")


def parameters_of(rule: Rule) -> tuple[str, ...]:
    """Every parameter the rule's checks read."""
    return tuple(dict.fromkeys(name for spec in rule.describes for name in spec.named_parameters))


def _word(value: object, lang: str) -> str:
    """A parameter value in words: an enumeration's label in the language asked for, anything else as it is."""
    if isinstance(value, LabelledEnum):
        return value.label(lang)
    if isinstance(value, SeverityBand):
        grade = value.severity.label(lang)
        return f"{grade}: {value.deaths}/{value.serious_injuries}/{value.direct_loss_yuan}"
    return str(getattr(value, "value", value))
