"""Every programme decides under the book it is given, and names a bad input.

A decision keeps the book it was made under (``Decision.law``) so that its explanation
names that book's instruments (a province's decision among them). A rule that quietly
read the national book instead would still pay the national figures, so only the book
the decision keeps tells the two apart.
"""

from __future__ import annotations

from datetime import date

import pytest
from samples import trainee

from vnlabor.law import bundled_overlay, national
from vnlabor.law.book import LawBook
from vnlabor.model.course import Course, CourseLevel
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.worker import Worker
from vnlabor.programmes import (
    AbroadCosts,
    CounsellorMonth,
    Decision,
    JobPlacement,
    abroad_loan,
    abroad_support,
    abroad_support_employment_law,
    counsellor_fees,
    job_connection_support,
    training_support,
)
from vnlabor.programmes.rule import check_distance

DAY = date(2025, 3, 1)
WORKER = Worker(ethnic_minority=True, household_status=PovertyStatus.POOR)


def _decisions(book: LawBook) -> list[Decision]:
    return [
        training_support(
            trainee(),
            Course(level=CourseLevel.UNDER_3_MONTHS, cost=1_000_000, study_days=5),
            on=DAY,
            distance_km=0,
            law=book,
        ),
        abroad_support(WORKER, AbroadCosts(passport=200_000), on=DAY, law=book),
        abroad_support_employment_law(WORKER, AbroadCosts(lodging_months=1), on=DAY, law=book),
        abroad_loan(WORKER, 5_000_000, on=DAY, law=book),
        job_connection_support(JobPlacement(contract_signed=True), on=DAY, law=book),
        counsellor_fees(CounsellorMonth(sessions=1, fee_per_session=1), on=DAY, law=book),
    ]


def test_every_programme_decides_under_the_book_it_is_given() -> None:
    # The Hanoi overlay is in force on DAY (from 19/12/2024): a book other than national.
    hanoi = national().with_overlay(bundled_overlay("hanoi-69-2024"))
    for d in _decisions(hanoi):
        assert d.law is hanoi, d.kind
        assert d.law is not national()


def test_a_household_that_is_not_a_household_is_named_with_its_type() -> None:
    course = Course(level=CourseLevel.UNDER_3_MONTHS, cost=1_000_000, study_days=5)
    with pytest.raises(TypeError) as info:
        training_support(trainee(), course, on=DAY, household={"household_id": "H1"})  # type: ignore[arg-type]
    text = str(info.value)
    assert text == (
        "household phải là một Household / household must be a vnlabor.Household, not dict"
    )


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf")])
def test_a_bad_distance_is_named_by_default_as_distance_km(bad: float) -> None:
    with pytest.raises(ValueError, match=r"^distance_km phải là số hữu hạn không âm / distance_km"):
        check_distance(bad)
