"""The catalog's domain model: what a valid catalog is, with no I/O.

Every model is frozen and forbids unknown fields, so a typo in the YAML is an error
rather than a silently ignored key. (No `from __future__ import annotations` here:
pydantic builds these classes faster from real annotations than from strings, and
every run of backfit builds them.) The kinds of value are in `fields.py`. What spans
the whole catalog (names, links, cited sources: `links.py`) or needs validated parts
(build-ups, changed doses, poses: `coherence.py`) the loader checks beside validation.
"""

from functools import cached_property
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from backfit.catalog.conditions import Condition
from backfit.catalog.fields import (
    Count,
    Days,
    Flag,
    Label,
    Model,
    Prose,
    Reps,
    Seconds,
    Sets,
    Slug,
    SourceId,
    Weeks,
    Year,
    https_url,
    pain_range,
)
from backfit.catalog.levels import Level
from backfit.catalog.poses import Pose
from backfit.catalog.roles import Role

MOST_STEPS = 6  # what a printed sheet shows, and what a person keeps in mind while moving


class Source(Model):
    """A publication an entry's facts come from. `year` is when it was published, or for a
    web page that is kept up to date, the year its content was last checked."""

    title: Prose
    publisher: Label
    year: Year | None = None
    url: (
        Annotated[
            str,
            AfterValidator(https_url),
            WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"}),
        ]
        | None
    ) = None


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
    alternate: Flag = False  # per side, the sides taken in turn within each set of reps
    halfway: Prose | None = None  # what to change halfway through each set of holds
    finish: Prose | None = None  # a last hold after the sets, done as this says
    note: Prose | None = None

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Self:
        if self.reps is None and self.hold_seconds is None:
            raise ValueError("a dose needs reps, hold_seconds, or both")
        if isinstance(self.reps, tuple) and len(self.reps) != self.sets:
            raise ValueError(
                f"reps lists {len(self.reps)} numbers, one per set, but sets is {self.sets}"
            )
        if self.alternate and not self.per_side:
            raise ValueError("alternate takes the sides in turn: it needs per_side")
        if (self.halfway or self.finish) and self.hold_seconds is None:
            raise ValueError("halfway and finish go with holds: they need hold_seconds")
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
        # a model's fields as they are (iterating it), not model_dump: the dump would build
        # the serializers of both models, which nothing else in a run may need
        changed = {field: value for field, value in self if value is not None}
        return Dose.model_validate({**dict(dose), **changed})


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


class BuildUp(Model):
    """How to progress an exercise, as data the coach and the progress advice can read:
    begin at `start`, add `add` every `every_days` days while the pain after each session
    is back to its usual level by the next morning (the pain rule), never past `ceiling`,
    and keep going for at least `weeks` weeks."""

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
    role: Role | None = None  # what part of a session it plays, for a programme
    position: Position | None = None
    equipment: Annotated[tuple[Label, ...], Field(min_length=1)]
    muscles: Muscles
    dose: Dose
    build_up: BuildUp | None = None
    benefits: Annotated[tuple[Prose, ...], Field(min_length=1)]
    steps: Annotated[tuple[Prose, ...], Field(min_length=1, max_length=MOST_STEPS)]
    cautions: Annotated[tuple[Prose, ...], Field(min_length=1)]
    stop_if: tuple[Prose, ...] = ()  # only what is particular to it: the pain rule is in safety
    mistakes: tuple[Prose, ...] = ()
    easier: tuple[Slug, ...] = ()
    harder: tuple[Slug, ...] = ()
    care: Care | None = None
    # The highest zone of the pain rule this exercise is for: "go" keeps it for days when
    # pain is low, and the pain gate will not start it (or a routine holding it) above that.
    pain_up_to: Literal["go", "caution"] = "caution"
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
        AfterValidator(pain_range),
        WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}(-\d{1,2}|\+)?$"}),
    ]
    zone: Literal["go", "caution", "stop"]
    meaning: Prose

    @cached_property
    def scores(self) -> tuple[int, int]:
        """The lowest and highest score in the band; '6+' runs to 10. Worked out once: the
        plan asks for every session's every score."""
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
        pain rule: with 0-2 go, 3-5 caution, 6+ stop that is (2, 6)."""
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
    sources: dict[SourceId, Source] = Field(default_factory=dict)
    exercises: tuple[Exercise, ...] = ()
    routines: tuple[Routine, ...] = ()


class Catalog(Model):
    """The whole catalog. The loader makes sure its links resolve and its parts cohere
    (`links`, `coherence`): build one through `load_catalog`."""

    title: Label
    disclaimer: Prose
    license: Prose
    benefits: Benefits
    safety: Safety
    sources: Annotated[dict[SourceId, Source], Field(min_length=1)]
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1)]
    routines: tuple[Routine, ...] = ()

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
