"""Working abroad under contract: groups, items, travel, loans."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from vnlabor.errors import ParameterNotInForce
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.worker import Worker
from vnlabor.programmes import (
    AbroadCosts,
    AbroadGroup,
    Lender,
    Outcome,
    SupportKind,
    abroad_loan,
    abroad_support,
    is_eligible,
)

DAY = date(2024, 3, 1)
ALL = AbroadCosts(
    vocational_training=5_000_000,
    foreign_language=5_000_000,
    training_days=90,
    lodging_months=3,
    personal_items=True,
    passport=200_000,
    visa=1_500_000,
    criminal_record=200_000,
    health_check=900_000,
)


def worker(**kw: Any) -> Worker:
    base: dict[str, Any] = {
        "ethnic_minority": False,
        "household_status": PovertyStatus.NON_POOR,
        "ethnic_minority_area": False,
        "poor_area": False,
    }
    return Worker(**(base | kw))


def items(d: Any) -> dict[SupportKind, int]:
    return {i.kind: i.amount for i in d.items}


def test_full_tier_items() -> None:
    w = worker(ethnic_minority=True, household_status=PovertyStatus.POOR, ethnic_minority_area=True)
    d = abroad_support(w, ALL, on=DAY, distance_km=20)
    assert d.group is AbroadGroup.ART_25_1_A
    assert items(d) == {
        SupportKind.TUITION: 4_000_000,
        SupportKind.FOREIGN_LANGUAGE: 4_000_000,
        SupportKind.MEALS: 90 * 50_000,
        SupportKind.LODGING: 3 * 400_000,
        SupportKind.PERSONAL_ITEMS: 600_000,
        SupportKind.TRAVEL: 200_000,
        SupportKind.PASSPORT: 200_000,
        SupportKind.VISA: 1_500_000,
        SupportKind.CRIMINAL_RECORD: 200_000,
        SupportKind.HEALTH_CHECK: 750_000,
    }
    assert d.total == sum(items(d).values())


def test_ethnic_minority_not_poor_gets_3m_vocational() -> None:
    w = worker(ethnic_minority=True, ethnic_minority_area=True)
    d = abroad_support(w, ALL, on=DAY, distance_km=0)
    assert items(d)[SupportKind.TUITION] == 3_000_000


def test_near_poor_reduced_tier_70_percent_language() -> None:
    w = worker(household_status=PovertyStatus.NEAR_POOR, ethnic_minority_area=True)
    d = abroad_support(w, ALL, on=DAY, distance_km=0)
    assert d.group is AbroadGroup.ART_25_1_B
    assert items(d)[SupportKind.TUITION] == 2_500_000
    assert items(d)[SupportKind.FOREIGN_LANGUAGE] == 2_800_000


def test_newly_escaped_in_poor_area() -> None:
    w = worker(newly_escaped=True, poor_area=True)
    d = abroad_support(w, ALL, on=DAY, distance_km=0)
    assert d.group is AbroadGroup.ART_69_2
    # The window "newly escaped" stands for is a credit rule applied by analogy: said.
    assert any(r.key == "poverty.reason.newly_escaped_window" for r in d.reasons)
    assert "credit rule" in d.explain("en")
    assert "28/2015/QĐ-TTg" in d.explain("en")
    near_poor = worker(household_status=PovertyStatus.NEAR_POOR, poor_area=True)
    d = abroad_support(near_poor, ALL, on=DAY, distance_km=0)
    assert d.group is AbroadGroup.ART_69_2
    assert not any(r.key == "poverty.reason.newly_escaped_window" for r in d.reasons)


@pytest.mark.parametrize(
    ("day", "transitional"), [(date(2026, 5, 30), False), (date(2026, 5, 31), True)]
)
def test_circular_55_rates_after_30_05_2026_cite_the_transition(
    day: date, transitional: bool
) -> None:
    w = worker(ethnic_minority=True, household_status=PovertyStatus.POOR, ethnic_minority_area=True)
    d = abroad_support(w, ALL, on=day, distance_km=20)
    assert items(d)[SupportKind.FOREIGN_LANGUAGE] == 4_000_000
    lang = next(p for p in d.parameters if p.name == "abroad.language.cap")
    assert lang.citation.confidence.value == "C"
    assert (lang.citation.applied_by is not None) is transitional
    assert any(r.key == "programmes.reason.transitional" for r in d.reasons) is transitional


@pytest.mark.parametrize(
    ("day", "confirmed"), [(date(2025, 12, 31), True), (date(2026, 1, 1), False)]
)
def test_loans_confirmed_to_2025_probable_from_2026(day: date, confirmed: bool) -> None:
    loan = abroad_loan(worker(household_status=PovertyStatus.POOR), 120_000_000, on=day)
    assert loan.max_loan == 120_000_000
    assert loan.collateral_required is True
    cite = next(p for p in loan.parameters if p.name == "abroad.loan.max_percent").citation
    assert (cite.instrument, cite.article) == ("74/2019/NĐ-CP", "1")
    assert (loan.confidence.value == "C") is confirmed
    assert any(r.key == "programmes.reason.figure_not_confirmed" for r in loan.reasons) is (
        not confirmed
    )


def test_other_worker_in_poor_area_basic_tier() -> None:
    d = abroad_support(worker(poor_area=True), ALL, on=DAY, distance_km=50)
    assert d.group is AbroadGroup.ART_69_3
    assert items(d) == {SupportKind.TUITION: 2_000_000, SupportKind.FOREIGN_LANGUAGE: 2_000_000}
    assert d.complete


def test_outside_the_areas_not_eligible() -> None:
    d = abroad_support(worker(ethnic_minority=True), ALL, on=DAY, distance_km=0)
    assert d.outcome is Outcome.NOT_ELIGIBLE


@pytest.mark.parametrize(
    ("special", "km", "paid"),
    [
        (False, 14.999, 0),
        (False, 15, 200_000),
        (True, 9.999, 0),
        (True, 10, 300_000),
        (True, 30, 300_000),
    ],
)
def test_travel_boundaries(special: bool, km: float, paid: int) -> None:
    w = worker(household_status=PovertyStatus.POOR, poor_area=True, special_difficulty_area=special)
    d = abroad_support(w, AbroadCosts(), on=DAY, distance_km=km)
    assert d.amount(SupportKind.TRAVEL) == paid


def test_unknown_distance_pending() -> None:
    w = worker(household_status=PovertyStatus.POOR, poor_area=True)
    d = abroad_support(w, AbroadCosts(), on=DAY)
    assert d.eligible is True
    assert d.pending == (SupportKind.TRAVEL,)
    assert d.amount(SupportKind.TRAVEL) is None


def test_unknown_area_undetermined() -> None:
    d = abroad_support(Worker(household_status=PovertyStatus.POOR), ALL, on=DAY, distance_km=0)
    assert d.outcome is Outcome.UNDETERMINED
    assert set(d.missing) <= {"ethnic_minority_area", "poor_area", "ethnic_minority"}
    assert d.missing


def test_under_18_not_eligible() -> None:
    w = worker(poor_area=True, birth_date=date(2006, 3, 2))
    assert abroad_support(w, ALL, on=DAY, distance_km=0).eligible is False
    w = worker(poor_area=True, birth_date=date(2006, 3, 1))
    assert abroad_support(w, ALL, on=DAY, distance_km=0).eligible is True


def test_only_encoded_from_tt55() -> None:
    w = worker(poor_area=True)
    with pytest.raises(ParameterNotInForce):
        abroad_support(w, ALL, on=date(2023, 8, 15) - timedelta(days=1))
    assert is_eligible(abroad_support, w, ALL, on=date(2023, 8, 14)) is None
    assert abroad_support(w, ALL, on=date(2023, 8, 15), distance_km=0).eligible


@pytest.mark.parametrize("bad", [float("nan"), -5])
def test_bad_distance(bad: float) -> None:
    with pytest.raises(ValueError, match="distance_km"):
        abroad_support(worker(poor_area=True), ALL, on=DAY, distance_km=bad)


# --- loans ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "lender"),
    [
        ({"household_status": PovertyStatus.POOR}, Lender.VBSP),
        ({"land_recovered": True}, Lender.VBSP),
        ({"ethnic_minority": True}, Lender.VBSP),
        ({"household_status": PovertyStatus.NEAR_POOR}, Lender.NATIONAL_EMPLOYMENT_FUND),
        ({"merit_relative": True}, Lender.NATIONAL_EMPLOYMENT_FUND),
        ({}, None),
    ],
)
def test_lender(facts: dict[str, Any], lender: Lender | None) -> None:
    d = abroad_loan(worker(**facts), 80_000_000, on=DAY)
    assert d.lender is lender
    assert d.eligible is (lender is not None)


@pytest.mark.parametrize(
    ("costs", "collateral"), [(99_999_999, False), (100_000_000, True), (150_000_000, True)]
)
def test_collateral_threshold(costs: int, collateral: bool) -> None:
    d = abroad_loan(worker(household_status=PovertyStatus.POOR), costs, on=DAY)
    assert d.max_loan == costs
    assert d.collateral_required is collateral


def test_loan_undetermined_and_bad_input() -> None:
    d = abroad_loan(
        Worker(household_status=PovertyStatus.NEAR_POOR, land_recovered=None), 1, on=DAY
    )
    assert d.outcome is Outcome.UNDETERMINED
    assert d.missing == ("land_recovered", "ethnic_minority")
    with pytest.raises(ValueError, match="contract_costs"):
        abroad_loan(worker(), -1, on=DAY)
    with pytest.raises(ParameterNotInForce):
        abroad_loan(worker(household_status=PovertyStatus.POOR), 1, on=date(2019, 11, 7))
