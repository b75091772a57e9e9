"""The catalog's domain model: what a valid catalog is, with no I/O.

Every model is frozen and forbids unknown fields, so a typo in the YAML is an error
rather than a silently ignored key. (No `from __future__ import annotations` here:
pydantic builds these classes faster from real annotations than from strings, and
every run of backfit builds them.) Checks that span the whole catalog (duplicate
slugs, links between exercises, cited sources) live on `Catalog` and report the
exact location of each problem.
"""

import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from backfit.catalog.conditions import Condition
from backfit.catalog.errors import first_reason
from backfit.catalog.levels import Level
from backfit.catalog.poses import Pose
from backfit.text_safety import first_unsafe


def _printable(text: str) -> str:
    """Refuse characters a terminal would act on instead of print (ESC, bidi overrides, ...)."""
    position = first_unsafe(text, allowed="\n\t")
    if position is not None:
        raise PydanticCustomError(
            "control_character",
            "contains the control character U+{code} at position {position}",
            {"code": f"{ord(text[position]):04X}", "position": position + 1},
        )
    return text


def _prose(text: str) -> str:
    text = _printable(text.strip())
    if not text:
        raise PydanticCustomError("empty", "must not be empty")
    return text


def _label(text: str) -> str:
    text = _prose(text)
    if len(text) > 80:
        raise PydanticCustomError(
            "too_long", "must be at most 80 characters, not {n}", {"n": len(text)}
        )
    return text


# Plain validator functions rather than pydantic's constraint types: importing those
# (pydantic.types, annotated_types) costs more start-up time than the checks themselves.
Prose = Annotated[str, AfterValidator(_prose), WithJsonSchema({"type": "string", "minLength": 1})]
Label = Annotated[
    str,
    AfterValidator(_label),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 80}),
]
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _slug(text: str) -> str:
    if not (_SLUG.fullmatch(text) and len(text) <= 60):
        raise PydanticCustomError(
            "slug",
            "'{text}' is not a valid id: use up to 60 lowercase letters, digits and single "
            "hyphens, like 'bird-dog'",
            {"text": text[:60]},
        )
    return text


Slug = Annotated[
    str,
    AfterValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": f"^{_SLUG.pattern}$", "maxLength": 60}),
]
SourceId = Slug


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _https(url: str) -> str:
    if not re.fullmatch(r"https://[^\s/]+\S*", url):
        raise PydanticCustomError("url", "must be a web address starting with https://")
    return _printable(url)


def _pain_range(text: str) -> str:
    if not re.fullmatch(r"\d{1,2}(-\d{1,2}|\+)?", text):
        raise PydanticCustomError("pain_range", "must be a pain score or range, like '0-3' or '6+'")
    return text


Year = Annotated[int, Field(strict=True, ge=1800, le=2100)]


class Source(Model):
    """A publication an entry's facts come from. `year` is when it was published, or for a
    web page that is kept up to date, the year its content was last checked."""

    title: Prose
    publisher: Label
    year: Year | None = None
    url: (
        Annotated[
            str,
            AfterValidator(_https),
            WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"}),
        ]
        | None
    ) = None


Sets = Annotated[int, Field(strict=True, gt=0, le=20)]
Count = Annotated[int, Field(strict=True, gt=0, le=100)]
Reps = Count | Annotated[tuple[Count, ...], Field(min_length=1, max_length=20)]
Seconds = Annotated[int, Field(strict=True, gt=0, le=600)]
Flag = Annotated[bool, Field(strict=True)]


class Dose(Model):
    """How much: sets of reps, of holds, or of reps that each end in a hold.

    `reps` is one number for every set, or a list with one number per set, as in
    McGill's descending pyramid [6, 4, 2].
    """

    sets: Sets
    reps: Reps | None = None
    hold_seconds: Seconds | None = None
    rest_seconds: Seconds
    per_side: Flag = False
    note: Prose | None = None

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Self:
        if self.reps is None and self.hold_seconds is None:
            raise ValueError("a dose needs reps, hold_seconds, or both")
        if isinstance(self.reps, tuple) and len(self.reps) != self.sets:
            raise ValueError(
                f"reps lists {len(self.reps)} numbers, one per set, but sets is {self.sets}"
            )
        return self

    def reps_in_set(self, number: int) -> int:
        """Repetitions in set `number` (from 1); a pure hold counts as one."""
        if self.reps is None:
            return 1
        return self.reps[number - 1] if isinstance(self.reps, tuple) else self.reps


class DoseOverride(Model):
    """A change to an exercise's usual dose: only the keys given replace it, and a null
    (as in the JSON export) changes nothing, so an exported exercise reads back the same."""

    sets: Sets | None = None
    reps: Reps | None = None
    hold_seconds: Seconds | None = None
    rest_seconds: Seconds | None = None
    per_side: Flag | None = None
    note: Prose | None = None

    def apply(self, dose: Dose) -> Dose:
        return Dose.model_validate({**dose.model_dump(), **self.model_dump(exclude_none=True)})


class Increment(Model):
    """What one step of a build-up adds: to the sets, or to every set's reps or hold."""

    sets: Sets | None = None
    reps: Count | None = None
    hold_seconds: Seconds | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if self.sets is None and self.reps is None and self.hold_seconds is None:
            raise ValueError("add needs sets, reps or hold_seconds")
        return self


Days = Annotated[int, Field(strict=True, gt=0, le=60)]
Weeks = Annotated[int, Field(strict=True, gt=0, le=52)]


class BuildUp(Model):
    """How to progress an exercise, as data the coach and the progress advice can read:
    begin at `start`, add `add` every `every_days` days while pain stays out of the stop
    zone, never past `ceiling`, and keep going for at least `weeks` weeks."""

    start: DoseOverride
    add: Increment
    every_days: Days
    ceiling: DoseOverride
    weeks: Weeks
    note: Prose | None = None
    sources: tuple[SourceId, ...] = ()


Position = Literal["back", "front", "side", "kneeling", "seated", "standing", "walking"]
Verdict = Literal["suits", "care", "avoid"]


class CareNote(Model):
    verdict: Verdict
    note: Prose


class Care(Model):
    """Who should take care with an exercise, and how."""

    pregnancy: CareNote | None = None
    surgery: CareNote | None = None
    osteoporosis: CareNote | None = None
    sciatica: CareNote | None = None

    def notes(self) -> list[tuple[Condition, CareNote]]:
        return [(c, n) for c in Condition if (n := getattr(self, c.value)) is not None]


class Muscles(Model):
    primary: Annotated[tuple[Label, ...], Field(min_length=1)]
    secondary: tuple[Label, ...] = ()


class Exercise(Model):
    """One exercise, with everything a person needs to do it safely."""

    slug: Slug
    name: Label
    aliases: tuple[Label, ...] = ()
    summary: Prose
    level: Level
    position: Position | None = None
    equipment: Annotated[tuple[Label, ...], Field(min_length=1)]
    muscles: Muscles
    dose: Dose
    build_up: BuildUp | None = None
    benefits: Annotated[tuple[Prose, ...], Field(min_length=1)]
    steps: Annotated[tuple[Prose, ...], Field(min_length=1)]
    cautions: Annotated[tuple[Prose, ...], Field(min_length=1)]
    stop_if: Annotated[tuple[Prose, ...], Field(min_length=1)]
    mistakes: tuple[Prose, ...] = ()
    easier: tuple[Slug, ...] = ()
    harder: tuple[Slug, ...] = ()
    care: Care | None = None
    pose: Pose | None = None
    sources: Annotated[tuple[SourceId, ...], Field(min_length=1)]

    def care_for(self, condition: Condition) -> CareNote | None:
        return getattr(self.care, condition.value) if self.care is not None else None


class Benefits(Model):
    """Why training the lower back is worth it, said without promising a cure."""

    summary: Prose
    points: Annotated[tuple[Prose, ...], Field(min_length=1)]
    sources: Annotated[tuple[SourceId, ...], Field(min_length=1)]


class PainLevel(Model):
    range: Annotated[
        str,
        AfterValidator(_pain_range),
        WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}(-\d{1,2}|\+)?$"}),
    ]
    zone: Literal["go", "caution", "stop"]
    meaning: Prose

    @property
    def scores(self) -> tuple[int, int]:
        """The lowest and highest score in the band; '6+' runs to 10."""
        low, _, high = self.range.replace("+", "-10").partition("-")
        return int(low), int(high or low)


ZONES = ("go", "caution", "stop")


class Safety(Model):
    """When to stop exercising and get help, and how to judge pain while training."""

    outlook: Prose | None = None

    emergency: Annotated[tuple[Prose, ...], Field(min_length=1)]
    see_doctor: Annotated[tuple[Prose, ...], Field(min_length=1)]
    pain_rule: Annotated[tuple[PainLevel, ...], Field(min_length=1)]
    stop_always: tuple[Prose, ...] = ()
    general: Annotated[tuple[Prose, ...], Field(min_length=1)]
    sources: Annotated[tuple[SourceId, ...], Field(min_length=1)]

    @field_validator("pain_rule")
    @classmethod
    def _zones_in_order(cls, rule: tuple[PainLevel, ...]) -> tuple[PainLevel, ...]:
        zones = [ZONES.index(level.zone) for level in rule]
        if zones != sorted(zones) or "stop" not in {level.zone for level in rule}:
            raise ValueError("the zones must run from go to caution to stop, with a stop zone")
        return rule

    def pain_limits(self) -> tuple[int, int]:
        """(highest pain that is fine, lowest pain that means stop), from the zones of the
        pain rule: with 0-3 go, 4-5 caution, 6+ stop that is (3, 6)."""
        stop = next(level.scores[0] for level in self.pain_rule if level.zone == "stop")
        fine = max((lv.scores[1] for lv in self.pain_rule if lv.zone == "go"), default=-1)
        return fine, stop


class RoutineItem(Model):
    exercise: Slug
    dose: DoseOverride | None = None


class Routine(Model):
    """An ordered set of exercises to do in one session."""

    slug: Slug
    name: Label
    purpose: Prose
    audience: Prose
    exercises: Annotated[tuple[RoutineItem, ...], Field(min_length=1)]
    sources: Annotated[tuple[SourceId, ...], Field(min_length=1)]


class CatalogExtension(Model):
    """A user catalog: more sources, exercises and routines on top of the built-in ones.
    Links between them are checked once the two are merged."""

    extends: Literal["builtin"]
    sources: dict[SourceId, Source] = {}
    exercises: tuple[Exercise, ...] = ()
    routines: tuple[Routine, ...] = ()


class Catalog(Model):
    """The whole catalog; valid only when every link inside it resolves."""

    title: Label
    disclaimer: Prose
    license: Prose
    benefits: Benefits
    safety: Safety
    sources: Annotated[dict[SourceId, Source], Field(min_length=1)]
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1)]
    routines: tuple[Routine, ...] = ()

    @model_validator(mode="after")
    def _links_resolve(self, info: ValidationInfo) -> Self:
        # A cached copy was checked when it was written: its poses need no second check.
        checked = isinstance(info.context, dict) and info.context.get("checked", False)
        problems = list(_link_problems(self, poses=not checked))
        if problems:
            raise ValidationError.from_exception_data("Catalog", problems)
        return self

    def find(self, name: str) -> Exercise | Routine | None:
        """The exercise or routine called `name` (slug, name or alias), ignoring case and
        punctuation; the catalog's checks make sure that at most one matches."""
        exact = next((entry for entry in self.entries if entry.slug == name), None)
        if exact is not None:  # the usual case, and much cheaper than normalising every name
            return exact
        wanted = normalise(name)
        for entry in self.entries:
            if wanted in {normalise(n) for n in names(entry)}:
                return entry
        return None

    @property
    def entries(self) -> tuple[Exercise | Routine, ...]:
        return (*self.exercises, *self.routines)

    def exercise(self, slug: str) -> Exercise:
        return next(e for e in self.exercises if e.slug == slug)

    def citations(self) -> dict[str, list[str]]:
        """Each source id, in catalog order, with the entries that cite it: 'benefits',
        'safety', and the slugs of exercises (their build-up included) and routines."""
        cited: dict[str, list[str]] = {source_id: [] for source_id in self.sources}
        citing: list[tuple[str, tuple[str, ...]]] = [
            ("benefits", self.benefits.sources),
            ("safety", self.safety.sources),
        ]
        for e in self.exercises:
            citing.append((e.slug, (*e.sources, *(e.build_up.sources if e.build_up else ()))))
        citing += [(r.slug, r.sources) for r in self.routines]
        for entry, ids in citing:
            for source_id in dict.fromkeys(ids):
                cited[source_id].append(entry)
        return cited

    def doses_of(self, entry: Exercise | Routine) -> list[tuple[Exercise, Dose]]:
        """Each exercise of a routine with the dose it has there; an exercise alone at its
        usual dose."""
        if isinstance(entry, Exercise):
            return [(entry, entry.dose)]
        routine = entry
        return [
            (e := self.exercise(item.exercise), item.dose.apply(e.dose) if item.dose else e.dose)
            for item in routine.exercises
        ]


def names(entry: Exercise | Routine) -> tuple[str, ...]:
    """Every name `entry` answers to: slug, name and any aliases."""
    aliases = entry.aliases if isinstance(entry, Exercise) else ()
    return (entry.slug, entry.name, *aliases)


def normalise(name: str) -> str:
    """'Bird Dog', 'bird_dog', 'BIRD-DOG' and 'birddog' all become 'birddog': names are
    told apart ignoring case, spaces and punctuation."""
    return "".join(c for c in name.casefold() if c.isalnum())


def _problem(
    loc: tuple[str | int, ...],
    message: str,
    value: object,
    first: tuple[str | int, ...] | None = None,
) -> InitErrorDetails:
    """A located problem; `first` is where a duplicated value was first seen."""
    context: dict[str, object] = {"message": message}
    if first is not None:
        context["first"] = first
    error = PydanticCustomError("catalog", "{message}", context)
    return InitErrorDetails(type=error, loc=loc, input=value)


def _link_problems(catalog: Catalog, *, poses: bool = True) -> list[InitErrorDetails]:
    problems: list[InitErrorDetails] = []
    claimed: dict[str, tuple[str | int, ...]] = {}  # normalised name -> where it was first seen
    entries: list[tuple[str, int, Exercise | Routine]]
    entries = [("exercises", i, e) for i, e in enumerate(catalog.exercises)]
    entries += [("routines", i, r) for i, r in enumerate(catalog.routines)]
    for kind, i, entry in entries:
        names: list[tuple[tuple[str | int, ...], str]] = [
            (("slug",), entry.slug),
            (("name",), entry.name),
        ]
        if isinstance(entry, Exercise):
            names += [(("aliases", j), alias) for j, alias in enumerate(entry.aliases)]
        for field, value in names:
            loc = (kind, i, *field)
            first = claimed.setdefault(normalise(value), loc)
            if first[:2] != (kind, i):
                owner = getattr(catalog, str(first[0]))[int(first[1])].slug
                message = f"'{value}' is already the slug, name or alias of '{owner}'"
                problems.append(_problem(loc, message, value, first))
            elif first != loc and field[0] == "aliases":
                message = f"the alias '{value}' repeats this exercise's slug, name or an alias"
                problems.append(_problem(loc, message, value, first))
    slugs = {e.slug for e in catalog.exercises}
    for i, exercise in enumerate(catalog.exercises):
        for link_field in ("easier", "harder"):
            for j, link in enumerate(getattr(exercise, link_field)):
                loc = ("exercises", i, link_field, j)
                if link == exercise.slug:
                    problems.append(_problem(loc, "an exercise cannot link to itself", link))
                elif link not in slugs:
                    others = slugs - {exercise.slug}
                    problems.append(_problem(loc, _no_exercise(link, others), link))
        problems += _source_problems(catalog, ("exercises", i), exercise.sources)
        if exercise.build_up is not None:
            where = ("exercises", i, "build_up")
            problems += _source_problems(catalog, where, exercise.build_up.sources)
            problems += _build_up_problems(where, exercise.dose, exercise.build_up)
        if poses and exercise.pose is not None:
            where = ("exercises", i, "pose")
            problems += [_problem((*where, *loc), m, None) for loc, m in exercise.pose.problems()]
    for i, routine in enumerate(catalog.routines):
        problems += _routine_problems(catalog, i, routine, slugs)
    problems += _source_problems(catalog, ("benefits",), catalog.benefits.sources)
    problems += _source_problems(catalog, ("safety",), catalog.safety.sources)
    return problems


def _routine_problems(
    catalog: Catalog, i: int, routine: Routine, slugs: set[str]
) -> list[InitErrorDetails]:
    problems = _source_problems(catalog, ("routines", i), routine.sources)
    for j, item in enumerate(routine.exercises):
        loc: tuple[str | int, ...] = ("routines", i, "exercises", j)
        if item.exercise not in slugs:
            message = _no_exercise(item.exercise, slugs)
            problems.append(_problem((*loc, "exercise"), message, item.exercise))
        elif item.dose is not None:
            try:
                item.dose.apply(catalog.exercise(item.exercise).dose)
            except ValidationError as error:
                reason = first_reason(error)
                message = f"with this change the dose of '{item.exercise}' is invalid: {reason}"
                problems.append(_problem((*loc, "dose"), message, None))
    return problems


def _build_up_problems(
    where: tuple[str | int, ...], dose: Dose, build_up: BuildUp
) -> list[InitErrorDetails]:
    """The start and the ceiling must each make a valid dose, the start may not be above the
    ceiling, and a dose with one number of reps per set cannot grow by whole sets."""
    problems: list[InitErrorDetails] = []
    ends: dict[str, Dose] = {}
    for end in ("start", "ceiling"):
        try:
            ends[end] = getattr(build_up, end).apply(dose)
        except ValidationError as error:
            message = f"with this {end} the dose is invalid: {first_reason(error)}"
            problems.append(_problem((*where, end), message, None))
    if len(ends) == 2:
        start, ceiling = ends["start"], ends["ceiling"]
        for key in ("sets", "reps", "hold_seconds"):
            low, high = _per_set(start, key), _per_set(ceiling, key)
            if low and high and any(a > b for a, b in zip(low, high, strict=False)):
                message = f"the start's {key} is above the ceiling's"
                problems.append(_problem((*where, "start", key), message, None))
        if build_up.add.sets is not None and isinstance(start.reps, tuple):
            message = "cannot add whole sets to a dose that lists reps set by set"
            problems.append(_problem((*where, "add", "sets"), message, None))
    return problems


def _per_set(dose: Dose, key: str) -> tuple[int, ...]:
    value = getattr(dose, key)
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,) * (dose.sets if key == "reps" else 1)


def _source_problems(
    catalog: Catalog, where: tuple[str | int, ...], cited: tuple[str, ...]
) -> list[InitErrorDetails]:
    return [
        _problem((*where, "sources", j), _no_source(source, catalog.sources), source)
        for j, source in enumerate(cited)
        if source not in catalog.sources
    ]


def _no_exercise(link: str, slugs: Iterable[str]) -> str:
    return f"no exercise has the slug '{link}'{_did_you_mean(link, slugs)}"


def _no_source(source: str, ids: Iterable[str]) -> str:
    return f"no source has the id '{source}'{_did_you_mean(source, ids)}"


def _did_you_mean(typed: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(typed, [k for k in known if isinstance(k, str)], n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def unresolved_links(data: object) -> ValidationError | None:
    """The broken links in catalog data whose other fields did not validate, checked as far
    as its shape allows: `Catalog` checks links only once every field is valid, and
    `validate` should list every problem in one run, not in rounds."""
    if not isinstance(data, dict):
        return None

    def listed(value: object) -> list[Any]:
        return value if isinstance(value, list) else []

    def mapping(value: object) -> dict[str, Any]:
        return value if isinstance(value, dict) else {}

    exercises = [mapping(e) for e in listed(data.get("exercises"))]
    slugs = {e["slug"] for e in exercises if isinstance(e.get("slug"), str)}
    ids = set(data["sources"]) if isinstance(data.get("sources"), dict) else None
    problems: list[InitErrorDetails] = []

    def cited(where: tuple[str | int, ...], value: object) -> None:
        for j, source in enumerate(listed(value)):
            if ids is not None and isinstance(source, str) and source not in ids:
                problems.append(_problem((*where, "sources", j), _no_source(source, ids), source))

    for i, exercise in enumerate(exercises):
        for field in ("easier", "harder"):
            for j, link in enumerate(listed(exercise.get(field))):
                if isinstance(link, str) and link not in slugs and link != exercise.get("slug"):
                    loc: tuple[str | int, ...] = ("exercises", i, field, j)
                    others = slugs - {exercise.get("slug")}
                    problems.append(_problem(loc, _no_exercise(link, others), link))
        cited(("exercises", i), exercise.get("sources"))
        cited(("exercises", i, "build_up"), mapping(exercise.get("build_up")).get("sources"))
    for i, routine in enumerate(mapping(r) for r in listed(data.get("routines"))):
        for j, item in enumerate(mapping(x) for x in listed(routine.get("exercises"))):
            link = item.get("exercise")
            if isinstance(link, str) and link not in slugs:
                loc = ("routines", i, "exercises", j, "exercise")
                problems.append(_problem(loc, _no_exercise(link, slugs), link))
        cited(("routines", i), routine.get("sources"))
    for part in ("benefits", "safety"):
        cited((part,), mapping(data.get(part)).get("sources"))
    return ValidationError.from_exception_data("Catalog", problems) if problems else None
