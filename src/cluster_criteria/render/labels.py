"""Headings and fixed phrases of the rendered reports: the catalogues' ``report.*`` messages."""

from __future__ import annotations

from ..explain.locale import Lang
from ..i18n import translate

__all__ = ["label"]


def label(key: str, lang: Lang, **values: object) -> str:
    """The report phrase ``report.<key>`` in ``lang`` with its named values filled in."""
    return translate(f"report.{key}", lang, **values)
