"""Plain text for a terminal: every clause, every check with its arithmetic, then what to supply and review."""

from __future__ import annotations

from ..explain import ReportExplanation
from .escape import escape_text
from .labels import label

__all__ = ["render_text"]


def render_text(explanation: ReportExplanation) -> str:
    e = explanation
    lang = e.lang
    colon = "：" if lang == "zh" else ": "
    out = [
        escape_text(e.cluster_name),
        f"{label('title', lang)} — {label('measures', lang)}{colon}{e.rule_set_name} ({e.rule_set_version})",
        f"{label('assessment_date', lang)}{colon}{e.assessment_date_text}",
        f"{label('outcome', lang)}{colon}{e.outcome_word}",
        e.outcome_sentence,
    ]
    if e.options:
        out.append(f"{label('options', lang)}{colon}" + ("；" if lang == "zh" else "; ").join(e.options))
    for v in e.verdicts:
        out += [
            "",
            f"== {v.citation} {v.title} — {v.status_word} ==",
            f"{label('clause_text', lang)}{colon}{v.clause_text}",
        ]
        out.append(f"{label('reason', lang)}{colon}{escape_text(v.reason)}")
        for c in v.checks:
            out.append(f"  [{c.status_word}] {escape_text(c.sentence)}")
            if c.margin_sentence:
                out.append(f"      {escape_text(c.margin_sentence)}")
        if v.readings:
            titles = ("；" if lang == "zh" else "; ").join(f"{title} [{rid}]" for rid, title in v.readings)
            out.append(f"  {label('readings', lang)}{colon}{titles}")
    out += ["", f"== {label('to_supply', lang)} =="]
    if not e.to_supply:
        out.append(f"  {label('none', lang)}")
    for s in e.to_supply:
        where = f"{s.field_name} [{s.field}]" if s.field else escape_text(s.label)
        out.append(f"  - {s.citation}{colon}{escape_text(where)} — {escape_text(s.label)}")
    out += ["", f"== {label('to_review', lang)} =="]
    if not e.to_review:
        out.append(f"  {label('none', lang)}")
    for r in e.to_review:
        out.append(f"  - {r.citation}{colon}{escape_text(r.sentence)}")
    out += ["", label("generated", lang, version=e.library_version)]
    return "\n".join(out) + "\n"
