"""Locale formatting: money, percentages, counts and dates; exact values, never a float artefact."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_criteria.explain.locale import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    lang_of,
)


class TestMoney:
    @pytest.mark.parametrize(
        ("yuan", "zh", "en"),
        [
            (Decimal("2904000000"), "29.04亿元", "CNY 2.904 billion"),
            (Decimal("3630000000.0"), "36.30亿元", "CNY 3.63 billion"),
            (Decimal("1000000"), "100.00万元", "CNY 1.00 million"),
            (Decimal("35280000"), "3,528.00万元", "CNY 35.28 million"),
            (Decimal("1234.5"), "1,234.5元", "CNY 1,234.5"),
        ],
    )
    def test_amounts_take_a_readable_scale_in_each_language(self, yuan: Decimal, zh: str, en: str) -> None:
        """亿元 / 万元 / 元 in Chinese, CNY billion / million in English."""
        assert format_money(yuan, "zh") == zh
        assert format_money(yuan, "en") == en

    def test_a_value_next_to_its_limit_is_never_rounded_onto_it(self) -> None:
        """19.9999999 亿 shown against 20 亿 keeps enough digits to differ from 20."""
        text = format_money(Decimal("1999999999"), "zh", apart_from=Decimal(2_000_000_000))
        assert text == "19.99999999亿元"

    def test_rounding_up_keeps_a_needed_amount_sufficient(self) -> None:
        """A needed value is rounded up, never down."""
        assert format_money(Fraction(2_000_000_001, 3), "zh", rounding="up") == "6.666667亿元"


class TestPercentAndNumbers:
    def test_a_share_has_two_decimals_and_a_limit_none(self) -> None:
        """0.8 → 80.00%; the limit 0.70 → 70%."""
        assert format_percent(Decimal("0.8"), "zh") == "80.00%"
        assert format_percent(Decimal("0.70"), "en", least=0) == "70%"

    def test_a_share_just_under_its_limit_is_not_displayed_as_the_limit(self) -> None:
        """0.6999999 against 0.7 shows 69.99999%, not 70.00%."""
        assert format_percent(Decimal("0.6999999"), "zh", apart_from=Decimal("0.7")) == "69.99999%"

    @settings(max_examples=50, deadline=None)
    @given(st.decimals(min_value=0, max_value=10**9, places=6))
    def test_a_decimal_never_shows_a_binary_float_artefact(self, value: Decimal) -> None:
        """Exact decimals keep their digits: no 0.7000000001."""
        text = format_number(value, "en", least=0, most=6).replace(",", "")
        assert Decimal(text) == value

    def test_counts_and_areas_carry_their_unit_words(self) -> None:
        """家 / 件 / 平方公里, and km² in English."""
        assert format_quantity(3, "家", "zh") == "3家"
        assert format_quantity(Decimal("42.6"), "平方公里", "en") == "42.60 km²"
        assert format_quantity(Decimal("95"), "kgce/t", "zh") == "95.00 kgce/t"


class TestDatesAndLanguages:
    def test_dates_read_naturally_in_each_language(self) -> None:
        """2025年4月15日 / 15 April 2025."""
        assert format_date(dt.date(2025, 4, 15), "zh") == "2025年4月15日"
        assert format_date(dt.date(2025, 4, 15), "en") == "15 April 2025"

    @pytest.mark.parametrize(("given_", "code"), [("zh_CN", "zh"), ("zh-Hans", "zh"), ("EN", "en"), ("en_GB", "en")])
    def test_language_tags_are_normalised(self, given_: str, code: str) -> None:
        """Locale-style tags map onto the two languages."""
        assert lang_of(given_) == code


def test_importing_the_package_does_not_import_babel() -> None:
    """Babel is imported only when something is formatted, so `import cluster_criteria` stays cheap."""
    import subprocess

    code = "import cluster_criteria, sys; print('babel' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
