"""Unified social credit codes (统一社会信用代码): format and check digit per GB 32100-2015."""

from __future__ import annotations

from .safe_text import quoted

__all__ = ["credit_code_problem", "expected_check_character"]

# GB 32100-2015 §4 and Annex: the 31-character code set (no I, O, Z, S, V) and the position weights 3^(i) mod 31.
_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUES = {ch: i for i, ch in enumerate(_CHARSET)}
# Every enterprise of every application is checked, so the weighted sum is left to int(): the weights are
# 3^i mod 31 and 34 ≡ 3 (mod 31), so the 17 values read as a base-34 number, lowest position first, leave the
# same remainder. This table turns each character of the set into the base-34 digit of its value, and anything
# else into "#", which int() refuses.
_AS_BASE34 = bytes(
    ord("0123456789ABCDEFGHIJKLMNOPQRSTU"[_VALUES[chr(byte)]]) if chr(byte) in _VALUES else ord("#")
    for byte in range(256)
)


def expected_check_character(first17: str) -> str:
    """The 18th character that GB 32100-2015 prescribes for these 17."""
    total = sum(_VALUES[ch] * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return _CHARSET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """``None`` when the code is valid, else the reason in English (the caller translates)."""
    if len(code) != 18:
        return f"must have 18 characters, has {len(code)}"
    try:
        digits = code.encode("ascii").translate(_AS_BASE34)
        expected = _CHARSET[-int(digits[16::-1], 34) % 31]
        in_code_set = digits[17] != ord("#")
    except ValueError:  # not ASCII, or a character outside the set among the first 17
        in_code_set = False
    if not in_code_set:
        bad = sorted({ch for ch in code if ch not in _VALUES})
        return f"contains characters outside the GB 32100 set: {quoted(''.join(bad))}"
    if code[17] != expected:
        return f"check character is {code[17]}, GB 32100-2015 gives {expected}"
    return None
