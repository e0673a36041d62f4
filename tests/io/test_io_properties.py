"""Nothing is lost: good rows come back in order, each bad row is one error at its position."""

from __future__ import annotations

import tempfile
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io_tables import make_frame, write_csv, write_xlsx

from vnlabor.io import read_households
from vnlabor.l10n import label
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household

HEADER = ["household_id", "Khu vực", "Thu nhập bình quân đầu người/tháng", "deprivations", "note"]
AREAS = ["rural", "urban", "nông thôn", "Thành thị", "ĐÔ THỊ", " rural "]
BAD_AREAS = ["mountain", "miền núi", "x", "ruralurban"]
BAD_INCOMES: list[object] = [-1, "-1.500.000", "abc", "1,5", "1.5", "2 đô"]
BAD_DEPRIVATIONS = ["internet", "health_insurance;wifi", "nutrition;;?"]


@dataclass(frozen=True)
class Row:
    cells: list[object]
    expected: Household | None  # None: the row must be rejected
    blank_before: bool


def _grouped(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


@st.composite
def good_rows(draw: st.DrawFn) -> tuple[list[object], Household]:
    area = draw(st.sampled_from(AREAS))
    income = draw(st.integers(min_value=0, max_value=50_000_000))
    income_cell = draw(st.sampled_from([income, str(income), _grouped(income)]))
    deprived = draw(st.frozensets(st.sampled_from(list(Deprivation)), max_size=4))
    names = [label(d) if draw(st.booleans()) else d.value for d in sorted(deprived)]
    note = draw(st.sampled_from([None, "ghi chú", "x"]))
    cells: list[object] = [None, area, income_cell, ";".join(names) or None, note]
    household = Household(area=area, monthly_income_per_capita=income, deprivations=deprived)
    return cells, household


@st.composite
def bad_rows(draw: st.DrawFn) -> list[object]:
    cells, _ = draw(good_rows())
    fault = draw(st.sampled_from(["area", "income", "deprivations", "missing"]))
    if fault == "area":
        cells[1] = draw(st.sampled_from(BAD_AREAS))
    elif fault == "income":
        cells[2] = draw(st.sampled_from(BAD_INCOMES))
    elif fault == "deprivations":
        cells[3] = draw(st.sampled_from(BAD_DEPRIVATIONS))
    else:
        cells[draw(st.sampled_from([1, 2]))] = None
    return cells


@st.composite
def tables(draw: st.DrawFn) -> list[Row]:
    rows: list[Row] = []
    for i in range(draw(st.integers(min_value=0, max_value=12))):
        blank = draw(st.booleans()) and draw(st.booleans())
        if draw(st.booleans()):
            cells, household = draw(good_rows())
            cells[0] = f"H{i}"
            expected: Household | None = household.model_copy(update={"household_id": f"H{i}"})
        else:
            cells = draw(bad_rows())
            cells[0] = f"H{i}"
            expected = None
        rows.append(Row(cells, expected, blank))
    return rows


def _layout(
    rows: list[Row], first: int, step: int
) -> tuple[list[list[object]], list[Hashable], list[Hashable]]:
    """The table's rows with blank rows in, each data row's position, every row's."""
    cells: list[list[object]] = []
    positions: list[Hashable] = []
    every: list[Hashable] = []
    position = first
    for row in rows:
        if row.blank_before:
            cells.append([None] * len(HEADER))
            every.append(position)
            position += step
        cells.append(row.cells)
        positions.append(position)
        every.append(position)
        position += step
    return cells, positions, every


def _check(table: Any, rows: list[Row], positions: list[Hashable]) -> list[str]:
    good = [(r.expected, p) for r, p in zip(rows, positions, strict=True) if r.expected]
    bad = [(r, p) for r, p in zip(rows, positions, strict=True) if r.expected is None]
    assert list(table.households) == [h for h, _ in good]
    assert list(table.lines) == [p for _, p in good]
    assert [e.line for e in table.errors] == [p for _, p in bad]
    assert [e.household_id for e in table.errors] == [r.cells[0] for r, _ in bad]
    assert all(e.reason for e in table.errors)
    return [e.reason for e in table.errors]


@settings(max_examples=60, deadline=None)
@given(rows=tables())
def test_csv_and_frame_keep_every_good_row_and_report_every_bad_one(rows: list[Row]) -> None:
    pytest.importorskip("pandas")
    with tempfile.TemporaryDirectory() as folder:
        cells, lines, _ = _layout(rows, first=2, step=1)
        path = write_csv(Path(folder) / "h.csv", HEADER, cells)
        csv_reasons = _check(read_households(path), rows, lines)
    cells, labels, index = _layout(rows, first=100, step=-3)
    frame = make_frame(HEADER, cells, index=index)
    frame_reasons = _check(read_households(frame), rows, labels)
    assert frame_reasons == csv_reasons


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=tables())
def test_excel_keeps_every_good_row_and_reports_every_bad_one(rows: list[Row]) -> None:
    pytest.importorskip("openpyxl")
    cells, numbers, _ = _layout(rows, first=2, step=1)
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "h.xlsx", HEADER, cells)
        excel_reasons = _check(read_households(path), rows, numbers)
        csv_path = write_csv(Path(folder) / "h.csv", HEADER, cells)
        assert excel_reasons == [e.reason for e in read_households(csv_path).errors]
