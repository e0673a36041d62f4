"""``vnlabor review``: the bundled commune's sheets in, statuses and indicators out."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import vnlabor as vl
import vnlabor.batch
from vnlabor.cli import main

pd = pytest.importorskip("pandas")

COMMUNE = Path(vl.__file__).parent / "sample_data" / "commune"
HOUSEHOLDS = str(COMMUNE / "households.csv")
MEMBERS = str(COMMUNE / "members.csv")


@pytest.mark.parametrize(
    ("args", "when"),
    [
        (["--on", "01/06/2026"], {"on": date(2026, 6, 1)}),
        (["--list-year", "2027"], {"list_year": 2027}),
    ],
)
def test_the_commune_reviewed_by_the_command_as_by_the_batch_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], when: dict[str, Any]
) -> None:
    out = tmp_path / "review.csv"
    assert main(["review", HOUSEHOLDS, MEMBERS, *args, "-o", str(out), "--locale", "en"]) == 0
    assert "3,000 households reviewed, 0 rows rejected" in capsys.readouterr().err
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    households = pd.read_csv(HOUSEHOLDS, dtype=str, keep_default_na=False)
    members = pd.read_csv(MEMBERS, dtype=str, keep_default_na=False)
    found = vnlabor.batch.assess_deprivations(households, members, **when)
    table = households[["Mã hộ", "Khu vực", "Thu nhập bình quân đầu người/tháng"]].join(found)
    statuses = vnlabor.batch.classify(table, **when)
    assert [r["household_id"] for r in rows] == households["Mã hộ"].tolist()
    for i, row in enumerate(rows):
        cells = found.iloc[i]
        deprived = [c for c in found.columns if cells[c] is not pd.NA and bool(cells[c])]
        unknown = [c for c in found.columns if cells[c] is pd.NA]
        assert row["status"] == statuses.iloc[i].value
        assert row["deprived"] == ";".join(deprived)
        assert row["undetermined"] == ";".join(unknown)


def test_rejected_rows_are_reported_by_sheet_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hh = tmp_path / "ho.csv"
    hh.write_text("Mã hộ,Khu vực,Thu nhập bình quân đầu người/tháng\nH1,nông thôn,1.000.000\n")
    mem = tmp_path / "tv.csv"
    mem.write_text("Mã hộ,Ngày sinh,Có thẻ bảo hiểm y tế\nH1,01/01/2000,không\nH2,01/01/2000,có\n")
    assert main(["review", str(hh), str(mem), "--on", "2024-03-01", "-o", "-"]) == 1
    captured = capsys.readouterr()
    assert "tv.csv: line 3: " in captured.err
    assert "household H2" in captured.err
    lines = captured.out.splitlines()
    assert lines[0] == "household_id,status,deprived,undetermined"
    assert lines[1].startswith("H1,")
    assert ",health_insurance," in lines[1]


def test_unusable_arguments_exit_2(tmp_path: Path) -> None:
    assert main(["review", HOUSEHOLDS, MEMBERS]) == 2  # neither --on nor --list-year
    assert main(["review", HOUSEHOLDS, MEMBERS, "--on", "2010-01-01"]) == 2  # no standard
    assert main(["review", HOUSEHOLDS, MEMBERS, "--on", "2024-03-01", "-o", HOUSEHOLDS]) == 2
    assert main(["review", str(tmp_path / "no.csv"), MEMBERS, "--on", "2024-03-01"]) == 2
