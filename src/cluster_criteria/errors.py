"""Errors a caller can catch: every one names the field, the reason, and reads in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "ApplicationError",
    "InputProblem",
    "Phrase",
    "RuleSetNotInForceError",
    "UnknownRuleError",
    "UnknownRuleSetError",
]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A value of a message that is itself worded in the message's language: a catalogue message with its own
    values (a stage, an action), a data text given in Chinese and English (a rule set's name) that another language
    reads from its catalogue, or a list of phrases. A message in Korean then names a stage in Korean, not in
    English."""

    message_id: str = ""
    args: tuple[tuple[str, str | Phrase], ...] = ()
    zh: str = ""
    en: str = ""
    parts: tuple[Phrase, ...] = ()
    joiner: Phrase | None = None

    @classmethod
    def of(cls, message_id: str, **args: object) -> Phrase:
        return cls(message_id, _kept(args))

    @classmethod
    def data(cls, zh: str, en: str) -> Phrase:
        return cls(zh=zh, en=en)

    @classmethod
    def listed(
        cls, items: tuple[Phrase, ...] | list[Phrase], empty: Phrase, joiner: Phrase | None = None
    ) -> Phrase:
        """The items joined by ``joiner`` (by default the language's list separator), or ``empty`` if there are none."""
        return cls(parts=tuple(items), joiner=joiner) if items else empty

    def text(self, lang: str) -> str:
        from .i18n import localise, translate

        if self.parts:
            joiner = self.joiner.text(lang) if self.joiner is not None else translate("list.separator", lang)
            return joiner.join(part.text(lang) for part in self.parts)
        if not self.message_id:
            return localise(self.zh, self.en, lang)
        return translate(self.message_id, lang, **worded(self.args, lang))


def _kept(args: dict[str, object]) -> tuple[tuple[str, str | Phrase], ...]:
    return tuple(sorted((k, v if isinstance(v, Phrase) else str(v)) for k, v in args.items()))


def worded(args: tuple[tuple[str, object], ...], lang: str) -> dict[str, str]:
    """The values of a message in ``lang``: a :class:`Phrase` worded in it, any other value as it is."""
    return {k: v.text(lang) if isinstance(v, Phrase) else str(v) for k, v in args}


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One thing wrong with an input: where (a field path such as ``metrics[1].total_output``) and why."""

    path: str
    message_zh: str
    message_en: str
    code: str = "invalid"
    # The catalogue message and its named values, for languages other than Chinese and English ("" when the
    # message has none: another language is then given the catalogue's rendering of the Chinese, or the English).
    message_id: str = ""
    args: tuple[tuple[str, str | Phrase], ...] = ()
    # Where, for a person, when ``path`` is not a field path but a place in the text ("line 1 column 7"): shown
    # instead of the path, in the message's language; ``path`` keeps the form programs read.
    place: Phrase | None = None

    @classmethod
    def of(cls, path: str, message_id: str, code: str, **args: object) -> InputProblem:
        """A problem worded by the catalogue message ``message_id`` with its named values (a :class:`Phrase` among
        them is worded in each language)."""
        from .i18n import translate

        kept = _kept(args)
        return cls(
            path,
            translate(message_id, "zh", **worded(kept, "zh")),
            translate(message_id, "en", **worded(kept, "en")),
            code,
            message_id,
            kept,
        )

    def message(self, lang: str = "zh") -> str:
        """The reason in ``lang``: the Chinese or English given, or the catalogue's message for the code."""
        from .i18n import has_message, localise, translate

        own = bool(self.message_id) and has_message(self.message_id, lang)
        if lang.startswith("zh") or lang.startswith("en") or not own:
            return localise(self.message_zh, self.message_en, "zh" if lang.startswith("zh") else lang)
        try:
            return translate(self.message_id, lang, **worded(self.args, lang))
        except (KeyError, IndexError):  # a message whose values were not kept: the text as given
            return localise(self.message_zh, self.message_en, lang)

    def render(self, lang: str = "zh") -> str:
        from .i18n import translate

        short = "zh" if lang.startswith("zh") else lang
        if self.place is not None:
            return f"{self.place.text(short)}: {self.message(lang)}"
        where = self.path or translate("problem.whole_input", short)
        return f"{where}: {self.message(lang)}"


class ApplicationError(ValueError):
    """The input cannot be evaluated. Carries every problem found, not only the first."""

    def __init__(self, problems: list[InputProblem] | tuple[InputProblem, ...]) -> None:
        self.problems: tuple[InputProblem, ...] = tuple(problems)
        super().__init__(self.render("en"))

    @classmethod
    def single(cls, path: str, message_zh: str, message_en: str, code: str = "invalid") -> ApplicationError:
        return cls([InputProblem(path, message_zh, message_en, code)])

    @classmethod
    def of(cls, path: str, message_id: str, code: str, **args: object) -> ApplicationError:
        """One problem worded by the catalogue message ``message_id`` with its named values."""
        return cls([InputProblem.of(path, message_id, code, **args)])

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

    def render(self, lang: str = "zh") -> str:
        """The message in ``lang``, the id quoted escaped (``str()`` of a ``KeyError`` would quote it twice)."""
        return _unknown("cli.unknown_rule", lang, self.rule_id, self.known)


class UnknownRuleSetError(KeyError):
    """A caller named a rule set that is not registered."""

    def __init__(self, rule_set_id: str, known: tuple[str, ...]) -> None:
        self.rule_set_id = rule_set_id
        self.known = known
        super().__init__(f"unknown rule set {rule_set_id!r}; known rule sets: {', '.join(known)}")

    def render(self, lang: str = "zh") -> str:
        """The message in ``lang``, the id quoted escaped (``str()`` of a ``KeyError`` would quote it twice)."""
        return _unknown("cli.unknown_rule_set", lang, self.rule_set_id, self.known)


def _unknown(message_id: str, lang: str, given: str, known: tuple[str, ...]) -> str:
    from .i18n import translate
    from .safe_text import quoted

    return translate(message_id, lang, given=quoted(given), known=translate("list.separator", lang).join(known))


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
