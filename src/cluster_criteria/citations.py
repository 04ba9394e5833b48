"""How the measures' articles and clauses are cited: 第六条第（一）项 / Art. 6(1), and the Chinese numerals they use."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["chinese_number", "citation_en", "citation_zh"]

_NUMERALS = "〇一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """一 … 十, 十一 … 九十九: the numerals of citations and of the text's own windows (近三年)."""
    if n <= 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + ("" if ones == 0 else _NUMERALS[ones])


@lru_cache(maxsize=256)
def citation_zh(article: int, clause: int) -> str:
    """第六条第（一）项 for (6, 1); 第十六条 for (16, 0)."""
    head = f"第{chinese_number(article)}条"
    return head if clause == 0 else f"{head}第（{chinese_number(clause)}）项"


@lru_cache(maxsize=256)
def citation_en(article: int, clause: int) -> str:
    """Art. 6(1) for (6, 1); Art. 16 for (16, 0)."""
    return f"Art. {article}" if clause == 0 else f"Art. {article}({clause})"
