"""Training support (QĐ 46/2015, TT 152/2016, TT 55/2023 Art. 68): boundaries and rules."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError
from samples import trainee

from vnlabor.base.confidence import Confidence
from vnlabor.errors import ParameterNotInForce
from vnlabor.law import bundled_overlay, national
from vnlabor.law.overlay import Overlay
from vnlabor.model.course import Course, CourseLevel
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.model.trainee import Trainee
from vnlabor.programmes import (
    Outcome,
    SupportKind,
    TrainingCategory,
    is_eligible,
    training_support,
)

DAY = date(2024, 5, 1)
TT55 = date(2023, 8, 15)


def course(
    cost: int = 10_000_000, days: int = 30, level: CourseLevel = CourseLevel.UNDER_3_MONTHS
) -> Course:
    return Course(level=level, cost=cost, study_days=days)


def cap(name: str, on: date = DAY) -> int:
    return national().amount(f"training.cap.{name}", on)


# --- the design-contract example ----------------------------------------------------


def test_contract_example() -> None:
    t = Trainee(
        sex=Sex.FEMALE,
        rural=True,
        disabled=False,
        ethnic_minority=False,
        household_status=PovertyStatus.NEAR_POOR,
        newly_escaped=False,
        special_difficulty_area=False,
    )
    d = training_support(t, course(5_000_000, 30), on=DAY, distance_km=20)
    assert d.eligible is True
    assert d.category is TrainingCategory.NEAR_POOR
    assert (d.tuition, d.meals, d.travel, d.total) == (2_500_000, 900_000, 200_000, 3_600_000)
    assert d.total == sum(i.amount for i in d.items)
    assert {c.instrument for c in d.citations} >= {"152/2016/TT-BTC"}
    assert "2.500.000" in d.explain("vi")
    assert "2,500,000" in d.explain("en")


# --- caps by category ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "category", "expected"),
    [
        ({"disabled": True}, TrainingCategory.DISABLED, 6_000_000),
        (
            {"ethnic_minority": True, "household_status": PovertyStatus.POOR},
            TrainingCategory.POOR_ETHNIC_MINORITY,
            4_000_000,
        ),
        (
            {"special_difficulty_area": True, "household_status": PovertyStatus.POOR},
            TrainingCategory.POOR_SPECIAL_AREA,
            4_000_000,
        ),
        ({"ethnic_minority": True}, TrainingCategory.ETHNIC_MINORITY, 3_000_000),
        ({"merit": True}, TrainingCategory.MERIT, 3_000_000),
        ({"household_status": PovertyStatus.POOR}, TrainingCategory.POOR, 3_000_000),
        ({"land_recovered": True}, TrainingCategory.LAND_RECOVERED, 3_000_000),
        ({"sex": Sex.FEMALE, "laid_off": True}, TrainingCategory.LAID_OFF_WOMAN, 3_000_000),
        ({"fisher": True}, TrainingCategory.FISHER, 3_000_000),
        ({"household_status": PovertyStatus.NEAR_POOR}, TrainingCategory.NEAR_POOR, 2_500_000),
        ({"newly_escaped": True}, TrainingCategory.NEWLY_ESCAPED, 2_500_000),
        ({"low_income": True}, TrainingCategory.LOW_INCOME, 2_500_000),
        ({"sex": Sex.FEMALE, "rural": False}, TrainingCategory.WOMAN, 2_000_000),
        ({}, TrainingCategory.RURAL_WORKER, 2_000_000),
    ],
)
def test_cap_by_category(facts: dict[str, Any], category: TrainingCategory, expected: int) -> None:
    d = training_support(trainee(**facts), course(), on=DAY, distance_km=0)
    assert d.outcome is Outcome.ELIGIBLE
    assert d.category is category
    assert d.tuition == expected


def test_laid_off_man_is_not_a_laid_off_woman() -> None:
    d = training_support(trainee(laid_off=True), course(), on=DAY, distance_km=0)
    assert d.category is TrainingCategory.RURAL_WORKER


def test_highest_single_category_applies() -> None:
    t = trainee(disabled=True, household_status=PovertyStatus.POOR, ethnic_minority=True)
    d = training_support(t, course(), on=DAY, distance_km=0)
    assert d.category is TrainingCategory.DISABLED
    assert d.tuition == 6_000_000
    assert set(d.categories) >= {TrainingCategory.POOR, TrainingCategory.ETHNIC_MINORITY}
    assert len([i for i in d.items if i.kind is SupportKind.TUITION]) == 1


def test_urban_man_in_no_category_is_not_eligible() -> None:
    d = training_support(trainee(rural=False), course(), on=DAY, distance_km=30)
    assert d.eligible is False
    assert d.total == 0
    assert any(r.key == "programmes.reason.no_category" for r in d.reasons)


# --- tuition: exactly at the cap, one đồng over, below --------------------------------


@pytest.mark.parametrize(
    ("cost", "paid"),
    [(2_499_999, 2_499_999), (2_500_000, 2_500_000), (2_500_001, 2_500_000), (0, 0)],
)
def test_tuition_cap_boundary(cost: int, paid: int) -> None:
    t = trainee(household_status=PovertyStatus.NEAR_POOR)
    d = training_support(t, course(cost), on=DAY, distance_km=0)
    assert d.tuition == paid
    item = next(i for i in d.items if i.kind is SupportKind.TUITION)
    assert item.cap == 2_500_000
    assert item.actual_cost == cost


# --- meals -------------------------------------------------------------------------------


def test_meals_per_day_of_actual_study() -> None:
    t = trainee(household_status=PovertyStatus.POOR)
    d = training_support(t, course(days=17), on=DAY, distance_km=0)
    assert d.meals == 17 * national().amount("training.meals.per_day", DAY) == 510_000


def test_no_meals_for_other_rural_workers() -> None:
    d = training_support(trainee(), course(days=30), on=DAY, distance_km=100)
    assert d.meals == 0
    assert d.travel == 0
    assert any(r.key == "programmes.reason.no_meals" for r in d.reasons)


def test_fisher_alone_gets_no_meals_as_the_text_lists() -> None:
    d = training_support(trainee(fisher=True), course(), on=DAY, distance_km=0)
    assert d.meals == 0


# --- travel boundaries -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("distance", "paid"),
    [
        (Decimal("14.999"), 0),
        (15, 200_000),
        (15.0, 200_000),
        (Decimal("15"), 200_000),
        (40, 200_000),
        (4.999, 0),
        (5, 0),
    ],
)
def test_standard_travel_boundary(distance: Any, paid: int) -> None:
    t = trainee(household_status=PovertyStatus.POOR)
    assert training_support(t, course(), on=DAY, distance_km=distance).travel == paid


@pytest.mark.parametrize(
    ("facts", "distance", "paid"),
    [
        ({"disabled": True}, Decimal("4.999"), 0),
        ({"disabled": True}, 5, 300_000),
        ({"disabled": True}, 20, 300_000),
        (
            {"household_status": PovertyStatus.POOR, "special_difficulty_area": True},
            Decimal("4.999"),
            0,
        ),
        ({"household_status": PovertyStatus.POOR, "special_difficulty_area": True}, 5, 300_000),
        # A difficult (not ĐBKK) commune opens the same allowance (QĐ 46/2015 Art. 5.2).
        ({"household_status": PovertyStatus.POOR, "difficult_area": True}, Decimal("4.999"), 0),
        ({"household_status": PovertyStatus.POOR, "difficult_area": True}, 5, 300_000),
        # Neither: below the standard 15 km nothing, at 15 km the standard amount.
        ({"household_status": PovertyStatus.POOR}, 5, 0),
        ({"household_status": PovertyStatus.POOR}, 15, 200_000),
    ],
)
def test_special_travel_boundary(facts: dict[str, Any], distance: Any, paid: int) -> None:
    assert training_support(trainee(**facts), course(), on=DAY, distance_km=distance).travel == paid


def test_unknown_distance_leaves_travel_pending_not_zero() -> None:
    d = training_support(trainee(household_status=PovertyStatus.POOR), course(), on=DAY)
    assert d.outcome is Outcome.ELIGIBLE
    assert d.travel is None
    assert d.pending == (SupportKind.TRAVEL,)
    assert "distance_km" in d.missing
    assert d.tuition == 3_000_000
    assert not d.complete


def test_unknown_distance_does_not_matter_without_travel_entitlement() -> None:
    d = training_support(trainee(), course(), on=DAY)
    assert d.complete
    assert d.travel == 0


@pytest.mark.parametrize("bad", [float("nan"), -1, -0.001, Decimal("NaN"), float("inf")])
def test_bad_distance_rejected(bad: Any) -> None:
    with pytest.raises(ValueError, match="distance_km"):
        training_support(trainee(), course(), on=DAY, distance_km=bad)


def test_non_numeric_distance_rejected() -> None:
    with pytest.raises(TypeError, match="distance_km"):
        training_support(trainee(), course(), on=DAY, distance_km="20")  # type: ignore[arg-type]


def test_bad_course_rejected_by_the_model() -> None:
    with pytest.raises(ValidationError, match="vnd_negative"):
        Course(level=CourseLevel.UNDER_3_MONTHS, cost=-1)
    with pytest.raises(ValidationError, match="count_negative"):
        Course(level=CourseLevel.UNDER_3_MONTHS, cost=1, study_days=-1)


# --- Circular 55/2023 effective date ---------------------------------------------------


@pytest.mark.parametrize("facts", [{"newly_escaped": True}, {"low_income": True}])
def test_newly_escaped_and_low_income_from_tt55(facts: dict[str, Any]) -> None:
    t = trainee(rural=False, **facts)
    before = training_support(t, course(), on=TT55 - timedelta(days=1), distance_km=20)
    on_day = training_support(t, course(), on=TT55, distance_km=20)
    assert before.eligible is False
    assert any(r.key == "programmes.reason.category_not_in_force" for r in before.reasons)
    assert on_day.eligible is True
    assert on_day.tuition == 2_500_000
    assert on_day.meals == 30 * 30_000
    assert on_day.travel == 200_000


def test_newly_escaped_rural_worker_before_tt55_gets_rural_cap() -> None:
    t = trainee(newly_escaped=True)
    d = training_support(t, course(), on=TT55 - timedelta(days=1), distance_km=0)
    assert d.category is TrainingCategory.RURAL_WORKER
    assert d.tuition == 2_000_000


def test_before_the_policy_raises_not_in_force() -> None:
    with pytest.raises(ParameterNotInForce):
        training_support(trainee(), course(), on=date(2015, 12, 31))


# --- scope, once-only, age ---------------------------------------------------------------


@pytest.mark.parametrize("level", [CourseLevel.INTERMEDIATE, CourseLevel.COLLEGE])
def test_other_levels_not_covered(level: CourseLevel) -> None:
    d = training_support(trainee(disabled=True), course(level=level), on=DAY, distance_km=0)
    assert d.outcome is Outcome.NOT_ELIGIBLE
    assert d.reasons[0].key == "programmes.reason.level_not_covered"


def test_elementary_covered() -> None:
    d = training_support(trainee(), course(level=CourseLevel.ELEMENTARY), on=DAY, distance_km=0)
    assert d.eligible


def test_once_per_person() -> None:
    d = training_support(trainee(previous_supports=1), course(), on=DAY, distance_km=0)
    assert d.eligible is False
    assert d.reasons[0].key == "programmes.reason.already_supported"


@pytest.mark.parametrize(("previous", "eligible"), [(1, True), (2, True), (3, False)])
def test_repeat_after_objective_job_loss(previous: int, eligible: bool) -> None:
    t = trainee(previous_supports=previous, lost_job_objectively=True)
    assert training_support(t, course(), on=DAY, distance_km=0).eligible is eligible


@pytest.mark.parametrize(
    ("sex", "born", "outcome"),
    [
        (Sex.MALE, date(2009, 5, 2), Outcome.NOT_ELIGIBLE),  # 14 the day before his birthday
        (Sex.MALE, date(2009, 5, 1), Outcome.ELIGIBLE),  # 15 today
        (Sex.MALE, date(1963, 5, 2), Outcome.ELIGIBLE),  # 60
        (Sex.MALE, date(1963, 5, 1), Outcome.NOT_ELIGIBLE),  # 61 today
        (Sex.FEMALE, date(1968, 5, 2), Outcome.ELIGIBLE),  # 55
        (Sex.FEMALE, date(1968, 5, 1), Outcome.NOT_ELIGIBLE),  # 56
        (None, date(1966, 1, 1), Outcome.UNDETERMINED),  # 58: depends on sex
    ],
)
def test_working_age(sex: Sex | None, born: date, outcome: Outcome) -> None:
    t = trainee(sex=sex, birth_date=born, rural=True)
    d = training_support(t, course(), on=DAY, distance_km=0)
    assert d.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        assert d.missing == ("sex",)


def test_age_not_checked_without_birth_date_is_said() -> None:
    d = training_support(trainee(), course(), on=DAY, distance_km=0)
    assert any(r.key == "programmes.reason.age_not_checked" for r in d.reasons)


# --- unknown facts ----------------------------------------------------------------------


def test_all_unknown_is_undetermined_not_no() -> None:
    d = training_support(Trainee(), course(), on=DAY, distance_km=0)
    assert d.outcome is Outcome.UNDETERMINED
    assert d.eligible is None
    assert d.tuition is None
    assert "household_status" in d.missing
    assert d.items == ()


def test_unknown_fact_that_cannot_matter_is_not_missing() -> None:
    t = Trainee(sex=Sex.MALE, disabled=True, household_status=PovertyStatus.POOR)
    d = training_support(t, course(), on=DAY, distance_km=20)
    assert d.outcome is Outcome.ELIGIBLE
    assert d.missing == ()
    assert d.total == 6_000_000 + 30 * 30_000 + 300_000


def test_unknown_household_status_names_it() -> None:
    d = training_support(trainee(household_status=None), course(), on=DAY, distance_km=0)
    assert d.outcome is Outcome.UNDETERMINED
    assert "household_status" in d.missing


def test_unknown_special_area_matters_when_it_changes_money() -> None:
    # Poor: a ĐBKK commune raises the cap to 4M, whatever the distance.
    t = trainee(household_status=PovertyStatus.POOR, special_difficulty_area=None)
    assert training_support(t, course(), on=DAY, distance_km=0).outcome is Outcome.UNDETERMINED
    # Near-poor: it only changes travel, and only from 5 km.
    t2 = trainee(household_status=PovertyStatus.NEAR_POOR, special_difficulty_area=None)
    assert training_support(t2, course(), on=DAY, distance_km=Decimal("4.999")).complete
    for km in (5, 10, 20):
        d = training_support(t2, course(), on=DAY, distance_km=km)
        assert d.missing == ("special_difficulty_area",)


# --- predicate ----------------------------------------------------------------------------


def test_is_eligible_never_raises() -> None:
    assert is_eligible(training_support, trainee(), course(), on=DAY, distance_km=0) is True
    assert is_eligible(training_support, Trainee(), course(), on=DAY) is None
    assert is_eligible(training_support, trainee(), course(), on=DAY, distance_km=math.nan) is None
    assert is_eligible(training_support, trainee(), course(), on=date(2000, 1, 1)) is None


# --- confidence ----------------------------------------------------------------------------


def test_partly_confirmed_figures_are_surfaced_from_2026() -> None:
    # Decision 46/2015 / Circular 152/2016 figures are confirmed to 31/12/2025 and only
    # probable from 01/01/2026 (Laws 124/2025/QH15 and 74/2025/QH15 may replace them).
    poor = trainee(household_status=PovertyStatus.POOR)
    last = training_support(poor, course(), on=date(2025, 12, 31), distance_km=20)
    assert last.confidence is Confidence.CONFIRMED
    assert not any(r.key == "programmes.reason.figure_not_confirmed" for r in last.reasons)
    d = training_support(poor, course(), on=date(2026, 1, 1), distance_km=20)
    assert (d.tuition, d.meals, d.travel) == (last.tuition, last.meals, last.travel)
    assert d.confidence is Confidence.PARTLY_CONFIRMED
    assert {p.name for p in d.unconfirmed} >= {
        "training.cap.priority_group",
        "training.meals.per_day",
        "training.travel.standard",
    }
    assert any(r.key == "programmes.reason.figure_not_confirmed" for r in d.reasons)
    assert "[P:" in d.explain("en")


def test_parameters_used_carry_values_and_citations() -> None:
    d = training_support(
        trainee(household_status=PovertyStatus.NEAR_POOR), course(), on=DAY, distance_km=0
    )
    used = {p.name: p.value for p in d.parameters}
    assert used["training.cap.near_poor"] == 2_500_000
    assert "training.cap.disabled" not in used


# --- provincial overlay (Hanoi 69/2024) ----------------------------------------------------


def hanoi() -> Any:
    return national().with_overlay(bundled_overlay("hanoi-69-2024"))


def test_hanoi_pays_its_level_and_cites_both() -> None:
    d = training_support(
        trainee(disabled=True), course(), on=date(2025, 1, 1), distance_km=0, law=hanoi()
    )
    assert d.tuition == 6_000_000
    instruments = {c.instrument for c in d.citations}
    assert {"152/2016/TT-BTC", "69/2024/QĐ-UBND-HN"} <= instruments
    tuition = next(i for i in d.items if i.kind is SupportKind.TUITION)
    assert tuition.provincial_citation is not None
    # The decision remembers its book; one loaded from JSON falls back to national.
    assert d.law is not None
    assert d.law.overlays == ("hanoi-69-2024",)
    assert d.explain("vi") == d.explain("vi", law=d.law)
    assert type(d).model_validate_json(d.model_dump_json()).law is None


def test_hanoi_excludes_land_recovered() -> None:
    t = trainee(land_recovered=True)
    national_d = training_support(t, course(), on=date(2025, 1, 1), distance_km=0)
    hanoi_d = training_support(t, course(), on=date(2025, 1, 1), distance_km=0, law=hanoi())
    assert national_d.tuition == 3_000_000
    assert national_d.meals == 30 * 30_000
    assert hanoi_d.category is TrainingCategory.RURAL_WORKER
    assert hanoi_d.tuition == 2_000_000
    assert hanoi_d.meals == 0
    assert any(r.key == "programmes.reason.category_excluded" for r in hanoi_d.reasons)


def test_hanoi_not_before_it_takes_effect() -> None:
    t = trainee(land_recovered=True)
    d = training_support(t, course(), on=date(2024, 12, 18), distance_km=0, law=hanoi())
    assert d.tuition == 3_000_000


PROVINCE = """
[overlay]
key = "test-province"
name = {{ vi = "Tỉnh thử", en = "Test province" }}

[instruments."test-qd"]
kind = "decision"
number = "1/2025/QĐ-UBND"
issuer = {{ vi = "UBND tỉnh thử", en = "Test PC" }}
title = {{ vi = "thử", en = "test" }}
confidence = "C"

[parameters."training.provincial.cap.near_poor"]
description = {{ vi = "x", en = "x" }}
unit = "VND/person/course"
covers = {{ from = 2025-01-01 }}

[[parameters."training.provincial.cap.near_poor".values]]
from = 2025-01-01
value = {level}
cite = {{ instrument = "test-qd", article = "2", confidence = "C" }}
"""


@pytest.mark.parametrize(("level", "paid"), [(1_800_000, 1_800_000), (2_700_000, 2_500_000)])
def test_provincial_level_never_above_national_cap(level: int, paid: int) -> None:
    book = national().with_overlay(Overlay.from_toml(PROVINCE.format(level=level)))
    t = trainee(household_status=PovertyStatus.NEAR_POOR, rural=False)
    d = training_support(t, course(), on=date(2025, 3, 1), distance_km=0, law=book)
    assert d.tuition == paid
    assert d.category is TrainingCategory.NEAR_POOR
    keys = {r.key for r in d.reasons}
    expected = (
        "programmes.reason.provincial_above_cap"
        if level > 2_500_000
        else "programmes.reason.provincial_level"
    )
    assert expected in keys


def test_a_low_provincial_level_lets_a_better_category_win() -> None:
    book = national().with_overlay(Overlay.from_toml(PROVINCE.format(level=1_800_000)))
    t = trainee(household_status=PovertyStatus.NEAR_POOR, rural=True)
    d = training_support(t, course(), on=date(2025, 3, 1), distance_km=0, law=book)
    assert d.category is TrainingCategory.RURAL_WORKER
    assert d.tuition == 2_000_000
    assert d.meals == 30 * 30_000  # still a member of a near-poor household


# --- fishers on large-vessel courses (QĐ 46/2015: 100% of the cost) -------------------------


def test_fisher_on_a_large_vessel_course_is_paid_the_whole_cost() -> None:
    t = trainee(fisher=True)
    big = course(cost=12_000_000).model_copy(update={"large_fishing_vessel": True})
    d = training_support(t, big, on=DAY, distance_km=0)
    assert d.tuition == 12_000_000
    tuition = next(i for i in d.items if i.kind is SupportKind.TUITION)
    assert tuition.cap is None
    assert tuition.parameter == "training.fisher_vessel.cost_share_percent"
    assert any(r.key == "programmes.reason.fisher_vessel" for r in d.reasons)
    # The same course for a non-fisher, and a normal course for the fisher, keep the cap.
    other = training_support(trainee(), big, on=DAY, distance_km=0).tuition
    assert other is not None
    assert other < 12_000_000
    normal = course(cost=12_000_000)
    assert training_support(t, normal, on=DAY, distance_km=0).tuition == 3_000_000


def test_fisher_vessel_rule_matters_only_above_the_cap() -> None:
    # Under the cap both rules pay the actual cost: no fact is missing, no special reason.
    small = course(cost=2_000_000).model_copy(update={"large_fishing_vessel": None})
    d = training_support(trainee(fisher=True), small, on=DAY, distance_km=0)
    assert d.eligible
    assert d.tuition == 2_000_000
    assert not any(r.key == "programmes.reason.fisher_vessel" for r in d.reasons)


@pytest.mark.parametrize(
    ("fisher", "vessel", "missing"),
    [(True, None, "large_fishing_vessel"), (None, True, "fisher")],
)
def test_unknown_fisher_or_vessel_leaves_the_decision_undetermined(
    fisher: bool | None, vessel: bool | None, missing: str
) -> None:
    big = course(cost=12_000_000).model_copy(update={"large_fishing_vessel": vessel})
    d = training_support(trainee(fisher=fisher), big, on=DAY, distance_km=0)
    assert d.outcome is Outcome.UNDETERMINED
    assert missing in d.missing
