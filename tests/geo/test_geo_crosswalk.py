"""The 2025 crosswalk: old code -> new code, and re-keying additive values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from vnlabor.geo import (
    REFORM_2025,
    GeographyNotCoveredError,
    PartialProvinceDataError,
    UnknownProvinceError,
    crosswalk,
    predecessors,
    province,
    province_as_of,
    provinces,
    rekey_to_new_provinces,
    successor,
)

BEFORE = date(2025, 6, 30)
OLD_CODES = [p.code for p in provinces(BEFORE)]
NEW_CODES = [p.code for p in provinces(REFORM_2025)]


def test_every_old_unit_maps_to_exactly_one_new_unit() -> None:
    cw = crosswalk()
    assert sorted(cw) == OLD_CODES
    assert set(cw.values()) == set(NEW_CODES)
    for old in provinces(BEFORE):
        assert len(old.successors) == 1
        assert successor(old.code).code == cw[old.code]


def test_predecessor_sets_partition_the_63() -> None:
    groups = [tuple(p.code for p in predecessors(code)) for code in NEW_CODES]
    assert all(len(g) >= 1 for g in groups)
    flat = [code for g in groups for code in g]
    assert len(flat) == len(set(flat)) == 63
    assert sorted(flat) == OLD_CODES


def test_crosswalk_agrees_with_predecessors() -> None:
    cw = crosswalk()
    for new_code in NEW_CODES:
        assert {p.code for p in predecessors(new_code)} == {
            old for old, new in cw.items() if new == new_code
        }


def test_successor_is_the_unit_on_the_reform_day() -> None:
    tq = successor("02")
    assert (tq.code, tq.name_vi, tq.valid_from) == ("08", "Tỉnh Tuyên Quang", REFORM_2025)
    # Đồng Nai became a city later; successor() answers for 01/07/2025 ...
    assert successor("70").name_vi == "Tỉnh Đồng Nai"
    # ... and the code finds it on any later date.
    assert province(successor("70").code, on=date(2026, 5, 1)).name_vi == "Thành phố Đồng Nai"


def test_successor_reads_codes_of_the_old_map() -> None:
    assert successor("15").short_name_vi == "Lào Cai"  # 15 was Yên Bái
    with pytest.raises(UnknownProvinceError):
        successor("99")


def test_predecessors_reads_codes_of_the_new_map() -> None:
    assert [p.short_name_vi for p in predecessors("52")] == ["Bình Định", "Gia Lai"]
    with pytest.raises(UnknownProvinceError):
        predecessors("02")  # Hà Giang is not on the new map


def test_crosswalk_is_read_only() -> None:
    cw = crosswalk()
    with pytest.raises(TypeError):
        cw["02"] = "01"  # type: ignore[index]
    assert crosswalk() is cw


def test_rekey_sums_ints_per_new_unit() -> None:
    households = {"35": 10, "36": 20, "37": 30, "01": 5}
    assert rekey_to_new_provinces(households) == {"01": 5, "37": 60}


def test_rekey_whole_country_keeps_the_total() -> None:
    values = {code: int(code) for code in OLD_CODES}
    rekeyed = rekey_to_new_provinces(values)
    assert sorted(rekeyed) == NEW_CODES
    assert sum(rekeyed.values()) == sum(values.values())
    assert rekeyed["79"] == 74 + 77 + 79


def test_rekey_fractions_and_decimals_stay_exact() -> None:
    assert rekey_to_new_provinces({"95": Fraction(1, 3), "96": Fraction(1, 6)}) == {
        "96": Fraction(1, 2)
    }
    assert rekey_to_new_provinces({"89": Decimal("0.1"), "91": Decimal("0.2")}) == {
        "91": Decimal("0.3")
    }


def test_rekey_refuses_a_partial_new_unit() -> None:
    with pytest.raises(PartialProvinceDataError) as info:
        rekey_to_new_provinces({"74": 1, "79": 2})
    assert isinstance(info.value, ValueError)
    assert info.value.new_code == "79"
    assert info.value.missing == ("77",)
    assert "77" in str(info.value)


def test_rekey_partial_on_request() -> None:
    assert rekey_to_new_provinces({"74": 1, "79": 2}, allow_partial=True) == {"79": 3}


def test_rekey_unknown_key() -> None:
    with pytest.raises(UnknownProvinceError) as info:
        rekey_to_new_provinces({"28": 1})  # Hà Tây, gone since 2008
    assert "'28'" in str(info.value)


def test_rekey_rejects_bool() -> None:
    with pytest.raises(TypeError):
        rekey_to_new_provinces({"01": True})


def test_rekey_empty() -> None:
    assert rekey_to_new_provinces({}) == {}


# --------------------------------------------------------- a record's unit on another map


@pytest.mark.parametrize(
    ("code", "recorded_on", "on", "expected"),
    [
        ("26", date(2024, 5, 1), REFORM_2025, "25"),  # Vĩnh Phúc -> Phú Thọ
        ("15", date(2024, 5, 1), REFORM_2025, "15"),  # Yên Bái -> Lào Cai (code 15)
        ("10", date(2024, 5, 1), REFORM_2025, "15"),  # Lào Cai -> Lào Cai (code 15)
        ("02", BEFORE, REFORM_2025, "08"),  # Hà Giang -> Tuyên Quang, last old day
        ("20", date(2019, 6, 1), REFORM_2025, "20"),  # Lạng Sơn, unchanged
        ("46", date(2020, 1, 1), REFORM_2025, "46"),  # Thừa Thiên Huế -> Huế, same code
        ("70", date(2024, 1, 1), date(2026, 5, 1), "75"),  # Bình Phước -> Thành phố Đồng Nai
        ("25", REFORM_2025, REFORM_2025, "25"),  # already on the new map
        ("20", date(2026, 1, 5), BEFORE, "20"),  # back: an unchanged unit
        ("46", date(2026, 1, 5), date(2024, 6, 1), "46"),  # back through two changes
        ("25", date(2026, 1, 5), BEFORE, None),  # back: merged Phú Thọ cannot be split
        ("79", date(2025, 7, 1), date(2024, 6, 1), None),  # nor Hồ Chí Minh City
    ],
)
def test_province_as_of(code: str, recorded_on: date, on: date, expected: str | None) -> None:
    unit = province_as_of(code, recorded_on, on)
    assert (None if unit is None else unit.code) == expected
    if unit is not None:
        assert unit.in_force(on)


def test_province_as_of_forward_agrees_with_the_crosswalk() -> None:
    for old, new in crosswalk().items():
        unit = province_as_of(old, date(2020, 1, 1), REFORM_2025)
        assert unit is not None
        assert unit.code == new


def test_province_as_of_needs_a_code_in_force_on_the_record_date() -> None:
    with pytest.raises(UnknownProvinceError):
        province_as_of("02", date(2025, 8, 1), REFORM_2025)  # Hà Giang no longer exists
    with pytest.raises(GeographyNotCoveredError):
        province_as_of("01", date(2024, 1, 1), date(2000, 1, 1))
