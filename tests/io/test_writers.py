"""Every writer neutralises formulas, masks personal data and writes atomically."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from vnlabor.io import write_table
from vnlabor.io.writers import FORMULA_START, TableWriter, neutralise
from vnlabor.model.person import CitizenId, PersonalName

DANGEROUS = ["=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]
HEADER = ["value", "citizen_id", "name"]
ROWS = [[text, CitizenId("001203004567"), PersonalName("Nguyễn Thị Hoa")] for text in DANGEROUS]


def test_csv_cells_get_a_leading_quote(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    write_table(out, HEADER, [*ROWS, ["ok", None, None]])
    import csv

    with out.open(encoding="utf-8", newline="") as handle:
        cells = [row[0] for row in csv.reader(handle)][1:]
    assert cells == ["'" + t for t in DANGEROUS] + ["ok"]
    assert "004567" not in out.read_text(encoding="utf-8")
    assert "Hoa" not in out.read_text(encoding="utf-8")
    assert all(neutralise(t).startswith("'") for t in FORMULA_START)


def test_xlsx_cells_are_text_never_formulas(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    out = tmp_path / "o.xlsx"
    write_table(out, HEADER, ROWS)
    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert "=1+1" in sheet
    assert "004567" not in sheet
    import openpyxl

    values = [c.value for c in openpyxl.load_workbook(out).active["A"]][1:]
    # Read back as the text written (XML turns a lone carriage return into a line feed).
    assert values == [t.replace("\r", "\n") for t in DANGEROUS]


def test_parquet_cells_are_strings(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "o.parquet"
    write_table(out, HEADER, ROWS)
    table = pq.read_table(out)
    assert str(table.schema.field("value").type) == "string"
    assert table.column("value").to_pylist() == DANGEROUS  # stored as text: no formula
    assert table.column("citizen_id").to_pylist() == ["*********567"] * 6


def test_jsonl_cells_are_strings_and_ids_revealed_by_name(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    write_table(out, HEADER, ROWS, reveal=["citizen_id"])
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["value"] for r in lines] == DANGEROUS
    assert lines[0]["citizen_id"] == "001203004567"  # asked for by name
    assert lines[0]["name"] == "N. T. H."


def test_frames_written_through_the_writers(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    from vnlabor import Household
    from vnlabor.io import to_frame

    hh = Household(area="rural", monthly_income_per_capita=1, household_id="=cmd|' /C calc'!A0")
    frame = to_frame([hh])
    out = tmp_path / "f.csv"
    write_table(out, list(frame.columns), frame.itertuples(index=False))
    assert "'=cmd" in out.read_text(encoding="utf-8")


def test_writes_are_atomic(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    out.write_text("before", encoding="utf-8")

    def interrupted() -> None:
        with TableWriter(out, ["a"]) as writer:
            writer.write([["x"]])
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted()
    assert out.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["o.csv"]
