"""Pydantic validation errors turned into problems a person can read, in Chinese and English."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from .errors import ApplicationError, InputProblem
from .i18n import translate
from .limits import MAX_PROBLEM_KINDS_REPORTED, MAX_PROBLEMS_REPORTED
from .safe_text import one_line, quoted

__all__ = ["capped", "from_validation_error", "path_of", "zh_message"]

# The error types the catalogues word (message ``problem.<type>``, with the error's context as named values): our
# own types and the pydantic errors a filled-in application meets most often. The English text of a pydantic error
# comes from the error itself.
PROBLEM_CODES = frozenset(
    {
        "cc_not_a_number",
        "cc_not_finite",
        "cc_too_large",
        "cc_too_precise",
        "cc_negative",
        "cc_not_an_amount",
        "cc_rate_range",
        "cc_not_a_count",
        "cc_control_chars",
        "cc_line_break",
        "cc_not_a_year",
        "cc_not_a_date",
        "cc_part_exceeds_total",
        "cc_count_exceeds_total",
        "cc_zero_base",
        "cc_rate_mismatch",
        "cc_credit_code",
        "cc_date_out_of_range",
        "too_long",
        "cc_dates_reversed",
        "cc_duplicate_year",
        "cc_year_gap",
        "cc_duplicate_enterprise",
        "cc_unknown_item",
        "missing",
        "extra_forbidden",
        "enum",
        "literal_error",
        "bool_type",
        "bool_parsing",
        "int_type",
        "int_parsing",
        "int_from_float",
        "string_type",
        "string_too_short",
        "string_too_long",
        "string_pattern_mismatch",
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
        "greater_than_equal",
        "less_than_equal",
        "dict_type",
        "list_type",
        "tuple_type",
        "model_type",
        "model_attributes_type",
        "dataclass_type",
        "value_error",
        # the designated cluster record's own
        "cc_review_decision",
        "cc_date_order",
        "cc_report_too_early",
        "cc_duplicate_report_year",
    }
)


# A message is a sentence with a few quoted values, each already cut short; this bounds the whole of it all the same.
_MESSAGE_LIMIT = 600


def path_of(loc: tuple[int | str, ...]) -> str:
    """``("metrics", 1, "total_output")`` → ``metrics[1].total_output``.

    A key may come from the input (a misspelt field, a dictionary key): it is shown escaped and cut short.
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif out:
            out += f".{quoted(str(part))}"
        else:
            out = quoted(str(part))
    return out


def _message(text: str) -> str:
    return quoted(text, _MESSAGE_LIMIT)


def zh_message(error: Any) -> str:
    """The Chinese message of one pydantic error (a dict of ``ValidationError.errors()``)."""
    return _zh(error)


def _zh(error: Any) -> str:
    if error["type"] not in PROBLEM_CODES:
        return translate("problem.other", "zh", message=error["msg"])
    try:
        return translate(f"problem.{error['type']}", "zh", **_context(error))
    except (KeyError, IndexError):
        return translate("problem.other", "zh", message=error["msg"])


def _context(error: Any) -> dict[str, str]:
    return {k: one_line(str(v)) for k, v in (error.get("ctx") or {}).items()}


def from_validation_error(exc: ValidationError, templates: Mapping[str, str] | None = None) -> ApplicationError:
    """The pydantic errors as :class:`InputProblem` with their field paths, capped as :func:`capped` says.

    ``templates`` adds Chinese templates for a caller's own error types.
    """
    return ApplicationError(capped(_problems(exc, templates or {})))


def _problems(exc: ValidationError, templates: Mapping[str, str]) -> Iterator[InputProblem]:
    # Without the input values: an error on a list of ten thousand items would otherwise copy the list into each.
    for error in exc.errors(include_url=False, include_input=False):
        # Function validators put their own name in the location; a reader wants the field only.
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "json-or-"))))
        template = templates.get(error["type"])
        zh = _zh(error) if template is None else _formatted(template, error)
        args = tuple(sorted(_context(error).items())) if error["type"] in PROBLEM_CODES and template is None else ()
        message_id = f"problem.{error['type']}" if args or (error["type"] in PROBLEM_CODES and template is None) else ""
        yield InputProblem(path_of(loc), _message(zh), _message(error["msg"]), error["type"], message_id, args)


def _formatted(template: str, error: Any) -> str:
    return template.format(**{k: quoted(str(v)) for k, v in (error.get("ctx") or {}).items()})


_INDEX = re.compile(r"\[\d+\]")


def capped(
    problems: Iterable[InputProblem],
    limit: int = MAX_PROBLEMS_REPORTED,
    kinds: int = MAX_PROBLEM_KINDS_REPORTED,
) -> list[InputProblem]:
    """The first ``limit`` problems in the order found, then one line per kind of the rest — a field pattern such as
    ``enterprises[*].credit_code`` and a code — saying how many more there are; beyond ``kinds`` such lines, one
    line counts all the others. Only the kept problems and the counts are held, however many problems come."""
    kept: list[InputProblem] = []
    rest: Counter[tuple[str, str]] = Counter()
    for problem in problems:
        if len(kept) < limit:
            kept.append(problem)
        else:
            rest[(_INDEX.sub("[*]", problem.path), problem.code)] += 1
    groups = list(rest.items())
    for (pattern, code), count in groups[:kinds]:
        kept.append(
            InputProblem(
                pattern,
                translate("problem.more_of_kind", "zh", count=f"{count:,}", code=code),
                translate("problem.more_of_kind", "en", count=f"{count:,}", code=code),
                "cc_more_problems",
                "problem.more_of_kind",
                (("code", code), ("count", f"{count:,}")),
            )
        )
    others = sum(count for _, count in groups[kinds:])
    if others:
        kept.append(
            InputProblem(
                "",
                translate("problem.more_others", "zh", count=f"{others:,}"),
                translate("problem.more_others", "en", count=f"{others:,}"),
                "cc_more_problems",
                "problem.more_others",
                (("count", f"{others:,}"),),
            )
        )
    return kept
