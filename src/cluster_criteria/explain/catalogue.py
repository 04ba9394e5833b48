"""What each rule checks, in words, with the limits in force: the catalogue that `explain` and docs/rules.md show.

The rules describe their own checks (:class:`~cluster_criteria.rules.spec.CheckSpec`); the descriptions name
parameters in braces, and this module fills in each parameter's value in force on a date, with its legal word and
source, from the rule set's data. Nothing here is written per rule, so a new clause explains itself.
"""

from __future__ import annotations

from enum import Enum

from ..rules.registry import Rule
from ..rules.spec import CheckSpec, placeholders
from ..ruleset.parameters import LegalWord, Parameters, SeverityBand, Threshold
from ..vocabulary import LabelledEnum, Severity
from .locale import format_quantity

__all__ = ["check_description", "describe_parameter", "limit_phrase"]

# How a boundary word reads in English, by the comparison it stands for.
_COMPARISON_EN = {">=": "at least", ">": "above", "<=": "at most", "<": "below"}
# Words placed after the figure in Chinese (在20亿元以上), and the words of trends and efficiency in English.
_AFTER_THE_FIGURE = ("以上", "以下")
_READING_EN = {
    ("trend.strict_each_year", ">"): "rising steadily",
    ("trend.strict_each_year", "<"): "falling continuously",
    ("efficiency.strictly_better", "<"): "better than",
}


def limit_phrase(parameters: Parameters, name: str, lang: str) -> str:
    """A parameter as a description reads it: 在20亿元以上 / at least 2,000,000,000 yuan, 重大及以上, 稳步提升."""
    zh = lang.startswith("zh")
    value = parameters.values[name].value
    if isinstance(value, Threshold):
        shown = format_quantity(value.value, value.unit, "zh" if zh else "en", least=0)
        word = value.word
        if zh:
            return f"在{shown}{word.word}" if word.word in _AFTER_THE_FIGURE else f"{word.word}{shown}"
        return f"{_COMPARISON_EN[word.comparison.value]} {shown}"
    if isinstance(value, LegalWord):
        if zh:
            return value.word
        return _READING_EN.get((value.reading, value.comparison.value), _COMPARISON_EN[value.comparison.value])
    if isinstance(value, Severity):
        return f"{value.zh}及以上" if zh else f"{value.en} or worse"
    if isinstance(value, tuple):
        return ("、" if zh else ", ").join(_word(v, zh) for v in value)
    return _word(value, zh)


def check_description(spec: CheckSpec, parameters: Parameters, lang: str) -> str:
    """The spec's description with every ``{parameter}`` replaced by its limit in force."""
    text = spec.zh if lang.startswith("zh") else spec.en
    for name in placeholders(text):
        if name in parameters.values:
            text = text.replace("{" + name + "}", limit_phrase(parameters, name, lang))
    return text


def describe_parameter(parameters: Parameters, name: str, lang: str) -> str:
    """``total_output_min = 20亿元（以上，>=，2024-03-15起）— 《…》第六条第（一）项：“…”`` in a few words."""
    zh = lang.startswith("zh")
    dated = parameters.values[name]
    value = dated.value
    source = dated.source
    cited = f"{source.document} {source.place}".strip() + (f"：“{source.quote}”" if source.quote else "")
    since = dated.effective_from.isoformat()
    if isinstance(value, Threshold):
        shown = format_quantity(value.value, value.unit, "zh" if zh else "en", least=0)
        soft = ("，软性限制" if zh else ", soft limit") if value.soft else ""
        comparison = value.word.comparison.value
        if zh:
            return f"{name} = {shown}（{value.word.word}，{comparison}{soft}，{since}起）— {cited}"
        return f"{name} = {shown} ({value.word.word}, {comparison}{soft}, from {since}) — {cited}"
    if isinstance(value, LegalWord):
        body = (
            f"{value.word}（{value.comparison.value}，{value.reading}）"
            if zh
            else (f"{value.word} ({value.comparison.value}, {value.reading})")
        )
    else:
        plain = isinstance(value, (int, str)) and not isinstance(value, Enum)
        body = str(value) if plain else limit_phrase(parameters, name, lang)
        unit = parameters.records[name].unit
        if isinstance(value, int) and unit:
            body = f"{value}{unit}" if zh else f"{value} {unit}"
    when = f"，{since}起" if zh else f", from {since}"
    return f"{name} = {body}{when}" + (f" — {cited}" if source.document or source.quote else "")


def parameters_of(rule: Rule) -> tuple[str, ...]:
    """Every parameter the rule's checks read."""
    return tuple(dict.fromkeys(name for spec in rule.describes for name in spec.named_parameters))


def _word(value: object, zh: bool) -> str:
    """A parameter value in words: an enumeration's label in the language asked for, anything else as it is."""
    if isinstance(value, LabelledEnum):
        return value.zh if zh else value.en
    if isinstance(value, SeverityBand):
        grade = value.severity.zh if zh else value.severity.en
        return f"{grade}: {value.deaths}/{value.serious_injuries}/{value.direct_loss_yuan}"
    return str(getattr(value, "value", value))
