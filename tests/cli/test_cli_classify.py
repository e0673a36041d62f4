"""vnlabor classify: CSV and .xlsx in and out, exit codes, "line N"/"row N" reports."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from vnlabor.cli import main

HEADER = ["household_id", "area", "monthly_income_per_capita", "deprivations", "ghi chú"]
ROWS: list[list[Any]] = [
    ["H1", "nông thôn", "1.200.000", "health_insurance;nutrition;housing_quality", ""],
    ["H2", "mountain", "1.000.000", "", ""],
    ["H3", "thành thị", "2.000.001", "", ""],
    ["H4", "rural", "-5", "", ""],
]
# Issue 9: the output carries each row's line (CSV input) or row (workbook) next to
# household_id, so results join back even without identifiers.
EXPECTED = [
    ["household_id", "line", "status"],
    ["H1", "2", "poor"],
    ["H3", "4", "average_living_standard"],
]
EXPECTED_ROWS = [
    ["household_id", "row", "status"],
    ["H1", 2, "poor"],
    ["H3", 4, "average_living_standard"],
]
SUMMARY = "vnlabor: đã đọc 4 dòng: 2 dòng được xếp loại, 2 dòng bị loại; hộ nghèo 1; "


def _csv(path: Path, rows: list[list[Any]] = ROWS, header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _xlsx(path: Path, sheet: str = "Hộ") -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    book.save(path)
    return path


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _read_xlsx(path: Path) -> list[list[Any]]:
    openpyxl = pytest.importorskip("openpyxl")
    return [list(r) for r in openpyxl.load_workbook(path).active.values]


def test_csv_in_csv_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    code = main(
        ["classify", str(_csv(tmp_path / "h.csv")), "--on", "2024-03-01", "--output", str(out)]
    )
    assert code == 1
    assert _read_csv(out) == EXPECTED
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "vnlabor: cột bị bỏ qua / ignored columns: 'ghi chú'"
    assert err[1].startswith("line 3: area: khu vực không hợp lệ / unknown area: 'mountain'")
    assert err[2] == (
        "line 5: monthly_income_per_capita: số tiền không được âm / amount must not be negative: -5"
    )
    assert err[3].startswith(SUMMARY)  # issue 9: a summary line at the end
    assert len(err) == 4


def test_all_valid_rows_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _csv(tmp_path / "h.csv", [ROWS[0], ROWS[2]], HEADER[:4])
    out = tmp_path / "out.csv"
    assert main(["classify", str(path), "--on", "01/03/2024", "--output", str(out)]) == 0
    assert _read_csv(out) == [*EXPECTED[:2], ["H3", "3", "average_living_standard"]]
    assert capsys.readouterr().err.startswith("vnlabor: đã đọc 2 dòng: 2 dòng được xếp loại")
    assert main(["classify", str(path), "--on", "01/03/2024", "--output", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_short_output_option_is_the_same_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(tmp_path / "h.csv", [ROWS[0], ROWS[2]], HEADER[:4])
    long_out, short_out = tmp_path / "long.csv", tmp_path / "short.csv"
    assert main(["classify", str(path), "--on", "01/03/2024", "--output", str(long_out)]) == 0
    assert main(["classify", str(path), "--on", "01/03/2024", "-o", str(short_out)]) == 0
    assert short_out.read_bytes() == long_out.read_bytes()


def test_xlsx_in_xlsx_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _xlsx(tmp_path / "h.xlsx")
    out = tmp_path / "out.xlsx"
    args = ["classify", str(path), "--sheet", "Hộ", "--on", "2024-03-01", "--output", str(out)]
    assert main(args) == 1
    assert _read_xlsx(out) == EXPECTED_ROWS
    err = capsys.readouterr().err.splitlines()
    assert err[1].startswith("row 3: area: ")
    assert err[2].startswith("row 5: monthly_income_per_capita: ")


def test_xlsx_in_default_sheet_csv_out(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    args = ["classify", str(_xlsx(tmp_path / "h.xlsx")), "--on", "2024-03-01", "--output", str(out)]
    assert main(args) == 1
    assert _read_csv(out) == [[str(c) for c in row] for row in EXPECTED_ROWS]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "2024-02-30"], "cannot read date"),
        (["--on", "1990-01-01"], "no poverty standard is encoded"),
        (["--on", "2024-03-01", "--sheet", "Hộ"], "sheet= is for Excel files"),
    ],
)
def test_unusable_arguments_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    path = _csv(tmp_path / "h.csv")
    assert main(["classify", str(path), "--output", str(tmp_path / "o.csv"), *args]) == 2
    assert message in capsys.readouterr().err


def test_unreadable_tables_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "o.csv")
    missing = _csv(tmp_path / "m.csv", [["H1", "rural"]], ["household_id", "area"])
    assert main(["classify", str(missing), "--on", "2024-03-01", "--output", out]) == 2
    assert "missing columns in m.csv: monthly_income_per_capita" in capsys.readouterr().err
    assert (
        main(["classify", str(tmp_path / "nope.csv"), "--on", "2024-03-01", "--output", out]) == 2
    )
    workbook = _xlsx(tmp_path / "h.xlsx")
    args = ["classify", str(workbook), "--sheet", "X", "--on", "2024-03-01", "--output", out]
    assert main(args) == 2
    assert "no sheet 'X'" in capsys.readouterr().err
    assert not Path(out).exists()


def test_demo_prints_a_kpi_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--locale", "en"]) == 0
    out = capsys.readouterr().out
    assert "Indicators on 01/03/2024 (12 sample households):" in out
    # The report's rate is the count of explanations that say "Poor household".
    poor = out.count("\nPoor household under")
    assert f"Multidimensional poverty rate: {poor / 12:.2%} ({poor}/12)" in out
    assert main(["demo"]) == 0
    assert "Tỷ lệ hộ nghèo (đa chiều)" in capsys.readouterr().out
