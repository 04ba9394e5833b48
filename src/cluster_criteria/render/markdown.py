"""Markdown: headings per clause, the clause quoted, each check a list item; input strings escaped."""

from __future__ import annotations

from ..explain import ReportExplanation
from .escape import escape_markdown as md
from .labels import label

__all__ = ["render_markdown"]


def render_markdown(explanation: ReportExplanation) -> str:
    e = explanation
    lang = e.lang
    out = [
        f"# {md(e.cluster_name)}",
        "",
        f"{label('title', lang)} — {label('measures', lang)} 《{md(e.rule_set_name)}》 ({md(e.rule_set_version)})",
        "",
        f"- **{label('assessment_date', lang)}**: {e.assessment_date_text}",
        f"- **{label('outcome', lang)}**: **{e.outcome_word}** — {md(e.outcome_sentence)}",
    ]
    if e.options:
        out.append(f"- **{label('options', lang)}**: " + "; ".join(md(o) for o in e.options))
    if e.reform:
        out.append(f"- **{label('reform', lang)}**: {md(e.reform)}")
    out += [
        "",
        f"## {label('summary', lang)}",
        "",
        f"| {label('clause', lang)} | | {label('status', lang)} |",
        "|---|---|---|",
    ]
    for v in e.verdicts:
        out.append(f"| {v.citation} | {md(v.title)} | {v.status_word} |")
    out += ["", f"## {label('clauses', lang)}"]
    for v in e.verdicts:
        out += ["", f"### {v.citation} {md(v.title)} — {v.status_word}", "", f"> {md(v.clause_text)}", ""]
        if v.clause_translation:
            out += [f"*{label('clause_translation', lang)}*: {md(v.clause_translation)}", ""]
        out.append(f"{label('reason', lang)}: {md(v.reason)}")
        out.append("")
        for c in v.checks:
            out.append(f"- **{c.status_word}** — {md(c.sentence)}")
            if c.margin_sentence:
                out.append(f"  - *{md(c.margin_sentence)}*")
        if v.readings:
            out += ["", f"{label('readings', lang)}: " + "; ".join(f"{md(t)} (`{rid}`)" for rid, t in v.readings)]
    out += ["", f"## {label('to_supply', lang)}", ""]
    if not e.to_supply:
        out.append(label("none", lang))
    for s in e.to_supply:
        field = f"`{s.field}` ({md(s.field_name)})" if s.field else ""
        out.append(f"- [ ] {s.citation}: {field} — {md(s.label)}")
    out += ["", f"## {label('to_review', lang)}", ""]
    if not e.to_review:
        out.append(label("none", lang))
    for r in e.to_review:
        out.append(f"- {r.citation}: {md(r.sentence)}")
    out += ["", "---", "", md(label("generated", lang, version=e.library_version))]
    out += ["", md(label("authoritative", lang))]
    return "\n".join(out) + "\n"
