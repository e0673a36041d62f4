"""Bad input to the poverty rules is named: the field, and the type that was given."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from vnlabor.model.household import Household
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.classification import classify, classify_many
from vnlabor.poverty.newly_escaped import (
    explain_newly_escaped,
    is_newly_escaped,
    newly_escaped_until,
)

DAY = date(2024, 6, 1)


@pytest.mark.parametrize(
    "call",
    [
        lambda: newly_escaped_until(20240101),  # type: ignore[arg-type]
        lambda: is_newly_escaped(escaped_on=20240101, on=DAY),  # type: ignore[arg-type]
        lambda: explain_newly_escaped(escaped_on=20240101, on=DAY),  # type: ignore[arg-type]
    ],
    ids=["newly_escaped_until", "is_newly_escaped", "explain_newly_escaped"],
)
def test_an_escape_day_that_is_not_a_date_is_named_escaped_on(call: Any) -> None:
    with pytest.raises(TypeError, match=r"^escaped_on phải là một ngày / escaped_on must be"):
        call()


def test_classify_many_names_a_row_that_is_not_a_household() -> None:
    with pytest.raises(TypeError) as info:
        classify_many([{"household_id": "H1"}], DAY)  # type: ignore[list-item]
    text = str(info.value)
    assert text.startswith(
        "household phải là một Household / household must be a vnlabor.Household, not dict"
    )
    assert "Household.model_validate" in text


class _SurveyHousehold(Household):
    """A caller's own subclass (a household with an extra field of theirs)."""

    survey_round: int = 1


def test_classify_many_accepts_a_subclass_of_household() -> None:
    plain = Household(household_id="H1", area="rural", monthly_income_per_capita=1_000_000)
    sub = _SurveyHousehold(household_id="H1", area="rural", monthly_income_per_capita=1_000_000)
    [got] = classify_many([sub], DAY)
    # Decree 07/2021 Art. 3: rural income at or under 1,500,000 a month and fewer than
    # three basic-service deprivations is near-poor, subclass or not.
    assert got.status is PovertyStatus.NEAR_POOR
    assert got.status is classify(plain, on=DAY).status


@pytest.mark.parametrize(("on", "list_year"), [(None, None), (DAY, 2024)])
def test_a_day_and_a_list_year_are_one_or_the_other(on: date | None, list_year: int | None) -> None:
    with pytest.raises(
        TypeError,
        match=r"^cần đúng một trong on= \(ngày\) hoặc list_year= \(năm\) / "
        r"give exactly one of on= \(a date\) or list_year= \(a year\)$",
    ):
        classify_many([], on, list_year=list_year)


def test_classify_many_for_a_list_year_follows_the_law_book_given() -> None:
    from vnlabor.law import bundled_overlay, national

    # Đồng Nai's 2022-2025 standard raises the rural income line to 2,000,000 a month.
    dong_nai = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    hh = Household(household_id="H1", area="rural", monthly_income_per_capita=1_800_000)
    [local] = classify_many([hh], list_year=2023, law=dong_nai)
    [plain] = classify_many([hh], list_year=2023)
    assert local.income_line == 2_000_000
    assert local.standard.overlays == ("dong-nai-2022-2025",)
    assert plain.income_line == 1_500_000
