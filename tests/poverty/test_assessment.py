"""Each indicator rule at its boundaries, under each standard, and its three outcomes.

Every figure comes from the law data (poverty_indicator_rules.toml): the tests read the
cut-off the data holds, then check the day, the age, the m² exactly at it and one step
either side, so a corrected figure moves the tests with it only where it should.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from facts import (
    ND07,
    ND351,
    QD59,
    D,
    O,
    assess,
    born_aged,
    household,
    member,
    outcome,
)

import vnlabor as vl
from vnlabor.law import national

BOOK = national()


def figure(name: str, on: date) -> object:
    return BOOK.value(f"poverty.indicator.{name}", on)


# --- health insurance ------------------------------------------------------------------


@pytest.mark.parametrize("on", [QD59, ND07, ND351])
def test_health_insurance_counts_from_the_birthday_of_the_minimum_age(on: date) -> None:
    age = figure("health_insurance.min_age", on)
    assert age == 6
    child = member(born_aged(6, on), health_insurance=False)
    assert outcome(household(child), D.HEALTH_INSURANCE, on) is O.DEPRIVED
    younger = member(born_aged(5, on, months=11), health_insurance=False)
    assert outcome(household(younger), D.HEALTH_INSURANCE, on) is O.NOT_DEPRIVED


def test_one_uninsured_member_decides_whatever_is_unknown_about_the_others() -> None:
    hh = household(
        member(date(1980, 1, 1), health_insurance=True),
        member(None, health_insurance=None),
        member(date(1990, 1, 1), health_insurance=False),
    )
    a = assess(hh, ND07)[D.HEALTH_INSURANCE]
    assert a.outcome is O.DEPRIVED
    assert a.missing == ()
    assert [(f.member, f.name, f.value) for f in a.facts] == [
        (3, "birth_date", date(1990, 1, 1)),
        (3, "health_insurance", False),
    ]


def test_an_unknown_fact_leaves_the_indicator_open_only_if_it_could_change_it() -> None:
    insured = member(date(1980, 1, 1), health_insurance=True)
    # Card unknown for an adult: could be either way.
    item = assess(household(insured, member(date(1985, 1, 1))), ND07)[D.HEALTH_INSURANCE]
    assert item.outcome is O.UNDETERMINED
    assert [(f.member, f.name) for f in item.missing] == [(2, "health_insurance")]
    # Card unknown for a 3-year-old: the rule does not look at them.
    toddler = member(born_aged(3, ND07))
    assert outcome(household(insured, toddler), D.HEALTH_INSURANCE, ND07) is O.NOT_DEPRIVED
    # Uninsured, age unknown: only the birth date is missing.
    a = assess(household(insured, member(None, health_insurance=False)), ND07)
    assert [(f.member, f.name) for f in a[D.HEALTH_INSURANCE].missing] == [(2, "birth_date")]
    # Insured, age unknown: nothing is missing, whatever the age.
    assert (
        outcome(household(insured, member(None, health_insurance=True)), D.HEALTH_INSURANCE, ND07)
        is O.NOT_DEPRIVED
    )


def test_members_not_listed_leave_member_indicators_undetermined() -> None:
    a = assess(household(dwelling=vl.Dwelling(water_source="piped")), ND07)
    assert a[D.HEALTH_INSURANCE].outcome is O.UNDETERMINED
    assert [f.name for f in a[D.HEALTH_INSURANCE].missing] == ["members"]
    assert a[D.DOMESTIC_WATER].outcome is O.NOT_DEPRIVED


# --- nutrition, school attendance, adult education -----------------------------------------


@pytest.mark.parametrize("on", [ND07, ND351])
def test_nutrition_counts_children_under_16(on: date) -> None:
    assert figure("nutrition.below_age", on) == 16
    for fact in ("stunted", "underweight"):
        child = member(born_aged(15, on, months=11), **{fact: True})
        assert outcome(household(child), D.NUTRITION, on) is O.DEPRIVED
        teen = member(born_aged(16, on), **{fact: True})
        assert outcome(household(teen), D.NUTRITION, on) is O.NOT_DEPRIVED
    both_known = member(born_aged(4, on), stunted=False, underweight=False)
    assert outcome(household(both_known), D.NUTRITION, on) is O.NOT_DEPRIVED
    half_known = member(born_aged(4, on), stunted=False)
    assert outcome(household(half_known), D.NUTRITION, on) is O.UNDETERMINED


def test_school_attendance_2022_from_3_to_under_16_and_at_the_expected_level() -> None:
    on = ND07
    assert (
        figure("child_school_attendance.min_age", on),
        figure("child_school_attendance.below_age", on),
    ) == (3, 16)
    out = member(born_aged(3, on), in_school=False)
    assert outcome(household(out), D.CHILD_SCHOOL_ATTENDANCE, on) is O.DEPRIVED
    too_young = member(born_aged(2, on, months=11), in_school=False)
    assert outcome(household(too_young), D.CHILD_SCHOOL_ATTENDANCE, on) is O.NOT_DEPRIVED
    sixteen = member(born_aged(16, on), in_school=False)
    assert outcome(household(sixteen), D.CHILD_SCHOOL_ATTENDANCE, on) is O.NOT_DEPRIVED
    behind = member(born_aged(12, on), in_school=True, at_expected_school_level=False)
    assert outcome(household(behind), D.CHILD_SCHOOL_ATTENDANCE, on) is O.DEPRIVED
    level_unknown = member(born_aged(12, on), in_school=True)
    a = assess(household(level_unknown), on)[D.CHILD_SCHOOL_ATTENDANCE]
    assert a.outcome is O.UNDETERMINED
    assert [f.name for f in a.missing] == ["at_expected_school_level"]
    on_track = member(born_aged(12, on), in_school=True, at_expected_school_level=True)
    assert outcome(household(on_track), D.CHILD_SCHOOL_ATTENDANCE, on) is O.NOT_DEPRIVED


def test_school_attendance_2016_2021_from_5_to_under_15() -> None:
    on = QD59
    assert (
        outcome(household(member(born_aged(5, on), in_school=False)), D.CHILD_SCHOOL_ATTENDANCE, on)
        is O.DEPRIVED
    )
    assert (
        outcome(household(member(born_aged(4, on), in_school=False)), D.CHILD_SCHOOL_ATTENDANCE, on)
        is O.NOT_DEPRIVED
    )
    assert (
        outcome(
            household(member(born_aged(15, on), in_school=False)), D.CHILD_SCHOOL_ATTENDANCE, on
        )
        is O.NOT_DEPRIVED
    )
    # The level is not part of the 2016-2021 rule.
    behind = member(born_aged(10, on), in_school=True)
    assert outcome(household(behind), D.CHILD_SCHOOL_ATTENDANCE, on) is O.NOT_DEPRIVED


@pytest.mark.parametrize(
    ("age", "facts", "expected"),
    [
        (16, {"education": "lower_secondary"}, O.NOT_DEPRIVED),
        (17, {"education": "primary", "on_the_job_training": False}, O.DEPRIVED),
        (17, {"education": "primary", "on_the_job_training": True}, O.NOT_DEPRIVED),
        (17, {"education": "primary"}, O.UNDETERMINED),  # on-the-job training unknown
        (15, {"education": "no_schooling", "on_the_job_training": False}, O.NOT_DEPRIVED),
        (
            18,
            {
                "education": "lower_secondary",
                "training": "no_training",
                "on_the_job_training": False,
            },
            O.DEPRIVED,
        ),
        (18, {"education": "lower_secondary", "training": "elementary_vocational"}, O.NOT_DEPRIVED),
        (18, {"education": "upper_secondary"}, O.NOT_DEPRIVED),
        (18, {"education": "lower_secondary", "on_the_job_training": False}, O.UNDETERMINED),
        (
            30,
            {"education": "primary", "training": "no_training", "on_the_job_training": False},
            O.DEPRIVED,
        ),
        (
            31,
            {"education": "primary", "training": "no_training", "on_the_job_training": False},
            O.NOT_DEPRIVED,
        ),
    ],
)
def test_adult_education_2022_by_age_band(
    age: int, facts: dict[str, str], expected: vl.IndicatorOutcome
) -> None:
    m = member(born_aged(age, ND07), in_school=False, **facts)
    assert outcome(household(m), D.ADULT_EDUCATION, ND07) is expected


def test_adult_education_in_school_is_never_deprived() -> None:
    m = member(born_aged(20, ND07), in_school=True)
    assert outcome(household(m), D.ADULT_EDUCATION, ND07) is O.NOT_DEPRIVED


def test_adult_education_2016_2021_counts_those_born_from_1986() -> None:
    assert figure("adult_education.born_from_year", QD59) == 1986
    facts = {"in_school": False, "education": "primary"}
    assert (
        outcome(household(member(date(1986, 1, 1), **facts)), D.ADULT_EDUCATION, QD59) is O.DEPRIVED
    )
    assert (
        outcome(household(member(date(1985, 12, 31), **facts)), D.ADULT_EDUCATION, QD59)
        is O.NOT_DEPRIVED
    )
    fourteen = member(born_aged(14, QD59), **facts)
    assert outcome(household(fourteen), D.ADULT_EDUCATION, QD59) is O.NOT_DEPRIVED
    done = member(date(1990, 1, 1), in_school=False, education="lower_secondary")
    assert outcome(household(done), D.ADULT_EDUCATION, QD59) is O.NOT_DEPRIVED


# --- employment and dependants ---------------------------------------------------------------


def test_employment_unemployed_able_or_wage_work_without_contract() -> None:
    adult = born_aged(30, ND07)
    cases: list[tuple[dict[str, Any], vl.IndicatorOutcome]] = [
        ({"employment": "unemployed", "able_to_work": True}, O.DEPRIVED),
        ({"employment": "unemployed", "able_to_work": False}, O.NOT_DEPRIVED),
        ({"employment": "unemployed"}, O.UNDETERMINED),
        ({"employment": "wage_without_contract"}, O.DEPRIVED),
        ({"employment": "wage_with_contract"}, O.NOT_DEPRIVED),
        ({"employment": "self_employed", "able_to_work": True}, O.NOT_DEPRIVED),
        ({"employment": "not_in_labour_force", "able_to_work": True}, O.NOT_DEPRIVED),
    ]
    for facts, expected in cases:
        hh = household(member(adult, sex="male", **facts))
        assert outcome(hh, D.EMPLOYMENT, ND07) is expected, facts
    child = member(born_aged(14, ND07, months=11), sex="male", employment="wage_without_contract")
    assert outcome(household(child), D.EMPLOYMENT, ND07) is O.NOT_DEPRIVED


@pytest.mark.parametrize(
    ("sex", "years", "months"),
    [("male", 61, 0), ("female", 56, 4)],  # retirement age in 2024
)
def test_working_age_ends_at_the_retirement_age_of_the_year(
    sex: str, years: int, months: int
) -> None:
    on = date(2024, 6, 1)
    codes = figure(f"employment.working_age.retirement_age.{sex}", on)
    assert isinstance(codes, tuple)
    assert f"2024={years}y{months}m" in codes
    facts = {"sex": sex, "employment": "wage_without_contract"}
    at = member(born_aged(years, on, months), **facts)
    assert outcome(household(at), D.EMPLOYMENT, on) is O.NOT_DEPRIVED
    before = member(born_aged(years, on, months - 1), **facts)
    assert outcome(household(before), D.EMPLOYMENT, on) is O.DEPRIVED


def test_working_age_needs_the_sex_only_between_the_two_retirement_ages() -> None:
    on = date(2024, 6, 1)
    facts = {"employment": "wage_without_contract"}
    assert outcome(household(member(born_aged(40, on), **facts)), D.EMPLOYMENT, on) is O.DEPRIVED
    assert (
        outcome(household(member(born_aged(70, on), **facts)), D.EMPLOYMENT, on) is O.NOT_DEPRIVED
    )
    a = assess(household(member(born_aged(58, on), **facts)), on)[D.EMPLOYMENT]
    assert a.outcome is O.UNDETERMINED
    assert [f.name for f in a.missing] == ["sex"]


@pytest.mark.parametrize("on", [ND07, ND351])
def test_dependants_more_than_half(on: date) -> None:
    assert figure("dependants.max_share_percent", on) == 50
    child = member(born_aged(15, on, months=11))
    worker = member(born_aged(35, on), monthly_social_allowance=False, disabled=False)
    half = household(child, child, worker, worker)
    assert outcome(half, D.DEPENDANTS, on) is O.NOT_DEPRIVED  # 2 of 4 is not more than half
    assert outcome(household(child, child, child, worker, worker), D.DEPENDANTS, on) is O.DEPRIVED
    elderly = member(born_aged(60, on), monthly_social_allowance=True)
    assert outcome(household(child, elderly, worker), D.DEPENDANTS, on) is O.DEPRIVED
    not_yet = member(born_aged(59, on, months=11), monthly_social_allowance=True, disabled=False)
    assert outcome(household(child, not_yet, worker), D.DEPENDANTS, on) is O.NOT_DEPRIVED
    disabled = member(born_aged(40, on), disabled=True, monthly_social_allowance=True)
    assert outcome(household(child, disabled, worker), D.DEPENDANTS, on) is O.DEPRIVED
    unknown = member(born_aged(70, on))  # allowance unknown: 1 or 2 of 3
    a = assess(household(child, unknown, worker), on)[D.DEPENDANTS]
    assert a.outcome is O.UNDETERMINED
    assert {f.name for f in a.missing} == {"monthly_social_allowance"}


# --- housing, water, sanitation, information -------------------------------------------------


@pytest.mark.parametrize("on", [QD59, ND07, ND351])
def test_housing_quality_at_least_two_of_three_structures(on: date) -> None:
    assert figure("housing_quality.min_non_durable", on) == 2
    people = (member(date(1980, 1, 1)),)

    def quality(**walls: bool) -> vl.IndicatorOutcome:
        return outcome(household(*people, dwelling=vl.Dwelling(**walls)), D.HOUSING_QUALITY, on)

    assert quality(durable_walls=False, durable_columns=True, durable_roof=True) is O.NOT_DEPRIVED
    assert quality(durable_walls=False, durable_columns=False, durable_roof=True) is O.DEPRIVED
    assert quality(durable_walls=False, durable_columns=False) is O.DEPRIVED
    assert quality(durable_walls=False) is O.UNDETERMINED
    assert quality(durable_walls=True, durable_columns=True) is O.NOT_DEPRIVED


@pytest.mark.parametrize("on", [QD59, ND07, ND351])
def test_floor_area_below_8_square_metres_a_person_exactly(on: date) -> None:
    assert figure("housing_area.min_m2_per_person", on) == 8
    four = [member(date(1980, 1, 1))] * 4

    def area(m2: object, people: list[vl.Member] = four, **extra: Any) -> vl.IndicatorOutcome:
        hh = household(*people, dwelling=vl.Dwelling(floor_area_m2=m2), **extra)
        return outcome(hh, D.HOUSING_AREA, on)

    assert area(32.0) is O.NOT_DEPRIVED  # exactly 8 m² each
    assert area("31,9") is O.DEPRIVED
    assert area(Decimal("31.99")) is O.DEPRIVED
    assert area(32, people=[], size=4) is O.NOT_DEPRIVED  # the household size stands in
    assert area(31, people=[], size=4) is O.DEPRIVED
    assert area(7.9, people=[]) is O.DEPRIVED  # below 8 for one person: for any number
    a = assess(household(dwelling=vl.Dwelling(floor_area_m2=20)), on)[D.HOUSING_AREA]
    assert a.outcome is O.UNDETERMINED
    assert [f.name for f in a.missing] == ["members"]


def test_water_latrine_and_waste_by_code_lists() -> None:
    people = (member(date(1980, 1, 1)),)
    sources = figure("domestic_water.qualifying_sources", ND07)
    assert isinstance(sources, tuple)
    for source in vl.WaterSource:
        hh = household(*people, dwelling=vl.Dwelling(water_source=source))
        expected = O.NOT_DEPRIVED if source.value in sources else O.DEPRIVED
        assert outcome(hh, D.DOMESTIC_WATER, ND07) is expected, source
    types = figure("hygienic_latrine.qualifying_types", ND07)
    assert isinstance(types, tuple)
    for latrine in vl.LatrineType:
        hh = household(*people, dwelling=vl.Dwelling(latrine=latrine))
        expected = O.NOT_DEPRIVED if latrine.value in types else O.DEPRIVED
        assert outcome(hh, D.HYGIENIC_LATRINE, ND07) is expected, latrine
    assert outcome(household(*people), D.HYGIENIC_LATRINE, ND07) is O.UNDETERMINED
    handled = figure("waste_treatment.qualifying_handling", ND351)
    assert handled == ("collected", "treated_on_site")
    for way in vl.WasteHandling:
        hh = household(*people, dwelling=vl.Dwelling(waste_handling=way))
        expected = O.NOT_DEPRIVED if way.value in handled else O.DEPRIVED
        assert outcome(hh, D.WASTE_TREATMENT, ND351) is expected, way


def test_telecom_needs_neither_telephone_nor_internet() -> None:
    people = (member(date(1980, 1, 1)),)

    def telecom(**facts: bool) -> vl.IndicatorOutcome:
        return outcome(household(*people, dwelling=vl.Dwelling(**facts)), D.TELECOM_SERVICES, ND07)

    assert telecom(uses_telephone=False, uses_internet=False) is O.DEPRIVED
    assert telecom(uses_telephone=True, uses_internet=False) is O.NOT_DEPRIVED
    assert telecom(uses_telephone=True) is O.NOT_DEPRIVED
    assert telecom(uses_telephone=False) is O.UNDETERMINED


def test_a_smartphone_counts_for_information_from_2022_only() -> None:
    people = (member(date(1980, 1, 1)),)
    dwelling = vl.Dwelling(information_devices=["smartphone"], hears_loudspeaker=False)
    hh = household(*people, dwelling=dwelling)
    assert outcome(hh, D.INFORMATION_ACCESS, QD59) is O.DEPRIVED
    assert outcome(hh, D.INFORMATION_ACCESS, ND07) is O.NOT_DEPRIVED
    loudspeaker = household(
        *people, dwelling=vl.Dwelling(information_devices=[], hears_loudspeaker=True)
    )
    assert outcome(loudspeaker, D.INFORMATION_ACCESS, ND07) is O.NOT_DEPRIVED
    nothing = household(
        *people, dwelling=vl.Dwelling(information_devices=[], hears_loudspeaker=False)
    )
    assert outcome(nothing, D.INFORMATION_ACCESS, ND07) is O.DEPRIVED


def test_2027_digital_services_and_health_services_2016() -> None:
    people = (member(date(1980, 1, 1)),)
    offline = household(*people, dwelling=vl.Dwelling(uses_internet=False, uses_telephone=True))
    assert outcome(offline, D.DIGITAL_SERVICES, ND351) is O.DEPRIVED
    assert outcome(offline, D.TELECOM_SERVICES, ND07) is O.NOT_DEPRIVED
    ill = household(member(date(1950, 1, 1), untreated_illness=True))
    assert outcome(ill, D.HEALTH_SERVICES, QD59) is O.DEPRIVED


def test_each_standard_assesses_exactly_its_indicators() -> None:
    hh = household(member(date(1980, 1, 1)))
    for on in (QD59, ND07, ND351):
        a = assess(hh, on)
        standard = vl.standard_in_force(on)
        assert [i.indicator for i in a] == list(standard.indicators)
        assert a.deprived | a.undetermined | a.not_deprived == set(standard.indicators)
        assert not a.deprived & a.undetermined
        assert not a.deprived & a.not_deprived
        assert not a.undetermined & a.not_deprived


# --- reference date, explanations, overlays --------------------------------------------------


def test_ages_for_a_list_year_are_counted_on_the_first_day_of_its_review() -> None:
    review_day = vl.poverty.review_reference_date(2025)
    assert review_day == date(2024, 9, 1)
    six = member(date(2018, 9, 1), health_insurance=False)
    five = member(date(2018, 9, 2), health_insurance=False)
    assert (
        vl.assess_deprivations(household(six), list_year=2025)[D.HEALTH_INSURANCE].outcome
        is O.DEPRIVED
    )
    a = vl.assess_deprivations(household(five), list_year=2025)
    assert a.on == review_day
    assert a[D.HEALTH_INSURANCE].outcome is O.NOT_DEPRIVED
    assert a.standard.key == "07/2021/NĐ-CP"
    assert vl.assess_deprivations(household(five), list_year=2027).standard.key == "351/2025/NĐ-CP"


def test_on_or_list_year_exactly_one() -> None:
    with pytest.raises(TypeError, match="exactly one"):
        vl.assess_deprivations(household(), on=ND07, list_year=2025)
    with pytest.raises(TypeError, match="exactly one"):
        vl.assess_deprivations(household())
    with pytest.raises(vl.ParameterNotInForce, match=r"poverty\.review\.window"):
        vl.assess_deprivations(household(), list_year=2021)
    with pytest.raises(TypeError, match="Household"):
        vl.assess_deprivations({"area": "rural"}, on=ND07)  # type: ignore[arg-type]


def test_explanation_names_facts_missing_facts_and_flags_unconfirmed_thresholds() -> None:
    hh = household(
        member(date(1990, 5, 1), health_insurance=False),
        member(date(2019, 2, 1), health_insurance=True),
        dwelling=vl.Dwelling(floor_area_m2=40, water_source="piped"),
    )
    a = assess(hh, ND07)
    vi, en = a.explain("vi"), a.explain("en")
    assert (
        "Bảo hiểm y tế: thiếu hụt — thành viên 1: ngày sinh: 01/05/1990 (33 tuổi), "
        "có thẻ bảo hiểm y tế: không." in vi
    )
    assert (
        "Health insurance: deprived — member 1: date of birth: 01/05/1990 (aged 33), "
        "holds a health-insurance card: no." in en
    )
    assert (
        "Dinh dưỡng: chưa xác định — thiếu thông tin: thành viên 2: "
        "suy dinh dưỡng thể thấp còi, suy dinh dưỡng thể nhẹ cân." in vi
    )
    assert (
        "Threshold (confidence R, not confirmed from the legal text): "
        "At least one member aged 6 or over" in en
    )
    # Every indicator here rests on an unconfirmed annex: no threshold reads as confirmed.
    assert "Threshold: " not in en
    assert a.unconfirmed == set(a.standard.indicators)
    assert "[R: not fully confirmed]" in en


def test_a_province_can_change_a_figure_and_the_rule_follows() -> None:
    overlay = vl.law.Overlay.from_toml(
        """
[overlay]
key = "test-province"
name = { vi = "Tỉnh thử", en = "Test province" }

[instruments."TEST/2024"]
kind = "decision"
number = "TEST/2024"
issuer = { vi = "UBND tỉnh", en = "Provincial People's Committee" }
title = { vi = "thử", en = "test" }
confidence = "C"

[[parameters."poverty.indicator.health_insurance.min_age".values]]
from = 2024-01-01
to = 2025-12-31
value = 0
cite = { instrument = "TEST/2024", article = "1", confidence = "C" }
"""
    )
    book = national().with_overlay(overlay)
    baby = household(member(born_aged(1, ND07), health_insurance=False))
    assert outcome(baby, D.HEALTH_INSURANCE, ND07) is O.NOT_DEPRIVED
    a = vl.assess_deprivations(baby, on=ND07, law=book)
    assert a[D.HEALTH_INSURANCE].outcome is O.DEPRIVED
    assert "aged 0 or over" in a[D.HEALTH_INSURANCE].threshold.en
    assert a.standard.overlays == ("test-province",)
    # The day before the province's value the national one applies.
    assert (
        vl.assess_deprivations(baby, on=date(2023, 12, 31), law=book)[D.HEALTH_INSURANCE].outcome
        is O.NOT_DEPRIVED
    )
    assert "Decision TEST/2024, Art. 1" in a.explain("en", law=book)
