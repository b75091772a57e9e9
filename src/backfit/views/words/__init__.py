"""Every user-facing sentence backfit writes, by what it is about: `doses` (amounts and
durations), `session` (the coach's phases and screen, the plan and the summary), `prompts`
(the questions around a session), `catalog` (what `show`, `list` and the catalog's pages
call things), `log` (history and progress) and `messages` (the command line's errors and
notes).

One home for the words, so the live screen, the spoken cues, `--plan` and its JSON say
the same thing the same way, and a translation finds them all here (each is marked with
`i18n._`, or `i18n.forms` for one with a plural, and read in the run's language when the
module is imported, which `backfit.__main__` does after choosing the language). Sentences are whole,
with named placeholders, never put together from pieces; a word that agrees with a count
goes through `plural`. Light on purpose (no Rich, no pydantic): the command line imports
its messages at start-up.

Not here: Typer's help texts for options and the docstrings of commands, which Typer
reads when the command line is imported; the translation handles them where they are.
Nor the catalog's text (YAML) and the catalog loader's located errors (`catalog/`).
"""

from __future__ import annotations

from backfit.i18n import ngettext


def plural(one: str, many: str, count: int) -> str:
    """The form for `count` in this run's language (a pair marked with `i18n.forms`)."""
    return ngettext(one, many, count)
