"""Headcount, FGT and Alkire-Foster against hand-computed examples."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnlabor as vl
from vnlabor.kpi import alkire_foster, fgt, headcount_ratio, poverty_gap, poverty_severity
from vnlabor.kpi.poverty_measures import Weight
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.poverty_status import PovertyStatus

D = Deprivation

INDICATORS = (D.EMPLOYMENT, D.HEALTH_INSURANCE, D.NUTRITION, D.DOMESTIC_WATER)
DIMENSIONS = {
    D.EMPLOYMENT: "employment",
    D.HEALTH_INSURANCE: "health",
    D.NUTRITION: "health",
    D.DOMESTIC_WATER: "water",
}


@dataclass(frozen=True)
class Standard:
    indicators: tuple[D, ...] = INDICATORS
    deprivation_cutoff: int = 2

    def dimension_of(self, indicator: D) -> str:
        return DIMENSIONS[indicator]


@dataclass(frozen=True)
class Household:
    status: PovertyStatus
    income: int
    deprivations_counted: frozenset[D] = frozenset()
    income_line: int = 1_000
    standard: Standard = field(default_factory=Standard)


# d = 4, k = 2. Line 1,000.
HOUSEHOLDS = [
    Household(PovertyStatus.POOR, 500, frozenset({D.EMPLOYMENT, D.HEALTH_INSURANCE, D.NUTRITION})),
    Household(PovertyStatus.NEAR_POOR, 800, frozenset({D.DOMESTIC_WATER})),
    Household(PovertyStatus.NON_POOR, 1_000, frozenset({D.HEALTH_INSURANCE, D.DOMESTIC_WATER})),
    Household(PovertyStatus.NON_POOR, 2_000),
]


def test_headcount_ratio_on_status() -> None:
    assert headcount_ratio(HOUSEHOLDS) == Fraction(1, 4)
    both = headcount_ratio(HOUSEHOLDS, statuses=(PovertyStatus.POOR, PovertyStatus.NEAR_POOR))
    assert both == Fraction(1, 2)
    assert headcount_ratio([]) is None


def test_fgt_by_hand() -> None:
    # Gaps: 0.5, 0.2, 0 (income at the line is poor with no gap), — (above).
    assert fgt(HOUSEHOLDS, 0) == Fraction(3, 4)
    assert poverty_gap(HOUSEHOLDS) == Fraction(7, 10) / 4
    assert poverty_severity(HOUSEHOLDS) == (Fraction(1, 4) + Fraction(1, 25)) / 4
    assert fgt([], 1) is None


def test_fgt_rejects_bad_alpha_and_line() -> None:
    for alpha in (-1, 0.5, True):
        with pytest.raises(ValueError, match="alpha"):
            fgt(HOUSEHOLDS, alpha)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="income line"):
        fgt([Household(PovertyStatus.POOR, 0, income_line=0)], 1)


def test_weights_int_fraction_decimal_and_float() -> None:
    weights: list[Weight] = [3, Fraction(1, 2), Decimal("0.5"), 1.0]
    assert headcount_ratio(HOUSEHOLDS, weights=weights) == Fraction(3, 5)
    assert (
        poverty_gap(HOUSEHOLDS, weights=weights)
        == (3 * Fraction(1, 2) + Fraction(1, 2) * Fraction(1, 5)) / 5
    )
    assert headcount_ratio(HOUSEHOLDS, weights=[0, 0, 0, 0]) is None
    with pytest.raises(ValueError, match="4 households"):
        headcount_ratio(HOUSEHOLDS, weights=[1, 2])
    with pytest.raises(ValueError, match="negative"):
        headcount_ratio(HOUSEHOLDS, weights=[1, -1, 1, 1])


def test_alkire_foster_by_hand() -> None:
    af = alkire_foster(HOUSEHOLDS)
    # Poor (≥ 2 of 4): household 1 (3/4) and household 3 (2/4).
    assert af.cutoff == 2
    assert af.indicators == INDICATORS
    assert af.population == 4
    assert af.poor == 2
    assert af.headcount == Fraction(1, 2)
    assert af.intensity == Fraction(5, 8)
    assert af.adjusted_headcount == Fraction(5, 16)
    assert af.censored_headcounts == {
        D.EMPLOYMENT: Fraction(1, 4),
        D.HEALTH_INSURANCE: Fraction(2, 4),
        D.NUTRITION: Fraction(1, 4),
        D.DOMESTIC_WATER: Fraction(1, 4),  # household 2's water deprivation is censored
    }
    assert af.contributions == {
        D.EMPLOYMENT: Fraction(1, 5),
        D.HEALTH_INSURANCE: Fraction(2, 5),
        D.NUTRITION: Fraction(1, 5),
        D.DOMESTIC_WATER: Fraction(1, 5),
    }
    assert af.dimension_contributions == {
        "employment": Fraction(1, 5),
        "health": Fraction(3, 5),
        "water": Fraction(1, 5),
    }


def test_alkire_foster_with_income_condition_and_weights() -> None:
    af = alkire_foster(HOUSEHOLDS, require_income_poor=True)
    # Household 3 is at the line (1,000 ≤ 1,000): still income-poor.
    assert af.headcount == Fraction(1, 2)
    richer = [
        *HOUSEHOLDS[:2],
        Household(PovertyStatus.NON_POOR, 1_001, HOUSEHOLDS[2].deprivations_counted),
    ]
    assert alkire_foster(richer, require_income_poor=True).headcount == Fraction(1, 3)
    weighted = alkire_foster(HOUSEHOLDS, weights=[2, 1, 1, 0])
    assert weighted.headcount == Fraction(3, 4)
    assert weighted.adjusted_headcount == (2 * Fraction(3, 4) + Fraction(2, 4)) / 4


def test_alkire_foster_edge_cases() -> None:
    empty = alkire_foster([])
    assert empty.headcount is None
    assert empty.adjusted_headcount is None
    nobody = alkire_foster([HOUSEHOLDS[3]])
    assert nobody.headcount == 0
    assert nobody.intensity is None
    assert nobody.adjusted_headcount == 0
    assert nobody.contributions == {}
    mixed = [*HOUSEHOLDS, Household(PovertyStatus.POOR, 0, standard=Standard(deprivation_cutoff=3))]
    with pytest.raises(ValueError, match="different standards"):
        alkire_foster(mixed)


household_strategy = st.builds(
    Household,
    status=st.sampled_from(list(PovertyStatus)),
    income=st.integers(0, 3_000),
    deprivations_counted=st.frozensets(st.sampled_from(INDICATORS)),
)


@given(st.lists(household_strategy, min_size=1, max_size=30), st.data())
def test_alkire_foster_identities(households: list[Household], data: st.DataObject) -> None:
    weights = data.draw(
        st.lists(st.integers(0, 9), min_size=len(households), max_size=len(households))
    )
    af = alkire_foster(households, weights=weights)
    if af.headcount is None:
        assert sum(weights) == 0
        return
    assert af.adjusted_headcount is not None
    if af.intensity is not None:
        assert af.adjusted_headcount == af.headcount * af.intensity
        assert Fraction(af.cutoff, len(INDICATORS)) <= af.intensity <= 1
    assert af.adjusted_headcount == sum(af.censored_headcounts.values()) / len(INDICATORS)
    if af.adjusted_headcount:
        assert sum(af.contributions.values()) == 1
        assert sum(af.dimension_contributions.values()) == 1
    assert (
        0
        <= (fgt(households, 2, weights=weights) or 0)
        <= (fgt(households, 1, weights=weights) or 0)
    )
    assert (fgt(households, 1, weights=weights) or 0) <= (fgt(households, 0, weights=weights) or 0)


def test_with_real_classifications() -> None:
    on = date(2024, 3, 1)
    households = [
        vl.Household(
            area=vl.Area.RURAL,
            monthly_income_per_capita=1_000_000,
            deprivations={D.HEALTH_INSURANCE, D.NUTRITION, D.EMPLOYMENT},
        ),
        vl.Household(
            area=vl.Area.RURAL,
            monthly_income_per_capita=1_400_000,
            deprivations={D.HEALTH_INSURANCE},
        ),
        vl.Household(
            area=vl.Area.URBAN,
            monthly_income_per_capita=3_000_000,
            deprivations={D.HEALTH_INSURANCE, D.NUTRITION, D.EMPLOYMENT, D.DOMESTIC_WATER},
        ),
        vl.Household(area=vl.Area.URBAN, monthly_income_per_capita=2_500_000),
    ]
    classified = [vl.classify(h, on=on) for h in households]
    assert headcount_ratio(classified) == Fraction(1, 4)
    # Rural line 1,500,000: gaps 1/3 and 1/15.
    assert poverty_gap(classified) == (Fraction(1, 3) + Fraction(1, 15)) / 4
    af = alkire_foster(classified)
    assert af.cutoff == 3
    assert len(af.indicators) == 12
    assert af.headcount == Fraction(1, 2)
    assert af.intensity == Fraction(7, 24)
    # The 2022-2025 rule: only income-poor households can be poor.
    assert alkire_foster(classified, require_income_poor=True).headcount == Fraction(1, 4)
