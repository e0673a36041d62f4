"""Classification at every boundary of every standard, and bad input."""

from datetime import date

import pytest
from pydantic import ValidationError

import vnlabor as vl

D = vl.Deprivation
P = vl.PovertyStatus
THREE_07 = {D.HEALTH_INSURANCE, D.NUTRITION, D.HOUSING_AREA}
TWO_07 = {D.HEALTH_INSURANCE, D.NUTRITION}


def status(area: str, income: int, deps: set[vl.Deprivation], on: date) -> vl.PovertyStatus:
    hh = vl.Household(area=area, monthly_income_per_capita=income, deprivations=deps)
    return vl.classify(hh, on=on).status


ND07 = date(2024, 3, 1)
ND351 = date(2028, 3, 1)
QD59 = date(2018, 3, 1)


@pytest.mark.parametrize(
    ("area", "line", "average_top", "on"),
    [
        ("rural", 1_500_000, 2_250_000, ND07),
        ("urban", 2_000_000, 3_000_000, ND07),
        ("rural", 1_500_000, 2_250_000, date(2026, 12, 31)),
        ("urban", 2_000_000, 3_000_000, date(2026, 1, 1)),
    ],
)
def test_decree_07_lines_are_closed_above(area: str, line: int, average_top: int, on: date) -> None:
    assert status(area, line, THREE_07, on) is P.POOR
    assert status(area, line, TWO_07, on) is P.NEAR_POOR
    assert status(area, line + 1, THREE_07, on) is P.AVERAGE_LIVING_STANDARD
    assert status(area, average_top, set(), on) is P.AVERAGE_LIVING_STANDARD
    assert status(area, average_top + 1, THREE_07, on) is P.NON_POOR
    assert status(area, 0, TWO_07, on) is P.NEAR_POOR  # no unconditional band from 2022


@pytest.mark.parametrize(("area", "line"), [("rural", 2_200_000), ("urban", 2_800_000)])
def test_decree_351_single_line_and_no_average_band(area: str, line: int) -> None:
    deps = {D.WASTE_TREATMENT, D.DIGITAL_SERVICES, D.NUTRITION}
    assert status(area, line, deps, ND351) is P.POOR
    assert status(area, line, {D.NUTRITION, D.WASTE_TREATMENT}, ND351) is P.NEAR_POOR
    assert status(area, line + 1, deps, ND351) is P.NON_POOR


@pytest.mark.parametrize(
    ("area", "policy_line", "line", "average_top"),
    [("rural", 700_000, 1_000_000, 1_500_000), ("urban", 900_000, 1_300_000, 1_950_000)],
)
def test_decision_59_unconditional_band(
    area: str, policy_line: int, line: int, average_top: int
) -> None:
    three = {D.HEALTH_SERVICES, D.HEALTH_INSURANCE, D.HOUSING_AREA}
    for on in (QD59, date(2016, 1, 5), date(2021, 12, 31)):
        assert status(area, policy_line, set(), on) is P.POOR  # poor whatever the deprivations
        assert status(area, policy_line + 1, set(), on) is P.NEAR_POOR
        assert status(area, policy_line + 1, three, on) is P.POOR
        assert status(area, line, three, on) is P.POOR
        assert status(area, line + 1, three, on) is P.AVERAGE_LIVING_STANDARD
        assert status(area, average_top + 1, set(), on) is P.NON_POOR


def test_the_day_a_standard_starts() -> None:
    assert status("rural", 1_200_000, set(), date(2021, 12, 31)) is P.AVERAGE_LIVING_STANDARD
    assert status("rural", 1_200_000, set(), date(2022, 1, 1)) is P.NEAR_POOR
    assert status("rural", 2_000_000, set(), date(2026, 12, 31)) is P.AVERAGE_LIVING_STANDARD
    assert status("rural", 2_000_000, set(), date(2027, 1, 1)) is P.NEAR_POOR


def test_only_the_indicators_of_the_standard_in_force_are_counted() -> None:
    # EMPLOYMENT and NUTRITION did not exist under QĐ 59/2015.
    deps = {D.EMPLOYMENT, D.NUTRITION, D.HEALTH_INSURANCE}
    hh = vl.Household(area="rural", monthly_income_per_capita=900_000, deprivations=deps)
    c = vl.classify(hh, on=QD59)
    assert c.deprivation_count == 1
    assert c.deprivations_ignored == {D.EMPLOYMENT, D.NUTRITION}
    assert c.status is P.NEAR_POOR
    assert vl.classify(hh, on=ND07).status is P.POOR
    # INFORMATION_ACCESS is dropped by Decree 351/2025.
    hh2 = vl.Household(
        area="rural",
        monthly_income_per_capita=2_000_000,
        deprivations={D.INFORMATION_ACCESS, D.NUTRITION, D.HOUSING_AREA},
    )
    assert vl.classify(hh2, on=ND351).status is P.NEAR_POOR


def test_classification_result_contract() -> None:
    hh = vl.Household(area=vl.Area.RURAL, monthly_income_per_capita=1_500_000, deprivations=TWO_07)
    c = vl.classify(hh, on=ND07)
    assert c.standard.instrument == "07/2021/NĐ-CP"
    assert c.income_line == 1_500_000
    assert c.income == 1_500_000
    assert [r.key for r in c.reasons] == [
        "poverty.reason.standard",
        "poverty.reason.income_at_or_below_line",
        "poverty.reason.deprivations_below_cutoff",
    ]
    assert {ci.instrument for ci in c.citations} == {"07/2021/NĐ-CP"}
    record = c.as_record()
    assert record.status is P.NEAR_POOR
    with pytest.raises(AttributeError):
        c.status = P.POOR  # type: ignore[misc]
    assert c == vl.classify(hh, on=ND07)
    assert hash(c) == hash(vl.classify(hh, on=ND07))
    assert ": near_poor;" in repr(c)


def test_list_year_and_on_are_exclusive() -> None:
    hh = vl.Household(area="rural", monthly_income_per_capita=1_200_000)
    assert vl.classify(hh, list_year=2022).standard.key == "07/2021/NĐ-CP"
    with pytest.raises(TypeError):
        vl.classify(hh)
    with pytest.raises(TypeError):
        vl.classify(hh, on=ND07, list_year=2022)


def test_no_standard_in_force() -> None:
    hh = vl.Household(area="rural", monthly_income_per_capita=1)
    with pytest.raises(vl.NoStandardInForce, match="2010-01-01"):
        vl.classify(hh, on=date(2010, 1, 1))


@pytest.mark.parametrize(
    ("data", "field", "shown"),
    [
        ({"area": "rural", "monthly_income_per_capita": -1}, "monthly_income_per_capita", "-1"),
        ({"area": "rural", "monthly_income_per_capita": 1.5}, "monthly_income_per_capita", "1.5"),
        ({"area": "mountain", "monthly_income_per_capita": 1}, "area", "'mountain'"),
        (
            {"area": "rural", "monthly_income_per_capita": 1, "deprivations": ["wifi"]},
            "deprivations",
            "'wifi'",
        ),
        ({"area": "rural", "monthly_income_per_capita": True}, "monthly_income_per_capita", "True"),
    ],
)
def test_bad_input_names_field_and_value(data: dict[str, object], field: str, shown: str) -> None:
    with pytest.raises(ValidationError) as err:
        vl.Household.model_validate(data)
    (e,) = err.value.errors()
    assert e["loc"][0] == field
    assert shown in e["msg"]
    assert "/" in e["msg"]  # Vietnamese / English


def test_households_accept_vietnamese_input() -> None:
    hh = vl.Household(
        area="Thành thị",
        monthly_income_per_capita="2.000.000",
        deprivations="nutrition; housing_area",
    )
    assert hh.area is vl.Area.URBAN
    assert hh.monthly_income_per_capita == 2_000_000
    assert hh.deprivations == {D.NUTRITION, D.HOUSING_AREA}
    assert vl.Household(area="đô thị", monthly_income_per_capita=1).area is vl.Area.URBAN


def test_households_are_frozen() -> None:
    hh = vl.Household(area="rural", monthly_income_per_capita=1)
    with pytest.raises(ValidationError):
        hh.monthly_income_per_capita = 2  # type: ignore[misc]


def test_household_size_must_match_members() -> None:
    with pytest.raises(ValidationError, match="size 3"):
        vl.Household(area="rural", monthly_income_per_capita=1, size=3, members=[{}])


def test_dong_nai_overlay_two_deprivations() -> None:
    from vnlabor.law import bundled_overlay, national

    book = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    hh = vl.Household(area="urban", monthly_income_per_capita=2_500_000, deprivations=TWO_07)
    c = vl.classify(hh, on=ND07, law=book)
    assert c.status is P.POOR
    assert c.standard.overlays == ("dong-nai-2022-2025",)
    assert "dong-nai-chuan-ngheo-2022-2025" in {ci.instrument for ci in c.citations}
    assert c.law is book
    # The decision remembers its book: the overlay's instrument is named without law=.
    assert c.explain("en") == c.explain("en", law=book)
    assert "Đồng Nai" in c.explain("en")
    # The heading says a local standard applies; the national one says nothing of it.
    assert c.explain("vi").splitlines()[1].startswith("Áp dụng chuẩn nghèo riêng của địa phương:")
    national_text = vl.classify(hh, on=ND07).explain("vi")
    assert "địa phương" not in national_text
    assert (
        vl.classify(
            hh.model_copy(update={"monthly_income_per_capita": 2_500_001}), on=ND07, law=book
        ).status
        is P.AVERAGE_LIVING_STANDARD
    )
    assert vl.classify(hh, on=ND07).status is P.AVERAGE_LIVING_STANDARD  # national


def test_the_record_keeps_the_identifier_and_the_counted_indicators_in_legal_order() -> None:
    d = vl.Deprivation
    hh = vl.Household(
        household_id="HH-7",
        area=vl.Area.RURAL,
        monthly_income_per_capita=1_200_000,
        deprivations={d.HOUSING_AREA, d.NUTRITION, d.HEALTH_INSURANCE, d.DIGITAL_SERVICES},
    )
    record = vl.classify(hh, on=date(2024, 3, 1)).as_record()
    assert record.household_id == "HH-7"
    assert record.deprivations_counted == (d.NUTRITION, d.HEALTH_INSURANCE, d.HOUSING_AREA)
    assert record.deprivations_undetermined == ()
    assert (record.status, record.income, record.income_line) == (
        vl.PovertyStatus.POOR,
        1_200_000,
        1_500_000,
    )
    assert (record.standard, record.area, record.overlays) == ("07/2021/NĐ-CP", vl.Area.RURAL, ())


@pytest.mark.parametrize(
    ("on", "income", "count", "row"),
    [
        (date(2021, 6, 1), 700_000, 0, "poor_unconditional"),
        (date(2024, 3, 1), 1_500_000, 3, "poor"),
        (date(2024, 3, 1), 1_500_000, 2, "near_poor"),
        (date(2024, 3, 1), 2_250_000, 5, "average"),
        (date(2024, 3, 1), 2_250_001, 0, None),
    ],
)
def test_the_row_of_the_decision_table_is_named(
    on: date, income: int, count: int, row: str | None
) -> None:
    indicators = list(vl.Deprivation)[:count]
    hh = vl.Household(
        area=vl.Area.RURAL, monthly_income_per_capita=income, deprivations=set(indicators)
    )
    band = vl.classify(hh, on=on).band
    assert (None if band is None else band.reason) == row
