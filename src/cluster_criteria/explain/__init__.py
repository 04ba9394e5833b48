"""Explanations of verdicts in Chinese and English: sentences with the figures and arithmetic, shortfalls and
headroom, what is missing and what needs review."""

from __future__ import annotations

from .locale import format_date, format_money, format_number, format_percent, format_quantity, lang_of
from .margins import Margin, MarginKind, margin_of
from .report import (
    CheckExplanation,
    ReportExplanation,
    ReviewItem,
    SupplyItem,
    VerdictExplanation,
    explain,
    explain_check,
    explain_verdict,
    explanation_to_data,
)

__all__ = [
    "CheckExplanation",
    "Margin",
    "MarginKind",
    "ReportExplanation",
    "ReviewItem",
    "SupplyItem",
    "VerdictExplanation",
    "explain",
    "explain_check",
    "explain_verdict",
    "explanation_to_data",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "format_quantity",
    "lang_of",
    "margin_of",
]
