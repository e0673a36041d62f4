"""Indicators stated unknown (Household.unknown_indicators): undetermined, never "no"."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import vnlabor as vl

D = vl.Deprivation
P = vl.PovertyStatus
ON = date(2024, 3, 1)  # Decree 07/2021: rural line 1,500,000; 3 deprivations make poor
LINE = 1_500_000
TWO = {D.NUTRITION, D.HEALTH_INSURANCE}


def hh(income: int, deprived: set[D], unknown: set[D], **more: object) -> vl.Household:
    return vl.Household(
        area="rural",
        monthly_income_per_capita=income,
        deprivations=deprived,
        unknown_indicators=unknown,
        **more,
    )


def test_an_unknown_indicator_that_could_reach_the_cutoff_decides() -> None:
    c = vl.classify(hh(LINE, TWO, {D.HOUSING_AREA}), on=ON)
    assert c.status is P.UNDETERMINED
    assert c.deciding == {D.HOUSING_AREA}
    assert c.possible == {P.POOR, P.NEAR_POOR}
    assert c.deprivation_count == 2
    assert c.as_record().deprivations_undetermined == (D.HOUSING_AREA,)
    assert "undetermined" in c.explain("en")


def test_one_dong_over_the_line_the_unknown_cannot_matter() -> None:
    c = vl.classify(hh(LINE + 1, TWO, {D.HOUSING_AREA}), on=ON)
    assert c.status is P.AVERAGE_LIVING_STANDARD
    assert c.deciding == frozenset()
    assert c.undetermined == {D.HOUSING_AREA}


def test_too_few_to_reach_the_cutoff_is_decided() -> None:
    c = vl.classify(hh(LINE, {D.NUTRITION}, {D.HOUSING_AREA}), on=ON)
    assert c.status is P.NEAR_POOR
    assert c.undetermined == {D.HOUSING_AREA}


def test_an_indicator_the_standard_does_not_count_is_not_open() -> None:
    # health_services was an indicator of QĐ 59/2015 only.
    c = vl.classify(hh(LINE, TWO, {D.HEALTH_SERVICES}), on=ON)
    assert c.status is P.NEAR_POOR
    assert c.undetermined == frozenset()


def test_deprived_and_unknown_at_once_is_an_error() -> None:
    with pytest.raises(ValidationError, match="both deprived and unknown: nutrition"):
        hh(LINE, TWO, {D.NUTRITION})


def test_json_round_trip_keeps_unknown_indicators() -> None:
    h = hh(LINE, TWO, {D.HOUSING_AREA}, household_id="H1")
    again = vl.Household.model_validate_json(h.model_dump_json())
    assert again == h
    assert again.unknown_indicators == {D.HOUSING_AREA}
    assert vl.Household(area="rural", monthly_income_per_capita=0).unknown_indicators == set()


def test_stated_unknown_with_facts_the_facts_decide() -> None:
    # A household with facts and a finding: the unknown indicator is what the facts
    # say (here: no member, so health insurance stays open); the others given settle.
    dwelling = vl.Dwelling(water_source="surface_water")
    h = vl.Household(
        area="rural",
        monthly_income_per_capita=LINE,
        deprivations={D.DOMESTIC_WATER, D.NUTRITION},
        unknown_indicators={D.HEALTH_INSURANCE, D.HYGIENIC_LATRINE},
        dwelling=dwelling,
    )
    c = vl.classify(h, on=ON)
    assert c.deprivations_counted == {D.DOMESTIC_WATER, D.NUTRITION}
    assert c.undetermined == {D.HEALTH_INSURANCE, D.HYGIENIC_LATRINE}
    assert c.status is P.UNDETERMINED
    decided = h.model_validate(
        h.model_dump() | {"dwelling": {**dwelling.model_dump(), "latrine": "no_latrine"}}
    )
    c = vl.classify(decided, on=ON)
    assert c.deprivations_counted == {D.DOMESTIC_WATER, D.NUTRITION, D.HYGIENIC_LATRINE}
    assert c.status is P.POOR


@given(
    income=st.sampled_from([0, LINE - 1, LINE, LINE + 1, 2_000_000, 5_000_000]),
    deprived=st.sets(st.sampled_from(list(D)), max_size=6),
    unknown=st.sets(st.sampled_from(list(D)), max_size=6),
)
def test_undetermined_exactly_when_resolving_the_unknowns_could_differ(
    income: int, deprived: set[D], unknown: set[D]
) -> None:
    unknown -= deprived
    c = vl.classify(hh(income, deprived, unknown), on=ON)
    counted = c.standard.indicators
    outcomes = {
        vl.classify(hh(income, deprived | set(extra), set()), on=ON).status
        for k in range(len(unknown & set(counted)) + 1)
        for extra in [sorted(unknown & set(counted))[:k]]
    }
    if len(outcomes) == 1:
        assert c.status in outcomes
    else:
        assert c.status is P.UNDETERMINED
        assert c.possible == outcomes
