"""The annual review window (Decision 24/2021) and the low-income criterion (Decree 30/2025)."""

from __future__ import annotations

from datetime import date

import pytest

from vnlabor.errors import ParameterNotInForce
from vnlabor.poverty import is_low_income_worker, review_window


@pytest.mark.parametrize("list_year", [2022, 2023, 2024, 2025, 2026, 2027])
def test_the_lists_of_a_year_come_from_the_review_of_the_year_before(list_year: int) -> None:
    assert review_window(list_year) == (date(list_year - 1, 9, 1), date(list_year - 1, 12, 14))


@pytest.mark.parametrize("list_year", [2021, 2028])
def test_no_review_procedure_encoded_outside_2021_2026_reviews(list_year: int) -> None:
    with pytest.raises(ParameterNotInForce):
        review_window(list_year)


def test_low_income_bound_is_inclusive_and_starts_with_the_decree() -> None:
    day = date(2025, 2, 24)
    assert is_low_income_worker(3_000_000, on=day)
    assert not is_low_income_worker(3_000_001, on=day)
    with pytest.raises(ParameterNotInForce):
        is_low_income_worker(1, on=date(2025, 2, 23))


def test_income_must_be_whole_dong() -> None:
    with pytest.raises(TypeError, match="whole đồng"):
        is_low_income_worker(2_999_999.5, on=date(2025, 6, 1))  # type: ignore[arg-type]
