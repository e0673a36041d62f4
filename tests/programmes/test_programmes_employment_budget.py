"""Job connection, counsellors' fees, budgets and the decision record itself."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter
from samples import trainee

from vnlabor.base.confidence import Confidence
from vnlabor.errors import ParameterNotInForce
from vnlabor.l10n.labels import message_keys, message_placeholders
from vnlabor.law import national
from vnlabor.model.course import Course, CourseLevel
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.trainee import Trainee
from vnlabor.model.worker import Worker
from vnlabor.programmes import (
    AbroadCosts,
    AnyDecision,
    Budget,
    CounsellorMonth,
    JobPlacement,
    Outcome,
    SupportKind,
    TrainingCategory,
    TrainingDecision,
    abroad_loan,
    abroad_support,
    abroad_support_employment_law,
    counsellor_fees,
    job_connection_support,
    training_support,
)

DAY = date(2024, 6, 1)


def test_job_connection_without_a_provincial_price_pays_the_cap() -> None:
    d = job_connection_support(JobPlacement(contract_signed=True), on=DAY)
    assert d.eligible is True
    assert d.total == 400_000  # Circular 55/2023 Art. 72: up to 400,000 per worker
    assert d.items[0].cap == 400_000
    assert not any(r.key == "programmes.reason.service_price" for r in d.reasons)


@pytest.mark.parametrize("price", [0, 399_999, 400_000, 400_001, 500_000])
def test_job_connection_pays_the_provincial_price_in_place_of_the_cap(price: int) -> None:
    # Art. 72: where the province has issued a price for the service, that price is
    # paid. It replaces the cap: a price above 400,000 is paid in full, not cut to it.
    d = job_connection_support(JobPlacement(contract_signed=True, service_price=price), on=DAY)
    assert d.eligible is True
    assert d.total == price
    assert d.items[0].cap is None
    reason = next(r for r in d.reasons if r.key == "programmes.reason.service_price")
    assert reason.values == {"price_vnd": price, "cap_vnd": 400_000}
    assert reason.citation is not None
    assert reason.citation.article == "72"
    assert "55/2023/TT-BTC" in d.explain("en")
    assert "Art. 72" in d.explain("en")


def test_job_connection_contract_example() -> None:
    placement = JobPlacement(contract_signed=True, service_price=500_000)
    assert job_connection_support(placement, on=DAY).total == 500_000


@pytest.mark.parametrize(
    ("day", "transitional"),
    [(date(2026, 5, 30), False), (date(2026, 5, 31), True), (date(2026, 12, 31), True)],
)
def test_job_connection_from_31_05_2026_for_extended_tasks_only(
    day: date, transitional: bool
) -> None:
    d = job_connection_support(JobPlacement(contract_signed=True), on=day)
    assert d.total == 400_000
    assert d.confidence is Confidence.CONFIRMED  # C in both periods (Circular 60/2026 Art. 21.1)
    keys = [r.key for r in d.reasons]
    assert ("programmes.reason.transitional" in keys) is transitional
    if transitional:
        assert "60/2026/TT-BTC" in d.explain("en")
        assert "Art. 21(1)" in d.explain("en")
    with pytest.raises(ParameterNotInForce):
        job_connection_support(JobPlacement(contract_signed=True), on=date(2027, 1, 1))


def test_job_connection_needs_contract_and_no_double_funding() -> None:
    assert job_connection_support(JobPlacement(contract_signed=False), on=DAY).eligible is False
    d = job_connection_support(JobPlacement(contract_signed=None), on=DAY)
    assert d.outcome is Outcome.UNDETERMINED
    assert d.missing == ("contract_signed",)
    funded = JobPlacement(contract_signed=True, unemployment_insurance_funded=True)
    assert job_connection_support(funded, on=DAY).eligible is False


@pytest.mark.parametrize(
    ("sessions", "fee", "paid"),
    [
        (10, 50_000, 500_000),
        (10, 50_001, 500_000),
        (11, 50_000, 500_000),
        (9, 60_000, 450_000),
        (0, 50_000, 0),
    ],
)
def test_counsellor_caps(sessions: int, fee: int, paid: int) -> None:
    d = counsellor_fees(CounsellorMonth(sessions=sessions, fee_per_session=fee), on=DAY)
    assert d.total == paid


def test_counsellor_rejects_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        CounsellorMonth(sessions=-1, fee_per_session=1)


# --- budget -----------------------------------------------------------------------------


def test_budget_totals_exact_by_item_and_category() -> None:
    course = Course(level=CourseLevel.UNDER_3_MONTHS, cost=3_000_000, study_days=40)
    people = [
        trainee(disabled=True),
        trainee(household_status=PovertyStatus.POOR),
        trainee(household_status=PovertyStatus.POOR),
        trainee(),
        trainee(household_status=None),
        trainee(rural=False),
    ]
    decisions = [training_support(t, course, on=DAY, distance_km=20) for t in people]
    b = Budget.of(decisions)
    assert (b.cases, b.not_eligible, b.undetermined, b.incomplete) == (4, 1, 1, 0)
    assert b.total == sum(d.total for d in decisions)
    assert b.items[SupportKind.TUITION] == 3_000_000 * 3 + 2_000_000
    assert b.items[SupportKind.MEALS] == 3 * 40 * 30_000
    assert b.items[SupportKind.TRAVEL] == 300_000 + 2 * 200_000
    lines = {line.category: line for line in b.by_category}
    assert lines[TrainingCategory.POOR].cases == 2
    assert lines[TrainingCategory.POOR].total == 2 * (3_000_000 + 1_200_000 + 200_000)
    assert sum(line.total for line in b.by_category) == b.total
    text = b.explain("vi")
    assert "4 trường hợp" in text
    assert "Eligible cases: 4;" in b.explain("en")


def test_budget_of_nothing() -> None:
    b = Budget.of([])
    assert (b.cases, b.total, b.by_category) == (0, 0, ())


def test_budget_counts_pending() -> None:
    course = Course(level=CourseLevel.UNDER_3_MONTHS, cost=1, study_days=1)
    b = Budget.of([training_support(trainee(disabled=True), course, on=DAY)])
    assert b.incomplete == 1
    assert SupportKind.TRAVEL not in b.items


# --- the decision record ---------------------------------------------------------------


def test_mixed_decisions_round_trip_through_the_discriminated_union() -> None:
    course = Course(level=CourseLevel.ELEMENTARY, cost=2_000_000, study_days=10)
    w = Worker(ethnic_minority=True, household_status=PovertyStatus.POOR, ethnic_minority_area=True)
    decisions: list[AnyDecision] = [
        training_support(trainee(), course, on=DAY, distance_km=1),
        abroad_support(w, AbroadCosts(foreign_language=1), on=DAY, distance_km=1),
        abroad_support_employment_law(w, AbroadCosts(orientation=1), on=DAY, distance_km=1),
        abroad_loan(w, 5, on=DAY),
        job_connection_support(JobPlacement(contract_signed=True), on=DAY),
        counsellor_fees(CounsellorMonth(sessions=1, fee_per_session=1), on=DAY),
    ]
    adapter = TypeAdapter(list[AnyDecision])
    data = adapter.dump_json(decisions)
    back = adapter.validate_json(data)
    assert [type(d) for d in back] == [type(d) for d in decisions]
    assert [d.total for d in back] == [d.total for d in decisions]
    assert isinstance(back[0], TrainingDecision)
    assert back == decisions


def test_a_serialised_total_must_match_the_items() -> None:
    d = job_connection_support(JobPlacement(contract_signed=True), on=DAY)
    data = d.model_dump()
    data["total"] += 1
    with pytest.raises(ValueError, match="sum of the items"):
        type(d).model_validate(data)


def test_decision_is_frozen() -> None:
    d = job_connection_support(JobPlacement(contract_signed=True), on=DAY)
    with pytest.raises(ValueError, match="frozen"):
        d.outcome = Outcome.NOT_ELIGIBLE  # type: ignore[misc]


def test_every_programme_message_exists_in_both_locales_with_same_placeholders() -> None:
    vi = {k for k in message_keys("vi") if k.startswith("programmes.")}
    en = {k for k in message_keys("en") if k.startswith("programmes.")}
    assert vi == en
    assert vi
    from vnlabor.l10n.labels import _catalogue

    for key in vi:
        assert message_placeholders(_catalogue("vi")[(None, key)]) == message_placeholders(
            _catalogue("en")[(None, key)]
        ), key


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_explain_renders_every_kind_of_decision(locale: str) -> None:
    course = Course(level=CourseLevel.COLLEGE, cost=1, study_days=1)
    w = Worker(
        household_status=PovertyStatus.NEAR_POOR,
        poor_area=True,
        ethnic_minority=False,
        ethnic_minority_area=False,
    )
    decisions = [
        training_support(trainee(), course, on=DAY),
        training_support(
            Trainee(), course.model_copy(update={"level": CourseLevel.ELEMENTARY}), on=DAY
        ),
        training_support(
            trainee(previous_supports=2, lost_job_objectively=True, disabled=True),
            course.model_copy(update={"level": CourseLevel.ELEMENTARY}),
            on=DAY,
        ),
        abroad_support(w, AbroadCosts(foreign_language=9_000_000, passport=200_000), on=DAY),
        abroad_support_employment_law(
            w, AbroadCosts(skill_upgrade=9_000_000, lodging_months=2), on=DAY
        ),
        abroad_loan(w, 120_000_000, on=DAY),
        job_connection_support(JobPlacement(contract_signed=False), on=DAY),
        counsellor_fees(CounsellorMonth(sessions=20, fee_per_session=50_000), on=DAY),
    ]
    for d in decisions:
        text = d.explain(locale)
        assert text
        assert "{" not in text


def test_every_programme_decision_remembers_its_law_book() -> None:
    book = national()
    w = Worker(ethnic_minority=True, household_status=PovertyStatus.POOR)
    decisions = [
        abroad_loan(w, 5_000_000, on=DAY, law=book),
        counsellor_fees(CounsellorMonth(sessions=1, fee_per_session=1), on=DAY, law=book),
        job_connection_support(JobPlacement(contract_signed=True), on=DAY, law=book),
    ]
    assert all(d.law is book for d in decisions)


@settings(max_examples=100, deadline=None)
@given(
    price=st.one_of(st.none(), st.integers(0, 10**9)),
    day=st.dates(min_value=date(2023, 8, 15), max_value=date(2026, 12, 31)),
)
def test_job_connection_pays_the_price_or_else_the_cap(price: int | None, day: date) -> None:
    d = job_connection_support(JobPlacement(contract_signed=True, service_price=price), on=day)
    assert d.total == (400_000 if price is None else price)
