"""Locale formatting: money, percentages, counts and dates in each language of the catalogues.

The words around a number (亿元, 억 위안, billion, 个百分点, %p …) and the date pattern come from the message
catalogues; Babel supplies the grouping and digits of the language's locale.

Babel is imported inside the functions that format, so importing the package stays cheap. Every value arrives as an
exact Decimal or Fraction and is rounded here, for display only; a displayed value is never rounded onto the other
side of the limit it is compared with.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import Any, Literal

__all__ = [
    "Lang",
    "Rounding",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "format_points",
    "format_quantity",
    "lang_of",
    "money_scale",
    "to_decimal",
]

# A language code with a catalogue (zh, en, ko, or one added with a catalogue); lang_of() checks it.
Lang = str
Rounding = Literal["nearest", "up", "down"]

_ROUNDING = {"nearest": ROUND_HALF_EVEN, "up": ROUND_CEILING, "down": ROUND_FLOOR}
_MOST_PLACES = 28
_YI = Decimal(100_000_000)
_WAN = Decimal(10_000)
_BILLION = Decimal(1_000_000_000)
_MILLION = Decimal(1_000_000)
_SCALES = {
    # 亿 and 万 (zh, ko) or thousands (en): which large units a language counts money in.
    "myriad": ((_YI, "money.large"), (_WAN, "money.medium")),
    "thousands": ((_BILLION, "money.large"), (_MILLION, "money.medium")),
}


def lang_of(lang: str) -> Lang:
    """``zh``, ``zh_CN``, ``zh-Hans`` → ``zh``; ``ko_KR`` → ``ko``: the language of a tag that has a catalogue."""
    from ..i18n import available_languages

    text = lang.strip().lower().replace("-", "_")
    languages = available_languages()
    for code in languages:
        if text == code or text.startswith(code + "_"):
            return code
    raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(languages)}")


def _t(message_id: str, lang: Lang, **args: object) -> str:
    from ..i18n import translate

    return translate(message_id, lang, **args)


def to_decimal(value: Decimal | Fraction | int) -> Decimal:
    """An exact Decimal when the value has a finite decimal expansion, else 28 significant digits."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    with localcontext() as context:
        context.prec = 40
        quotient = Decimal(value.numerator) / Decimal(value.denominator)
    return quotient


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _rounded(value: Decimal, places: int, rounding: Rounding) -> Decimal:
    with localcontext() as context:
        context.prec = 60
        return value.quantize(Decimal(1).scaleb(-places), rounding=_ROUNDING[rounding])


def _choose_places(
    value: Decimal, least: int, most: int, rounding: Rounding, apart_from: Decimal | None
) -> tuple[Decimal, int]:
    """Show ``value`` exactly when it fits in ``most`` places, else rounded; never equal to ``apart_from`` unless
    it is equal."""
    places = min(max(least, _places(value)), most)
    shown = _rounded(value, places, rounding)
    while apart_from is not None and value != apart_from and places < _MOST_PLACES:
        if _rounded(apart_from, places, "nearest") != shown and shown != apart_from:
            break
        places += 1
        shown = _rounded(value, places, rounding)
    return shown, places


def format_number(
    value: Decimal | Fraction | int,
    lang: str = "zh",
    *,
    least: int = 0,
    most: int = 2,
    rounding: Rounding = "nearest",
    apart_from: Decimal | Fraction | int | None = None,
) -> str:
    """A number with the locale's grouping; exact when it has at most ``most`` decimals."""
    from babel.numbers import format_decimal

    exact = to_decimal(value)
    other = None if apart_from is None else to_decimal(apart_from)
    shown, places = _choose_places(exact, least, most, rounding, other)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    text: str = format_decimal(shown, format=pattern, locale=_locale(lang_of(lang)))
    return text


@lru_cache(maxsize=8)
def _locale(lang: Lang) -> Any:
    """Babel's Locale, parsed once per language (parsing it on every call costs more than the formatting)."""
    from babel import Locale

    return Locale.parse(_t("format.babel_locale", lang))


def format_percent(
    ratio: Decimal | Fraction | int,
    lang: str = "zh",
    *,
    least: int = 2,
    most: int = 2,
    rounding: Rounding = "nearest",
    apart_from: Decimal | Fraction | int | None = None,
) -> str:
    """A ratio (0.8 → ``80.00%``); a limit such as 0.70 is shown as ``70%`` with ``least=0``."""
    hundred = to_decimal(ratio) * 100
    other = None if apart_from is None else to_decimal(apart_from) * 100
    number = format_number(hundred, lang, least=least, most=most, rounding=rounding, apart_from=other)
    return _t("format.percent", lang_of(lang), number=number)


def format_points(
    ratio: Decimal | Fraction | int, lang: str = "zh", *, rounding: Rounding = "nearest", most: int = 2
) -> str:
    """A difference of two ratios in percentage points."""
    number = format_number(to_decimal(ratio) * 100, lang, least=2, most=max(2, most), rounding=rounding)
    return _t("format.points", lang_of(lang), number=number)


def money_scale(size: Decimal, lang: str = "zh") -> Decimal:
    """The unit a sum of ``size`` yuan is counted in: 亿 or 万 (zh, ko), billion or million (en), or 1."""
    for step, _ in _SCALES[_t("format.money_scale", lang_of(lang))]:
        if size >= step:
            return step
    return Decimal(1)


def format_money(
    yuan: Decimal | Fraction | int,
    lang: str = "zh",
    *,
    rounding: Rounding = "nearest",
    apart_from: Decimal | Fraction | int | None = None,
    most: int = 6,
    least: int | None = None,
) -> str:
    """亿元 / 万元 / 元, 억 위안 / 만 위안 / 위안, CNY billion / million: at least two decimals in a scaled unit."""
    code = lang_of(lang)
    amount = to_decimal(yuan)
    other = None if apart_from is None else to_decimal(apart_from)
    size = abs(amount) if other is None else max(abs(amount), abs(other))
    scale, message = Decimal(1), "money.plain"
    for step, step_message in _SCALES[_t("format.money_scale", code)]:
        if size >= step:
            scale, message = step, step_message
            break
    if least is None:
        least = 2 if scale != 1 else 0
    scaled_other = None if other is None else other / scale
    number = format_number(amount / scale, code, least=least, most=most, rounding=rounding, apart_from=scaled_other)
    return _t(message, code, number=number)


_UNIT_MESSAGES = {
    "平方公里": "unit.km2",
    "家": "unit.enterprises",
    "件": "unit.patents",
    "个": "unit.items",
    "人": "unit.people",
}


def format_quantity(
    value: Decimal | Fraction | int,
    unit: str,
    lang: str = "zh",
    *,
    rounding: Rounding = "nearest",
    apart_from: Decimal | Fraction | int | None = None,
    least: int | None = None,
    most: int | None = None,
) -> str:
    """A value in its unit: money (元), ratios (%), counts and measures (家, 件, 平方公里, kgce/t …)."""
    code = lang_of(lang)
    if unit == "元":
        return format_money(value, code, rounding=rounding, apart_from=apart_from, least=least, most=most or 6)
    if unit == "%":
        return format_percent(
            value, code, rounding=rounding, apart_from=apart_from, least=2 if least is None else least
        )
    counted = unit in ("家", "件", "人")
    number = format_number(
        value,
        code,
        least=0 if counted else (2 if least is None else least),
        most=0 if counted and _is_whole(value) else 2,
        rounding=rounding,
        apart_from=apart_from,
    )
    message = _UNIT_MESSAGES.get(unit)
    if message is not None:
        return _t(message, code, number=number)
    if not unit:
        return number
    # Units with no word of their own (kgce/t, t/万元 …) are printed as given: spaced when they are Latin letters,
    # or in any language that spaces its words.
    spaced = code != "zh" or unit.isascii()
    return f"{number} {unit}" if spaced else f"{number}{unit}"


def _is_whole(value: Decimal | Fraction | int) -> bool:
    return Fraction(value).denominator == 1


def format_date(day: dt.date, lang: str = "zh") -> str:
    """2025年4月15日 / 15 April 2025 / 2025년 4월 15일."""
    from babel.dates import format_date as babel_date

    code = lang_of(lang)
    text: str = babel_date(day, format=_t("format.date_pattern", code), locale=_locale(code))
    return text
