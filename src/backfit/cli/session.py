"""`backfit start`: a guided session with a live coach, or its plan."""

from typing import Annotated

import typer

from backfit.cli.app import EXIT_INTERRUPTED, NameArgument, app, find, load, notice, show, show_json


@app.command()
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
        bool, typer.Option("--speak", help="Read the cues aloud (say, espeak-ng or spd-say).")
    ] = False,
) -> None:
    """Do an exercise or routine with a live coach.

    A safety check, then timers for every hold and rest, cues, a bell (or a voice with
    --speak), and a summary saved to your log.
    """
    from backfit.session.plan import plan_for
    from backfit.session.terminal import is_interactive

    catalog = load(ctx.obj)
    entry = find(catalog, name)
    plan = plan_for(entry, catalog)
    if not (plan_only or as_json) and not is_interactive():
        notice("start needs a terminal to run its timer; here is the plan (see --plan)")
        plan_only = True
    if as_json:
        from backfit.views.export import plan_json

        return show_json(plan_json(plan))
    if plan_only:
        from backfit.views.session import plan_view

        return show(plan_view(plan))
    from backfit.session.guided import Declined, run_guided
    from backfit.views.session import summary_text

    try:
        outcome = run_guided(entry, plan, catalog, quiet=quiet, speak=speak, notice=notice)
    except Declined:
        return
    except KeyboardInterrupt:  # before the coach started: nothing to sum up or save
        raise typer.Exit(EXIT_INTERRUPTED) from None
    show(summary_text(outcome))
    if outcome.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
