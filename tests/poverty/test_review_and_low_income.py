"""The annual review window (Decision 24/2021) and the low-income criterion (Decree 30/2025).

Decree 30/2025/NĐ-CP Art. 1.3 (amending Decree 07/2021/NĐ-CP Art. 3.2): a member of a
household other than a poor or near-poor household, whose household's monthly income
per capita is at most 2,250,000 VND (rural) or 3,000,000 VND (urban). Under the
2022-2026 standard the poverty lines are 1,500,000 rural and 2,000,000 urban, and a
household at or below its line with fewer than 3 deprivations is near-poor, so the
low-income band is (line, ceiling] whatever the deprivations.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnlabor as vl
from vnlabor.base.confidence import Confidence
from vnlabor.errors import ParameterNotInForce, PovertyStatusUndetermined, VnlaborError
from vnlabor.law import bundled_overlay, national
from vnlabor.model.area import Area
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty import (
    assess_low_income_worker,
    is_low_income_worker,
    review_window,
    standard_in_force,
)

JUNE = date(2025, 6, 1)
FIRST_DAY = date(2025, 2, 24)  # the decree's signing date (its in-force date was not seen)
THREE = frozenset({Deprivation.HEALTH_INSURANCE, Deprivation.NUTRITION, Deprivation.DOMESTIC_WATER})


def hh(area: Area, income: int, deprivations: frozenset[Deprivation] = frozenset()) -> Household:
    return Household(area=area, monthly_income_per_capita=income, deprivations=deprivations)


@pytest.mark.parametrize("list_year", [2022, 2023, 2024, 2025, 2026, 2027])
def test_the_lists_of_a_year_come_from_the_review_of_the_year_before(list_year: int) -> None:
    assert review_window(list_year) == (date(list_year - 1, 9, 1), date(list_year - 1, 12, 14))


@pytest.mark.parametrize("list_year", [2021, 2028])
def test_no_review_procedure_encoded_outside_2021_2026_reviews(list_year: int) -> None:
    with pytest.raises(ParameterNotInForce):
        review_window(list_year)


# --- the ceiling, by area, bound included ---------------------------------------------------


@pytest.mark.parametrize(("area", "ceiling"), [(Area.RURAL, 2_250_000), (Area.URBAN, 3_000_000)])
def test_at_the_ceiling_yes_one_dong_over_no(area: Area, ceiling: int) -> None:
    assert is_low_income_worker(hh(area, ceiling), on=JUNE) is True
    assert is_low_income_worker(hh(area, ceiling + 1), on=JUNE) is False


def test_the_ceiling_is_the_areas_not_a_flat_wage_bound() -> None:
    # 2,500,000 a month: low-income in town, not in the countryside (the old flat
    # 3,000,000 "wage" rule answered yes for both).
    assert is_low_income_worker(hh(Area.URBAN, 2_500_000), on=JUNE) is True
    assert is_low_income_worker(hh(Area.RURAL, 2_500_000), on=JUNE) is False


# --- poor and near-poor households are not low-income ----------------------------------------


@pytest.mark.parametrize(("area", "line"), [(Area.RURAL, 1_500_000), (Area.URBAN, 2_000_000)])
def test_at_the_poverty_line_no_one_dong_over_yes(area: Area, line: int) -> None:
    near_poor = assess_low_income_worker(hh(area, line), on=JUNE)
    assert near_poor.status is PovertyStatus.NEAR_POOR
    assert near_poor.is_low_income is False
    poor = assess_low_income_worker(hh(area, line, THREE), on=JUNE)
    assert poor.status is PovertyStatus.POOR
    assert poor.is_low_income is False
    above = assess_low_income_worker(hh(area, line + 1, THREE), on=JUNE)
    assert above.status is PovertyStatus.AVERAGE_LIVING_STANDARD
    assert above.is_low_income is True


def test_above_the_ceiling_the_status_is_not_needed() -> None:
    a = assess_low_income_worker(hh(Area.URBAN, 3_000_001), on=JUNE)
    assert (a.is_low_income, a.status) == (False, None)


def test_an_overlay_that_raises_the_line_is_applied() -> None:
    # Đồng Nai's 2022-2025 standard puts the rural line at 2,000,000: a rural household
    # at 1,800,000 is near-poor there (not low-income), average nationally (low-income).
    dong_nai = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    home = hh(Area.RURAL, 1_800_000)
    assert is_low_income_worker(home, on=JUNE) is True
    assert is_low_income_worker(home, on=JUNE, law=dong_nai) is False
    assert assess_low_income_worker(home, on=JUNE, law=dong_nai).status is PovertyStatus.NEAR_POOR


# --- dates ---------------------------------------------------------------------------------


def test_starts_with_the_decree_and_ends_with_the_2026_standard() -> None:
    home = hh(Area.URBAN, 3_000_000)
    assert is_low_income_worker(home, on=FIRST_DAY) is True
    with pytest.raises(ParameterNotInForce):
        is_low_income_worker(home, on=date(2025, 2, 23))
    assert is_low_income_worker(home, on=date(2026, 12, 31)) is True
    with pytest.raises(ParameterNotInForce):  # Decree 351/2025's 2027 rule is not encoded
        is_low_income_worker(home, on=date(2027, 1, 1))


def test_confirmed_in_2025_probable_in_2026() -> None:
    home = hh(Area.RURAL, 2_000_000)
    c2025 = assess_low_income_worker(home, on=date(2025, 12, 31)).citation
    c2026 = assess_low_income_worker(home, on=date(2026, 1, 1)).citation
    assert (c2025.instrument, c2025.article, c2025.clause) == ("30/2025/NĐ-CP", "1", "3")
    assert c2025.confidence is Confidence.CONFIRMED
    assert c2026.confidence is Confidence.PARTLY_CONFIRMED


# --- explanations ---------------------------------------------------------------------------


def test_the_assessment_explains_itself_citing_decree_30() -> None:
    en = assess_low_income_worker(hh(Area.RURAL, 2_000_000), on=JUNE).explain("en")
    assert "Low-income worker" in en
    assert "2,250,000" in en
    assert "Decree 30/2025/NĐ-CP" in en
    assert "Art. 1(3)" in en
    vi = assess_low_income_worker(hh(Area.RURAL, 1_500_000), on=JUNE).explain("vi")
    assert "hộ cận nghèo" in vi
    assert "khoản 3 Điều 1 Nghị định số 30/2025/NĐ-CP" in vi
    assert "cao hơn" in assess_low_income_worker(hh(Area.RURAL, 2_250_001), on=JUNE).explain()


# --- what it refuses ---------------------------------------------------------------------


@pytest.mark.parametrize("wrong", [3_000_000, 2_999_999.5, {"area": "rural"}])
def test_a_wage_or_anything_but_a_household_is_a_type_error(wrong: Any) -> None:
    with pytest.raises(TypeError, match=r"must be a vnlabor\.Household") as info:
        is_low_income_worker(wrong, on=JUNE)
    assert " / " in str(info.value)  # Vietnamese / English
    assert type(wrong).__name__ in str(info.value)


def test_a_status_that_is_not_decided_raises_never_a_silent_false(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Whatever a future classification reports besides the four decided statuses (an
    # undetermined status, say), the criterion cannot answer and must say so.
    import vnlabor.poverty.low_income as review

    def undecided(*args: Any, **kwargs: Any) -> Any:
        return SimpleNamespace(status="undetermined")

    monkeypatch.setattr(review, "classify", undecided)
    home = Household(area=Area.RURAL, monthly_income_per_capita=2_000_000, household_id="H-7")
    with pytest.raises(PovertyStatusUndetermined) as info:
        is_low_income_worker(home, on=JUNE)
    assert isinstance(info.value, VnlaborError)
    assert isinstance(info.value, ValueError)
    assert info.value.on == JUNE
    assert info.value.household_id == "H-7"
    assert "01/06/2025" in str(info.value)
    assert "2025-06-01" in str(info.value)
    assert " / " in str(info.value)
    # Above the ceiling the status cannot change the answer: still decided.
    assert is_low_income_worker(hh(Area.RURAL, 2_250_001), on=JUNE) is False


def test_top_level_contract() -> None:
    assert vl.is_low_income_worker(hh(Area.URBAN, 2_500_000), on=JUNE) is True
    assert "is_low_income_worker" in vl.__all__
    assert "PovertyStatusUndetermined" in vl.__all__


# --- property: the band the decree draws ----------------------------------------------------

LINE = {Area.RURAL: 1_500_000, Area.URBAN: 2_000_000}  # Decree 07/2021 Art. 3.1, to 2026
CEILING = {Area.RURAL: 2_250_000, Area.URBAN: 3_000_000}  # Decree 30/2025 Art. 1.3


@settings(max_examples=300, deadline=None)
@given(
    area=st.sampled_from(Area),
    income=st.integers(0, 4_000_000),
    deprivations=st.frozensets(
        st.sampled_from(sorted(standard_in_force(JUNE).indicators)), max_size=6
    ),
    day=st.dates(min_value=FIRST_DAY, max_value=date(2026, 12, 31)),
)
def test_low_income_is_exactly_above_the_line_and_within_the_ceiling(
    area: Area, income: int, deprivations: frozenset[Deprivation], day: date
) -> None:
    # At or below the line a household is poor or near-poor whatever its deprivations;
    # above it, it is one of the others: so the answer depends on the income alone.
    expected = LINE[area] < income <= CEILING[area]
    assert is_low_income_worker(hh(area, income, deprivations), on=day) is expected
