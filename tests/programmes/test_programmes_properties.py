"""Properties of the training rule over generated trainees, courses and distances."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from vnlabor.law import national
from vnlabor.model.course import Course, CourseLevel
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.model.trainee import Trainee
from vnlabor.programmes import Outcome, SupportKind, training_support

CAPS = (
    "disabled",
    "poor_ethnic_minority_or_special_area",
    "priority_group",
    "near_poor",
    "other_women_rural",
)
BOOLS = (
    "rural",
    "disabled",
    "ethnic_minority",
    "newly_escaped",
    "special_difficulty_area",
    "merit",
    "land_recovered",
    "laid_off",
    "fisher",
    "low_income",
)
STATUS_RANK = {
    PovertyStatus.NON_POOR: 0,
    PovertyStatus.AVERAGE_LIVING_STANDARD: 0,
    PovertyStatus.NEAR_POOR: 1,
    PovertyStatus.POOR: 2,
}

# The classes a list records (UNDETERMINED is read as unknown, like None).
LIST_STATUSES = [s for s in PovertyStatus if s is not PovertyStatus.UNDETERMINED]
days = st.dates(min_value=date(2016, 1, 1), max_value=date(2026, 12, 31))
facts = st.fixed_dictionaries(
    {name: st.booleans() for name in BOOLS}
    | {"sex": st.sampled_from(Sex), "household_status": st.sampled_from(LIST_STATUSES)}
)
courses = st.builds(
    Course,
    level=st.sampled_from([CourseLevel.ELEMENTARY, CourseLevel.UNDER_3_MONTHS]),
    cost=st.integers(0, 20_000_000),
    study_days=st.integers(0, 365),
)
distances = st.one_of(
    st.integers(0, 100),
    st.decimals(min_value=0, max_value=100, allow_nan=False, allow_infinity=False, places=3),
    st.floats(min_value=0, max_value=100, allow_nan=False),
)


@settings(max_examples=200, deadline=None)
@given(facts=facts, course=courses, on=days, distance=distances)
def test_amounts_within_caps_and_total_is_sum(
    facts: dict[str, Any], course: Course, on: date, distance: int | Decimal | float
) -> None:
    d = training_support(Trainee(**facts), course, on=on, distance_km=distance)
    assert d.outcome is not Outcome.UNDETERMINED  # every fact is known
    assert d.total == sum(i.amount for i in d.items)
    assert isinstance(d.total, int)
    book = national()
    top_cap = max(book.amount(f"training.cap.{c}", on) for c in CAPS)
    for item in d.items:
        assert item.amount >= 0
        if item.cap is not None:
            assert item.amount <= item.cap
        if item.actual_cost is not None:
            assert item.amount <= item.actual_cost
        if item.kind is SupportKind.TUITION:
            assert item.amount <= min(course.cost, top_cap)
        if item.kind is SupportKind.MEALS:
            assert item.amount == course.study_days * book.amount("training.meals.per_day", on)
    assert len({i.kind for i in d.items}) == len(d.items)


def _raise(facts: dict[str, Any], name: str) -> dict[str, Any] | None:
    if name == "sex":
        return None if facts["sex"] is Sex.FEMALE else facts | {"sex": Sex.FEMALE}
    if name == "household_status":
        rank = STATUS_RANK[facts["household_status"]]
        if rank == 2:
            return None
        return facts | {"household_status": [PovertyStatus.NEAR_POOR, PovertyStatus.POOR][rank]}
    return None if facts[name] else facts | {name: True}


@settings(max_examples=200, deadline=None)
@given(
    facts=facts,
    name=st.sampled_from([*BOOLS, "sex", "household_status"]),
    course=courses,
    on=days,
    distance=distances,
)
def test_adding_a_priority_attribute_never_lowers_support(
    facts: dict[str, Any], name: str, course: Course, on: date, distance: int | Decimal | float
) -> None:
    more = _raise(facts, name)
    if more is None:
        return
    before = training_support(Trainee(**facts), course, on=on, distance_km=distance)
    after = training_support(Trainee(**more), course, on=on, distance_km=distance)
    assert after.total >= before.total
    for kind in SupportKind:
        assert (after.amount(kind) or 0) >= (before.amount(kind) or 0)


@settings(max_examples=100, deadline=None)
@given(
    facts=st.fixed_dictionaries(
        {name: st.one_of(st.none(), st.booleans()) for name in BOOLS}
        | {
            "sex": st.one_of(st.none(), st.sampled_from(Sex)),
            "household_status": st.one_of(st.none(), st.sampled_from(LIST_STATUSES)),
        }
    ),
    course=courses,
    on=days,
    distance=distances,
)
def test_undetermined_names_only_unknown_facts(
    facts: dict[str, Any], course: Course, on: date, distance: int
) -> None:
    d = training_support(Trainee(**facts), course, on=on, distance_km=distance)
    unknown = {k for k, v in facts.items() if v is None}
    assert set(d.missing) <= unknown
    if d.outcome is Outcome.UNDETERMINED:
        assert d.missing
        assert d.items == ()
        assert d.eligible is None
