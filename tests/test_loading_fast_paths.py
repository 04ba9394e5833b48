"""The shortcuts that make loading fast give exactly what the plain way gives: the same applications, the same
refusals, the same error records. Each shortcut is checked against a plain reference written here."""

from __future__ import annotations

import contextlib
import copy
import enum
import json
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, BeforeValidator, StringConstraints, ValidationError
from pydantic_core import PydanticCustomError, PydanticKnownError

from cluster_criteria import load_application
from cluster_criteria.comments import COMMENT_PREFIX, strip_comments
from cluster_criteria.credit_code import credit_code_problem, expected_check_character
from cluster_criteria.errors import ApplicationError
from cluster_criteria.jsonio import application_from_data
from cluster_criteria.models import Application
from cluster_criteria.models.base import InputModel
from cluster_criteria.models.types import ShortText, _amount, _check_finite_and_sized, _rate, coerce_decimal
from cluster_criteria.money import MAX_AMOUNT_YUAN, MAX_SIGNIFICANT_DIGITS, MoneyUnit, parse_amount, to_yuan
from cluster_criteria.ruleset import rule_sets
from cluster_criteria.safe_text import quoted
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.testing import strategies as cs

FAST = settings(max_examples=80, deadline=None)


def _problems(data: Any) -> list[tuple[str, str, str, str]]:
    with pytest.raises(ApplicationError) as caught:
        application_from_data(data)
    return [(p.path, p.code, p.message_zh, p.message_en) for p in caught.value.problems]


def _objects(node: Any) -> list[dict[str, Any]]:
    """Every JSON object in ``node``, outermost first."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


class TestCommentKeys:
    """Comment keys are dropped at any depth, however they are written, and nothing else changes."""

    @FAST
    @given(data=cs.application_data(), choices=st.data())
    def test_comment_keys_anywhere_leave_the_application_unchanged(self, data: dict[str, Any], choices: Any) -> None:
        """Notes added to any objects of a valid application load to the very same application."""
        expected = application_from_data(data)
        noted = copy.deepcopy(data)
        for target in choices.draw(st.lists(st.sampled_from(_objects(noted)), min_size=1, max_size=4)):
            key = choices.draw(st.sampled_from(["$comment", "$comment:note", "$comment_2", "$commentary"]))
            target[key] = choices.draw(st.sampled_from(["met", "说明", {"answer": "met"}, [1, {"a": None}], None]))
        assert application_from_data(noted) == expected

    def test_a_comment_among_the_qualitative_answers_is_dropped(self) -> None:
        """The template notes each qualitative item next to its answer; even a note reading "met" is no answer."""
        data = ApplicationBuilder().data()
        expected = application_from_data(data)
        data["qualitative"]["$comment:6.1.policy_conformity"] = "met"
        assert application_from_data(data) == expected

    @pytest.mark.parametrize(
        "key", ["\\u0024comment", "\\u0024comment:note", "$\\u0063omment", "\\u0024\\u0063\\u006f\\u006dment"]
    )
    def test_escaped_comment_keys_in_json_text_are_dropped(self, key: str) -> None:
        """JSON may spell ``$comment`` with escapes; it is still a comment, at the top and deep inside."""
        data = ApplicationBuilder().data()
        expected = application_from_data(data)
        text = json.dumps(data, ensure_ascii=False)
        text = text.replace('{"format_version"', f'{{"{key}": "x", "format_version"', 1)
        text = text.replace('"designations": [{', f'"designations": [{{"{key}": 1, ', 1)
        assert text.count(key) == 2
        assert load_application(text) == expected

    def test_an_escaped_key_that_is_not_a_comment_is_still_refused(self) -> None:
        """``\\u0024Comment`` is not a comment key (the prefix is case-sensitive), so it is an unknown field."""
        text = json.dumps(ApplicationBuilder().data()).replace("{", '{"\\u0024Comment": 1, ', 1)
        with pytest.raises(ApplicationError) as caught:
            load_application(text)
        assert [p.code for p in caught.value.problems] == ["extra_forbidden"]
        assert caught.value.problems[0].path == "$Comment"

    def test_errors_beside_comments_are_those_of_the_application_without_them(self) -> None:
        """A refused application with notes gives the errors it gives without them, nothing about the notes."""
        data = ApplicationBuilder().data()
        data["metrics"][0]["total_output"] = "lots"
        data["enterprises"][0]["credit_code"] = "91220284MA0A000010"
        plain = _problems(data)
        noted = copy.deepcopy(data)
        noted["$comment"] = "note"
        noted["metrics"][0]["$comment:why"] = "note"
        assert _problems(noted) == plain
        assert [p[0] for p in plain] == ["metrics[0].total_output", "enterprises[0].credit_code"]

    def test_loading_does_not_change_the_input(self) -> None:
        """Neither a valid nor a refused document is modified, comments included."""
        for data in (ApplicationBuilder().data(), {**ApplicationBuilder().data(), "$comment": "x", "extra": 1}):
            before = copy.deepcopy(data)
            with contextlib.suppress(ApplicationError):
                application_from_data(data)
            assert data == before

    def test_strip_comments_drops_only_comment_keys(self) -> None:
        """At any depth, inside lists too; other keys and values are kept as they are."""
        data = {"$comment": 1, "a": [{"$comment:x": 2, "b": 3}, 4], "c": {"d": {"$comment": {}}, "e": "$comment"}}
        assert strip_comments(data) == {"a": [{"b": 3}, 4], "c": {"d": {}, "e": "$comment"}}

    def test_only_qualitative_answers_take_keys_of_the_callers_choosing(self) -> None:
        """Loading relies on this: every object of the input is a model that refuses unknown fields, except the
        qualitative answers and the figures an edition defines, keyed by item ids and figure names that a validator
        checks against the registered rule sets (so a ``$comment`` key is refused, then stripped). A new field holding a free-form
        mapping would let comment keys through validation, and loading would then have to strip them first."""
        free_form: list[str] = []
        seen: set[type[BaseModel]] = set()

        def visit(annotation: Any, where: str) -> None:
            origin = typing.get_origin(annotation)
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                if annotation not in seen:
                    seen.add(annotation)
                    assert annotation.model_config.get("extra") == "forbid", annotation.__name__
                    for name, field in annotation.model_fields.items():
                        visit(field.annotation, f"{annotation.__name__}.{name}")
            elif origin in (dict, typing.Mapping) or annotation in (dict, Any, object):
                free_form.append(where)
                for argument in typing.get_args(annotation)[1:]:
                    visit(argument, where)
            elif origin is typing.Annotated:
                visit(typing.get_args(annotation)[0], where)
            elif origin is not None or isinstance(annotation, types.UnionType):
                for argument in typing.get_args(annotation):
                    visit(argument, where)

        visit(Application, "")
        assert sorted(free_form) == ["Application.qualitative", "YearMetrics.figures"]
        assert len(seen) >= 10
        item_ids = [item.id for rules in rule_sets() for item in rules.qualitative_items]
        assert item_ids and not any(item_id.startswith(COMMENT_PREFIX) for item_id in item_ids)


def _outcome(function: Callable[[Any], Any], value: Any) -> tuple[str, Any]:
    """What a validator function gives: its value (repr, so 1.0 and 1.00 differ) or its error, exactly."""
    try:
        return "value", repr(function(value))
    except (PydanticCustomError, PydanticKnownError) as error:
        return "error", (error.type, error.message(), error.context)


def _reference_check(number: Decimal) -> None:
    """The size checks as first written: every digit counted."""
    if not number.is_finite():
        raise PydanticCustomError("cc_not_finite", "must be a finite number, not NaN or infinity")
    if number != 0 and (number.adjusted() > 30 or number.adjusted() < -30):
        raise PydanticCustomError("cc_too_large", "is implausibly large or small ({text})", {"text": f"{number:.3E}"})
    if len(number.as_tuple().digits) > MAX_SIGNIFICANT_DIGITS:
        raise PydanticCustomError(
            "cc_too_precise", "has more than {limit} significant digits", {"limit": MAX_SIGNIFICANT_DIGITS}
        )


def _reference_text_number(text: str) -> Decimal:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise PydanticCustomError(
            "cc_not_a_number", "expected a number, got {text}", {"text": quoted(text, 40)}
        ) from None
    _reference_check(number)
    return abs(number) if number.is_zero() else number  # "-0" is zero, printed "0"


def _reference_amount(text: str) -> Decimal:
    try:
        number, unit = parse_amount(text)
    except ValueError:
        raise PydanticCustomError(
            "cc_not_an_amount",
            "is not an amount: {text}; write a number, optionally with 元, 万元 or 亿元",
            {"text": quoted(text, 40)},
        ) from None
    _reference_check(number)
    number = to_yuan(abs(number) if number.is_zero() else number, unit or MoneyUnit.YUAN)
    if number < 0:
        raise PydanticCustomError("cc_negative", "must not be negative (is {text})", {"text": str(number)})
    if number > MAX_AMOUNT_YUAN:
        raise PydanticCustomError(
            "cc_too_large", "is implausibly large or small ({text})", {"text": f"{number:.3E} 元"}
        )
    return number


def _reference_rate(text: str) -> Decimal:
    stripped = text.strip()
    number = _reference_text_number(stripped[:-1]) / 100 if stripped.endswith("%") else _reference_text_number(text)
    if not (0 <= number <= 1):
        raise PydanticCustomError(
            "cc_rate_range",
            'a rate is a fraction between 0 and 1 (write 0.08 or "8%"), got {text}',
            {"text": str(number)},
        )
    return number


# Numbers as people write them, plain ones (the fast path) most often, and the odd ones around them.
_digits = st.text(alphabet="0123456789", min_size=0, max_size=34)
_number_texts = st.one_of(
    st.builds(lambda a, b, point: a + ("." if point else "") + b, _digits, _digits, st.booleans()),
    st.from_regex(r"\A\s?[+-]?\d{0,3}(\.\d{0,3})?([eE][+-]?\d{1,3})?\s?\Z"),
    st.sampled_from(["", ".", "1.2.3", "1_000", "١٢", "²", "NaN", "-0", "Infinity", "0x10", " 7", "7 "]),
)
_amount_texts = st.builds(
    lambda number, unit: number + unit, _number_texts, st.sampled_from(["", "元", "万元", "亿元", "万", "亿", "亿亿元"])
)


class TestNumbers:
    """Plain numbers skip the general parsing and the size checks; everything comes out as it always did."""

    @settings(max_examples=600, deadline=None)
    @given(st.one_of(st.decimals(), st.from_regex(r"\A[1-9]\d{25,33}(\.\d{0,8})?\Z").map(Decimal)))
    def test_the_size_checks_agree_with_counting_every_digit(self, number: Decimal) -> None:
        assert _outcome(_check_finite_and_sized, number) == _outcome(_reference_check, number)

    @settings(max_examples=600, deadline=None)
    @given(_number_texts)
    def test_numbers_written_as_text(self, text: str) -> None:
        assert _outcome(coerce_decimal, text) == _outcome(_reference_text_number, text)

    @settings(max_examples=600, deadline=None)
    @given(_amount_texts)
    def test_amounts_written_as_text(self, text: str) -> None:
        assert _outcome(_amount, text) == _outcome(_reference_amount, text)

    @settings(max_examples=600, deadline=None)
    @given(st.builds(lambda number, percent: number + percent, _number_texts, st.sampled_from(["", "%", " %"])))
    def test_rates_written_as_text(self, text: str) -> None:
        assert _outcome(_rate, text) == _outcome(_reference_rate, text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("29.04亿元", "Decimal('2904000000.00')"),
            ("1.50万", "Decimal('15000.00')"),
            ("1.50元", "Decimal('1.50')"),
            ("1.50", "Decimal('1.50')"),
            ("0." + "0" * 27 + "1", "Decimal('1E-28')"),
        ],
    )
    def test_plain_amounts_keep_their_digits(self, text: str, expected: str) -> None:
        """The exponent of the Decimal is that of the written number (times the unit), as before."""
        assert repr(_amount(text)) == expected


def _reference_credit_code_problem(code: str) -> str | None:
    """GB 32100-2015 as written: weights 3^i mod 31, check character (31 - sum mod 31) mod 31."""
    charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    if len(code) != 18:
        return f"must have 18 characters, has {len(code)}"
    bad = sorted({ch for ch in code if ch not in charset})
    if bad:
        return f"contains characters outside the GB 32100 set: {quoted(''.join(bad))}"
    total = sum(charset.index(ch) * pow(3, i, 31) for i, ch in enumerate(code[:17]))
    expected = charset[(31 - total % 31) % 31]
    return None if code[17] == expected else f"check character is {code[17]}, GB 32100-2015 gives {expected}"


_CODE_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


class TestCreditCodes:
    @settings(max_examples=1000, deadline=None)
    @given(
        st.one_of(
            st.text(alphabet=_CODE_SET, min_size=17, max_size=17).map(lambda s: s + expected_check_character(s)),
            st.text(alphabet=_CODE_SET, min_size=18, max_size=18),
            st.text(alphabet=_CODE_SET + "IOSVZa _+-#\x00é１", min_size=16, max_size=19),
            st.text(max_size=20),
        )
    )
    def test_the_reasons_are_those_of_the_standard_as_written(self, code: str) -> None:
        assert credit_code_problem(code) == _reference_credit_code_problem(code)

    @pytest.mark.parametrize(
        ("code", "reason"),
        [
            ("91350100M000100Y43", None),
            ("91350100M000100Y4", "must have 18 characters, has 17"),
            ("91350100M000100Y44", "check character is 4, GB 32100-2015 gives 3"),
            ("9135010OM000100YI3", "contains characters outside the GB 32100 set: IO"),
            ("91350100M000100Y4 ", "contains characters outside the GB 32100 set:  "),
            ("91350100M000100Y4é", "contains characters outside the GB 32100 set: é"),
            ("9135010０M000100Y43", "contains characters outside the GB 32100 set: ０"),
        ],
    )
    def test_invalid_codes_say_why(self, code: str, reason: str | None) -> None:
        assert credit_code_problem(code) == reason


def _reference_control(value: Any) -> Any:
    if isinstance(value, str) and re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", value):
        raise PydanticCustomError("cc_control_chars", "contains control characters")
    return value


class _ReferenceText(InputModel):
    """Text fields as first written: a check for control characters, then pydantic's stripping and lengths."""

    value: Annotated[
        str, BeforeValidator(_reference_control), StringConstraints(strip_whitespace=True, min_length=1, max_length=500)
    ]


class _Text(InputModel):
    value: ShortText


class _Named(str, enum.Enum):
    SPACED = " name "
    BLANK = "   "
    BELL = "a\x07"


class _Subclass(str):
    pass


def _validated(model: type[BaseModel], value: Any) -> Any:
    try:
        return "value", model.model_validate({"value": value}).model_dump()
    except ValidationError as exc:
        return "errors", [(e["type"], e["loc"], e["msg"], repr(e["input"]), e.get("ctx")) for e in exc.errors()]


_STRING_ERRORS = {
    "too_short": ("string_too_short", "String should have at least {min_length} character", "min_length"),
    "too_long": ("string_too_long", "String should have at most {max_length} characters", "max_length"),
}


def _as_string_errors(result: Any) -> Any:
    """The reference's generic length errors as the string errors ShortText gives since."""
    kind, payload = result
    if kind != "errors":
        return result
    renamed = []
    for type_, loc, msg, shown, ctx in payload:
        if type_ in _STRING_ERRORS:
            new_type, template, key = _STRING_ERRORS[type_]
            type_, msg, ctx = new_type, template.format(**{key: ctx[key]}), {key: ctx[key]}
        renamed.append((type_, loc, msg, shown, ctx))
    return kind, renamed


_awkward = "\x00\x07\t\n\x0b\x0c\r\x1c\x1f \x7f\x85\xa0\u2028\u3000\u200b\ufeff\ud800"
_texts = st.one_of(
    st.text(max_size=12),
    st.text(alphabet=st.sampled_from(_awkward + "名a"), max_size=8),
    st.integers(498, 502).map(lambda n: "名" * n),
    st.builds(lambda pad, n: pad + "x" * n + pad, st.sampled_from(["", " ", "\u3000", "\t"]), st.integers(497, 502)),
)


class TestText:
    """Names and references: one check where there were three, with the same results and errors."""

    @settings(max_examples=800, deadline=None)
    @given(st.one_of(_texts, _texts.map(_Subclass), st.binary(max_size=6), st.sampled_from([*_Named, None, 5, b"  "])))
    def test_text_fields_behave_as_first_written(self, value: Any) -> None:
        """The same results and errors, except that a length error is now the string error that says "character"."""
        assert _validated(_Text, value) == _as_string_errors(_validated(_ReferenceText, value))

    def test_every_blank_pydantic_strips_is_one_python_strips_from_printable_text(self) -> None:
        """The fast path strips printable text with str.strip(); only the space is both printable and blank."""
        printable_blanks = [chr(c) for c in range(0x110000) if chr(c).isprintable() and chr(c).isspace()]
        assert printable_blanks == [" "]


@pytest.mark.parametrize("field", ["total_output", "employees"])
def test_a_lone_surrogate_in_a_number_is_a_problem_not_a_crash(field: str) -> None:
    """Python text may hold a lone surrogate that UTF-8 cannot; the message quotes it as an escape."""
    from cluster_criteria.errors import ApplicationError
    from cluster_criteria.jsonio import application_from_data
    from cluster_criteria.testing import ApplicationBuilder

    data = ApplicationBuilder().data()
    data["metrics"][0][field] = "12\ud800"
    with pytest.raises(ApplicationError) as caught:
        application_from_data(data)
    (problem,) = caught.value.problems
    assert problem.path == f"metrics[0].{field}"
    assert "\\ud800" in problem.message_en
