"""How far each language's translation has come: for each .po beside the compiled words,
how many messages are translated, how many are fuzzy (their English changed since, so they
are said in English until a translator looks again) and how many are not translated yet;
and of the safety text, how much is checked by back-translation (shown)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from backfit.i18n import DOMAIN, LOCALE_DIR


class Progress(NamedTuple):
    language: str
    domain: str
    translated: int
    fuzzy: int
    untranslated: int
    safety: int = 0  # of all the messages, those that are safety text
    reviewed: int = 0  # safety messages translated and checked: the only ones shown

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated


def progress(locale: Path = LOCALE_DIR) -> list[Progress]:
    """Every language's translation of every domain, by language then domain."""
    from babel.messages.pofile import read_po  # only for this command

    from backfit.i18n import is_safety, unchecked

    found = []
    for po_path in sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        counts = {"translated": 0, "fuzzy": 0, "untranslated": 0, "safety": 0, "reviewed": 0}
        for message in catalog:
            if not message.id:  # the header
                continue
            if is_safety(message.auto_comments):
                counts["safety"] += 1
                counts["reviewed"] += not unchecked(message.auto_comments, message.flags)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                counts["fuzzy"] += 1
            elif all(strings):
                counts["translated"] += 1
            else:
                counts["untranslated"] += 1
        language = po_path.parents[1].name
        found.append(Progress(language, po_path.stem, **counts))
    return found
