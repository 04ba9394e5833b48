"""The words explanations use: statuses, outcomes, input field names and comparisons, from the catalogues."""

from __future__ import annotations

import re

from ..i18n import localise, translate
from ..verdicts import Outcome, Status
from .locale import Lang

__all__ = ["field_name", "outcome_word", "status_word"]

# The input fields the catalogues name (message ``field.<name>``); a field an edition adds is named by its data.
_FIELDS = frozenset(
    {
        "total_output",
        "sme_output",
        "leading_industry_output",
        "sme_rd_expenditure",
        "valid_invention_patents",
        "employees",
        "platform_penetration",
        "platform_using_enterprises",
        "enterprises_total",
        "industrial_software_rate",
        "co2_intensity",
        "area_km2",
        "unit_consumption",
        "benchmark",
        "management_body",
        "high_energy_consuming",
        "high_water_use",
        "catalogue_status",
        "enterprises",
        "incidents",
        "violations",
        "energy",
        "water",
        "in_leading_industry",
        "severity",
        "deaths",
        "serious_injuries",
        "direct_loss",
    }
)

_YEAR_PATH = re.compile(r"^metrics\[year=(\d{4})\]\.(?:figures\.)?(\w+)$")
_ITEM_PATH = re.compile(r"^(enterprises|incidents|violations)\[(\d+)\]\.(\w+)$")


def status_word(status: Status, lang: Lang, *, exclusion: bool = False) -> str:
    """The word for a status; for an exclusion clause (Art. 7 names a situation, so 符合 would read backwards),
    whether the situation it names is present."""
    if exclusion and status in (Status.PASS, Status.FAIL):
        return translate(f"status.exclusion.{status.value}", lang)
    return translate(f"status.{status.value}", lang)


def outcome_word(outcome: Outcome, lang: Lang) -> str:
    return translate(f"outcome.{outcome.value}", lang)


def field_name(path: str, lang: Lang, *, with_year: bool = True) -> str:
    """``metrics[year=2024].total_output`` → 2024年集群总产值 / total output in 2024; unknown paths stay as they are."""
    match = _YEAR_PATH.match(path)
    if match is not None:
        year, name = match.groups()
        named = _name(name, lang)
        return translate("field.in_year", lang, year=year, name=named) if with_year else named
    item = _ITEM_PATH.match(path)
    if item is not None:
        collection, index, name = item.groups()
        record = translate(f"record.{collection}", lang, n=int(index) + 1)
        named = translate(f"field.{name}", lang) if name in _FIELDS else name
        return translate("field.of_record", lang, record=record, name=named)
    if path.startswith("qualitative."):
        item_id = path.removeprefix("qualitative.").removesuffix(".answer")
        return translate("field.qualitative_answer", lang, item=item_id)
    name = path.rsplit(".", 1)[-1]
    if name in _FIELDS:
        return translate(f"field.{name}", lang)
    return path


def _name(name: str, lang: Lang) -> str:
    """A field's name: built in, or given by the data file of the edition that defines the figure."""
    if name in _FIELDS:
        return translate(f"field.{name}", lang)
    from ..ruleset.registry import known_figures

    figure = known_figures().get(name)
    return localise(figure.name_zh, figure.name_en, lang) if figure is not None else name
