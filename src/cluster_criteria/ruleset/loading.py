"""Read a rule set's data file (TOML): identity, text, dated and cited parameters, qualitative items.

The file is the single place a value of the measures is written. Each parameter has a type, a description, a unit
and a list of dated values; each value names where it comes from (an article and clause of the measures, or another
document and place) and quotes the words it rests on. ``docs/interpretation.md`` ("Rule sets as data") shows the
format with an example.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any

from ..citations import citation_zh
from ..vocabulary import CatalogueStatus, DesignationKind, IncidentKind, Severity, ViolationKind
from .parameters import (
    Comparison,
    DatedValue,
    FigureName,
    LegalWord,
    ParameterRecord,
    ParameterValue,
    QualitativeItem,
    Reading,
    RuleSet,
    SeverityBand,
    Source,
    Threshold,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]

__all__ = ["RuleSetDataError", "load_rule_set", "parameter_values", "place_of", "read_toml"]

# 第六条第（一）项 for (6, 1): where a value of the measures stands.
place_of = citation_zh

# The enumerations a `kinds` parameter may list, by the name the data file gives.
_ENUMS: dict[str, type[Enum]] = {
    "CatalogueStatus": CatalogueStatus,
    "DesignationKind": DesignationKind,
    "IncidentKind": IncidentKind,
    "ViolationKind": ViolationKind,
}


class RuleSetDataError(ValueError):
    """A rule set's data file is not well formed; the message names the file and the key."""


def read_toml(source: Path | str | bytes) -> dict[str, Any]:
    """A TOML document from a path, or its text."""
    if isinstance(source, Path):
        source = source.read_bytes()
    text = source.decode("utf-8") if isinstance(source, bytes) else source
    data: dict[str, Any] = tomllib.loads(text)
    return data


class _Reader:
    """Reads one data file, naming the key of any problem it finds."""

    def __init__(self, data: Mapping[str, Any], origin: str) -> None:
        self.data = data
        self.origin = origin

    def fail(self, where: str, why: str) -> RuleSetDataError:
        return RuleSetDataError(f"{self.origin}: {where}: {why}")

    def get(self, table: Mapping[str, Any], key: str, where: str, kind: type | tuple[type, ...]) -> Any:
        if key not in table:
            raise self.fail(where, f"`{key}` is required")
        value = table[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise self.fail(f"{where}.{key}", f"expected {getattr(kind, '__name__', kind)}, got {value!r}")
        return value

    def decimal(self, table: Mapping[str, Any], key: str, where: str) -> Decimal:
        text = self.get(table, key, where, str)
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise self.fail(f"{where}.{key}", f"not a decimal number: {text!r}") from None
        if not value.is_finite():
            raise self.fail(f"{where}.{key}", f"not a finite number: {text!r}")
        return value

    def words(self) -> dict[str, LegalWord]:
        words: dict[str, LegalWord] = {}
        for key, entry in self.data.get("words", {}).items():
            where = f"words.{key}"
            try:
                comparison = Comparison(self.get(entry, "comparison", where, str))
            except ValueError:
                raise self.fail(where, f"unknown comparison {entry['comparison']!r}") from None
            words[key] = LegalWord(
                self.get(entry, "word", where, str), comparison, self.get(entry, "reading", where, str)
            )
        return words

    def source(self, entry: Mapping[str, Any], record: Mapping[str, Any], where: str, document: str) -> Source:
        document = entry.get("document", record.get("document", document))
        if "place" in entry:
            place = self.get(entry, "place", where, str)
        elif "article" in entry:
            place = place_of(self.get(entry, "article", where, int), int(entry.get("clause", 0)))
        else:
            place = ""
        return Source(document, place, str(entry.get("quote", "")))

    def record(
        self, name: str, table: Mapping[str, Any], words: Mapping[str, LegalWord], document: str
    ) -> ParameterRecord:
        where = f"parameters.{name}"
        kind = self.get(table, "type", where, str)
        values = []
        previous: dt.date | None = None
        for position, entry in enumerate(self.get(table, "values", where, list)):
            at = f"{where}.values[{position}]"
            start = self.get(entry, "from", at, dt.date)
            if isinstance(start, dt.datetime):
                raise self.fail(f"{at}.from", "a date without a time of day is expected")
            if previous is not None and start <= previous:
                raise self.fail(f"{at}.from", "dated values must be listed oldest first, each on its own date")
            previous = start
            source = self.source(entry, table, at, document)
            value = self.value(kind, name, table, entry, at, words, source)
            values.append(DatedValue(start, value, source, str(entry.get("cites", "")), str(entry.get("reading", ""))))
        if not values:
            raise self.fail(where, "at least one dated value is required")
        return ParameterRecord(
            name=name,
            type=kind,
            description_zh=str(table.get("description_zh", "")),
            description_en=str(table.get("description_en", "")),
            unit=str(table.get("unit", "")),
            values=tuple(values),
        )

    def value(
        self,
        kind: str,
        name: str,
        table: Mapping[str, Any],
        entry: Mapping[str, Any],
        where: str,
        words: Mapping[str, LegalWord],
        source: Source,
    ) -> ParameterValue:
        if kind == "threshold":
            return Threshold(
                key=name,
                value=self.decimal(entry, "value", where),
                word=self.word(entry, where, words),
                unit=str(table.get("unit", "")),
                source=source,
                description_zh=self.get(table, "description_zh", f"parameters.{name}", str),
                description_en=self.get(table, "description_en", f"parameters.{name}", str),
                soft=bool(table.get("soft", False)),
            )
        if kind == "word":
            return self.word(entry, where, words)
        if kind == "integer":
            return int(self.get(entry, "value", where, int))
        if kind == "decimal":
            return self.decimal(entry, "value", where)
        if kind == "text":
            return str(self.get(entry, "value", where, str))
        if kind == "severity":
            severity: Severity = self.member(Severity, self.get(entry, "value", where, str), f"{where}.value")
            return severity
        if kind == "kinds":
            of = self.get(table, "of", f"parameters.{name}", str)
            if of not in _ENUMS:
                raise self.fail(f"parameters.{name}.of", f"unknown enumeration {of!r}")
            members = self.get(entry, "value", where, list)
            return tuple(self.member(_ENUMS[of], m, f"{where}.value") for m in members)
        if kind == "bands":
            bands = self.get(entry, "value", where, list)
            return tuple(self.band(band, f"{where}.value[{i}]") for i, band in enumerate(bands))
        raise self.fail(f"parameters.{name}.type", f"unknown parameter type {kind!r}")

    def word(self, entry: Mapping[str, Any], where: str, words: Mapping[str, LegalWord]) -> LegalWord:
        key = self.get(entry, "word", where, str)
        if key not in words:
            raise self.fail(f"{where}.word", f"not a word of the [words] table: {key!r}")
        return words[key]

    def member(self, enum: type[Enum], value: Any, where: str) -> Any:
        try:
            return enum(value)
        except ValueError:
            raise self.fail(where, f"not a {enum.__name__}: {value!r}") from None

    def band(self, entry: Mapping[str, Any], where: str) -> SeverityBand:
        return SeverityBand(
            severity=self.member(Severity, self.get(entry, "severity", where, str), f"{where}.severity"),
            deaths=self.get(entry, "deaths", where, int),
            serious_injuries=self.get(entry, "serious_injuries", where, int),
            direct_loss_yuan=self.decimal(entry, "direct_loss", where),
        )

    def items(self) -> tuple[QualitativeItem, ...]:
        items = []
        seen: set[str] = set()
        for position, entry in enumerate(self.data.get("qualitative", [])):
            where = f"qualitative[{position}]"
            item = QualitativeItem(
                id=self.get(entry, "id", where, str),
                article=self.get(entry, "article", where, int),
                clause=self.get(entry, "clause", where, int),
                text_zh=self.get(entry, "text_zh", where, str),
                text_en=self.get(entry, "text_en", where, str),
                group=str(entry.get("group", "")),
            )
            if item.id in seen:
                raise self.fail(where, f"item {item.id!r} is listed twice")
            seen.add(item.id)
            items.append(item)
        return tuple(items)

    def figures(self) -> dict[str, FigureName]:
        figures = {}
        for name, entry in self.data.get("figures", {}).items():
            where = f"figures.{name}"
            figures[name] = FigureName(
                name=name,
                name_zh=self.get(entry, "name_zh", where, str),
                name_en=self.get(entry, "name_en", where, str),
                unit=str(entry.get("unit", "")),
            )
        return figures

    def text(self) -> dict[tuple[int, int], str]:
        text: dict[tuple[int, int], str] = {}
        for position, entry in enumerate(self.data.get("text", [])):
            where = f"text[{position}]"
            key = (self.get(entry, "article", where, int), self.get(entry, "clause", where, int))
            text[key] = self.get(entry, "text", where, str)
        return text


def parameter_values(
    data: Mapping[str, Any], origin: str, words: Mapping[str, LegalWord], document: str
) -> dict[str, ParameterRecord]:
    """The ``[parameters]`` table of a data file as records (also used for a reform's overlay)."""
    reader = _Reader(data, origin)
    return {
        name: reader.record(name, table, words, document)
        for name, table in data.get("parameters", {}).items()
    }


def load_rule_set(
    source: Path | str | bytes,
    *,
    rules: tuple[Any, ...],
    readings: Mapping[str, Reading],
    origin: str | None = None,
) -> RuleSet:
    """Build a rule set from its data file and the rules that read it (in legal order).

    A file that says ``extends = "ID"`` starts from that registered edition: it inherits the boundary words, the
    parameters, the clause texts, the qualitative items and the figures, and what it states replaces them (a
    parameter it lists has only the values it lists; ``drop_qualitative`` removes items by id).
    """
    data = read_toml(source)
    origin = origin or (source.name if isinstance(source, Path) else "rule set data")
    reader = _Reader(data, origin)
    document = reader.get(data, "document", "document", str)
    base = _base_of(reader)
    words = {**(base.words if base else {}), **reader.words()}
    in_force = reader.get(data, "in_force_source", "in_force_source", dict)
    text = {**(base.text if base else {}), **reader.text()}
    records = {**(base.records if base else {}), **parameter_values(data, origin, words, document)}
    dropped = data.get("drop_qualitative", [])
    if not isinstance(dropped, list) or not all(isinstance(i, str) for i in dropped):
        raise reader.fail("drop_qualitative", "a list of item ids is expected")
    inherited = tuple(item for item in (base.qualitative_items if base else ()) if item.id not in dropped)
    unknown_drops = set(dropped) - {item.id for item in (base.qualitative_items if base else ())}
    if unknown_drops:
        raise reader.fail("drop_qualitative", f"no such item to drop: {', '.join(sorted(unknown_drops))}")
    items = inherited + tuple(i for i in reader.items() if i.id not in {j.id for j in inherited})
    until = data.get("in_force_until")
    rule_set = RuleSet(
        id=reader.get(data, "id", "id", str),
        name_zh=reader.get(data, "name_zh", "name_zh", str),
        name_en=reader.get(data, "name_en", "name_en", str),
        version=reader.get(data, "version", "version", str),
        issuer_zh=reader.get(data, "issuer_zh", "issuer_zh", str),
        issuer_en=reader.get(data, "issuer_en", "issuer_en", str),
        published=reader.get(data, "published", "published", dt.date),
        effective_date=reader.get(data, "in_force_from", "in_force_from", dt.date),
        effective_source=Source(document, str(in_force.get("place", "")), str(in_force.get("quote", ""))),
        text=text,
        records=records,
        qualitative_items=items,
        readings=readings,
        rules=rules,
        words=words,
        figures={**(base.figures if base else {}), **reader.figures()},
        in_force_until=until if isinstance(until, dt.date) else None,
    )
    for rule in rules:
        if (rule.article, rule.clause) not in text:
            raise reader.fail("text", f"rule {rule.rule_id} has no clause text ({place_of(rule.article, rule.clause)})")
    return rule_set


def _base_of(reader: _Reader) -> RuleSet | None:
    base_id = reader.data.get("extends")
    if base_id is None:
        return None
    if not isinstance(base_id, str):
        raise reader.fail("extends", "the id of a registered rule set is expected")
    from .registry import get_rule_set

    try:
        return get_rule_set(base_id)
    except KeyError:
        raise reader.fail("extends", f"no registered rule set {base_id!r}") from None
