"""Errors a caller can catch: every one names the field, the reason, and reads in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "ApplicationError",
    "InputProblem",
    "RuleSetNotInForceError",
    "UnknownRuleError",
    "UnknownRuleSetError",
]


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One thing wrong with an input: where (a field path such as ``metrics[1].total_output``) and why."""

    path: str
    message_zh: str
    message_en: str
    code: str = "invalid"

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def render(self, lang: str = "zh") -> str:
        where = self.path or ("（整体）" if lang.startswith("zh") else "(whole input)")
        return f"{where}: {self.message(lang)}"


class ApplicationError(ValueError):
    """The input cannot be evaluated. Carries every problem found, not only the first."""

    def __init__(self, problems: list[InputProblem] | tuple[InputProblem, ...]) -> None:
        self.problems: tuple[InputProblem, ...] = tuple(problems)
        super().__init__(self.render("en"))

    @classmethod
    def single(cls, path: str, message_zh: str, message_en: str, code: str = "invalid") -> ApplicationError:
        return cls([InputProblem(path, message_zh, message_en, code)])

    @property
    def field(self) -> str:
        return self.problems[0].path if self.problems else ""

    def render(self, lang: str = "zh") -> str:
        return "\n".join(p.render(lang) for p in self.problems)

    def as_dict(self) -> dict[str, Any]:
        return {
            "error": "invalid_input",
            "problems": [
                {"path": p.path, "code": p.code, "message_zh": p.message_zh, "message_en": p.message_en}
                for p in self.problems
            ],
        }


class RuleSetNotInForceError(ApplicationError):
    """The assessment date falls before the rule set took effect; the rules are never applied backwards."""


class UnknownRuleError(KeyError):
    """A caller asked for a rule id that the rule set does not have."""

    def __init__(self, rule_id: str, known: tuple[str, ...]) -> None:
        self.rule_id = rule_id
        self.known = known
        super().__init__(f"unknown rule {rule_id!r}; known rules: {', '.join(known)}")


class UnknownRuleSetError(KeyError):
    """A caller named a rule set that is not registered."""

    def __init__(self, rule_set_id: str, known: tuple[str, ...]) -> None:
        self.rule_set_id = rule_set_id
        self.known = known
        super().__init__(f"unknown rule set {rule_set_id!r}; known rule sets: {', '.join(known)}")


class UnknownCheckError(KeyError):
    """A caller asked a verdict for a check id it does not have; the message lists the ids it has.

    ``args`` holds the id alone, as for a plain ``KeyError``; ``str()`` gives the sentence with the known ids.
    """

    def __init__(self, check_id: str, rule_id: str, known: tuple[str, ...]) -> None:
        super().__init__(check_id)
        self.check_id = check_id
        self.rule_id = rule_id
        self.known = known

    def __str__(self) -> str:
        known = ", ".join(self.known) or "none"
        return (
            f"no check {self.check_id!r} in the verdict on {self.rule_id}; its checks: {known}"
            f" (`cluster-criteria explain {self.rule_id}` says what each id means)"
        )


class UnknownVerdictError(UnknownRuleError):
    """A caller asked a report for a clause it has no verdict on; the message lists the clauses it has.

    ``args`` holds the id alone, as for a plain ``KeyError``; ``str()`` gives the sentence with the known ids.
    """

    def __init__(self, rule_id: str, known: tuple[str, ...]) -> None:
        super().__init__(rule_id, known)
        self.args = (rule_id,)

    def __str__(self) -> str:
        return f"no verdict on {self.rule_id!r} in this report; its clauses: {', '.join(self.known) or 'none'}"
