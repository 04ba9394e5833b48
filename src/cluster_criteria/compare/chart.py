"""An inline SVG bar chart of outcomes before and after: two bars per outcome, the count above each bar.

Plain SVG elements only (no script, no external font or image), so the page stays one self-contained file; the
counts are also written as text, so the chart reads the same printed in black and white.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..render.escape import escape_html as h

__all__ = ["outcome_chart"]

_WIDTH, _HEIGHT = 640, 260
_TOP, _BOTTOM, _LEFT = 36, 40, 12
_BAR, _GAP = 42, 6
_BEFORE_COLOUR, _AFTER_COLOUR = "#9aa5b1", "#1f5fa8"


def outcome_chart(
    before: Sequence[tuple[str, int]],
    after: Sequence[int],
    *,
    title: str,
    before_label: str,
    after_label: str,
) -> str:
    """``before`` pairs each category's label with its count in the base run; ``after`` gives the counts after."""
    if len(before) != len(after):
        raise ValueError("before and after must have one count per category")
    tallest = max([1, *(count for _, count in before), *after])
    plot_height = _HEIGHT - _TOP - _BOTTOM
    slot = (_WIDTH - 2 * _LEFT) / max(len(before), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{_WIDTH}" height="{_HEIGHT}" '
        f'viewBox="0 0 {_WIDTH} {_HEIGHT}" aria-label="{h(title)}">',
        f"<title>{h(title)}</title>",
        _legend(before_label, after_label),
        f'<line x1="{_LEFT}" y1="{_HEIGHT - _BOTTOM}" x2="{_WIDTH - _LEFT}" y2="{_HEIGHT - _BOTTOM}" stroke="#333"/>',
    ]
    for index, ((label, count_before), count_after) in enumerate(zip(before, after, strict=True)):
        centre = _LEFT + slot * index + slot / 2
        for offset, count, colour in (
            (-_BAR - _GAP / 2, count_before, _BEFORE_COLOUR),
            (_GAP / 2, count_after, _AFTER_COLOUR),
        ):
            height = plot_height * count / tallest
            x, y = centre + offset, _HEIGHT - _BOTTOM - height
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{_BAR}" height="{height:.1f}" fill="{colour}"/>')
            parts.append(f'<text x="{x + _BAR / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{count}</text>')
        parts.append(f'<text x="{centre:.1f}" y="{_HEIGHT - _BOTTOM + 18}" text-anchor="middle">{h(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _legend(before_label: str, after_label: str) -> str:
    return (
        f'<rect x="{_LEFT}" y="8" width="12" height="12" fill="{_BEFORE_COLOUR}"/>'
        f'<text x="{_LEFT + 18}" y="18">{h(before_label)}</text>'
        f'<rect x="{_LEFT + 120}" y="8" width="12" height="12" fill="{_AFTER_COLOUR}"/>'
        f'<text x="{_LEFT + 138}" y="18">{h(after_label)}</text>'
    )
