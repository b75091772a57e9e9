"""`backfit start`: a guided session with a live coach, or its plan."""

import os
from typing import TYPE_CHECKING, Annotated, Any

import typer

from backfit.cli.app import command, find, load, show, show_json
from backfit.cli.exits import EXIT_INTERRUPTED, EXIT_USAGE
from backfit.cli.failures import fail, in_words
from backfit.cli.figures import FIGURE_ENV, drawable
from backfit.cli.options import AsciiOption, CatalogOption, NameArgument, catalog_in_use
from backfit.figures.modes import DRAWN
from backfit.output import error_line
from backfit.views.words import messages

if TYPE_CHECKING:
    from backfit.session.doses import DoseError

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
    name: NameArgument,
    plan_only: Annotated[
        bool, typer.Option("--plan", help="Print every step and the total time; do not start.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="With --plan: print the plan as JSON.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No bell at each change.")] = False,
    speak: Annotated[
        bool,
        typer.Option("--speak", help="Read the cues aloud (say, espeak-ng, spd-say or espeak)."),
    ] = False,
    no_figure: Annotated[
        bool, typer.Option("--no-figure", help="No moving figure on the coach's screen.")
    ] = False,
    easy: Annotated[
        bool,
        typer.Option(
            "--easy",
            help="A gentler dose: the exercise's starting dose, or half the reps or holds.",
        ),
    ] = False,
    sets: Annotated[int | None, _dose("--sets", "N", "Do N sets today.")] = None,
    reps: Annotated[int | None, _dose("--reps", "N", "Do N reps (or holds) a set today.")] = None,
    hold: Annotated[int | None, _dose("--hold", "SECONDS", "Hold each rep this long.")] = None,
    rest: Annotated[int | None, _dose("--rest", "SECONDS", "Rest this long between sets.")] = None,
    despite_pain: Annotated[
        bool,
        typer.Option(
            "--despite-pain",
            help="Allow starting with pain in the pain rule's stop band (you are asked again).",
        ),
    ] = False,
    catalog_file: CatalogOption = None,
    ascii_output: AsciiOption = False,
) -> None:
    """Do an exercise or routine with a live coach.

    A safety check and your pain now, then timers for every hold and rest, cues, a bell
    (or a voice with --speak), and a summary saved to your log. With pain in the pain
    rule's stop band it does not start; in the caution band it offers a gentler dose.
    """
    from backfit.catalog.models import Exercise
    from backfit.live.terminal import is_interactive
    from backfit.session.doses import DoseError
    from backfit.session.plan import plan_for

    given = {"sets": sets, "reps": reps, "hold_seconds": hold, "rest_seconds": rest}
    changes = {field: value for field, value in given.items() if value is not None}
    catalog = load(catalog_in_use(ctx, catalog_file))
    entry = find(catalog, name)
    if changes and not isinstance(entry, Exercise):
        fail(messages.DOSE_FOR_ROUTINE, EXIT_USAGE)
    try:
        plan = plan_for(entry, catalog, easy=easy, changes=changes)
    except DoseError as error:
        fail(_dose_problem(error, entry.name), EXIT_USAGE)
    if not (plan_only or as_json) and not is_interactive():
        error_line(messages.NEEDS_TERMINAL)
        plan_only = True
    if as_json:
        from backfit.views.export import plan_json

        return show_json(plan_json(plan))
    if plan_only:
        from backfit.views.plan import plan_view

        return show(plan_view(plan))
    from backfit.live.guided import run_guided
    from backfit.live.prompts import Declined
    from backfit.views.plan import summary_text

    # The gentler dose the pain gate offers, unless the person chose today's dose already.
    easier = None if easy or changes else plan_for(entry, catalog, easy=True)
    try:
        outcome = run_guided(
            entry, plan, catalog, easier=easier, despite_pain=despite_pain,
            quiet=quiet, speak=speak, notice=error_line, figure=coach_figure(no_figure),
        )  # fmt: skip
    except Declined:
        return
    except KeyboardInterrupt:  # before the coach started: nothing to sum up or save
        raise typer.Exit(EXIT_INTERRUPTED) from None
    from backfit.cli.journal import pain_after_said

    hurt = outcome.plan.exercises[outcome.pain_stop - 1] if outcome.pain_stop else entry
    after = pain_after_said(hurt, catalog, before=outcome.pain_before, after=outcome.pain_after)
    show(summary_text(outcome, after))
    if outcome.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)


def _dose_problem(error: "DoseError", name: str) -> str:
    if error.field is None:
        return messages.DOSE_DOES_NOT_WORK.format(name=name, reason=error.reason)
    return messages.BAD_VALUE.format(
        param=DOSE_OPTIONS[error.field], problem=in_words(error.detail)
    )


def coach_figure(off: bool) -> str:
    """How the coach draws the figure: as `--figure` would (BACKFIT_FIGURE), or not at all."""
    mode = os.environ.get(FIGURE_ENV, "braille")
    if off or mode not in DRAWN:
        return "none"
    return drawable(mode)
