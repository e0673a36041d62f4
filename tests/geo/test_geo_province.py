"""Dated lookups of provincial-level units: counts, codes, names, dates, errors."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta

import pytest
from pydantic import ValidationError

from vnlabor.base.confidence import Confidence
from vnlabor.errors import VnlaborError
from vnlabor.geo import (
    REFORM_2025,
    AmbiguousProvinceNameError,
    GeographyNotCoveredError,
    Province,
    ProvinceKind,
    UnknownProvinceError,
    coverage_start,
    find_province,
    predecessors,
    province,
    provinces,
)
from vnlabor.geo import registry as geo_registry
from vnlabor.geo.registry import _build, _fold, _registry
from vnlabor.law import Citation, national

BEFORE = date(2025, 6, 30)
CITY = ProvinceKind.CENTRALLY_RUN_CITY

# Resolution 202/2025/QH15, Điều 1 khoản 24: the 11 units not rearranged, with the
# code each carries on both maps.
UNCHANGED = {
    "Hà Nội": "01",
    "Huế": "46",
    "Lai Châu": "12",
    "Điện Biên": "11",
    "Sơn La": "14",
    "Lạng Sơn": "20",
    "Quảng Ninh": "22",
    "Thanh Hóa": "38",
    "Nghệ An": "40",
    "Hà Tĩnh": "42",
    "Cao Bằng": "04",
}

# Điều 1 khoản 1-23: new unit -> every old unit it is made of (including its namesake).
MERGERS = {
    "Tuyên Quang": {"Tuyên Quang", "Hà Giang"},
    "Lào Cai": {"Lào Cai", "Yên Bái"},
    "Thái Nguyên": {"Thái Nguyên", "Bắc Kạn"},
    "Phú Thọ": {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"},
    "Bắc Ninh": {"Bắc Ninh", "Bắc Giang"},
    "Hưng Yên": {"Hưng Yên", "Thái Bình"},
    "Hải Phòng": {"Hải Phòng", "Hải Dương"},
    "Ninh Bình": {"Ninh Bình", "Hà Nam", "Nam Định"},
    "Quảng Trị": {"Quảng Trị", "Quảng Bình"},
    "Đà Nẵng": {"Đà Nẵng", "Quảng Nam"},
    "Quảng Ngãi": {"Quảng Ngãi", "Kon Tum"},
    "Gia Lai": {"Gia Lai", "Bình Định"},
    "Khánh Hòa": {"Khánh Hòa", "Ninh Thuận"},
    "Lâm Đồng": {"Lâm Đồng", "Đắk Nông", "Bình Thuận"},
    "Đắk Lắk": {"Đắk Lắk", "Phú Yên"},
    "Hồ Chí Minh": {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"},
    "Đồng Nai": {"Đồng Nai", "Bình Phước"},
    "Tây Ninh": {"Tây Ninh", "Long An"},
    "Cần Thơ": {"Cần Thơ", "Sóc Trăng", "Hậu Giang"},
    "Vĩnh Long": {"Vĩnh Long", "Bến Tre", "Trà Vinh"},
    "Đồng Tháp": {"Đồng Tháp", "Tiền Giang"},
    "Cà Mau": {"Cà Mau", "Bạc Liêu"},
    "An Giang": {"An Giang", "Kiên Giang"},
}

# Merged units whose code is not their namesake's: QĐ 19/2025/QĐ-TTg gives them the
# code of the constituent that holds the administrative centre.
CODE_CHANGES = [
    ("Lào Cai", "10", "15"),
    ("Bắc Ninh", "27", "24"),
    ("Quảng Trị", "45", "44"),
    ("Gia Lai", "64", "52"),
    ("Tây Ninh", "72", "80"),
    ("Đồng Tháp", "87", "82"),
    ("An Giang", "89", "91"),
]


def _count_kinds(units: tuple[Province, ...]) -> tuple[int, int]:
    cities = sum(p.kind is CITY for p in units)
    return cities, len(units) - cities


# ---------------------------------------------------------------------- the two maps


def test_63_units_until_the_reform() -> None:
    assert len(provinces(BEFORE)) == 63
    assert len(provinces(coverage_start())) == 63
    assert len({p.code for p in provinces(BEFORE)}) == 63


def test_34_units_from_the_reform() -> None:
    new = provinces(REFORM_2025)
    assert len(new) == 34
    assert _count_kinds(new) == (6, 28)
    assert len(provinces(date(2100, 1, 1))) == 34  # the latest map holds onwards


def test_hue_became_a_city_on_1_january_2025() -> None:
    assert _count_kinds(provinces(date(2024, 12, 31))) == (5, 58)
    assert _count_kinds(provinces(date(2025, 1, 1))) == (6, 57)
    assert province("46", on=date(2024, 12, 31)).name_vi == "Tỉnh Thừa Thiên Huế"
    assert province("46", on=date(2025, 1, 1)).name_vi == "Thành phố Huế"


@pytest.mark.parametrize(
    ("code", "first_city_day", "name"),
    [
        ("75", date(2026, 4, 30), "Thành phố Đồng Nai"),
        ("22", date(2026, 9, 1), "Thành phố Quảng Ninh"),
        ("24", date(2026, 9, 20), "Thành phố Bắc Ninh"),
    ],
)
def test_2026_upgrades_to_centrally_run_city(code: str, first_city_day: date, name: str) -> None:
    before = province(code, on=first_city_day - timedelta(days=1))
    after = province(code, on=first_city_day)
    assert before.kind is ProvinceKind.PROVINCE
    assert (after.kind, after.name_vi, after.predecessors) == (CITY, name, (code,))
    assert before.successors == (code,)


def test_34_units_are_25_provinces_and_9_cities_from_20_september_2026() -> None:
    assert _count_kinds(provinces(date(2026, 9, 20))) == (9, 25)


def test_sorted_by_code() -> None:
    for on in (BEFORE, REFORM_2025):
        codes = [p.code for p in provinces(on)]
        assert codes == sorted(codes)


def test_the_day_before_and_the_day_of_the_reform() -> None:
    old = {p.code: p for p in provinces(BEFORE)}
    new = {p.code: p for p in provinces(REFORM_2025)}
    assert all(p.valid_to == BEFORE for p in old.values())
    assert all(p.valid_from == REFORM_2025 for p in new.values())
    assert old["15"].short_name_vi == "Yên Bái"
    assert new["15"].short_name_vi == "Lào Cai"
    assert "02" in old
    assert "02" not in new


def test_before_coverage_is_an_error_naming_date_and_range() -> None:
    day = coverage_start() - (REFORM_2025 - BEFORE)
    with pytest.raises(GeographyNotCoveredError) as info:
        provinces(day)
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, VnlaborError)
    assert info.value.on == day
    assert "2008-07-31" in str(info.value)
    assert "2008-08-01" in str(info.value)
    with pytest.raises(GeographyNotCoveredError):
        province("01", on=day)
    with pytest.raises(GeographyNotCoveredError):
        find_province("Hà Nội", on=day)


def test_geography_errors_live_in_vnlabor_errors() -> None:
    import vnlabor.errors

    for name in (
        "UnknownProvinceError",
        "GeographyNotCoveredError",
        "AmbiguousProvinceNameError",
        "PartialProvinceDataError",
    ):
        cls = getattr(vnlabor.errors, name)
        assert getattr(geo_registry, name) is cls
        assert cls.__module__ == "vnlabor.errors"
        assert issubclass(cls, VnlaborError)
    err = GeographyNotCoveredError(date(2000, 1, 1), coverage_start())
    # Like ParameterNotInForce and NoStandardInForce, it says what is covered.
    assert err.covered == "2008-08-01 – (open)"
    assert err.covered_from == date(2008, 8, 1)


def test_a_datetime_counts_as_its_calendar_day() -> None:
    assert province("15", on=datetime(2025, 6, 30, 23, 59)).short_name_vi == "Yên Bái"
    assert len(provinces(datetime(2025, 7, 1, 0, 0))) == 34


# --------------------------------------------------------------------- the 2025 merger


@pytest.mark.parametrize(("name", "code"), sorted(UNCHANGED.items()))
def test_unchanged_units_keep_their_code(name: str, code: str) -> None:
    old = find_province(name, on=BEFORE)
    new = find_province(name, on=REFORM_2025)
    assert old.code == new.code == code
    assert new.predecessors == (code,)
    assert [p.code for p in predecessors(code)] == [code]


@pytest.mark.parametrize(("new_name", "old_names"), sorted(MERGERS.items()))
def test_mergers_of_resolution_202(new_name: str, old_names: set[str]) -> None:
    new = find_province(new_name, on=REFORM_2025)
    assert {p.short_name_vi for p in predecessors(new.code)} == old_names
    assert new.short_name_vi == new_name


def test_mergers_and_unchanged_cover_all_34() -> None:
    named = set(MERGERS) | set(UNCHANGED)
    assert {p.short_name_vi for p in provinces(REFORM_2025)} == named


@pytest.mark.parametrize(("name", "old_code", "new_code"), CODE_CHANGES)
def test_seven_merged_units_changed_code(name: str, old_code: str, new_code: str) -> None:
    assert find_province(name, on=BEFORE).code == old_code
    assert find_province(name, on=REFORM_2025).code == new_code
    assert old_code in province(new_code, on=REFORM_2025).predecessors


def test_every_other_merged_unit_keeps_its_namesakes_code() -> None:
    changed = {name for name, _, _ in CODE_CHANGES}
    for name in set(MERGERS) - changed:
        assert find_province(name, on=BEFORE).code == find_province(name, on=REFORM_2025).code


# -------------------------------------------------------------------- lookup by code


def test_province_without_date_is_the_latest_holder_of_the_code() -> None:
    assert province("15").short_name_vi == "Lào Cai"
    assert province("02").short_name_vi == "Hà Giang"
    assert province("75").name_vi == "Thành phố Đồng Nai"


@pytest.mark.parametrize("code", ["99", "1", "", "2"])
def test_unknown_code_is_a_key_error_naming_it(code: str) -> None:
    with pytest.raises(UnknownProvinceError) as info:
        province(code)
    assert isinstance(info.value, KeyError)
    assert repr(code) in str(info.value)
    assert info.value.value == code


def test_code_not_in_force_on_the_date_says_when_it_was() -> None:
    with pytest.raises(UnknownProvinceError) as info:
        province("02", on=REFORM_2025)
    message = str(info.value)
    assert "'02'" in message
    assert "2025-07-01" in message
    assert "2008-08-01 to 2025-06-30" in message
    assert not message.startswith('"')  # not KeyError's repr of the message


def test_non_string_code_is_unknown() -> None:
    with pytest.raises(UnknownProvinceError):
        province(1)  # type: ignore[arg-type]


# -------------------------------------------------------------------- lookup by name


@pytest.mark.parametrize(
    ("query", "on", "code"),
    [
        ("Hà Nội", REFORM_2025, "01"),
        ("ha noi", REFORM_2025, "01"),
        ("HA NOI", REFORM_2025, "01"),
        ("Hanoi", REFORM_2025, "01"),
        ("Thành phố Hà Nội", REFORM_2025, "01"),
        ("TP. Hồ Chí Minh", REFORM_2025, "79"),
        ("Thành phố Hồ Chí Minh", REFORM_2025, "79"),
        ("Ho Chi Minh City", REFORM_2025, "79"),
        ("TP.HCM", REFORM_2025, "79"),
        ("TPHCM", REFORM_2025, "79"),
        ("HCMC", REFORM_2025, "79"),
        ("Sài Gòn", BEFORE, "79"),
        ("Tỉnh Đắk Lắk", REFORM_2025, "66"),
        ("Dak Lak province", REFORM_2025, "66"),
        ("daklak", REFORM_2025, "66"),
        ("Bà Rịa-Vũng Tàu", BEFORE, "77"),
        ("Ba Ria Vung Tau", BEFORE, "77"),
        ("Hoà Bình", BEFORE, "17"),  # old-style tone placement
        ("Thanh Hoá", REFORM_2025, "38"),
        ("Thừa Thiên Huế", date(2020, 1, 1), "46"),
        ("Huế", date(2020, 1, 1), "46"),  # colloquial for the former province
        ("Thừa Thiên Huế", REFORM_2025, "46"),  # former name of the city
        ("Da Nang", REFORM_2025, "48"),
        ("Bắc Cạn", BEFORE, "06"),
        ("Thành phố Đồng Nai", date(2026, 5, 1), "75"),
    ],
)
def test_find_by_name(query: str, on: date, code: str) -> None:
    assert find_province(query, on=on).code == code


def test_find_decomposed_unicode() -> None:
    decomposed = unicodedata.normalize("NFD", "Đồng Tháp")
    assert find_province(decomposed, on=BEFORE).code == "87"


def test_find_without_date_is_the_latest_unit_so_called() -> None:
    assert find_province("Lào Cai").code == "15"
    assert find_province("Yên Bái").code == "15"
    assert find_province("Yên Bái").valid_to == BEFORE
    assert find_province("Huế").name_vi == "Thành phố Huế"


@pytest.mark.parametrize("query", ["", "Tỉnh", "Ha Noii", "Hà Tây", "Việt Nam", "7"])
def test_find_unknown_name(query: str) -> None:
    with pytest.raises(UnknownProvinceError) as info:
        find_province(query, on=REFORM_2025)
    assert repr(query) in str(info.value)


def test_find_absorbed_unit_after_the_reform_is_unknown() -> None:
    with pytest.raises(UnknownProvinceError):
        find_province("Yên Bái", on=REFORM_2025)


def test_names_of_units_in_force_together_never_collide() -> None:
    for p in _registry().records:
        for on in (p.valid_from, p.valid_to or p.valid_from):
            for name in (p.name_vi, p.short_name_vi, p.name_en, *p.aliases):
                assert find_province(name, on=on) == p, (name, on)
            assert _fold(p.short_name_vi) == _fold(p.name_vi)


def test_ambiguous_name_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def entry(code: str, short: str, aliases: list[str]) -> dict[str, object]:
        return {
            "code": code,
            "name_vi": f"Tỉnh {short}",
            "short_name_vi": short,
            "name_en": short.encode("ascii", "ignore").decode(),
            "kind": "province",
            "valid_from": date(2008, 8, 1),
            "aliases": aliases,
            "confidence": "R",
            "citations": [{"instrument": "test", "confidence": "R", "note": "test"}],
        }

    raw = {"province": [entry("01", "Alpha", ["Shared"]), entry("02", "Beta", ["Shared"])]}
    registry = _build(raw)
    monkeypatch.setattr(geo_registry, "_registry", lambda: registry)
    with pytest.raises(AmbiguousProvinceNameError) as info:
        find_province("shared", on=date(2020, 1, 1))
    assert isinstance(info.value, LookupError)
    assert {p.code for p in info.value.candidates} == {"01", "02"}
    assert "01 Tỉnh Alpha" in str(info.value)
    with pytest.raises(AmbiguousProvinceNameError):
        find_province("Shared")
    assert find_province("Alpha").code == "01"


# ------------------------------------------------------------------------ the model


def _valid(**changes: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "code": "04",
        "name_vi": "Tỉnh Cao Bằng",
        "short_name_vi": "Cao Bằng",
        "name_en": "Cao Bang",
        "kind": "province",
        "valid_from": date(2025, 7, 1),
        "confidence": "P",
        "citations": [
            {"instrument": "202/2025/QH15", "article": "1", "clause": "24", "confidence": "P"}
        ],
    }
    fields.update(changes)
    return fields


def test_model_accepts_valid_entry() -> None:
    p = Province.model_validate(_valid())
    assert p.confidence is Confidence.PARTLY_CONFIRMED
    assert str(p) == "Tỉnh Cao Bằng"


def test_model_normalises_names_to_nfc() -> None:
    p = Province.model_validate(
        _valid(
            name_vi=unicodedata.normalize("NFD", "Tỉnh Cao Bằng"),
            short_name_vi=unicodedata.normalize("NFD", "Cao Bằng"),
            aliases=[unicodedata.normalize("NFD", "Cao Bằng cũ")],
        )
    )
    assert p.name_vi == "Tỉnh Cao Bằng"
    assert unicodedata.is_normalized("NFC", p.aliases[0])


@pytest.mark.parametrize(
    "changes",
    [
        {"name_vi": "Thành phố Cao Bằng"},  # prefix does not match kind
        {"name_en": "Cao Bằng"},  # not ASCII
        {"code": "4"},
        {"code": "004"},
        {"valid_to": date(2025, 6, 30)},  # ends before it starts
        {"successors": ["04"]},  # in force yet has successors
        {"predecessors": ["4"]},
        {"citations": []},
        {"citations": [{"instrument": "202/2025/QH15", "confidence": "P"}]},  # no locator
        {"citations": [{"instrument": "202/2025/QH15", "article": "1"}]},  # no confidence
        {"extra": 1},
    ],
)
def test_model_rejects_inconsistent_entry(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Province.model_validate(_valid(**changes))


def test_model_is_frozen() -> None:
    p = province("01", on=REFORM_2025)
    with pytest.raises(ValidationError):
        p.code = "02"  # type: ignore[misc]


def test_citations_are_law_citations_of_catalogued_instruments() -> None:
    lao_cai = province("15", on=REFORM_2025)
    assert all(isinstance(c, Citation) for c in lao_cai.citations)
    assert [c.instrument for c in lao_cai.citations] == ["202/2025/QH15", "19/2025/QĐ-TTg"]
    nq202 = lao_cai.citations[0]
    assert (nq202.article, nq202.clause) == ("1", "2")
    vi, en = national().cite(nq202, "vi"), national().cite(nq202, "en")
    assert vi.startswith("khoản 2 Điều 1 Nghị quyết số 202/2025/QH15 ngày 12/06/2025")
    assert en.startswith("Resolution 202/2025/QH15 of 12/06/2025, Art. 1(2)")
    assert national().instrument(nq202.instrument).url is not None


# ------------------------------------------------------------------------ the package


def test_the_module_is_not_hidden_by_the_function() -> None:
    import importlib

    import vnlabor.geo

    module = importlib.import_module("vnlabor.geo.registry")
    assert module is geo_registry
    assert vnlabor.geo.registry is module
    assert vnlabor.geo.province is module.province  # the function, not a module
    assert callable(vnlabor.geo.province)


def test_one_export_list() -> None:
    import vnlabor.geo

    assert vnlabor.geo.__all__ == geo_registry.__all__
    for name in geo_registry.__all__:
        assert getattr(vnlabor.geo, name) is getattr(geo_registry, name)
