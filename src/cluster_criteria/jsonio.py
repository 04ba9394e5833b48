"""JSON in and out: exact loading of applications, reports to and from JSON, and JSON Schemas for both."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .comments import strip_comments
from .errors import ApplicationError, InputProblem, Phrase
from .limits import MAX_DOCUMENT_BYTES
from .models import Application
from .models.types import shown
from .problems import capped, from_validation_error
from .reading import too_large
from .safe_text import json_safe
from .verdicts import Report

__all__ = [
    "application_from_data",
    "input_schema",
    "load_application",
    "report_from_json",
    "report_schema",
    "report_to_data",
    "report_to_json",
    "report_to_json_line",
]

# Kept for callers that imported it from here; the limit itself lives in cluster_criteria.limits.
MAX_INPUT_BYTES = MAX_DOCUMENT_BYTES


class _NotJsonNumber(ValueError):
    """NaN, Infinity or -Infinity, which Python's reader accepts and JSON does not: refused by name."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _reject_constant(name: str) -> Any:
    raise _NotJsonNumber(name)


def parse_json(text: str | bytes) -> Any:
    """Parse JSON with every non-integer number as an exact Decimal (never through float).

    Refused with :class:`ApplicationError`: more than ``MAX_DOCUMENT_BYTES`` bytes (characters for a ``str``),
    text that is not UTF-8 or not JSON, and an object that gives one key twice (which value counts would be a guess).
    """
    if len(text) > MAX_DOCUMENT_BYTES:
        raise too_large()
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ApplicationError.of(
                "", "problem.cc_encoding", "cc_encoding", reason=exc
            ) from None
    repeated: dict[int, list[tuple[str, Any, Any]]] = {}

    def new_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            repeated[id(obj)] = _repeated_keys(pairs)
        return obj

    try:
        try:
            data = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant, object_pairs_hook=new_object)
        except ValueError as exc:
            if "integer string conversion" not in str(exc):
                raise
            # An integer of thousands of digits: read such integers as Decimals instead, so that the field they are
            # in refuses them by name (as implausibly large) rather than the whole document failing to parse.
            repeated.clear()
            data = json.loads(
                text,
                parse_float=Decimal,
                parse_int=_integer,
                parse_constant=_reject_constant,
                object_pairs_hook=new_object,
            )
    except json.JSONDecodeError as exc:
        # The path stays "line L column C" for programs that read it; people read the place in their language.
        problem = InputProblem.of(
            f"line {exc.lineno} column {exc.colno}", "problem.cc_json_syntax", "cc_json", reason=exc.msg
        )
        place = Phrase.of("problem.json_place", line=exc.lineno, column=exc.colno)
        raise ApplicationError([dataclasses.replace(problem, place=place)]) from None
    except _NotJsonNumber as exc:
        raise ApplicationError.of("", "problem.cc_json_constant", "cc_json", name=exc.name) from None
    except RecursionError:
        raise ApplicationError.of("", "problem.cc_nested", "cc_json") from None
    except ValueError as exc:
        raise ApplicationError.of("", "problem.cc_json_unreadable", "cc_json", reason=str(exc)[:200]) from None
    if repeated:
        raise ApplicationError(capped(_duplicate_problems(data, repeated)))
    return data


def _integer(text: str) -> int | Decimal:
    return int(text) if len(text) <= _INT_DIGITS else Decimal(text)


# Python's default limit on the digits of an integer read from text (sys.int_info.default_max_str_digits).
_INT_DIGITS = 4300


def _repeated_keys(pairs: list[tuple[str, Any]]) -> list[tuple[str, Any, Any]]:
    """Each key given again in one object, with the value it had first and the one it is given again."""
    first: dict[str, Any] = {}
    twice = []
    for key, value in pairs:
        if key in first:
            twice.append((key, first[key], value))
        else:
            first[key] = value
    return twice


def _duplicate_problems(data: Any, repeated: dict[int, list[tuple[str, Any, Any]]]) -> Iterator[InputProblem]:
    """One problem per repeated key, at its path; the objects are found again by identity."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            for key, first, second in repeated.get(id(node), ()):
                at = f"{path}.{key}" if path else key
                a, b = _shown_value(first), _shown_value(second)
                yield InputProblem.of(at, "problem.cc_duplicate_key", "cc_duplicate_key", first=a, second=b)
            children = [(value, f"{path}.{key}" if path else key) for key, value in node.items()]
        elif isinstance(node, list):
            children = [(value, f"{path}[{index}]") for index, value in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))


def _shown_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, Decimal):
        return shown(str(value))
    return shown(json.dumps(value, ensure_ascii=False, default=str))


def application_from_data(data: Any) -> Application:
    """Validate parsed data (a dict) into an :class:`Application`, or raise :class:`ApplicationError`.

    Keys starting with ``$comment`` (notes, as in the blank template) are dropped first.
    """
    if not isinstance(data, dict):
        raise ApplicationError.of(
            "", "problem.cc_not_object", "cc_not_object"
        )
    try:
        try:
            return Application.model_validate(data)
        except ValidationError:
            # Every object of the input is a model that refuses unknown fields, or the qualitative answers that
            # refuse unknown item ids, so an application that validates as given has no comment keys: only a
            # refused one pays for walking the whole document (and then gives exactly the errors it always did).
            without_comments = strip_comments(data)
        return Application.model_validate(without_comments)
    except ValidationError as exc:
        raise from_validation_error(exc) from None
    except RecursionError:
        raise ApplicationError.of("", "problem.cc_nested", "cc_json") from None


def load_application(source: str | bytes | dict[str, Any]) -> Application:
    """Load an application from JSON text (exact decimals) or from already parsed data."""
    data = source if isinstance(source, dict) else parse_json(source)
    return application_from_data(data)


@lru_cache(maxsize=1)
def _report_adapter() -> TypeAdapter[Report]:
    return TypeAdapter(Report)


def report_to_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (Decimals as strings, so no digit is lost)."""
    data: dict[str, Any] = _report_adapter().dump_python(report, mode="json")
    return data


def report_to_json(report: Report, *, indent: int | None = 2) -> str:
    return json_safe(json.dumps(report_to_data(report), ensure_ascii=False, indent=indent))


def report_to_json_line(item: Report | dict[str, Any]) -> bytes:
    """A report (or any JSON-ready record) as one line of compact UTF-8 JSON, without the newline.

    The same data as :func:`report_to_data`, serialised in one pass, for JSON Lines output.
    """
    if isinstance(item, Report):
        return _report_adapter().dump_json(item)
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode()


def report_from_json(text: str | bytes) -> Report:
    """Read a report written by :func:`report_to_json` back, exactly."""
    try:
        return _report_adapter().validate_json(text)
    except ValidationError as exc:
        raise from_validation_error(exc) from None


def input_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the application input."""
    schema = Application.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cluster-criteria application"
    return schema


def report_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the report output."""
    schema = _report_adapter().json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cluster-criteria report"
    return schema
