"""`vnlabor compare`: the library's comparison of one file under two scenarios."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from vnlabor.cli import main
from vnlabor.cli.compare import matrix_text
from vnlabor.io import read_households
from vnlabor.law import bundled_overlay, national
from vnlabor.scenario import Scenario, compare

ROWS = """household_id,area,monthly_income_per_capita,deprivations,size
H1,rural,1800000,nutrition;employment,4
H2,rural,1200000,,3
H3,urban,2500000,,2
H4,rural,9000000,,1
H5,rural,1000000,nutrition;employment;waste_treatment,5
"""


@pytest.fixture
def households(tmp_path: Path) -> Path:
    path = tmp_path / "households.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compare", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def written(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_list_years_give_the_librarys_matrix_summary_and_moves(
    households: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "moved.csv"
    code, out, err = run(
        capsys, str(households), "--base", "2026", "--reform", "2027", "--locale", "en",
        "-o", str(out_file),
    )  # fmt: skip
    assert (code, err) == (0, "")
    library = compare(read_households(households), base=2026, reform=2027)
    assert out == f"{matrix_text(library, 'en')}\n\n{library.explain('en')}\n"
    rows = written(out_file)
    moved = library.moved
    assert [r["household_id"] for r in rows] == list(moved["household_id"]) == ["H1", "H3", "H5"]
    assert [r["line"] for r in rows] == ["2", "4", "6"]  # CSV lines, header = line 1
    assert [r["causes"] for r in rows] == list(moved["causes"])
    assert rows[2]["causes"] == "indicator_counted"
    assert rows[2]["indicators"] == "waste_treatment"
    assert rows[0]["explanation"] == library.moves[0].explain("en")


def test_the_matrix_counts_and_shares(households: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(households), "--base", "2026", "--reform", "2027")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Ma trận chuyển diện")
    by_row = {line.split()[0]: line for line in lines[2:7]}
    # H1 and H3: average → near-poor (both the average households); H5 near-poor → poor.
    assert "2 (100,00%)" in by_row["average_living_standard"]
    assert "1 (50,00%)" in by_row["near_poor"]


def test_two_dates(households: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, str(households), "--base", "31/12/2026", "--reform", "2027-01-01", "--locale", "en"
    )
    assert code == 0
    library = compare(read_households(households), base=date(2026, 12, 31), reform=date(2027, 1, 1))
    assert library.explain("en") in out
    assert "31/12/2026 compared with 01/01/2027" in out


def test_a_bundled_provincial_overlay_on_the_base_year(
    households: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, str(households), "--base", "2025", "--reform-overlay", "dong-nai-2022-2025",
        "--locale", "en",
    )  # fmt: skip
    assert code == 0
    book = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    library = compare(
        read_households(households), base=2025, reform=Scenario(list_year=2025, law=book)
    )
    assert out == f"{matrix_text(library, 'en')}\n\n{library.explain('en')}\n"
    assert "dong-nai-2022-2025" in out


def test_a_reform_file(
    households: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reform = tmp_path / "province.toml"
    reform.write_text(
        '[reform]\nname = "Provincial line 2.5M"\nfrom = 2027-01-01\n'
        '[changes]\n"poverty.income_line.rural" = 2_500_000\n',
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, str(households), "--base", "2027", "--reform-overlay", str(reform),
        "--locale", "en",
    )  # fmt: skip
    assert code == 0
    assert "under the scenario “Provincial line 2.5M”" in out
    book = national().with_changes(
        {"poverty.income_line.rural": 2_500_000},
        from_=date(2027, 1, 1),
        name="Provincial line 2.5M",
    )
    library = compare(read_households(households), base=2027, reform=book)
    assert library.explain("en") in out
    assert national().value("poverty.income_line.rural", date(2027, 6, 1)) == 2_200_000


def test_a_rejected_row_is_reported_and_the_others_compared(
    households: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    households.write_text(ROWS + "H6,sea,1,,1\n", encoding="utf-8")
    code, out, err = run(capsys, str(households), "--base", "2026", "--reform", "2027")
    assert code == 1
    assert err.startswith("line 7: area:")
    assert "5 hộ" in out


def test_citizen_ids_are_masked_unless_revealed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "h.csv"
    path.write_text(
        "household_id,area,monthly_income_per_capita\n001234567890,rural,1800000\n",
        encoding="utf-8",
    )
    out_file = tmp_path / "moved.csv"
    args = [str(path), "--base", "2026", "--reform", "2027", "-o", str(out_file)]
    assert run(capsys, *args)[0] == 0
    (row,) = written(out_file)
    assert "001234567890" not in out_file.read_text(encoding="utf-8")
    assert row["household_id"] != "001234567890"
    assert run(capsys, *args, "--reveal", "household_id")[0] == 0
    (row,) = written(out_file)
    assert row["household_id"] == "001234567890"
    assert "001234567890" not in row["explanation"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", "2026x", "--reform", "2027"], "not a list year (2027) or a date"),
        (["--base", "2026"], "give --reform"),
        (["--base", "2026", "--reform", "2035"], "no poverty standard is encoded"),
        (["--base", "2026", "--reform-overlay", "nope"], "no bundled overlay 'nope'"),
        (["--base", "2026", "--reform-overlay", "missing.toml"], "cannot read missing.toml"),
        (["--base", "2026", "--reform", "2027", "-o", "moved.txt2"], "unknown output format"),
    ],
)
def test_bad_arguments_exit_2_with_a_bilingual_message(
    households: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, str(households), *args)
    assert code == 2
    assert message in err
    assert out == ""


def test_a_toml_file_that_is_neither_overlay_nor_reform(
    households: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.toml"
    other.write_text("[something]\nx = 1\n", encoding="utf-8")
    code, _, err = run(capsys, str(households), "--base", "2026", "--reform-overlay", str(other))
    assert code == 2
    assert "không có bảng [reform] hay [overlay] / has neither" in err


def test_a_missing_file_and_the_input_as_output(
    households: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(tmp_path / "none.csv"), "--base", "2026", "--reform", "2027")
    assert code == 2
    assert "không đọc được tệp / cannot read" in err
    code, _, err = run(
        capsys, str(households), "--base", "2026", "--reform", "2027", "-o", str(households)
    )
    assert code == 2
    assert "is the input file" in err
    assert households.read_text(encoding="utf-8") == ROWS


def test_the_review_sheets_are_compared_from_their_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vnlabor import datasets
    from vnlabor.io import read_review

    # The first 120 households of the bundled commune, with their members.
    sheet, members = datasets.path("commune/households.csv"), datasets.path("commune/members.csv")
    head = sheet.read_text(encoding="utf-8").splitlines()[:121]
    kept = {line.split(",", 1)[0] for line in head[1:]}
    rows = members.read_text(encoding="utf-8").splitlines()
    part = [rows[0], *(r for r in rows[1:] if r.split(",", 1)[0] in kept)]
    hh, mm = tmp_path / "hh.csv", tmp_path / "mm.csv"
    hh.write_text("\n".join(head) + "\n", encoding="utf-8")
    mm.write_text("\n".join(part) + "\n", encoding="utf-8")

    expected = compare(read_review(hh, mm), base=2026, reform=2027)
    code, out, _ = run(capsys, str(hh), "--members", str(mm), "--base", "2026", "--reform", "2027")
    assert code == 0
    assert out.startswith(matrix_text(expected, "vi"))
    # The indicators count: without the members sheet the households sheet's dwelling
    # columns are not indicator flags, and the command says so instead of guessing.
    code, _, err = run(capsys, str(hh), "--base", "2026", "--reform", "2027")
    assert code == 2
    assert "unknown column" in err
