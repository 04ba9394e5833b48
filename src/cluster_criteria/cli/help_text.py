"""The command line's help in the language ``--lang`` names: the catalogues' ``help.*`` messages.

The English help stays in the code beside each option, and the English catalogue repeats it (a test keeps the two
equal). Another language replaces each text, the usage prefix and the section titles with its catalogue's; without
``--lang`` the help is English, as it always was.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ..i18n import has_message, translate

__all__ = ["help_id", "help_language", "localise_help"]

# argparse's own section titles, by the words it uses for them (3.10 renamed "optional arguments" to "options").
_SECTIONS = {"positional arguments": "positionals", "options": "options", "optional arguments": "options"}


def help_language(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` (``--lang ko`` or ``--lang=ko``) anywhere in ``argv``, or ``None``."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return None


def help_id(command: str, dest: str) -> str:
    """``help.<command>.<dest>``: ``top`` for the program, ``commands`` for the list of subcommands."""
    return f"help.{command.replace('-', '_')}.{dest.replace('-', '_')}"


def _each_parser(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [("top", parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [(name, sub) for name, sub in action.choices.items()]
    return found


def help_texts(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Every help text of the command line by its message id, as the code writes it (in English)."""
    texts: dict[str, str] = {}
    for command, sub in _each_parser(parser):
        if sub.description:
            texts[help_id(command, "description")] = sub.description
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                texts.update({help_id("commands", c.dest): str(c.help) for c in action._choices_actions})
            elif action.help and action.help != argparse.SUPPRESS and action.dest != "help":
                texts[help_id(command, action.dest)] = action.help
    return texts


def localise_help(parser: argparse.ArgumentParser, lang: str) -> None:
    """Replace the help of ``parser`` and its subcommands with ``lang``'s catalogue, text by text."""

    def _t(message_id: str, given: Any) -> Any:
        return translate(message_id, lang) if has_message(message_id, lang) else given

    usage = _t("help.argparse.usage", None)
    for command, sub in _each_parser(parser):
        sub.description = _t(help_id(command, "description"), sub.description)
        for group in sub._action_groups:
            key = _SECTIONS.get(group.title or "")
            if key is not None:
                group.title = _t(f"help.argparse.{key}", group.title)
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = _t(help_id("commands", choice.dest), choice.help)
            elif action.dest == "help":
                action.help = _t("help.argparse.help", action.help)
            elif action.help and action.help != argparse.SUPPRESS:
                action.help = _t(help_id(command, action.dest), action.help)
        if usage is not None:
            sub.formatter_class = _with_usage_prefix(sub.formatter_class, usage)


def _with_usage_prefix(base: Any, prefix: str) -> Any:
    class Localised(base):  # type: ignore[misc]
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix_given: Any = None) -> None:
            super().add_usage(usage, actions, groups, prefix if prefix_given is None else prefix_given)

    return Localised
