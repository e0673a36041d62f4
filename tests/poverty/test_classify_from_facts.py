"""classify() on a household's facts: decided, undetermined, or in conflict with what is given."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from facts import ND07, QD59, D, household, member

import vnlabor as vl
from vnlabor import kpi

P = vl.PovertyStatus
LINE_2024 = 1_500_000  # rural line under Decree 07/2021 (poverty.income_line.rural)


def deprived_in(n: int, *, open_: int = 0, income: int = 1_000_000) -> vl.Household:
    """A rural household deprived in exactly ``n`` indicators under Decree 07/2021 and
    undetermined in ``open_`` more (``n + open_ <= 4``), every other indicator known."""
    dwelling: dict[str, object] = {
        "durable_walls": True,
        "durable_columns": True,
        "durable_roof": True,
        "floor_area_m2": 100,
        "water_source": "piped",
        "latrine": "septic",
        "uses_telephone": True,
        "uses_internet": True,
        "information_devices": ["television"],
        "hears_loudspeaker": True,
    }
    # Switched on in this order: (facts making it deprived, facts leaving it open).
    switches: list[tuple[dict[str, object], dict[str, object]]] = [
        ({"water_source": "surface_water"}, {"water_source": None}),
        ({"latrine": "no_latrine"}, {"latrine": None}),
        (
            {"uses_telephone": False, "uses_internet": False},
            {"uses_telephone": None, "uses_internet": False},
        ),
        ({"floor_area_m2": 7}, {"floor_area_m2": None}),  # one person: 7 m² < 8
    ]
    for i, (bad, unknown) in enumerate(switches):
        if i < n:
            dwelling |= bad
        elif i < n + open_:
            dwelling |= unknown
    # Known and not deprived in everything else: insured, 39 and out of the education
    # bands, self-employed, no dependant, no child.
    adult = member(
        date(1985, 1, 1),
        sex="female",
        health_insurance=True,
        monthly_social_allowance=False,
        disabled=False,
        able_to_work=True,
        employment="self_employed",
    )
    return household(adult, dwelling=vl.Dwelling(**dwelling), income=income)


@pytest.mark.parametrize(("n", "open_"), [(0, 0), (1, 0), (2, 0), (3, 0), (0, 2), (3, 1)])
def test_the_fixture_is_what_it_says(n: int, open_: int) -> None:
    a = vl.assess_deprivations(deprived_in(n, open_=open_), on=ND07)
    assert len(a.deprived) == n
    assert len(a.undetermined) == open_


def test_facts_and_no_deprivations_given_are_assessed() -> None:
    hh = deprived_in(3)
    c = vl.classify(hh, on=ND07)
    assert c.status is P.POOR
    assert c.assessment is not None
    assert c.deprivations_counted == c.assessment.deprived
    assert c.undetermined == frozenset()
    assert c.possible == {P.POOR}
    assert c.deciding == frozenset()


def test_classify_with_facts_equals_classify_with_the_assessed_deprivations() -> None:
    for n in range(4):
        for income in (LINE_2024, LINE_2024 + 1, 3_000_000):
            hh = deprived_in(n, income=income)
            a = vl.assess_deprivations(hh, on=ND07)
            given = vl.Household(
                area="rural", monthly_income_per_capita=income, deprivations=a.deprived
            )
            assert vl.classify(hh, on=ND07).status is vl.classify(given, on=ND07).status


def test_two_deprived_one_open_under_the_line_is_undetermined_naming_the_indicator() -> None:
    hh = deprived_in(2, open_=1, income=LINE_2024)
    c = vl.classify(hh, on=ND07)
    assert c.status is P.UNDETERMINED
    assert c.deprivation_count == 2
    assert c.undetermined == {D.TELECOM_SERVICES}
    assert c.deciding == {D.TELECOM_SERVICES}
    assert c.possible == {P.POOR, P.NEAR_POOR}
    assert c.band is None
    en = c.explain("en")
    assert en.startswith("Undetermined under the multidimensional poverty standard")
    assert (
        "Deprived in 2 of 12 indicators (domestic water source, hygienic latrine) with 1 "
        "undetermined (use of telecommunication services); 3 make a poor household, so the "
        "status is undetermined between: poor household, near-poor household."
    ) in en
    assert "nên chưa xác định được giữa: hộ nghèo, hộ cận nghèo." in c.explain("vi")
    record = c.as_record()
    assert record.status is P.UNDETERMINED
    assert record.deprivations_undetermined == (D.TELECOM_SERVICES,)


def test_open_indicators_that_cannot_reach_the_cutoff_leave_the_status_decided() -> None:
    c = vl.classify(deprived_in(0, open_=2), on=ND07)
    assert c.status is P.NEAR_POOR
    assert len(c.undetermined) == 2
    assert c.deciding == frozenset()
    assert c.possible == {P.NEAR_POOR}
    assert "cannot change the result" in c.explain("en")


def test_income_above_every_line_decides_whatever_is_open() -> None:
    c = vl.classify(deprived_in(2, open_=2, income=3_000_001), on=ND07)
    assert c.status is P.NON_POOR
    assert (
        vl.classify(deprived_in(2, open_=2, income=2_250_000), on=ND07).status
        is P.AVERAGE_LIVING_STANDARD
    )


def test_2016_poor_outright_at_or_below_the_policy_line() -> None:
    empty = household(member(date(1980, 1, 1), in_school=False), income=700_000)
    c = vl.classify(empty, on=QD59)
    assert c.undetermined  # nothing but a birth date is known …
    assert c.status is P.POOR  # … and income at or below 700,000 is poor whatever
    assert (
        vl.classify(empty.model_copy(update={"monthly_income_per_capita": 700_001}), on=QD59).status
        is P.UNDETERMINED
    )


def test_given_deprivations_settle_what_the_facts_leave_open() -> None:
    facts = deprived_in(2, open_=1)
    a = vl.assess_deprivations(facts, on=ND07)
    given = facts.model_validate(
        facts.model_dump() | {"deprivations": a.deprived | {D.TELECOM_SERVICES}}
    )
    c = vl.classify(given, on=ND07)
    assert c.status is P.POOR
    assert c.undetermined == frozenset()
    assert "agree with the household's surveyed facts" in c.explain("en")
    without = facts.model_validate(facts.model_dump() | {"deprivations": a.deprived})
    assert vl.classify(without, on=ND07).status is P.NEAR_POOR


def test_given_deprivations_that_contradict_the_facts_are_refused() -> None:
    facts = deprived_in(2)
    missing_one = facts.model_validate(
        facts.model_dump() | {"deprivations": ["domestic_water"], "household_id": "H-7"}
    )
    with pytest.raises(vl.DeprivationConflict) as info:
        vl.classify(missing_one, on=ND07)
    assert info.value.not_given == ("hygienic_latrine",)
    assert info.value.contradicted == ()
    assert "'H-7'" in str(info.value)
    assert "the facts show it deprived in hygienic_latrine, not given" in str(info.value)
    extra = facts.model_validate(
        facts.model_dump()
        | {"deprivations": ["domestic_water", "hygienic_latrine", "health_insurance"]}
    )
    with pytest.raises(vl.DeprivationConflict) as info:
        vl.classify(extra, on=ND07)
    assert info.value.contradicted == ("health_insurance",)
    # "Given: none" is a statement too.
    none = facts.model_validate(facts.model_dump() | {"deprivations": []})
    with pytest.raises(vl.DeprivationConflict):
        vl.classify(none, on=ND07)


def test_a_deprivation_conflict_is_a_conflict_of_facts() -> None:
    facts = deprived_in(2)
    missing_one = facts.model_validate(facts.model_dump() | {"deprivations": ["domestic_water"]})
    with pytest.raises(vl.ConflictingFactsError) as info:
        vl.classify(missing_one, on=ND07)
    assert isinstance(info.value, vl.DeprivationConflict)
    order = [i.value for i in vl.standard_in_force(ND07).indicators]
    assert info.value.field == "deprivations"
    assert info.value.given == ("domestic_water",)
    assert info.value.derived == tuple(
        i for i in order if i in {"domestic_water", "hygienic_latrine"}
    )
    assert "surveyed facts" in info.value.source


def test_households_without_review_facts_keep_the_old_meaning() -> None:
    described = household(member(date(1980, 1, 1), sex="male", disabled=True), income=1_000_000)
    c = vl.classify(described, on=ND07)
    assert c.assessment is None
    assert c.status is P.NEAR_POOR  # no deprivations given and no facts: none counted
    assert c.possible == {P.NEAR_POOR}


def test_list_year_with_facts_counts_ages_on_the_review_day() -> None:
    hh = deprived_in(3)
    c = vl.classify(hh, list_year=2025)
    assert c.assessment is not None
    assert c.assessment.on == date(2024, 9, 1)
    with pytest.raises(vl.ParameterNotInForce, match=r"poverty\.review\.window"):
        vl.classify(hh, list_year=2021)
    plain = vl.Household(area="rural", monthly_income_per_capita=800_000)
    assert vl.classify(plain, list_year=2021).status is P.NEAR_POOR


def test_classify_many_mixes_households_with_and_without_facts() -> None:
    plain = vl.Household(area="rural", monthly_income_per_capita=1, deprivations=["nutrition"])
    results = vl.classify_many([plain, deprived_in(2, open_=1), deprived_in(3)], list_year=2025)
    assert [c.status for c in results] == [P.NEAR_POOR, P.UNDETERMINED, P.POOR]


# --- consumers: KPIs --------------------------------------------------------------------------


def test_an_undetermined_household_is_a_data_gap_in_the_rates() -> None:
    results = vl.classify_many([deprived_in(3), deprived_in(2, open_=1), deprived_in(0)], on=ND07)
    rate = kpi.poverty_rate(results)
    assert isinstance(rate.value, kpi.Ratio)
    assert (rate.value.numerator, rate.value.denominator, rate.missing) == (1, 2, 1)
    near = kpi.near_poor_rate(results, by="area")
    assert near.missing == 1
    assert near.breakdown is not None
    with pytest.raises(ValueError, match="undetermined"):
        kpi.headcount_ratio(results)
    assert kpi.headcount_ratio(results, exclude_undetermined=True) == Fraction(1, 2)


def test_alkire_foster_leaves_out_households_whose_open_indicators_matter() -> None:
    results = vl.classify_many(
        [deprived_in(3), deprived_in(2, open_=1), deprived_in(0, open_=2), deprived_in(3, open_=1)],
        on=ND07,
    )
    af = kpi.alkire_foster(results, weights=[1, 2, 3, 4])
    # Open indicators that could lift 2 to 3 or change the score of a poor household's
    # count: weights 2 and 4; 0 + 2 open stays below 3 and is kept.
    assert af.undetermined == 6
    assert af.population == 4
    assert af.poor == 1


def test_the_frame_of_classifications_carries_an_undetermined_status() -> None:
    from vnlabor.io import classifications_to_frame

    frame = classifications_to_frame(
        vl.classify_many([deprived_in(2, open_=1), deprived_in(3)], on=ND07)
    )
    assert frame["status"].tolist() == ["undetermined", "poor"]
    assert frame["deprivation_count"].tolist() == [2, 3]
