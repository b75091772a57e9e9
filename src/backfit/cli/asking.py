"""Questions asked on the terminal in the run's language: Rich's prompts with their own
words (the suffix after a question, and what they say to an answer they cannot take)
translated, and yes and no also as the language says them (是, 否)."""

from typing import Any

from backfit.i18n import ENGLISH, language
from backfit.output import stderr_console
from backfit.views.words import programme as words


def prompts() -> tuple[Any, Any, Any]:
    """Rich's Confirm, IntPrompt and Prompt, as this module says."""
    from rich.markup import escape
    from rich.prompt import Confirm, IntPrompt, InvalidResponse, Prompt

    suffix = words.PROMPT_SUFFIX
    invalid = "[prompt.invalid]{}".format

    class Asked(Prompt):
        prompt_suffix = suffix
        illegal_choice_message = invalid(escape(words.NOT_A_CHOICE))

    class Number(IntPrompt):
        prompt_suffix = suffix
        validate_error_message = invalid(escape(words.NOT_A_WHOLE_NUMBER))

    class YesNo(Confirm):
        prompt_suffix = suffix
        validate_error_message = invalid(escape(words.NOT_YES_OR_NO))
        # [是/否] where the language says yes and no in words of its own; y and n still do
        if language() != ENGLISH:
            choices = [words.YES_SAID, words.NO_SAID]

        def process_response(self, value: str) -> bool:
            said = value.strip().casefold()
            if said in (words.YES_SAID.casefold(), "y", "yes"):
                return True
            if said in (words.NO_SAID.casefold(), "n", "no"):
                return False
            raise InvalidResponse(self.validate_error_message)

    return YesNo, Number, Asked


def yes_asked(question: str, *, default: bool = False) -> bool:
    """A yes or a no, asked on stderr (the question is not the command's output)."""
    from rich.markup import escape

    yes_no = prompts()[0]
    return bool(yes_no.ask(escape(question), console=stderr_console(), default=default))
