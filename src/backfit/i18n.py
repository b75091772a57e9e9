"""The language backfit speaks, chosen once at the start of a run, before the command line
and its words are imported (Typer reads its help texts when the commands are defined).

The choice, first found first: `--lang`, BACKFIT_LANG, the `language` setting, then the
locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). `zh`, `zh_CN`, `zh_SG`, `zh-Hans` and
`zh_Hans_CN` all mean Simplified Chinese; a language backfit has no words in (or `C`) is
English, with no error; so is a run whose output cannot show the language's characters
(PYTHONIOENCODING=ascii). The words come from gettext catalogs compiled when backfit is built
(`locale/LANGUAGE/LC_MESSAGES/backfit.mo`); a message with no translation, or one whose
English changed since it was translated (fuzzy), is said in English.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

LANG_ENV = "BACKFIT_LANG"
LOCALE_ENVS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's own order
LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "backfit"
ENGLISH = "en"
LANGUAGES = {  # each language backfit speaks besides English, and the tags that name it
    "zh_Hans": (
        "zh",
        "zh_cn",
        "zh_sg",
        "zh_hans",
        "zh_hans_cn",
        "zh_hans_sg",
        "zh_my",
        "chinese",
        "中文",
        "简体中文",
        "汉语",
    ),
}
SAMPLES = {"zh_Hans": "简体中文，疼痛。"}  # a few of each language's characters


class _English(gettext.NullTranslations):
    """The last fallback of a language's words: it says a message in English, and notes
    it, as the language had no words for it (untranslated, fuzzy, or safety text not yet
    checked)."""

    def __init__(self) -> None:
        super().__init__()
        self.said: set[str] = set()

    def gettext(self, message: str) -> str:
        self.said.add(message)
        return message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        self.said.add(msgid1)
        return super().ngettext(msgid1, msgid2, n)

    def pgettext(self, context: str, message: str) -> str:
        self.said.add(message)
        return message


_words: gettext.NullTranslations = gettext.NullTranslations()
_catalog_words: gettext.NullTranslations = gettext.NullTranslations()
_english = _English()
_language = ENGLISH


def language_of(tag: str) -> str | None:
    """The language a tag names (`zh_CN.UTF-8` is zh_Hans), English for `en` or `C`, None
    for one backfit does not know."""
    base = tag.split(".")[0].split("@")[0].replace("-", "_").casefold()
    if base in ("", "c", "posix") or base == ENGLISH or base.startswith(f"{ENGLISH}_"):
        return ENGLISH
    return next((language for language, tags in LANGUAGES.items() if base in tags), None)


def chosen(flag: str | None, setting: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The language to speak: the first of --lang, BACKFIT_LANG and the setting that is
    given, else the locale's first language that backfit knows; English otherwise."""
    for given in (flag, environ.get(LANG_ENV), setting):
        if given:
            return language_of(given) or ENGLISH
    for name in LOCALE_ENVS:
        value = environ.get(name)
        if not value:
            continue
        tags: Iterable[str] = value.split(":") if name == "LANGUAGE" else (value,)
        for tag in tags:
            known = language_of(tag)
            if known is not None:
                return known
        if name != "LANGUAGE":  # the first locale variable set decides, as gettext's do
            return ENGLISH
    return ENGLISH


def can_write(language: str, encoding: str) -> bool:
    """Whether an output in `encoding` can show `language` (ASCII cannot show Chinese)."""
    try:
        SAMPLES.get(language, "").encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def speak(language: str) -> None:
    """Speak `language` for the rest of this run (English: no catalog at all)."""
    global _words, _catalog_words, _english, _language
    _language = language
    _english = _English()
    if language == ENGLISH:
        _words = _catalog_words = gettext.NullTranslations()
    else:
        _words = gettext.translation(DOMAIN, LOCALE_DIR, [language], fallback=True)
        _catalog_words = gettext.translation(
            f"{DOMAIN}-catalog", LOCALE_DIR, [language], fallback=True
        )
        _words.add_fallback(_english)
        _catalog_words.add_fallback(_english)


def catalog_words_elsewhere() -> list[gettext.NullTranslations]:
    """The catalog's words in each language backfit speaks but this run does not: a name
    typed in one of them (小燕飞, in an English run) still finds its exercise."""
    return [
        gettext.translation(f"{DOMAIN}-catalog", LOCALE_DIR, [language], fallback=True)
        for language in LANGUAGES
        if language != _language
    ]


def in_english(texts: Iterable[str]) -> bool:
    """Whether any of `texts` (as asked for, before any `format`) was said in English in
    a run that speaks another language, its words having none for it: a view showing
    safety text says why in one line. Never in English."""
    return not _english.said.isdisjoint(texts)


def language() -> str:
    """The language this run speaks."""
    return _language


def _(message: str) -> str:
    """`message` in this run's language."""
    return _words.gettext(message)


class Said(Exception):
    """An error made below the words, in English marked with `N_` (`said`), with the
    `values` that fill it (`str` of the error is the English); `in_words` says it in the
    run's language where it is shown."""

    def __init__(self, said: str, **values: object) -> None:
        super().__init__(said.format(**values))
        self.said, self.values = said, values

    def in_words(self) -> str:
        return _(self.said).format(**self.values)


def N_(message: str) -> str:
    """Mark `message` for translation where it is made, in a layer below the words (a
    log's error): it is said in the run's language where it is shown, with `_`."""
    return message


def catalog_text(context: str, text: str) -> str:
    """A sentence of the catalog in this run's language: `context` says where it lives."""
    return _catalog_words.pgettext(context, text)


def ngettext(one: str, many: str, count: int) -> str:
    """The form for `count`, by the language's own plural rule."""
    return _words.ngettext(one, many, count)


class Forms(NamedTuple):
    """A message's singular and plural, in English, for `ngettext` to choose from."""

    one: str
    many: str


def forms(one: str, many: str) -> Forms:
    """Mark a message with a plural (extracted as one, with its plural form); the language's
    form for a count is chosen when it is used (`views.words.plural`)."""
    return Forms(one, many)


def pgettext(context: str, message: str) -> str:
    """`message` where its words alone are ambiguous: `context` says where it is used."""
    return _words.pgettext(context, message)


SAFETY = "safety"  # a translator's note starting so marks safety text (`# i18n: safety`)
REVIEWED = "reviewed"  # the .po flag of safety text whose translation was checked


def is_safety(notes: Iterable[str]) -> bool:
    """Whether a message's notes for translators (`#.` in a .po) mark it as safety text:
    the pain rule, the warning signs, what to stop for. Such text is compiled into the words
    only once its translation has been translated back into English and compared, and
    flagged `reviewed`; until then it is said in English."""
    return any(note.removeprefix("i18n:").strip().startswith(SAFETY) for note in notes)


def unchecked(notes: Iterable[str], flags: Iterable[str]) -> bool:
    """Whether a translated message must stay out of the compiled words: safety text not
    yet checked by back-translation."""
    return is_safety(notes) and REVIEWED not in flags
