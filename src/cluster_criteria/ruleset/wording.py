"""A legal word of the rule set as a phrase in a language: 稳步提升 / rising steadily, 高于 / better than.

Rule labels and the explanation catalogue both word a boundary this way, so that a revision that changes the word
in the data changes every sentence that says it.
"""

from __future__ import annotations

from functools import lru_cache

from .parameters import LegalWord

__all__ = ["COMPARISON_NAMES", "legal_word_phrase"]

# The message-id part of each comparison (``limit.ge``, ``legal_word.lt`` …).
COMPARISON_NAMES = {">=": "ge", ">": "gt", "<=": "le", "<": "lt"}
# Legal words with a reading of their own (trends, efficiency): phrase ``legal_word.<reading>.<comparison>``.
_READ_WORDS = frozenset(
    {("trend.strict_each_year", ">"), ("trend.strict_each_year", "<"), ("efficiency.strictly_better", "<")}
)


@lru_cache(maxsize=256)
def legal_word_phrase(word: LegalWord, lang: str) -> str:
    """The word as the catalogue of ``lang`` phrases it (the Chinese word itself in Chinese)."""
    from ..i18n import translate

    comparison = COMPARISON_NAMES[word.comparison.value]
    if (word.reading, word.comparison.value) in _READ_WORDS:
        return translate(f"legal_word.{word.reading}.{comparison}", lang, word=word.word)
    return translate(f"legal_word.{comparison}", lang, word=word.word)
