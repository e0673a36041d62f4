"""The facts the review records: on members, on the dwelling; unknown is None, never False."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

import vnlabor as vl
from vnlabor.model.person import MEMBER_SURVEY_FACTS


def test_the_contract_examples() -> None:
    m = vl.Member(birth_date=date(2018, 3, 1), health_insurance=False, in_school=None)
    assert m.health_insurance is False
    assert m.in_school is None
    d = vl.Dwelling(floor_area_m2=31.9)
    hh = vl.Household(
        area=vl.Area.RURAL, monthly_income_per_capita=1_000_000, members=(m,), dwelling=d
    )
    assert hh.dwelling is d
    assert hh.members == (m,)


def test_every_fact_is_unknown_by_default() -> None:
    m = vl.Member()
    assert all(getattr(m, name) is None for name in MEMBER_SURVEY_FACTS)
    assert not m.has_survey_facts
    d = vl.Dwelling()
    assert all(getattr(d, name) is None for name in vl.Dwelling.model_fields)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (31.9, Decimal("31.9")),  # a float is read as the decimal it prints as
        (32.0, Decimal("32.0")),
        ("31,9", Decimal("31.9")),
        ("1.234,5", Decimal("1234.5")),
        ("40 m²", Decimal("40")),
        (Decimal("7.99"), Decimal("7.99")),
        (0, Decimal("0")),
    ],
)
def test_floor_area_is_exact(given: Any, expected: Decimal) -> None:
    area = vl.Dwelling(floor_area_m2=given).floor_area_m2
    assert area == expected
    assert isinstance(area, Decimal)


def test_32_square_metres_for_4_people_is_exactly_8_each() -> None:
    # A binary float would make 32.0 / 4 fine but 0.1 * 3 not: the area is a Decimal.
    area = vl.Dwelling(floor_area_m2=0.1).floor_area_m2
    assert area is not None
    assert area * 3 == Decimal("0.3")


@pytest.mark.parametrize("bad", [-1, "abc", float("nan"), float("inf"), True, [1]])
def test_a_bad_floor_area_is_refused_naming_the_value(bad: Any) -> None:
    with pytest.raises(ValidationError) as info:
        vl.Dwelling(floor_area_m2=bad)
    (error,) = info.value.errors()
    assert error["type"] == "vnlabor.area_m2"
    assert error["loc"] == ("floor_area_m2",)
    assert "diện tích không hợp lệ / invalid area in m²" in error["msg"]


def test_codes_are_read_leniently_and_unknown_ones_refused_bilingually() -> None:
    d = vl.Dwelling(
        water_source=" Piped ", latrine="SEPTIC", information_devices="television; Radio"
    )
    assert d.water_source is vl.WaterSource.PIPED
    assert d.latrine is vl.LatrineType.SEPTIC
    assert d.information_devices == frozenset(
        {vl.InformationDevice.TELEVISION, vl.InformationDevice.RADIO}
    )
    with pytest.raises(ValidationError) as info:
        vl.Dwelling(water_source="giếng trời")
    (error,) = info.value.errors()
    assert error["type"] == "vnlabor.water_source_unknown"
    assert "nguồn nước sinh hoạt không hợp lệ / unknown water source: 'giếng trời'" in error["msg"]
    assert "piped" in error["msg"]


def test_no_devices_is_not_the_same_as_devices_unknown() -> None:
    assert vl.Dwelling(information_devices=[]).information_devices == frozenset()
    assert vl.Dwelling().information_devices is None


def test_member_enums() -> None:
    m = vl.Member(
        education="lower_secondary",
        training="elementary_vocational",
        employment="wage_without_contract",
    )
    assert m.education is vl.EducationLevel.LOWER_SECONDARY
    assert m.training is vl.TrainingLevel.ELEMENTARY_VOCATIONAL
    assert m.employment is vl.EmploymentSituation.WAGE_WITHOUT_CONTRACT
    assert m.has_survey_facts


def test_at_the_expected_school_level_means_in_school() -> None:
    vl.Member(in_school=True, at_expected_school_level=True)
    vl.Member(in_school=None, at_expected_school_level=True)
    vl.Member(in_school=False, at_expected_school_level=False)
    with pytest.raises(ValidationError, match="at_expected_school_level=True needs in_school"):
        vl.Member(in_school=False, at_expected_school_level=True)


def test_deprivations_not_given_is_distinct_from_given_as_none() -> None:
    bare = vl.Household(area="rural", monthly_income_per_capita=0)
    none = vl.Household(area="rural", monthly_income_per_capita=0, deprivations=[])
    assert bare.deprivations == none.deprivations == frozenset()
    assert not bare.deprivations_given
    assert none.deprivations_given


@pytest.mark.parametrize("given", [False, True])
def test_not_given_survives_a_round_trip_through_json_and_dicts(given: bool) -> None:
    extra: dict[str, Any] = {"deprivations": ["nutrition"]} if given else {}
    hh = vl.Household(
        area="rural",
        monthly_income_per_capita=1,
        members=(vl.Member(health_insurance=False),),
        dwelling=vl.Dwelling(floor_area_m2="12,5", information_devices=[]),
        **extra,
    )
    for again in (
        vl.Household.model_validate_json(hh.model_dump_json()),
        vl.Household.model_validate(hh.model_dump()),
    ):
        assert again == hh
        assert again.deprivations_given is given
        assert again.dwelling is not None
        assert again.dwelling.floor_area_m2 == Decimal("12.5")


def test_the_serialisation_schema_still_describes_every_field() -> None:
    schema = vl.Household.model_json_schema(mode="serialization")
    assert set(vl.Household.model_fields) <= set(schema["properties"])


def test_survey_facts_are_the_review_fields_not_identity_or_age() -> None:
    described = vl.Member(birth_date=date(1990, 1, 1), sex="female", disabled=True)
    assert not described.has_survey_facts
    old_style = vl.Household(area="rural", monthly_income_per_capita=0, members=(described,))
    assert not old_style.has_survey_facts
    assert vl.Household(
        area="rural", monthly_income_per_capita=0, members=(described, vl.Member(stunted=False))
    ).has_survey_facts
    assert vl.Household(
        area="rural", monthly_income_per_capita=0, dwelling=vl.Dwelling()
    ).has_survey_facts


def test_every_new_label_exists_in_both_languages() -> None:
    from vnlabor.l10n import field_label, label

    for enum in (
        vl.EducationLevel,
        vl.TrainingLevel,
        vl.EmploymentSituation,
        vl.WaterSource,
        vl.LatrineType,
        vl.WasteHandling,
        vl.InformationDevice,
        vl.IndicatorOutcome,
    ):
        for member in enum:
            assert label(member, "vi") != label(member, "en") or member.name == "RADIO"
    assert (
        field_label(vl.Dwelling, "hears_loudspeaker", "vi") == "nghe được loa truyền thanh xã/thôn"
    )
    assert label(vl.PovertyStatus.UNDETERMINED, "vi") == "chưa xác định"
