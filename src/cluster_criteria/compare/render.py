"""A comparison as plain text, Markdown, JSON or a self-contained HTML page, in each language of the catalogues.

Every string that comes from the files (cluster names, file names, rule-set names, reform records) is escaped for
the format it goes into. The HTML page has its style sheet and its chart (inline SVG) inside it and no script.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..explain.locale import Lang, lang_of
from ..explain.words import outcome_word, status_word
from ..i18n import localise, translate
from ..render.escape import escape_html, escape_markdown, escape_text
from ..verdicts import Outcome, Status
from .chart import outcome_chart
from .result import ERROR, OUTCOMES, ChangedApplication, ClauseTally, Comparison, Side, Tally, comparison_to_json

__all__ = ["COMPARE_FORMATS", "render_comparison"]

COMPARE_FORMATS = ("text", "md", "json", "html")

# Kinds of error record the catalogues word (message ``compare.error.<kind>``).
_ERROR_KINDS = frozenset({ERROR, "invalid_input", "evaluation_failed"})


def _label(key: str, lang: Lang, **values: object) -> str:
    return translate(f"compare.{key}", lang, **values)


def render_comparison(comparison: Comparison, fmt: str = "text", lang: str = "zh") -> str:
    """Render ``comparison`` as ``text``, ``md``, ``json`` or ``html`` in ``lang`` (``zh``, ``en`` or ``ko``).

    The JSON form is the same in every language: it holds ids and status values, not words.
    """
    if fmt == "json":
        return comparison_to_json(comparison)
    words = _Words(lang_of(lang))
    if fmt == "text":
        return _text(comparison, words)
    if fmt == "md":
        return _markdown(comparison, words)
    if fmt == "html":
        return _html(comparison, words)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(COMPARE_FORMATS)}")


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of one language for outcomes, statuses and the headings."""

    lang: Lang

    def __call__(self, key: str, **values: object) -> str:
        return _label(key, self.lang, **values)

    def outcome(self, outcome: str, error: str = "") -> str:
        if outcome == ERROR:
            word = translate(f"compare.error.{ERROR}", self.lang)
            detail = translate(f"compare.error.{error}", self.lang) if error in _ERROR_KINDS else error
            if not detail:
                return word
            return translate("compare.error_detail", self.lang, word=word, detail=detail)
        return outcome_word(Outcome(outcome), self.lang)

    def status(self, status: str | None, *, exclusion: bool) -> str:
        if status is None:
            return self("absent")
        return status_word(Status(status), self.lang, exclusion=exclusion)

    @property
    def colon(self) -> str:
        return translate("report.colon", self.lang)

    @property
    def separator(self) -> str:
        return translate("report.separator", self.lang)


def _exclusions(comparison: Comparison) -> frozenset[str]:
    return frozenset(c.rule_id for c in comparison.clauses if c.exclusion)


def _side_facts(side: Side, w: _Words) -> list[tuple[str, str]]:
    """(heading, value) pairs describing one file; the values are raw text, escaped by the caller."""
    facts = [(w("file"), side.file)]
    rule_sets = [
        w(
            "rule_set_line",
            name=localise(r.name_zh, r.name_en, w.lang) or r.id,
            id=r.id,
            version=r.version,
            count=r.count,
        )
        for r in side.rule_sets
    ]
    if side.rule_sets_others:
        rule_sets.append(w("others", count=side.rule_sets_others))
    facts.append((w("rule_set"), w.separator.join(rule_sets) or w("none")))
    facts.append((w("assessment_date"), _tally_text(side.assessment_dates, w)))
    facts.append((w("options"), _tally_text(side.options, w)))
    if side.reforms.values or side.reforms.others:
        facts.append((w("reform_record"), _tally_text(side.reforms, w, counted="reform_on")))
    if side.errors:
        facts.append((w("errors"), str(side.errors)))
    return facts


def _reform_text(value: str, w: _Words) -> str:
    """A reform record in words (id, title, each value before → after); any other record as it was written."""
    try:
        record = json.loads(value)
        changed = w.separator.join(f"{c['name']} {c['before']} → {c['after']}" for c in record["changes"])
        return f"{record['id']}: {localise(record['title_zh'], record['title_en'], w.lang)} — {changed}"
    except (ValueError, TypeError, KeyError):
        return value


def _tally_text(tally: Tally, w: _Words, *, counted: str = "lines_of") -> str:
    shown = _reform_text if counted == "reform_on" else (lambda value, _: value)
    parts = [
        w("tally", value=shown(seen.value, w) or w("none"), counted=w(counted, count=seen.count))
        for seen in tally.values
    ]
    if len(tally.values) == 1 and not tally.others and counted == "lines_of":
        parts = [tally.values[0].value or w("none")]
    if tally.others:
        parts.append(w("others", count=tally.others))
    return w.separator.join(parts) or w("none")


def _clause_change_text(application: ChangedApplication, exclusions: frozenset[str], w: _Words) -> str:
    return w.separator.join(
        f"{c.rule_id} {w.status(c.before, exclusion=c.rule_id in exclusions)} → "
        f"{w.status(c.after, exclusion=c.rule_id in exclusions)}"
        for c in application.clause_changes
    )


def _transitions_text(clause: ClauseTally, w: _Words) -> str:
    return w.separator.join(
        f"{w.status(t.before, exclusion=clause.exclusion)} → {w.status(t.after, exclusion=clause.exclusion)} ×{t.count}"
        for t in clause.transitions
    )


def _outcome_change(application: ChangedApplication, w: _Words) -> str:
    before = w.outcome(application.outcome_before, application.error_before)
    after = w.outcome(application.outcome_after, application.error_after)
    return before if before == after else f"{before} → {after}"


def _cluster(application: ChangedApplication, w: _Words) -> str:
    if application.cluster_name_before and application.cluster_name:
        return f"{application.cluster_name} ({w('was_named', name=application.cluster_name_before)})"
    return application.cluster_name


def _summary(comparison: Comparison, w: _Words) -> str:
    return w(
        "summary",
        lines=comparison.lines,
        changed=comparison.changed,
        outcome_changes=comparison.outcome_changes,
    )


def _signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def _outcome_rows(comparison: Comparison, w: _Words) -> list[list[str]]:
    rows = []
    for before, after in zip(comparison.outcomes_before, comparison.outcomes_after, strict=True):
        rows.append([w.outcome(before.value), str(before.count), str(after.count), _signed(after.count - before.count)])
    return rows


def _matrix_rows(comparison: Comparison, w: _Words) -> tuple[list[str], list[list[str]]]:
    head = [w("matrix_short"), *(w.outcome(o) for o in OUTCOMES), w("total")]
    rows = []
    for before, total in zip(OUTCOMES, comparison.outcomes_before, strict=True):
        rows.append(
            [w.outcome(before), *(str(comparison.count(before, after)) for after in OUTCOMES), str(total.count)]
        )
    rows.append([w("total"), *(str(seen.count) for seen in comparison.outcomes_after), str(comparison.lines)])
    return head, rows


# -- plain text ------------------------------------------------------------------------------------------------------


def _text(comparison: Comparison, w: _Words) -> str:
    t = escape_text
    out = [w("title"), "=" * 40]
    for key, side in (("base", comparison.base), ("reform", comparison.reform)):
        out.append(f"{w(key)}")
        out += [f"  {heading}{w.colon}{t(value)}" for heading, value in _side_facts(side, w)]
    out += ["", _summary(comparison, w)]
    if comparison.name_mismatches:
        out.append(w("mismatch", count=comparison.name_mismatches))
    out += ["", w("outcomes")]
    out += [
        f"  {name}{w.colon}{before} → {after} ({change})"
        for name, before, after, change in _outcome_rows(comparison, w)
    ]
    head, rows = _matrix_rows(comparison, w)
    out += ["", w("matrix"), "  " + " | ".join(head)]
    out += ["  " + " | ".join(row) for row in rows]
    out += ["", w("by_clause")]
    out += [
        f"  {c.rule_id}{w.colon}{c.changed}" + (f" — {_transitions_text(c, w)}" if c.changed else "")
        for c in comparison.clauses
    ] or [f"  {w('none')}"]
    out += ["", w("changed")]
    exclusions = _exclusions(comparison)
    for application in comparison.listed:
        where = w("line_no", line=application.line)
        out.append(f"  {where} {t(_cluster(application, w))}{w.colon}{_outcome_change(application, w)}")
        if application.clause_changes:
            out.append(f"    {_clause_change_text(application, exclusions, w)}")
    if not comparison.listed:
        out.append(f"  {w('none')}")
    if comparison.truncated:
        out.append(w("truncated", listed=len(comparison.listed), changed=comparison.changed))
    return "\n".join(out) + "\n"


# -- Markdown --------------------------------------------------------------------------------------------------------


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _markdown(comparison: Comparison, w: _Words) -> str:
    m = escape_markdown
    out = [f"# {w('title')}", ""]
    for key, side in (("base", comparison.base), ("reform", comparison.reform)):
        out += [f"**{w(key)}**", ""]
        out += [f"- {m(heading)}{w.colon}{m(value)}" for heading, value in _side_facts(side, w)]
        out.append("")
    out += [_summary(comparison, w), ""]
    if comparison.name_mismatches:
        out += [f"> {w('mismatch', count=comparison.name_mismatches)}", ""]
    out += [f"## {w('outcomes')}", ""]
    out += _md_table([w("outcome"), w("base"), w("reform"), w("difference")], _outcome_rows(comparison, w))
    head, rows = _matrix_rows(comparison, w)
    out += ["", f"## {w('matrix')}", ""]
    out += _md_table([m(cell) for cell in head], rows)
    out += ["", f"## {w('by_clause')}", ""]
    out += _md_table(
        [w("clause"), w("changed_count"), w("changes")],
        [[c.rule_id, str(c.changed), _transitions_text(c, w)] for c in comparison.clauses],
    )
    out += ["", f"## {w('changed')}", ""]
    exclusions = _exclusions(comparison)
    if comparison.listed:
        out += _md_table(
            [w("line"), w("cluster"), w("outcome"), w("clause_changes")],
            [
                [
                    str(a.line),
                    m(_cluster(a, w)),
                    _outcome_change(a, w),
                    _clause_change_text(a, exclusions, w),
                ]
                for a in comparison.listed
            ],
        )
    else:
        out.append(w("none"))
    if comparison.truncated:
        out += ["", w("truncated", listed=len(comparison.listed), changed=comparison.changed)]
    return "\n".join(out) + "\n"


# -- HTML ------------------------------------------------------------------------------------------------------------

_CSS = """
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue",
  Arial, sans-serif; color: #1a1a1a; line-height: 1.55; max-width: 210mm; margin: 0 auto; padding: 12px;
  font-size: 10.5pt; }
h1 { font-size: 17pt; margin: 0 0 6px; }
h2 { font-size: 13pt; border-bottom: 2px solid #333; padding-bottom: 2px; margin-top: 22px; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: 6px 0; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.side { border: 1px solid #bbb; padding: 6px 10px; }
.side dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 0; }
.side dt { color: #555; } .side dd { margin: 0; overflow-wrap: anywhere; }
.summary { font-size: 12pt; border: 2px solid #333; padding: 8px 12px; }
.note { color: #8a5a00; }
svg text { font-family: inherit; font-size: 11px; }
footer { margin-top: 24px; font-size: 8.5pt; color: #666; border-top: 1px solid #ccc; padding-top: 4px; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _html_table(head: Sequence[str], rows: Sequence[Sequence[str]], numeric: Callable[[int], bool]) -> str:
    """A table of already escaped cells; columns for which ``numeric(i)`` holds are right-aligned."""

    def cell(tag: str, index: int, value: str) -> str:
        klass = ' class="n"' if numeric(index) else ""
        return f"<{tag}{klass}>{value}</{tag}>"

    parts = ["<table><thead><tr>", *(cell("th", i, v) for i, v in enumerate(head)), "</tr></thead><tbody>"]
    for row in rows:
        parts += ["<tr>", *(cell("td", i, v) for i, v in enumerate(row)), "</tr>"]
    parts.append("</tbody></table>")
    return "".join(parts)


def _html(comparison: Comparison, w: _Words) -> str:
    h = escape_html
    lang_attribute = translate("report.html_lang", w.lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang_attribute}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(w('title'))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{h(w('title'))}</h1>",
        '<div class="sides">',
    ]
    for key, side in (("base", comparison.base), ("reform", comparison.reform)):
        facts = "".join(f"<dt>{h(heading)}</dt><dd>{h(value)}</dd>" for heading, value in _side_facts(side, w))
        parts.append(f'<section class="side"><h2>{h(w(key))}</h2><dl>{facts}</dl></section>')
    parts += ["</div>", f'<p class="summary">{h(_summary(comparison, w))}</p>']
    if comparison.name_mismatches:
        parts.append(f'<p class="note">{h(w("mismatch", count=comparison.name_mismatches))}</p>')
    parts += [
        f"<h2>{h(w('outcomes'))}</h2>",
        outcome_chart(
            [(w.outcome(seen.value), seen.count) for seen in comparison.outcomes_before],
            [seen.count for seen in comparison.outcomes_after],
            title=w("chart"),
            before_label=w("base"),
            after_label=w("reform"),
        ),
        _html_table(
            [h(w("outcome")), h(w("base")), h(w("reform")), h(w("difference"))],
            [[h(cell) for cell in row] for row in _outcome_rows(comparison, w)],
            lambda i: i > 0,
        ),
    ]
    head, rows = _matrix_rows(comparison, w)
    parts += [
        f"<h2>{h(w('matrix'))}</h2>",
        _html_table([h(c) for c in head], [[h(c) for c in row] for row in rows], lambda i: i > 0),
        f"<h2>{h(w('by_clause'))}</h2>",
        _html_table(
            [h(w("clause")), h(w("changed_count")), h(w("changes"))],
            [[h(c.rule_id), str(c.changed), h(_transitions_text(c, w))] for c in comparison.clauses],
            lambda i: i == 1,
        ),
        f"<h2>{h(w('changed'))}</h2>",
    ]
    exclusions = _exclusions(comparison)
    if comparison.listed:
        parts.append(
            _html_table(
                [h(w("line")), h(w("cluster")), h(w("outcome")), h(w("clause_changes"))],
                [
                    [str(a.line), h(_cluster(a, w)), h(_outcome_change(a, w)), h(_clause_change_text(a, exclusions, w))]
                    for a in comparison.listed
                ],
                lambda i: i == 0,
            )
        )
    else:
        parts.append(f"<p>{h(w('none'))}</p>")
    if comparison.truncated:
        parts.append(
            f'<p class="note">{h(w("truncated", listed=len(comparison.listed), changed=comparison.changed))}</p>'
        )
    parts += [f"<footer>{h(w('footer'))}</footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
