"""`backfit start`: a guided session with a live coach, or its plan."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from backfit.cli.app import command, find, load, log_errors, show, show_json, warn_plan_care
from backfit.cli.defaults import configured
from backfit.cli.exits import EXIT_INTERRUPTED, EXIT_LOG, EXIT_USAGE
from backfit.cli.failures import CommandUsageError, fail, in_words
from backfit.cli.figures import drawable
from backfit.cli.options import (
    ANNOUNCE_EVERY,
    AccessibleOption,
    AnnounceOption,
    AsciiOption,
    CatalogOption,
    NoMotionFlag,
    OptionalNameArgument,
    QuietFlag,
    SpeakFlag,
    catalog_in_use,
)
from backfit.figures.modes import DRAWN
from backfit.i18n import _
from backfit.output import accessible, error_line
from backfit.views.words import doses as doses_words
from backfit.views.words import messages

if TYPE_CHECKING:
    from rich.console import RenderableType

    from backfit.catalog.models import Catalog, Exercise, Routine
    from backfit.live.terminal import Display
    from backfit.session.doses import DoseError
    from backfit.session.plan import Plan
    from backfit.views.text import Text

Reps = Any  # int, or a tuple of ints: one for each set (Typer cannot declare a union)


def reps_given(text: str) -> int | tuple[int, ...]:
    """`--reps 8` or `--reps 4,3,2`: one number for every set, or one for each set. Their
    range is the dose's to check, as for a catalog."""
    parts = [part.strip() for part in text.split(doses_words.REPS_SEPARATOR)]
    if not parts or not all(part.lstrip("-").isdigit() for part in parts):
        raise typer.BadParameter(doses_words.NOT_REPS.format(given=text))
    numbers = tuple(int(part) for part in parts)
    return numbers[0] if len(numbers) == 1 else numbers


# The dose options, by the dose field each one changes.
DOSE_OPTIONS = {
    "sets": "--sets",
    "reps": "--reps",
    "hold_seconds": "--hold",
    "rest_seconds": "--rest",
}


def _dose(flag: str, metavar: str, help: str) -> Any:
    """An option that changes today's dose (checked against the dose, not here)."""
    return typer.Option(flag, metavar=metavar, help=help)


@command()
def start(
    ctx: typer.Context,
    name: OptionalNameArgument = None,
    plan_only: Annotated[
        bool, typer.Option("--plan", help=_("Print every step and the total time; do not start."))
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help=_("With --plan: print the plan as JSON."))
    ] = False,
    quiet: QuietFlag = False,
    speak: SpeakFlag = False,
    no_figure: Annotated[
        bool, typer.Option("--no-figure", help=_("No moving figure on the coach's screen."))
    ] = False,
    no_motion: NoMotionFlag = False,
    announce_every: AnnounceOption = ANNOUNCE_EVERY,
    easy: Annotated[
        bool,
        typer.Option(
            "--easy",
            help=_("A gentler dose: the exercise's starting dose, or half the reps or holds."),
        ),
    ] = False,
    sets: Annotated[
        int | None, _dose("--sets", "N", _("Do N sets today (of a pyramid: its first N)."))
    ] = None,
    reps: Annotated[
        Reps | None,
        typer.Option(
            "--reps",
            metavar="N|N,N,...",
            parser=reps_given,
            help=_("Do N reps (or holds) a set today, or one number for each set: 4,3,2."),
        ),
    ] = None,
    hold: Annotated[int | None, _dose("--hold", "SECONDS", _("Hold each rep this long."))] = None,
    rest: Annotated[
        int | None, _dose("--rest", "SECONDS", _("Rest this long between sets."))
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help=_("The catalog's full dose, not your step of the exercise's build-up."),
        ),
    ] = False,
    despite_pain: Annotated[
        bool,
        typer.Option(
            "--despite-pain",
            # i18n: safety
            help=_("Allow starting with pain in the pain rule's stop band (you are asked again)."),
        ),
    ] = False,
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
    accessible: AccessibleOption = False,
) -> None:
    """Do an exercise or routine with a live coach.

    A safety check and your pain now, then timers for every hold and rest, cues, a bell
    (or a voice with --speak), and a summary saved to your log. With pain in the pain
    rule's stop band it does not start; in the caution band it offers a gentler dose.
    An exercise with a build-up runs at your step of it (its start the first time, then
    on from your log), and says which; --full runs the catalog's full dose, and --sets,
    --reps, --hold and --rest change the full dose.
    """
    from backfit.catalog.models import Exercise
    from backfit.live.terminal import is_interactive
    from backfit.session.doses import DoseError
    from backfit.session.plan import plan_for

    if name is None:  # the routine kept in the settings, if any
        name = configured("routine")
        if name is None:
            raise CommandUsageError(messages.START_NEEDS, ctx=ctx)
    given = {"sets": sets, "reps": reps, "hold_seconds": hold, "rest_seconds": rest}
    changes = {field: value for field, value in given.items() if value is not None}
    catalog = load(catalog_in_use(ctx, catalog_file))
    entry: Exercise | Routine
    in_plan = name.lower() == "today" and catalog.find(name) is None  # the plan's session
    if in_plan:
        from backfit.cli.plan_state import todays_session

        entry = todays_session(catalog)
    else:
        entry = find(catalog, name)
    if changes and not isinstance(entry, Exercise):
        fail(messages.DOSE_FOR_ROUTINE, EXIT_USAGE)
    warn_plan_care(entry, catalog)
    step = None
    if isinstance(entry, Exercise) and not (full or changes):  # changes: to the full dose
        from backfit.journal.store import journal_path
        from backfit.journal.typed import utc_now
        from backfit.programme.build_up import current_step

        step = current_step(journal_path(), entry, catalog, now=utc_now())
    today = None if step is None else step.dose
    try:
        plan = plan_for(entry, catalog, easy=easy, changes=changes, dose=today)
    except DoseError as error:
        fail(dose_problem(error, entry.name), EXIT_USAGE)
    if not (plan_only or as_json) and not is_interactive():
        error_line(messages.NEEDS_TERMINAL)
        plan_only = True
    about = None  # which step of its build-up, said before the plan or after the safety check
    if step is not None and isinstance(entry, Exercise) and not as_json:
        from backfit.views.plan import build_up_line
        from backfit.views.text import Text

        about = Text(build_up_line(step, entry), style="bold")
    if as_json:
        from backfit.views.export import plan_json

        return show_json(plan_json(plan))
    if plan_only:
        from backfit.views.plan import plan_view

        if about is not None:
            show(about)
        return show(plan_view(plan))
    if not isinstance(entry, Exercise):  # who should take care, before the safety check
        from backfit.views.plan import care_view

        show(care_view(plan))
    # The gentler dose the pain gate offers, unless the person chose today's dose already.
    easier = None if easy or changes else plan_for(entry, catalog, easy=True, dose=today)
    display = coach_display(no_figure=no_figure, still=no_motion, every=announce_every)
    coach(entry, plan, catalog, easier=easier, despite_pain=despite_pain, quiet=quiet,
          speak=speak, display=display, in_plan=in_plan, about=about)  # fmt: skip


def coach(
    entry: "Exercise | Routine", plan: "Plan", catalog: "Catalog", *, easier: "Plan | None",
    despite_pain: bool, quiet: bool, speak: bool, display: "Display", in_plan: bool = False,
    about: "RenderableType | None" = None,
) -> None:  # fmt: skip
    """Run `plan` with the live coach, then sum it up: for `start`, and `today --start`
    (`in_plan`: the entry is the plan's session; `about`: what to say once the safety
    check is read, before the pain question)."""
    from backfit.journal.store import check_writable, journal_path
    from backfit.live.guided import run_guided

    with log_errors():  # found now, not after the person has done the session
        check_writable(journal_path())
    from backfit.live.prompts import Declined
    from backfit.views.plan import summary_text

    try:
        outcome = run_guided(
            entry, plan, catalog, easier=easier, despite_pain=despite_pain,
            quiet=quiet, speak=speak, notice=error_line, display=display, about=about,
        )  # fmt: skip
    except Declined:
        return
    except KeyboardInterrupt:  # before the coach started: nothing to sum up or save
        raise typer.Exit(EXIT_INTERRUPTED) from None
    hurt = outcome.plan.exercises[outcome.pain_stop - 1] if outcome.pain_stop else entry
    after = pain_after_said(
        hurt, catalog, before=outcome.pain_before, after=outcome.pain_after, in_plan=in_plan
    )
    show(summary_text(outcome, after))
    if outcome.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if not outcome.saved:  # said when it failed, before the summary
        raise typer.Exit(EXIT_LOG)


def dose_problem(error: "DoseError", name: str) -> str:
    if error.field is None:
        return messages.DOSE_DOES_NOT_WORK.format(name=name, reason=error.reason)
    return messages.BAD_VALUE.format(
        param=DOSE_OPTIONS[error.field], problem=in_words(error.detail)
    )


def coach_display(*, no_figure: bool, still: bool, every: int) -> "Display":
    """How the coach shows itself: its figure drawn as `--figure` would (BACKFIT_FIGURE, then
    the settings) or not at all; kept still (reduced motion); a line at a time for a screen
    reader (--accessible), saying the time left every `every` seconds."""
    from backfit.live.terminal import Display

    mode = configured("figure")
    figure = "none" if no_figure or mode not in DRAWN else drawable(mode)
    return Display(
        figure=figure if figure in DRAWN else "none", still=still, spoken=accessible(), every=every
    )


def pain_after_said(
    entry: "Exercise | Routine", catalog: "Catalog", *, before: int | None, after: int | None,
    in_plan: bool = False,
) -> "Text | None":  # fmt: skip
    """What the pain after a session means, by the pain rule, as the gate before a session
    says it; with the log at hand to tell whether stop-band pain keeps happening (a log
    that cannot be read only leaves that out). A plan's session (`in_plan`) is not named
    or swapped for something gentler: the plan steps its next session back itself."""
    from backfit.journal.progress import (
        SEE_PROFESSIONAL_AT,
        SEE_PROFESSIONAL_DAYS,
        recent_stop_band_sessions,
    )
    from backfit.journal.schema import JournalError
    from backfit.journal.store import journal_path
    from backfit.journal.typed import utc_now
    from backfit.session.pain import gentler_choice, pain_after
    from backfit.views.plan import pain_after_text

    check = pain_after(catalog.safety, after, before)
    if check is None:
        return None
    try:
        stops = recent_stop_band_sessions(journal_path(), catalog, now=utc_now())
    except JournalError:
        stops = 0
    gentler = gentler_choice(entry, catalog) if check.stop and not in_plan else None
    return pain_after_text(
        check, None if in_plan else entry.name, gentler=gentler, stop_sessions=stops,
        stop_limit=SEE_PROFESSIONAL_AT, days=SEE_PROFESSIONAL_DAYS,
    )  # fmt: skip
