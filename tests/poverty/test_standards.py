"""Which standard is in force on which day, and for which year's lists."""

from datetime import date

import pytest

import vnlabor as vl
from vnlabor.errors import NoStandardForListYear
from vnlabor.poverty import covered_range, standard_for_list_year, standard_in_force


@pytest.mark.parametrize(
    ("day", "instrument", "rural", "urban"),
    [
        (date(2016, 1, 5), "59/2015/QĐ-TTg", 1_000_000, 1_300_000),  # QĐ 59 in force
        (date(2021, 12, 31), "59/2015/QĐ-TTg", 1_000_000, 1_300_000),  # kept for 2021
        (date(2022, 1, 1), "07/2021/NĐ-CP", 1_500_000, 2_000_000),
        (date(2025, 12, 31), "07/2021/NĐ-CP", 1_500_000, 2_000_000),
        (date(2026, 1, 1), "07/2021/NĐ-CP", 1_500_000, 2_000_000),  # continued by 351/2025
        (date(2026, 12, 31), "07/2021/NĐ-CP", 1_500_000, 2_000_000),
        (date(2027, 1, 1), "351/2025/NĐ-CP", 2_200_000, 2_800_000),
        (date(2030, 12, 31), "351/2025/NĐ-CP", 2_200_000, 2_800_000),
    ],
)
def test_first_and_last_day_of_each_standard(
    day: date, instrument: str, rural: int, urban: int
) -> None:
    s = standard_in_force(day)
    assert s.key == instrument
    assert s.income_line == {vl.Area.RURAL: rural, vl.Area.URBAN: urban}
    assert s.deprivation_cutoff == 3
    assert s.valid_from <= day <= s.valid_to


@pytest.mark.parametrize("day", [date(2016, 1, 4), date(2010, 1, 1), date(2031, 1, 1)])
def test_days_outside_the_data_raise_no_standard_in_force(day: date) -> None:
    with pytest.raises(vl.NoStandardInForce) as err:
        standard_in_force(day)
    assert isinstance(err.value, LookupError)
    assert day.isoformat() in str(err.value)
    assert "2016-01-05 – 2030-12-31" in str(err.value)
    assert err.value.on == day


def test_covered_range() -> None:
    assert covered_range() == (date(2016, 1, 5), date(2030, 12, 31))


def test_indicator_sets_per_standard() -> None:
    d = vl.Deprivation
    qd59 = standard_in_force(date(2018, 1, 1))
    nd07 = standard_in_force(date(2024, 1, 1))
    nd351 = standard_in_force(date(2028, 1, 1))
    assert len(qd59.indicators) == 10
    assert d.HEALTH_SERVICES in qd59.indicators
    assert d.EMPLOYMENT not in qd59.indicators
    assert len(nd07.indicators) == 12
    assert d.EMPLOYMENT in nd07.indicators
    assert d.HEALTH_SERVICES not in nd07.indicators
    assert d.INFORMATION_ACCESS not in nd351.indicators  # removed by Decree 351/2025
    assert {d.WASTE_TREATMENT, d.DIGITAL_SERVICES} <= set(nd351.indicators)
    for s in (qd59, nd07, nd351):
        assert set(s.definitions) == set(s.indicators)
        for ind in s.indicators:
            assert s.definitions[ind].threshold.vi
            assert s.definitions[ind].threshold.en


def test_bands_only_where_the_standard_has_them() -> None:
    assert standard_in_force(date(2018, 1, 1)).unconditional_poor_line is not None
    assert standard_in_force(date(2022, 1, 1)).unconditional_poor_line is None
    assert standard_in_force(date(2026, 6, 1)).average_living_standard_line is not None
    assert standard_in_force(date(2027, 1, 1)).average_living_standard_line is None


def test_standard_for_the_lists_of_a_year() -> None:
    # The late-2021 review applied Decree 07/2021 to produce the 2022 lists.
    assert standard_for_list_year(2022).key == "07/2021/NĐ-CP"
    assert standard_for_list_year(2021).key == "59/2015/QĐ-TTg"
    assert standard_for_list_year(2027).key == "351/2025/NĐ-CP"
    with pytest.raises(vl.NoStandardInForce):
        standard_for_list_year(2031)


def test_a_standard_counts_only_its_own_indicators() -> None:
    d = vl.Deprivation
    s2024 = standard_in_force(date(2024, 3, 1))
    given = {d.HEALTH_INSURANCE, d.DIGITAL_SERVICES, d.NUTRITION}
    assert s2024.counted(given) == frozenset({d.HEALTH_INSURANCE, d.NUTRITION})
    assert s2024.counted([]) == frozenset()
    assert d.DIGITAL_SERVICES in standard_in_force(date(2027, 1, 1)).counted(given)
    assert s2024.dimension_of(d.HEALTH_INSURANCE) == s2024.definitions[d.HEALTH_INSURANCE].dimension


def test_the_lists_of_a_year_follow_the_law_book_given() -> None:
    from vnlabor.law import bundled_overlay, national

    dong_nai = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    assert standard_for_list_year(2023, law=dong_nai).income_line[vl.Area.RURAL] == 2_000_000
    assert standard_for_list_year(2023).income_line[vl.Area.RURAL] == 1_500_000


@pytest.mark.parametrize(("year", "first"), [(2016, date(2016, 1, 5)), (2030, date(2030, 1, 1))])
def test_the_first_and_last_list_years_encoded(year: int, first: date) -> None:
    from vnlabor.poverty.standard import list_year_start

    assert list_year_start(year) == first
    assert standard_for_list_year(year).valid_from <= first


@pytest.mark.parametrize("year", [2015, 2031])
def test_a_list_year_outside_the_data_names_the_year_and_the_range(year: int) -> None:
    with pytest.raises(NoStandardForListYear) as info:
        standard_for_list_year(year)
    assert info.value.year == year
    assert info.value.covered == "2016-01-05 – 2030-12-31"
    assert str(year) in str(info.value)


@pytest.mark.parametrize("bad", [True, "2024", 2024.0])
def test_a_list_year_that_is_not_a_whole_number_is_refused(bad: object) -> None:
    with pytest.raises(TypeError, match="list_year") as info:
        standard_for_list_year(bad)  # type: ignore[arg-type]
    assert type(bad).__name__ in str(info.value)


def test_the_standard_in_force_follows_the_law_book_given() -> None:
    from vnlabor.law import bundled_overlay, national

    dong_nai = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    s = standard_in_force(date(2024, 3, 1), law=dong_nai)
    assert s.income_line[vl.Area.RURAL] == 2_000_000
    assert s.overlays == ("dong-nai-2022-2025",)
    hh = vl.Household(area=vl.Area.RURAL, monthly_income_per_capita=1_000_000)
    c = vl.classify(hh, on=date(2024, 3, 1))
    assert c.explain() == c.explain("vi")
