"""One guided session from start to saved: safety check, pain before and the pain gate,
the coach, pain after, and the log. The CLI calls this; the terminal, coach and journal
do the work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from backfit.journal import store as journal
from backfit.journal.records import guided_session
from backfit.journal.schema import JournalError
from backfit.journal.typed import utc_now
from backfit.live.prompts import Declined, ask_pain, pain_gate, safety_check
from backfit.live.sound import voice_for
from backfit.live.terminal import PLAIN, Display, coach_in_terminal, ended_by_signals, signals_held
from backfit.output import print_view, stdout_console
from backfit.views.words import prompts as words

if TYPE_CHECKING:
    from rich.console import RenderableType

    from backfit.catalog.models import Catalog, Exercise, Routine
    from backfit.session.coach import Outcome
    from backfit.session.plan import Plan


def run_guided(
    entry: Exercise | Routine, plan: Plan, catalog: Catalog, *,
    easier: Plan | None, despite_pain: bool,
    quiet: bool, speak: bool, notice: Callable[[str], None], display: Display = PLAIN,
    about: RenderableType | None = None,
) -> Outcome:  # fmt: skip
    """Raises Declined, or KeyboardInterrupt if Ctrl-C comes before the coach starts.
    `easier` is the gentler plan the pain gate offers in the caution band (None: the
    person chose the dose already); `despite_pain` lets a person start in the stop band;
    `about` is said once the safety check is read (which step of a build-up: said before
    it, a page of red flags scrolled it away). Closing the terminal or SIGTERM stops a
    session as Ctrl-C does: what was done is saved."""
    with ended_by_signals():
        return _guided(
            entry, plan, catalog, easier=easier, despite_pain=despite_pain,
            quiet=quiet, speak=speak, notice=notice, display=display, about=about,
        )  # fmt: skip


def _guided(
    entry: Exercise | Routine, plan: Plan, catalog: Catalog, *,
    easier: Plan | None, despite_pain: bool,
    quiet: bool, speak: bool, notice: Callable[[str], None], display: Display,
    about: RenderableType | None,
) -> Outcome:  # fmt: skip
    console = stdout_console()
    voice = voice_for(speak=speak, quiet=quiet, notice=notice)
    if not safety_check(console, catalog, plan):
        raise Declined
    if about is not None:
        print_view(console, about)
    pain_before = ask_pain(console, words.PAIN_BEFORE, can_leave=True)
    if pain_before is not None:
        chosen = pain_gate(
            console,
            catalog,
            entry,
            pain_before,
            plan=plan,
            easier=easier,
            despite_pain=despite_pain,
        )
        if chosen is None:
            raise Declined  # nothing done, so nothing is recorded
        plan = chosen
    outcome = coach_in_terminal(plan, quiet=quiet, voice=voice, display=display)
    pain_after = None
    if not outcome.interrupted:
        # After the "it hurts" key, one question: how much it hurt is the pain it ended with.
        question = words.PAIN_STOPPED if outcome.pain_stop is not None else words.PAIN_AFTER
        try:
            pain_after = ask_pain(console, question)
        except KeyboardInterrupt:
            outcome.interrupted = True
        if outcome.pain_stop is not None:
            outcome.pain_during = pain_after
    outcome.pain_before, outcome.pain_after = pain_before, pain_after
    session = guided_session(
        outcome, entry, ended_at=utc_now(), pain_before=pain_before, pain_after=pain_after
    )
    try:
        with signals_held():
            journal.save(journal.journal_path(), session)
    except JournalError as error:
        notice(words.NOT_SAVED.format(error=error))
        outcome.saved = False
    return outcome
