"""Plain text for a terminal: every clause, every check with its arithmetic, then what to supply and review.

Text that may hold input (names, evidence, descriptions) goes through :func:`.escape.text_block`: its control
characters are shown as escapes and each of its further lines is indented under its label behind a bar, so no
input can print a line that looks like one of the report's own (a clause header, a check, a conclusion).
"""

from __future__ import annotations

from ..explain import ReportExplanation
from .escape import text_block
from .labels import label

__all__ = ["render_text"]


def render_text(explanation: ReportExplanation) -> str:
    e = explanation
    lang = e.lang
    colon = label("colon", lang)
    separator = label("separator", lang)
    out = text_block("", e.cluster_name, "")
    out += text_block(
        f"{label('title', lang)} — {label('measures', lang)}{colon}",
        f"{e.rule_set_name} ({e.rule_set_version})",
        "",
    )
    out += text_block(f"{label('assessment_date', lang)}{colon}", e.assessment_date_text, "")
    out += text_block(f"{label('outcome', lang)}{colon}", e.outcome_word, "")
    out += text_block("", e.outcome_sentence, "")
    if e.options:
        out += text_block(f"{label('options', lang)}{colon}", separator.join(e.options), "")
    if e.reform:
        out += text_block(f"{label('reform', lang)}{colon}", e.reform, "")
    for v in e.verdicts:
        out.append("")
        out += text_block(f"== {v.citation} ", f"{v.title} — {v.status_word} ==", "")
        out += text_block(f"{label('clause_text', lang)}{colon}", v.clause_text, "")
        if v.clause_translation:
            out += text_block(f"{label('clause_translation', lang)}{colon}", v.clause_translation, "")
        out += text_block(f"{label('reason', lang)}{colon}", v.reason, "")
        for c in v.checks:
            out += text_block(f"  [{c.status_word}] ", c.sentence, "    ")
            if c.margin_sentence:
                out += text_block("      ", c.margin_sentence, "        ")
        if v.readings:
            titles = separator.join(f"{title} [{rid}]" for rid, title in v.readings)
            out += text_block(f"  {label('readings', lang)}{colon}", titles, "    ")
    out += ["", f"== {label('to_supply', lang)} =="]
    if not e.to_supply:
        out.append(f"  {label('none', lang)}")
    for s in e.to_supply:
        where = f"{s.field_name} [{s.field}]" if s.field else s.label
        out += text_block(f"  - {s.citation}{colon}", f"{where} — {s.label}", "    ")
    out += ["", f"== {label('to_review', lang)} =="]
    if not e.to_review:
        out.append(f"  {label('none', lang)}")
    for r in e.to_review:
        out += text_block(f"  - {r.citation}{colon}", r.sentence, "    ")
    out += ["", label("generated", lang, version=e.library_version), label("authoritative", lang)]
    return "\n".join(out) + "\n"
