"""A self-contained, printable HTML report: one file, inline CSS, no scripts, no network; A4 print styles.

Status is shown by a word and by colour, so the page reads the same printed in black and white. Every string is
escaped: an enterprise called ``<script>`` prints as text.
"""

from __future__ import annotations

from ..explain import ReportExplanation
from ..verdicts import Status
from .escape import escape_html as h
from .labels import label

__all__ = ["render_html"]

_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK KR",
  "Malgun Gothic", "Apple SD Gothic Neo", "Helvetica Neue",
  Arial, sans-serif; color: #1a1a1a; line-height: 1.55; max-width: 190mm; margin: 0 auto; padding: 12px;
  font-size: 10.5pt; }
h1 { font-size: 17pt; margin: 0 0 4px; }
h2 { font-size: 13pt; border-bottom: 2px solid #333; padding-bottom: 2px; margin-top: 22px; }
h3 { font-size: 11.5pt; margin: 0; display: flex; justify-content: space-between; gap: 8px; }
.meta { color: #444; margin: 0 0 10px; }
.outcome { border: 2px solid; padding: 8px 12px; margin: 10px 0; font-size: 12pt; }
.clause { border: 1px solid #bbb; border-left-width: 5px; padding: 8px 12px; margin: 10px 0;
  break-inside: avoid-page; page-break-inside: avoid; }
blockquote { margin: 6px 0; padding: 4px 10px; background: #f4f4f4; border-left: 3px solid #999; font-size: 9.5pt; }
ul.checks { margin: 6px 0; padding-left: 0; list-style: none; }
ul.checks li { margin: 4px 0; display: grid; grid-template-columns: 6.2em 1fr; align-items: start; }
.margin { display: block; color: #333; font-size: 9.5pt; }
.badge { display: inline-block; min-width: 5.6em; text-align: center; font-weight: bold; font-size: 9pt;
  border: 1px solid; padding: 0 4px; margin-right: 6px; }
.readings { font-size: 9pt; color: #555; }
.translation { font-size: 9.5pt; color: #333; margin: 2px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
td:first-child { white-space: nowrap; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
.badge.pass { color: #17632a; border-color: #17632a; background: #eef7f0; }
.badge.fail { color: #a11616; border-color: #a11616; background: #fbeeee; }
.badge.needs_review { color: #8a5a00; border-color: #8a5a00; background: #fdf5e6; }
.badge.insufficient_data { color: #5b3a8c; border-color: #5b3a8c; background: #f3effa; }
.badge.not_applicable { color: #555; border-color: #888; background: #f4f4f4; }
.clause.pass { border-left-color: #17632a; } .clause.fail { border-left-color: #a11616; }
.clause.needs_review { border-left-color: #c98a00; } .clause.insufficient_data { border-left-color: #5b3a8c; }
.clause.not_applicable { border-left-color: #888; }
.outcome.eligible { color: #17632a; border-color: #17632a; }
.outcome.ineligible { color: #a11616; border-color: #a11616; }
.outcome.undecided { color: #8a5a00; border-color: #8a5a00; }
.outcome .sentence { color: #1a1a1a; }
@media print { .badge, .outcome { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
footer { margin-top: 24px; font-size: 8.5pt; color: #666; border-top: 1px solid #ccc; padding-top: 4px; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } a { color: inherit; } }
"""


def _badge(status: Status, word: str) -> str:
    return f'<span class="badge {status.value}">{h(word)}</span>'


def render_html(explanation: ReportExplanation) -> str:
    e = explanation
    lang = e.lang
    html_lang = label("html_lang", lang)
    colon = label("colon", lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html_lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(e.cluster_name)} — {h(label('title', lang))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{h(e.cluster_name)}</h1>",
        f'<p class="meta">{h(label("title", lang))} — {h(label("measures", lang))} 《{h(e.rule_set_name)}》'
        f" ({h(e.rule_set_version)})<br>{h(label('assessment_date', lang))}{colon}{h(e.assessment_date_text)}</p>",
        f'<div class="outcome {e.outcome.value}"><strong>{h(label("outcome", lang))}{colon}{h(e.outcome_word)}</strong>'
        f'<br><span class="sentence">{h(e.outcome_sentence)}</span></div>',
    ]
    if e.options:
        parts.append(
            f'<p class="readings">{h(label("options", lang))}{colon}' + "; ".join(h(o) for o in e.options) + "</p>"
        )
    if e.reform:
        parts.append(f'<p class="reform"><strong>{h(label("reform", lang))}{colon}</strong>{h(e.reform)}</p>')
    parts += [
        f"<h2>{h(label('summary', lang))}</h2>",
        "<table><thead><tr>"
        f"<th>{h(label('clause', lang))}</th><th></th><th>{h(label('status', lang))}</th></tr></thead><tbody>",
    ]
    for v in e.verdicts:
        parts.append(
            f'<tr><td><a href="#rule-{h(v.rule_id)}">{h(v.citation)}</a></td><td>{h(v.title)}</td>'
            f"<td>{_badge(v.status, v.status_word)}</td></tr>"
        )
    parts += ["</tbody></table>", f"<h2>{h(label('clauses', lang))}</h2>"]
    for v in e.verdicts:
        parts += [
            f'<section class="clause {v.status.value}" id="rule-{h(v.rule_id)}">',
            f"<h3><span>{h(v.citation)} {h(v.title)}</span>{_badge(v.status, v.status_word)}</h3>",
            f'<blockquote lang="zh-CN">{h(v.clause_text)}</blockquote>',
        ]
        if v.clause_translation:
            parts.append(
                f'<p class="translation"><em>{h(label("clause_translation", lang))}</em>{colon}'
                f"{h(v.clause_translation)}</p>"
            )
        parts += [
            f'<p class="reason">{h(label("reason", lang))}{colon}{h(v.reason)}</p>',
            '<ul class="checks">',
        ]
        for c in v.checks:
            margin = f'<span class="margin">{h(c.margin_sentence)}</span>' if c.margin_sentence else ""
            parts.append(f"<li>{_badge(c.status, c.status_word)}<div>{h(c.sentence)}{margin}</div></li>")
        parts.append("</ul>")
        if v.readings:
            titles = "; ".join(f"{h(t)} (<code>{h(rid)}</code>)" for rid, t in v.readings)
            parts.append(f'<p class="readings">{h(label("readings", lang))}{colon}{titles}</p>')
        parts.append("</section>")
    parts.append(f"<h2>{h(label('to_supply', lang))}</h2>")
    if e.to_supply:
        parts.append(
            f"<table><thead><tr><th>{h(label('clause', lang))}</th><th>{h(label('field', lang))}</th>"
            f"<th>{h(label('check', lang))}</th></tr></thead><tbody>"
        )
        for s in e.to_supply:
            field = f"<code>{h(s.field)}</code><br>{h(s.field_name)}" if s.field else ""
            parts.append(f"<tr><td>{h(s.citation)}</td><td>{field}</td><td>{h(s.label)}</td></tr>")
        parts.append("</tbody></table>")
    else:
        parts.append(f"<p>{h(label('none', lang))}</p>")
    parts.append(f"<h2>{h(label('to_review', lang))}</h2>")
    if e.to_review:
        parts.append("<ul>" + "".join(f"<li>{h(r.citation)}{colon}{h(r.sentence)}</li>" for r in e.to_review) + "</ul>")
    else:
        parts.append(f"<p>{h(label('none', lang))}</p>")
    parts += [
        f"<footer>{h(label('generated', lang, version=e.library_version))}"
        f"<br>{h(label('authoritative', lang))}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
