"""Message catalogues: every word the library prints comes from a message id with named arguments.

Each language is one gettext catalogue, ``locale/<lang>/LC_MESSAGES/cluster_criteria.po``, compiled with Babel to the
``.mo`` beside it (``python scripts/compile_catalogues.py``; a test keeps the two in step). A language is available
when its catalogue exists; a ``.po`` without a ``.mo`` is compiled in memory when first used, so adding a language is
adding one file. Further catalogue folders can be named in ``CLUSTER_CRITERIA_LOCALES`` (folders separated by the
system's path separator), laid out the same way.

A message missing from a catalogue falls back to the English catalogue, never to the bare id; the catalogue tests keep
the shipped catalogues complete, so the fallback only serves a new language that is still being written.
"""

from __future__ import annotations

import io
import os
import re
import string
from functools import lru_cache
from pathlib import Path

__all__ = [
    "DOMAIN",
    "FALLBACK",
    "available_languages",
    "catalogue_dirs",
    "data_text",
    "has_message",
    "localise",
    "placeholders",
    "preload",
    "translate",
]

DOMAIN = "cluster_criteria"
FALLBACK = "en"
BUILT_IN = Path(__file__).resolve().parent.parent / "locale"
_ENV = "CLUSTER_CRITERIA_LOCALES"


def catalogue_dirs() -> tuple[Path, ...]:
    """The folders searched for catalogues: the package's own, then those named in the environment."""
    extra = tuple(Path(p) for p in os.environ.get(_ENV, "").split(os.pathsep) if p)
    return (BUILT_IN, *extra)


def available_languages() -> tuple[str, ...]:
    """Every language with a catalogue, the package's own first (zh, en, ko), then any others in name order."""
    return _languages(catalogue_dirs())


@lru_cache(maxsize=8)
def _languages(dirs: tuple[Path, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            messages = child / "LC_MESSAGES"
            has = (messages / f"{DOMAIN}.mo").is_file() or (messages / f"{DOMAIN}.po").is_file()
            if has and child.name not in found:
                found.append(child.name)
    own = [lang for lang in ("zh", "en", "ko") if lang in found]
    return (*own, *sorted(lang for lang in found if lang not in own))


@lru_cache(maxsize=16)
def _catalogue(lang: str, dirs: tuple[Path, ...]) -> dict[str, str] | None:
    """The messages of ``lang`` as a table (``context\x04id`` for a message with a context), or ``None``."""
    for folder in dirs:
        messages = folder / lang / "LC_MESSAGES"
        compiled, source = messages / f"{DOMAIN}.mo", messages / f"{DOMAIN}.po"
        if compiled.is_file():
            return _table(compiled.read_bytes())
        if source.is_file():
            return _table(compile_po(source.read_bytes(), lang))
    return None


def _table(mo: bytes) -> dict[str, str]:
    from babel.messages.mofile import read_mo

    table: dict[str, str] = {}
    for message in read_mo(io.BytesIO(mo)):
        if message.id and isinstance(message.id, str) and isinstance(message.string, str) and message.string:
            key = f"{message.context}\x04{message.id}" if message.context else message.id
            table[key] = message.string
    return table


def compile_po(source: bytes, lang: str) -> bytes:
    """A ``.po`` file's bytes compiled to ``.mo`` bytes with Babel (fuzzy entries are left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source), locale=lang.replace("-", "_"), domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _lookup(message_id: str, lang: str) -> str | None:
    dirs = catalogue_dirs()
    catalogue = _catalogue(lang, dirs)
    if catalogue is not None:
        text = catalogue.get(message_id)
        if text:
            return text
    if lang != FALLBACK:
        return _lookup(message_id, FALLBACK)
    return None


def preload(lang: str) -> None:
    """Read ``lang``'s catalogue and the English one now, so that a message printed while a command stops (after a
    signal) needs no file to be read and no module to be imported."""
    dirs = catalogue_dirs()
    _catalogue(lang, dirs)
    _catalogue(FALLBACK, dirs)


def has_message(message_id: str, lang: str) -> bool:
    """Whether ``lang``'s own catalogue holds ``message_id`` (the English fallback aside)."""
    catalogue = _catalogue(lang, catalogue_dirs())
    return catalogue is not None and message_id in catalogue


def translate(message_id: str, lang: str, /, **args: object) -> str:
    """The message ``message_id`` in ``lang`` with its named arguments filled in (``{name}`` placeholders)."""
    text = _lookup(message_id, lang)
    if text is None:
        raise KeyError(f"no message {message_id!r} in any catalogue")
    return text.format(**args)


def placeholders(text: str) -> frozenset[str]:
    """The named placeholders of a message (``{year}年`` → ``{"year"}``)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


# Texts of the law and of the rule set's data (clause texts, titles, check labels, readings, the law's words) are held
# in Chinese and English by the data itself; another language translates them in its catalogue under this context,
# keyed by the authoritative Chinese text, so a rule set's data needs no column per language.
DATA_CONTEXT = "rule-set"
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def localise(zh: str, en: str, lang: str) -> str:
    """A data text in ``lang``: the Chinese or English given, or the catalogue's rendering of the Chinese.

    A text with numbers in it (``2022年集群总产值``, ``近三年内相关记录2条``) that the catalogue does not hold as it
    stands is looked up with its numbers as numbered placeholders (``{0}年集群总产值``). A text the catalogue does
    not hold either way is given in English, never left out.
    """
    if lang == "zh":
        return zh
    if lang == "en" or not zh:
        return en
    found = data_text(zh, lang)
    return en if found is None else found


def data_text(zh: str, lang: str) -> str | None:
    """The catalogue's rendering of the Chinese data text ``zh`` in ``lang``, or ``None``."""
    catalogue = _catalogue(lang, catalogue_dirs())
    if catalogue is None:
        return None
    found = catalogue.get(f"{DATA_CONTEXT}\x04{zh}")
    if found:
        return found
    numbers = _DIGITS.findall(zh)
    if numbers:
        count = iter(range(len(numbers)))
        template = catalogue.get(f"{DATA_CONTEXT}\x04{_DIGITS.sub(lambda _: '{' + str(next(count)) + '}', zh)}")
        if template:
            return template.format(*numbers)
    # A note made of parts (等级…；数据…) is translated part by part, when every part is in the catalogue.
    if "；" in zh:
        parts = [data_text(part, lang) for part in zh.split("；")]
        if all(part is not None for part in parts):
            return translate("report.separator", lang).join(p for p in parts if p is not None)
    return None
