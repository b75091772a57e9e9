"""The programme's commands: plan (new, show, pause, resume, end, export), today, checkin,
and `log today`. Each question of `plan new` is also an option; with no terminal to ask
on, a missing answer is a usage error naming its option."""

import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from backfit.catalog.conditions import Condition
from backfit.cli.app import (
    Commands,
    add_group,
    command,
    confirm,
    lessons_in_use,
    load,
    log_errors,
    show,
    show_json,
)
from backfit.cli.asking import prompts
from backfit.cli.exits import EXIT_NOT_FOUND, EXIT_USAGE
from backfit.cli.failures import CommandUsageError, fail
from backfit.cli.journal import PainAfter, PainBefore, log_app
from backfit.cli.options import (
    ANNOUNCE_EVERY,
    AnnounceOption,
    CatalogOption,
    JsonFlag,
    NoMotionFlag,
    PlainCommand,
    QuietFlag,
    SpeakFlag,
    WeekDays,
    catalog_in_use,
    choice_option,
    week_days,
    within,
)
from backfit.cli.plan_state import as_routine, current_or_none, current_plan, session_of
from backfit.i18n import _
from backfit.programme.choices import Duration, Leg, Mode, Morning
from backfit.views.words import programme as words
from backfit.views.words.catalog import CONDITION_NAMES

if TYPE_CHECKING:
    from backfit.journal.plans import CheckIn


def _start_day(text: str | None) -> date | None:
    if text is None:
        return None
    today = datetime.now().astimezone().date()
    named = {"today": today, "tomorrow": today + timedelta(days=1)}
    try:
        return named.get(text.lower()) or date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(words.GIVE_START) from None


def _on_day(text: str | None) -> date | None:
    if text is None:
        return None
    today = datetime.now().astimezone().date()
    named = {
        "today": today,
        "yesterday": today - timedelta(days=1),
        "tomorrow": today + timedelta(days=1),
    }
    if text.lower() in named:
        return named[text.lower()]
    if text.startswith("-") and text[1:-1].isdigit() and text.endswith("d"):
        return today - timedelta(days=int(text[1:-1]))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(words.GIVE_DAY) from None


CONDITION_WORDS = {  # what a person may type for each care condition
    "pregnant": Condition.PREGNANCY, "pregnancy": Condition.PREGNANCY,
    "surgery": Condition.SURGERY, "operation": Condition.SURGERY,
    "back surgery": Condition.SURGERY, "recent back surgery": Condition.SURGERY,
    "osteoporosis": Condition.OSTEOPOROSIS, "sciatica": Condition.SCIATICA,
}  # fmt: skip


def _conditions_said(said: str) -> list[Condition] | None:
    """The care conditions in an answer such as 'pregnant, osteoperosis' (close spellings
    taken), or in the run's words ('怀孕、坐骨神经痛', '手术'); None when a word is none of
    them, so the question is asked again."""
    import difflib
    import re

    from backfit.views.words.catalog import condition_name

    named = {condition_name(c.value).casefold(): c for c in Condition}
    said_as = {**CONDITION_WORDS, **named}
    found: list[Condition] = []
    for word in (w.strip().casefold() for w in re.split(r",|，|、|;|；| and |和", said)):
        if word in ("", "none", "no", words.NO_CONDITIONS.casefold()):
            continue
        close = difflib.get_close_matches(word, said_as, n=1, cutoff=0.75)
        if not close and not word.isascii():  # part of a name: 手术 for 近期背部手术
            close = [name for name in named if word in name or name in word]
        if len(close) != 1:
            return None
        found.append(said_as[close[0]])
    return list(dict.fromkeys(found))


def _equipment_kept(catalog: Any, given: Sequence[str]) -> list[str]:
    """Equipment as the catalog keeps it (barbell), given so or as the words say it (杠铃)."""
    from backfit.catalog.translated import term

    kept = {name for e in catalog.exercises for name in e.equipment}
    said = {term(name).casefold(): name for name in kept}
    return [said.get(name.strip().casefold(), name) for name in given]


def _activity(text: str) -> tuple[str, int]:
    name, _, score = text.rpartition("=")
    if not name.strip() or not score.strip().isdigit() or not 0 <= int(score) <= 10:
        raise typer.BadParameter(words.UNKNOWN_ACTIVITY.format(given=text))
    return name.strip(), int(score)


def _activities(values: list[str] | None) -> list[tuple[str, int]] | None:
    if values is None:
        return None
    if len(values) > 3:
        raise typer.BadParameter(words.AT_MOST_ACTIVITIES)
    return [_activity(v) for v in values]


def _time_of_day(text: str | None) -> time | None:
    if text is None:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(words.GIVE_TIME) from None


class PlanGroup(Commands):
    """`backfit plan` alone is one usage line naming its commands, as `log` alone is."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:
            raise CommandUsageError(words.PLAN_NEEDS, ctx=ctx)
        return super().parse_args(ctx, args)


plan_app = typer.Typer(
    cls=PlanGroup,
    name="plan",
    help=_("A programme for the weeks ahead: new, show, pause, resume, end, export."),
    short_help=_("A plan for the weeks ahead: new, show, pause, resume, end, export."),
    rich_markup_mode=None,
    add_completion=False,  # the completion options are backfit's own
)
add_group("plan", plan_app)

DayOption = Annotated[
    date | None,
    typer.Option(
        "--date",
        metavar="DAY",
        parser=_on_day,
        help=_("Which day: today, yesterday, tomorrow, -2d or 2026-01-31; default today."),
    ),
]


def on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()


def _ask(
    ctx: typer.Context,
    flag: str,
    question: str,
    kind: Any,
    choices: Any = None,
    default: Any = None,
) -> Any:
    """Ask on the terminal, or end with a usage error naming the option to give."""
    if not on_terminal():
        raise CommandUsageError(words.NEEDS_ANSWER.format(flag=flag), ctx=ctx)
    from backfit.output import stdout_console

    Confirm, IntPrompt, Prompt = prompts()

    console = stdout_console()
    console.print()  # one question at a time, set apart
    if kind is bool:
        if default is None:  # a yes or a no, typed: Enter alone is no answer
            return Confirm.ask(question, console=console)
        return Confirm.ask(question, console=console, default=bool(default))
    if kind is int:
        low, high = choices
        while True:
            answer = IntPrompt.ask(question, console=console, default=default)
            if answer is not None and low <= answer <= high:
                return answer
            console.print(words.NUMBER_FROM.format(low=low, high=high), highlight=False)
    if choices:
        labels = list(choices.items())
        for number, (_, label) in enumerate(labels, 1):
            console.print(words.CHOICE.format(number=number, label=label), highlight=False)
        picked = Prompt.ask(
            question, console=console, choices=[str(n) for n in range(1, len(labels) + 1)]
        )
        return labels[int(picked) - 1][0]
    if default is not None:
        return Prompt.ask(question, console=console, default=default)
    return Prompt.ask(question, console=console, default="", show_default=False)


@plan_app.command("new", cls=PlainCommand)
def plan_new(
    ctx: typer.Context,
    pain: Annotated[
        int | None,
        typer.Option(metavar="N", callback=within(0, 10), help=_("Your pain now, 0 (none) to 10.")),
    ] = None,
    duration: Annotated[
        Duration | None,
        choice_option(Duration, words.DURATIONS, help=_("How long this episode has lasted.")),
    ] = None,
    leg: Annotated[
        Leg | None,
        choice_option(Leg, words.LEGS, help=_("Whether pain goes into a leg.")),
    ] = None,
    no_red_flags: Annotated[
        bool,
        typer.Option(
            "--no-red-flags",
            # i18n: safety
            help=_("Confirm that none of the warning signs in backfit safety apply."),
        ),
    ] = False,
    care: Annotated[
        list[Condition] | None,
        choice_option(
            Condition, CONDITION_NAMES, help=_("A care condition that applies (repeatable).")
        ),
    ] = None,
    activity: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME=SCORE",
            help=_(
                "An everyday activity your back makes hard, and how well you can do it 0-10: "
                '"sitting through a film=4" (up to three).'
            ),
        ),
    ] = None,
    start: Annotated[
        date | None,
        typer.Option(
            metavar="DAY",
            parser=_start_day,
            help=_("When it starts: today (default), tomorrow or a date."),
        ),
    ] = None,
    weeks: Annotated[
        int | None,
        typer.Option(metavar="N", callback=within(4, 12), help=_("How many weeks (4-12; 8).")),
    ] = None,
    days: Annotated[
        WeekDays | None,
        typer.Option(
            metavar="DAYS",
            parser=week_days,
            help=_("Training days: mon,wed,fri (the default)."),
        ),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option(
            metavar="N", callback=within(10, 45), help=_("Minutes a session (10-45; 20).")
        ),
    ] = None,
    no_floor: Annotated[
        bool, typer.Option("--no-floor", help=_("Getting down to the floor is not possible."))
    ] = False,
    equipment: Annotated[
        list[str] | None,
        typer.Option(
            metavar="THING", help=_("Equipment at hand beyond a mat and a chair: barbell.")
        ),
    ] = None,
    walking: Annotated[
        int | None,
        typer.Option(
            metavar="MINUTES", callback=within(0, 600), help=_("Minutes you walk on most days now.")
        ),
    ] = None,
    mode: Annotated[
        Mode | None,
        choice_option(
            Mode,
            help=_(
                "How doses rise: quota (on schedule) or symptom (by the pain rule); "
                "default by how long the pain has lasted."
            ),
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help=_("Start it without asking."))] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help=_("End the active plan and start this one."))
    ] = False,
    catalog_file: CatalogOption = None,
) -> None:
    """Start a programme: a few questions, then a plan of sessions for the weeks ahead."""
    from pydantic import ValidationError

    from backfit.journal.plans import ProgrammeExists, start_programme
    from backfit.journal.store import journal_path
    from backfit.programme.compose import compose
    from backfit.programme.settings import (
        DEFAULT_DAYS,
        DEFAULT_MINUTES,
        DEFAULT_WEEKS,
        Settings,
        default_mode,
    )
    from backfit.views.text import Text

    catalog = load(catalog_in_use(ctx, catalog_file))
    with log_errors():  # found now, not after every question has been answered
        from backfit.journal.store import check_writable

        check_writable(journal_path())
    if not replace and (active := current_or_none()) is not None:  # before any question
        fail(words.PLAN_EXISTS.format(start=active.settings.start.isoformat()), EXIT_USAGE)
    if pain is None:
        pain = _ask(ctx, "--pain", words.ASK_PAIN, int, (0, 10))
    from backfit.session.pain import pain_zone

    if pain_zone(catalog.safety, pain) == "stop":  # as the gate before a session says
        return show(Text(words.PAIN_TOO_HIGH.format(pain=pain), style="bold"))
    if duration is None:
        duration = Duration(_ask(ctx, "--duration", words.ASK_DURATION, str, words.DURATIONS))
    if leg is None:
        leg = Leg(_ask(ctx, "--leg", words.ASK_LEG, str, words.LEGS))
    if not no_red_flags:
        if not on_terminal():
            raise CommandUsageError(words.NEEDS_ANSWER.format(flag="--no-red-flags"), ctx=ctx)
        from backfit.views.programme import emergency_signs, urgent_signs

        # one list at a time, each on a screen of its own, with its own advice
        for signs, stop in (
            (emergency_signs, words.EMERGENCY_STOP),
            (urgent_signs, words.URGENT_STOP),
        ):
            show(signs(catalog))
            if _ask(ctx, "--no-red-flags", words.ASK_RED_FLAGS, bool):
                show(Text(stop, style="bold"))
                return
    while care is None and on_terminal():
        care = _conditions_said(_ask(ctx, "--care", words.ASK_CARE, str))
        if care is None:
            show(Text(words.CARE_UNKNOWN))
    activities = _activities(activity)
    if activities is None and on_terminal():
        activities = []
        while len(activities) < 3:
            name = _ask(ctx, "--activity", words.ASK_ACTIVITY, str).strip()
            if not name:
                break
            try:  # typed as --activity takes it, 'sitting through a film=4': the score too
                activities.append(_activity(name))
            except typer.BadParameter:
                activities.append(
                    (name, _ask(ctx, "--activity", words.ASK_ACTIVITY_SCORE, int, (0, 10)))
                )
    if walking is None:
        walking = _ask(ctx, "--walking", words.ASK_WALKING, int, (0, 600)) if on_terminal() else 0
    if on_terminal():  # the rest have defaults: asked on a terminal, taken from a script
        weeks = weeks or _ask(ctx, "--weeks", words.ASK_WEEKS, int, (4, 12), default=8)
        while days is None:
            try:
                usual = words.weekdays(DEFAULT_DAYS)  # Mon, Wed, Fri: as the language says
                days = week_days(_ask(ctx, "--days", words.ASK_DAYS, str, default=usual))
            except typer.BadParameter as error:
                show(Text(str(error)))
        minutes = minutes or _ask(ctx, "--minutes", words.ASK_MINUTES, int, (10, 45), default=20)
        if not no_floor:
            no_floor = not _ask(ctx, "--no-floor", words.ASK_FLOOR, bool, default=True)
    today = datetime.now().astimezone().date()
    try:
        settings = Settings(
            pain=pain,
            duration=duration.value,
            leg=leg.value,
            care=tuple(care or ()),
            activities=tuple({"name": n, "score": s} for n, s in activities or ()),
            start=start or today,
            weeks=weeks or DEFAULT_WEEKS,
            days=days or DEFAULT_DAYS,
            minutes=minutes or DEFAULT_MINUTES,
            floor=not no_floor,
            equipment=tuple(_equipment_kept(catalog, equipment or ())),
            walking=walking,
            mode=(mode.value if mode else default_mode(Duration(duration.value))),
        )
    except ValidationError as error:
        fail(str(error.errors()[0]["msg"]), EXIT_USAGE)
    settings = compose(settings, catalog)
    from backfit.journal.plans import StoredProgramme
    from backfit.programme.current import Current
    from backfit.views.programme import render_plan

    preview = Current(StoredProgramme(0, datetime.now().astimezone(), ""), settings, [], [])
    show(render_plan(preview, catalog, settings.start))
    if not yes:
        if not on_terminal():
            raise CommandUsageError(words.NEEDS_ANSWER.format(flag="--yes"), ctx=ctx)
        if not _ask(ctx, "--yes", words.ASK_CONFIRM, bool):
            show(Text(words.PLAN_NOT_MADE))
            return
    with log_errors():
        try:
            start_programme(
                journal_path(),
                settings.model_dump_json(),
                now=datetime.now().astimezone(),
                replace=replace,
            )
        except ProgrammeExists:
            current = current_or_none()
            started = current.settings.start if current else today
            fail(words.PLAN_EXISTS.format(start=started.isoformat()), EXIT_USAGE)
    confirm(Text(words.PLAN_MADE.format(start=_date(settings.start))))


@plan_app.command("show", cls=PlainCommand)
def plan_show(
    ctx: typer.Context,
    as_json: JsonFlag = False,
    on: DayOption = None,
    catalog_file: CatalogOption = None,
) -> None:
    """The plan: its weeks, the sessions done, missed and ahead, each exercise's step."""
    from backfit.views.programme import plan_json, render_plan

    catalog = load(catalog_in_use(ctx, catalog_file))
    current = current_plan()
    when = on or datetime.now().astimezone().date()
    if as_json:
        return show_json(plan_json(current, catalog, when))
    show(render_plan(current, catalog, when))


def _change(doing: str) -> None:
    from backfit.journal import plans
    from backfit.journal.store import journal_path
    from backfit.views.text import Text

    today = datetime.now().astimezone().date()
    with log_errors():
        try:
            if doing == "pause":
                plans.pause_programme(journal_path(), day=today)
                said = words.PLAN_PAUSED.format(day=_date(today))
            elif doing == "resume":
                flagged = [c for c in plans.checkins(journal_path()) if c.red_flag]
                current = current_plan()
                if any(c.day >= current.settings.start for c in flagged):
                    fail(words.STOPPED_NO_RESUME, EXIT_USAGE)
                plans.resume_programme(journal_path(), day=today)
                said = words.PLAN_RESUMED.format(day=_date(today))
            else:
                ended = plans.end_programme(journal_path(), day=today)
                from backfit.programme.settings import Settings

                start = Settings.model_validate_json(ended.settings).start
                said = words.PLAN_ENDED.format(start=_date(start))
        except plans.NoProgramme:
            fail(words.NO_PLAN, EXIT_NOT_FOUND)
    confirm(Text(said))


@plan_app.command("pause", cls=PlainCommand)
def plan_pause() -> None:
    """Pause the plan from today: no sessions are due, none is missed."""
    _change("pause")


@plan_app.command("resume", cls=PlainCommand)
def plan_resume() -> None:
    """Take the paused plan up again from today."""
    _change("resume")


@plan_app.command("end", cls=PlainCommand)
def plan_end() -> None:
    """End the plan today. The log keeps every session."""
    _change("end")


@plan_app.command("export", cls=PlainCommand)
def plan_export(
    ics: Annotated[
        str,
        typer.Option(
            "--ics", metavar="FILE", help=_("Write an iCalendar file (- for standard output).")
        ),
    ],
    at: Annotated[
        str,
        typer.Option(
            "--time",
            metavar="HH:MM",
            callback=lambda v: _time_of_day(v),
            help=_("The time of day of each session."),
        ),
    ] = "18:30",
    alarm: Annotated[
        int | None,
        typer.Option(
            metavar="MINUTES",
            callback=within(0, 1440),
            help=_("A reminder this many minutes before."),
        ),
    ] = 10,
) -> None:
    """Put the training days in your calendar: one weekly event per day, to the plan's end.
    Each says to run backfit today, which gives that day's doses."""
    from backfit.programme.calendar import EventText, plan_calendar
    from backfit.views.words import calendar as calendar_words

    current = current_plan()
    now = datetime.now().astimezone()
    # a later export must replace the earlier one in a calendar: its SEQUENCE is higher
    sequence = int((now - current.stored.created_at).total_seconds())
    text = EventText(
        summary=calendar_words.EVENT_SUMMARY,
        description=calendar_words.EVENT_DESCRIPTION.format(minutes=current.settings.minutes),
        alarm=calendar_words.ALARM_DESCRIPTION,
    )
    data = plan_calendar(
        current.settings, text=text, programme_id=current.stored.id, at=cast(time, at),
        alarm_minutes=alarm, sequence=max(0, sequence),
    )  # fmt: skip
    if ics == "-":
        sys.stdout.write(data.decode("utf-8"))
        return
    try:
        Path(ics).write_bytes(data)
    except OSError as error:
        from backfit.cli.exits import EXIT_OUTPUT
        from backfit.views.words import messages

        fail(messages.CANNOT_WRITE.format(file=ics, error=error.strerror or error), EXIT_OUTPUT)


@command("today", short_help=_("Today's session of your plan, or a rest day."))
def today_command(
    ctx: typer.Context,
    on: DayOption = None,
    as_json: JsonFlag = False,
    start: Annotated[
        bool, typer.Option("--start", help=_("Do today's session with the live coach."))
    ] = False,
    quiet: QuietFlag = False,
    speak: SpeakFlag = False,
    no_motion: NoMotionFlag = False,
    announce_every: AnnounceOption = ANNOUNCE_EVERY,
    catalog_file: CatalogOption = None,
) -> None:
    """What to do today in your plan: each exercise at today's dose and why, or a rest day;
    the walking goal; the day's lesson; and how your back was this morning. --start runs
    the session in the coach, as backfit start today does."""
    catalog = load(catalog_in_use(ctx, catalog_file))
    current = current_plan()
    when = on or datetime.now().astimezone().date()
    day = current.day(catalog, when)
    if day.ask_morning and not as_json and on_terminal():
        answer = _ask(ctx, "--morning", words.ASK_MORNING, str, words.MORNINGS)
        if answer != "skip":
            from backfit.journal.plans import CheckIn

            _save_checkin(CheckIn(when, morning=answer))
            current = current_plan()
            day = current.day(catalog, when)
    lesson, lessons = _lesson(day.lesson)
    if as_json:
        from backfit.views.lessons import lesson_data
        from backfit.views.programme import day_json

        data = None if lesson is None else lesson_data(lesson, lessons)
        return show_json(day_json(day, current.settings, catalog, data))
    from backfit.views.programme import render_day

    show(render_day(day, current.settings, catalog, lesson))
    if start and session_of(day):
        from backfit.cli.session import coach, coach_display
        from backfit.session.plan import plan_for

        entry = as_routine(day, catalog)
        plan = plan_for(entry, catalog)
        easier = plan_for(entry, catalog, easy=True)
        coach(
            entry,
            plan,
            catalog,
            easier=easier,
            despite_pain=False,
            quiet=quiet,
            speak=speak,
            display=coach_display(no_figure=False, still=no_motion, every=announce_every),
            in_plan=True,
        )


def _lesson(number: int) -> tuple[Any, Any]:
    """The day's lesson and all the lessons (for its sources); none before the plan."""
    from backfit.catalog.errors import CatalogError
    from backfit.catalog.lessons import lesson_for_day

    if number < 1:
        return None, None
    try:
        lessons = lessons_in_use()
    except CatalogError:  # the day's plan matters more than its lesson
        return None, None
    return lesson_for_day(lessons, number), lessons


@log_app.command("today", cls=PlainCommand)
def log_today(
    ctx: typer.Context,
    pain_before: PainBefore = None,
    pain_after: PainAfter = None,
    on: DayOption = None,
    again: Annotated[
        bool, typer.Option("--again", help=_("Log another session on a day that has one."))
    ] = False,
    catalog_file: CatalogOption = None,
) -> None:
    """Record today's session of your plan, done without the timer, at today's doses."""
    from backfit.journal.records import Pain, log_done
    from backfit.journal.store import journal_path
    from backfit.views.text import Text

    catalog = load(catalog_in_use(ctx, catalog_file))
    current = current_plan()
    when_day = on or datetime.now().astimezone().date()
    _not_ahead(ctx, when_day)
    day = current.day(catalog, when_day)
    if day.state == "hurt":  # a refusal for the back's sake, as start today's: not a usage error
        fail(words.HURT_NO_MORE, EXIT_NOT_FOUND)
    if not session_of(day):
        fail(words.NOTHING_TO_LOG, EXIT_NOT_FOUND)
    logged = [s for s in current.sessions if s.started_at.astimezone().date() == when_day]
    if day.done and not again:
        done = next(s for s in reversed(logged) if not s.abandoned)
        fail(words.ALREADY_LOGGED.format(id=done.id), EXIT_USAGE)
    entry = as_routine(day, catalog)
    now = datetime.now().astimezone()
    when = now if when_day == now.date() else datetime.combine(when_day, time(12)).astimezone()
    with log_errors():
        saved = log_done(
            journal_path(),
            entry,
            catalog,
            sets=None,
            reps=None,
            hold=None,
            pain=Pain(before=pain_before, after=pain_after, where=None),
            note=None,
            when=when,
            now=now,
        )
    from backfit.cli.session import pain_after_said
    from backfit.views.words import messages

    said = messages.logged(entry.name, saved.started_at.astimezone(), saved.id)
    about = pain_after_said(entry, catalog, before=pain_before, after=pain_after, in_plan=True)
    from rich.console import Group

    confirm(Group(Text(said), about) if about is not None else Text(said))


@command("checkin", short_help=_("Say how your back is: your plan listens."))
def checkin(
    ctx: typer.Context,
    morning: Annotated[
        Morning | None,
        choice_option(
            Morning, words.MORNINGS, help=_("How your back is this morning compared with usual.")
        ),
    ] = None,
    pain: Annotated[
        int | None,
        typer.Option(metavar="N", callback=within(0, 10), help=_("Your pain now, 0 to 10.")),
    ] = None,
    spreading: Annotated[
        bool,
        typer.Option(
            # i18n: safety
            "--spreading",
            help=_("Symptoms are spreading (further into a leg, or new areas)."),
        ),
    ] = False,
    red_flag: Annotated[
        bool,
        typer.Option(
            "--red-flag",
            # i18n: safety
            help=_("One of the warning signs in backfit safety applies: the plan stops."),
        ),
    ] = False,
    activity: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME=SCORE", help=_("An activity rated again, 0-10 (weekly; repeatable).")
        ),
    ] = None,
    confidence: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            callback=within(0, 10),
            help=_("How confident you are that you can manage your back, 0-10."),
        ),
    ] = None,
    on: DayOption = None,
) -> None:
    """Say how your back is: the morning after a session, symptoms spreading, a warning
    sign, or each week your activities rated again. Your next sessions change with it."""
    from backfit.views.text import Text

    activities = _activities(activity) or []
    if not (
        morning or pain is not None or spreading or red_flag or activities or confidence is not None
    ):
        raise CommandUsageError(words.CHECKIN_NEEDS, ctx=ctx)
    when = on or datetime.now().astimezone().date()
    _not_ahead(ctx, when)
    from backfit.journal.plans import CheckIn

    _save_checkin(
        CheckIn(when, morning.value if morning else None, pain, spreading, red_flag,
                     confidence, tuple(activities))
    )  # fmt: skip
    lines = [words.CHECKIN_SAVED.format(day=_date(when))]
    if red_flag:
        lines.append(words.CHECKIN_RED_FLAG)
    elif spreading:
        lines.append(words.CHECKIN_SPREADING)
    elif morning is Morning.WORSE:
        lines.append(words.CHECKIN_WORSE)
    if not red_flag:
        return confirm(Text("\n".join(lines)))
    from rich.console import Group

    from backfit.views.programme import red_flags

    catalog = load(catalog_in_use(ctx), builtin_if_broken=True)  # the advice, always
    confirm(Group(Text("\n".join(lines), style="bold"), red_flags(catalog)))


def _save_checkin(item: "CheckIn") -> None:
    from backfit.journal.plans import save_checkin
    from backfit.journal.store import journal_path

    with log_errors():
        save_checkin(journal_path(), item, now=datetime.now().astimezone())


def _not_ahead(ctx: typer.Context, day: date) -> None:
    """A session logged, or a check-in given, for a day still to come is a mistyped day:
    `log today --date tomorrow` said it logged Monday's session at the current time."""
    if day > datetime.now().astimezone().date():
        raise CommandUsageError(words.NOT_YET.format(day=_date(day)), ctx=ctx)


def _date(day: date) -> str:
    from backfit.views.words.dates import day_short_year

    return day_short_year(day)
