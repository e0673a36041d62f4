"""read_households: the contract's columns, indicator columns, CSV/XLSX/DataFrame alike."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from io_tables import FORMATS, make_source, write_csv, write_xlsx

from vnlabor.io import (
    HeaderError,
    HouseholdTable,
    RecordTable,
    read_households,
    read_households_csv,
    read_records,
    rows_to_households,
)
from vnlabor.model.area import Area
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household

D = Deprivation


@pytest.mark.parametrize("fmt", FORMATS)
def test_deprivations_column(fmt: str, tmp_path: Path) -> None:
    header = ["household_id", "area", "monthly_income_per_capita", "deprivations"]
    rows: list[list[object]] = [
        ["H1", "nông thôn", "1.500.000", "health_insurance; nutrition"],
        ["H2", "thành thị", 2_000_001, None],
        ["H3", "rural", 1, "health_insurance;internet"],
        ["H4", "đô thị", "2 triệu", "Bảo hiểm y tế;Dinh dưỡng"],
    ]
    source, positions = make_source(fmt, tmp_path, header, rows)
    table = read_households(source)
    assert isinstance(table, HouseholdTable)
    assert isinstance(table, RecordTable)
    assert table.households == (
        Household(
            household_id="H1",
            area=Area.RURAL,
            monthly_income_per_capita=1_500_000,
            deprivations={D.HEALTH_INSURANCE, D.NUTRITION},
        ),
        Household(household_id="H2", area=Area.URBAN, monthly_income_per_capita=2_000_001),
        Household(
            household_id="H4",
            area=Area.URBAN,
            monthly_income_per_capita=2_000_000,
            deprivations={D.HEALTH_INSURANCE, D.NUTRITION},
        ),
    )
    assert table.lines == table.rows == (positions[0], positions[1], positions[3])
    (error,) = table.errors
    assert error.line == positions[2]
    assert error.household_id == "H3"
    assert "deprivations.1: chỉ số thiếu hụt không hợp lệ" in error.reason
    assert "'internet'" in error.reason


@pytest.mark.parametrize("fmt", FORMATS)
def test_indicator_columns_take_booleans_and_words(fmt: str, tmp_path: Path) -> None:
    header = ["Mã hộ", "Khu vực", "Thu nhập bình quân đầu người/tháng", "health_insurance"]
    header += ["Dinh dưỡng", "housing area per person"]
    rows: list[list[object]] = [
        ["H1", "rural", 1_000_000, True, "x", 1],
        ["H2", "rural", 1_000_000, False, "không", None],
        ["H3", "rural", 1_000_000, "có", "", 0],
        ["H4", "rural", 1_000_000, "maybe", "x", 2],
    ]
    source, positions = make_source(fmt, tmp_path, header, rows)
    table = read_households(source)
    assert [h.deprivations for h in table.households] == [
        {D.HEALTH_INSURANCE, D.NUTRITION, D.HOUSING_AREA},
        set(),
        {D.HEALTH_INSURANCE},
    ]
    (error,) = table.errors
    assert error.line == positions[3]
    assert error.reason == (
        "health_insurance: giá trị có/không không hợp lệ / not a yes/no value: 'maybe'; "
        "housing area per person: giá trị có/không không hợp lệ / not a yes/no value: '2'"
    )
    assert table.ignored_columns == ()


def test_indicator_columns_and_a_deprivations_cell_contradict(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        ["area", "monthly_income_per_capita", "deprivations", "nutrition"],
        [["rural", "1", "", "x"], ["rural", "1", "employment", ""]],
    )
    table = read_households(path)
    assert table.households == (
        Household(area="rural", monthly_income_per_capita=1, deprivations={D.NUTRITION}),
    )
    assert table.errors[0].reason.endswith(
        "give either a deprivations column or indicator columns, not both"
    )


def test_an_indicator_given_twice_is_a_header_error(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        ["area", "monthly_income_per_capita", "nutrition", "Dinh dưỡng"],
        [],
    )
    with pytest.raises(HeaderError, match="columns given twice"):
        read_households(path)


def test_read_records_of_households_reads_indicator_columns_too(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        ["area", "monthly_income_per_capita", "nutrition"],
        [["rural", "1", "x"]],
    )
    assert read_records(path, Household).records == read_households(path).households


def test_missing_contract_columns_raise_a_value_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", ["household_id", "area"], [["H1", "rural"]])
    with pytest.raises(ValueError, match=r"missing columns in h\.csv: monthly_income_per_capita"):
        read_households_csv(path)


def test_read_households_csv_still_reads_the_sample_data() -> None:
    source = resources.files("vnlabor.sample_data") / "households.csv"
    with resources.as_file(source) as path:
        table = read_households_csv(path)
    assert len(table.households) == 12
    assert table.lines == tuple(range(2, 14))
    assert table.errors == ()
    assert table.ignored_columns == ("note",)


def test_sheet_of_a_workbook(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "h.xlsx",
        ["area", "monthly_income_per_capita"],
        [["rural", 1_000_000]],
        sheet="DS hộ",
    )
    assert len(read_households(path, sheet="DS hộ").households) == 1


def test_rows_to_households_reads_dict_rows_each_by_its_own_keys() -> None:
    table = rows_to_households(
        [
            {"household_id": "H1", "area": "rural", "monthly_income_per_capita": "1", "x": "y"},
            {"household_id": "H2", "area": "rural"},
            {"area": "urban", "monthly_income_per_capita": "2", "nutrition": "x"},
        ],
        first_line=5,
    )
    assert [h.household_id for h in table.households] == ["H1", None]
    assert table.households[1].deprivations == {D.NUTRITION}
    assert table.lines == (5, 7)
    assert [(e.line, e.household_id) for e in table.errors] == [(6, "H2")]
    assert "monthly_income_per_capita: thiếu giá trị bắt buộc" in table.errors[0].reason
    assert table.ignored_columns == ("x",)


def test_household_table_keeps_its_positional_constructor() -> None:
    hh = Household(area="rural", monthly_income_per_capita=1)
    table = HouseholdTable((hh,), (2,), ())
    assert table.households == (hh,)
    assert table.lines == (2,)
    assert table.ignored_columns == ()
