"""The shipped catalog's content, checked the way a physiotherapist would review it: every
exercise complete, progressions one plausible step at a time, stop signs that agree with the
pain rule, routines that do not make people get up and down for nothing, every source cited
and dated, and the README's routine times the ones the tool shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from backfit.catalog.conditions import Condition
from backfit.catalog.levels import Level
from backfit.catalog.loader import builtin_catalog_path, load_catalog
from backfit.catalog.models import Exercise, Routine
from backfit.session.plan import plan_for
from backfit.views.words.doses import format_about

CATALOG = load_catalog(builtin_catalog_path())
README = Path(__file__).resolve().parents[2] / "README.md"
EXERCISES = {e.slug: e for e in CATALOG.exercises}
# No exercise in the catalog is an easier or harder form of these: a glide moves a nerve.
STANDALONE = {"sciatic-nerve-glide"}
FLOOR = {"back", "front", "side", "kneeling"}  # the rest are upright: seated, standing, walking


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.slug)
def test_every_exercise_is_complete(exercise: Exercise) -> None:
    missing = [
        key
        for key in ("position", "build_up", "care", "mistakes", "steps", "cautions")
        if not getattr(exercise, key)
    ]
    assert not missing, f"{exercise.slug} lacks {', '.join(missing)}"
    if exercise.slug not in STANDALONE:
        assert exercise.easier or exercise.harder, f"{exercise.slug} links to no variant"
    assert exercise.sources
    assert exercise.care is not None
    assert [c for c, _ in exercise.care.notes()] == list(Condition), exercise.slug
    assert exercise.build_up is not None and exercise.build_up.sources, exercise.slug


def _rank(slug: str) -> int:
    return list(Level).index(EXERCISES[slug].level)


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.slug)
def test_links_are_one_step_and_point_the_right_way(exercise: Exercise) -> None:
    here = _rank(exercise.slug)
    for slug in exercise.harder:
        assert 0 <= _rank(slug) - here <= 1, f"{exercise.slug} → harder {slug} skips a level"
        assert exercise.slug not in EXERCISES[slug].harder, f"{slug} and {exercise.slug}"
    for slug in exercise.easier:
        assert 0 <= here - _rank(slug) <= 1, f"{exercise.slug} → easier {slug} skips a level"
        assert exercise.slug not in EXERCISES[slug].easier, f"{slug} and {exercise.slug}"


@pytest.mark.parametrize("direction", ["easier", "harder"])
def test_following_links_one_way_never_comes_back(direction: str) -> None:
    def visit(slug: str, path: tuple[str, ...]) -> None:
        assert slug not in path, f"{direction} links loop: {' → '.join((*path, slug))}"
        for link in getattr(EXERCISES[slug], direction):
            visit(link, (*path, slug))

    for slug in EXERCISES:
        visit(slug, ())


def test_the_pain_rule_has_zones_and_a_leg_stop_sign() -> None:
    safety = CATALOG.safety
    assert [level.zone for level in safety.pain_rule] == ["go", "caution", "stop"]
    assert any("leg" in sign and "numbness" in sign for sign in safety.stop_always)
    assert safety.outlook


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.slug)
def test_stop_if_never_restates_the_pain_rule(exercise: Exercise) -> None:
    """One pain rule, held in `safety`: an exercise's stop_if lists only what is particular
    to it, never a pain score, a general worse-or-new-pain stop or a stop_always sign."""
    for reason in exercise.stop_if:
        lowered = reason.lower()
        assert "/10" not in reason, f"{exercise.slug}: {reason}"
        assert "new pain" not in lowered and "symptoms worse" not in lowered, exercise.slug
        assert reason not in CATALOG.safety.stop_always, f"{exercise.slug}: {reason}"
        assert "spreads down a leg" not in lowered, f"{exercise.slug}: {reason}"


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.slug)
def test_every_link_has_its_link_back(exercise: Exercise) -> None:
    """An easier link is answered by a harder link back, and the other way round."""
    for slug in exercise.easier:
        assert exercise.slug in EXERCISES[slug].harder, f"{slug} lacks harder {exercise.slug}"
    for slug in exercise.harder:
        assert exercise.slug in EXERCISES[slug].easier, f"{slug} lacks easier {exercise.slug}"


def test_build_ups_never_name_a_pain_score_of_their_own() -> None:
    """The build-up adds more only by the pain rule's next-morning test, never its own band."""
    notes = {e.slug: e.build_up.note for e in CATALOG.exercises if e.build_up and e.build_up.note}
    assert not [slug for slug, note in notes.items() if "/10" in note]


def _runs(kinds: list[str]) -> list[str]:
    return [kind for i, kind in enumerate(kinds) if i == 0 or kinds[i - 1] != kind]


@pytest.mark.parametrize("routine", CATALOG.routines, ids=lambda r: r.slug)
def test_routines_keep_people_in_one_position_as_long_as_they_can(routine: Routine) -> None:
    """After the first exercise (a warm-up may be anywhere), each position comes in one run,
    and so do the floor and upright groups: no getting down, up and down again."""
    positions = [EXERCISES[item.exercise].position or "" for item in routine.exercises]
    rest = positions[1:]
    for kinds in (rest, ["floor" if p in FLOOR else "up" for p in rest]):
        runs = _runs(kinds)
        assert len(runs) == len(set(runs)), f"{routine.slug}: {positions}"


def test_every_source_is_cited_and_every_citation_has_a_source() -> None:
    cited = CATALOG.citations()
    assert [source for source, by in cited.items() if not by] == []
    citing = [*CATALOG.benefits.sources, *CATALOG.safety.sources]
    for e in CATALOG.exercises:
        citing += [*e.sources, *(e.build_up.sources if e.build_up else ())]
    for r in CATALOG.routines:
        citing += r.sources
    assert set(citing) <= set(CATALOG.sources)


def test_every_source_has_a_year_and_books_aside_an_address() -> None:
    for source_id, source in CATALOG.sources.items():
        assert source.year is not None, source_id
        assert source.url or source.publisher == "Stuart McGill", source_id


def test_the_readme_gives_each_routine_the_time_the_tool_shows() -> None:
    table = dict(
        re.findall(r"^\| `([a-z0-9-]+)` \| .* \| (about \d+ min) \|$", README.read_text(), re.M)
    )
    for routine in CATALOG.routines:
        shown = format_about(plan_for(routine, CATALOG).total_seconds)
        assert table.get(routine.slug) == shown, routine.slug


@pytest.mark.parametrize("routine", CATALOG.routines, ids=lambda r: r.slug)
def test_routines_start_each_exercise_at_its_build_up_start(routine: Routine) -> None:
    """A routine is where people begin: each exercise at the first step of its build-up (a
    first cat-camel is a warm-up, which may take a cycle or two more)."""
    for n, (exercise, dose) in enumerate(CATALOG.doses_of(routine)):
        if n == 0 and exercise.slug == "cat-camel":
            continue
        start = exercise.build_up.start if exercise.build_up else None
        for field in ("sets", "reps", "hold_seconds"):
            first = getattr(start, field, None)
            got = getattr(dose, field)
            if first is not None and isinstance(got, tuple) and not isinstance(first, tuple):
                got = got[0] if len(set(got)) == 1 else got
            assert first is None or got == first, f"{routine.slug}: {exercise.slug} {field}"


def test_gentle_mobility_includes_knee_rolls() -> None:
    routine = CATALOG.find("gentle-mobility")
    assert isinstance(routine, Routine)
    assert "knee-rolls" in [item.exercise for item in routine.exercises]


def test_a_routine_that_names_an_exercise_holds_it_or_says_how_to_start_it() -> None:
    """An audience line that sends people on to an exercise must say how to reach it."""
    for routine in CATALOG.routines:
        held = {item.exercise for item in routine.exercises}
        for exercise in CATALOG.exercises:
            named = f"full {exercise.name.lower()}" in routine.audience.lower()
            if named and exercise.slug not in held:
                assert f"backfit start {exercise.slug}" in routine.audience, routine.slug


def test_the_swallow_fly_says_what_the_catalog_holds() -> None:
    fly, lift = EXERCISES["swallow-fly"], EXERCISES["prone-leg-lift"]
    assert not any("most demanding" in c for c in fly.cautions)  # the deadlift loads more
    assert not any("same back muscles" in c for c in fly.cautions)
    assert "rest briefly, for a breath or two" in fly.steps[-1]  # the coach relaxes 3 s
    assert lift.muscles.primary == ("glutes",)
    assert not any("arms by your sides" in step for step in lift.steps)  # the head is on the hands


def test_flexion_stretches_are_care_for_sciatica_and_the_curl_up_watches_for_doming() -> None:
    for slug in ("knee-to-chest", "childs-pose", "bottom-to-heels"):
        note = EXERCISES[slug].care_for(Condition.SCIATICA)
        assert note is not None and note.verdict == "care", slug
    pregnancy = EXERCISES["mcgill-curl-up"].care_for(Condition.PREGNANCY)
    assert pregnancy is not None and "dome" in pregnancy.note


def test_the_deadlift_evidence_is_one_trial_of_70() -> None:
    text = " ".join(EXERCISES["bent-leg-deadlift"].cautions)
    assert "both trials" not in text
    assert "one randomised trial of 70 people" in text and "2.5 points against 4.2" in text


def test_citations_carry_the_claims_they_are_cited_for() -> None:
    """A source is cited only where it says what the entry says."""
    assert "berglund-2015" not in EXERCISES["hip-hinge-dowel"].sources  # no dowel drill there
    assert "nhs-inform" not in EXERCISES["glute-bridge"].sources  # no bridge there
    assert {"mayo-back", "cuh-back-mobility"} <= set(EXERCISES["glute-bridge"].sources)
    lunge = EXERCISES["kneeling-hip-flexor-stretch"].sources
    assert "nhs-inform" not in lunge and {"csp-back", "versus-arthritis-back"} <= set(lunge)
    assert not {"nhs-inform", "csp-back"} & set(EXERCISES["childs-pose"].sources)
    # The CSP says to keep going 6 to 8 weeks, nothing about each build-up's steps.
    builds = [e.slug for e in CATALOG.exercises if e.build_up and "csp-back" in e.build_up.sources]
    assert builds == []
    assert "csp-back" in CATALOG.safety.sources


def test_knee_rolls_stay_within_the_nhs_8_to_10_rolls() -> None:
    rolls = EXERCISES["knee-rolls"]
    assert rolls.build_up is not None and rolls.dose.per_side
    assert rolls.build_up.ceiling.reps == 5  # 5 each side: 10 in all, the NHS's most


def test_the_desk_break_stays_off_the_floor_and_takes_five_minutes_at_most() -> None:
    routine = CATALOG.find("desk-break")
    assert isinstance(routine, Routine)
    assert all(EXERCISES[i.exercise].position not in FLOOR for i in routine.exercises)
    assert plan_for(routine, CATALOG).total_seconds <= 5 * 60
    assert "five-minute" not in routine.purpose  # the tool shows the real length


def test_the_sciatica_routine_holds_only_exercises_that_suit_sciatica() -> None:
    routine = CATALOG.find("sciatica-gentle")
    assert isinstance(routine, Routine)
    for item in routine.exercises:
        note = EXERCISES[item.exercise].care_for(Condition.SCIATICA)
        assert note is not None and note.verdict in ("suits", "care"), item.exercise
