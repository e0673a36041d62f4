"""vnlabor classify: files as people have them, no file lost to one bad cell, same answers."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from vnlabor.cli import main
from vnlabor.io import read_households

pytest.importorskip("numpy")

HEADER = "household_id,area,monthly_income_per_capita,deprivations\n"
GOOD = "H1,nông thôn,1.200.000,health_insurance;nutrition;housing_quality\n"


def run(tmp_path: Path, text: str | bytes, *args: str, name: str = "h.csv") -> tuple[int, Path]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.csv"
    code = main(["classify", str(path), "--on", "2024-03-01", "--output", str(out), *args])
    return code, out


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_the_cli_gives_the_readers_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        HEADER
        + GOOD
        + "H2,mountain,1,\n"
        + '"H3","thành thị","1,8 triệu","employment"\n\n'
        + "H4,rural,-5,\n"
        + "H1,rural,1,\n"
        + 'H5,rural,"900.000","note\nwith a line break"\n'
        + "H6,rural,1.500.000,nutrition\n"
    )
    code, out = run(tmp_path, text)
    assert code == 1
    table = read_households(tmp_path / "h.csv")
    import vnlabor as vl

    statuses = vl.classify_many(table.households, on=vl.l10n.parse_date("01/03/2024"))
    assert rows(out)[1:] == [
        [h.household_id or "", str(line), c.status.value]
        for h, line, c in zip(table.households, table.lines, statuses, strict=True)
    ]
    err = capsys.readouterr().err.splitlines()
    assert err[:-1] == [str(e) for e in table.errors]


def test_semicolons_bom_and_utf16(tmp_path: Path) -> None:
    semi = (
        "\ufeffMã hộ;Khu vực;Thu nhập bình quân đầu người/tháng;Dinh dưỡng\n"
        "A;Nông thôn;1,2 triệu;x\n"
    )
    code, out = run(tmp_path, semi.encode("utf-8"))
    assert code == 0
    assert rows(out) == [["household_id", "line", "status"], ["A", "2", "near_poor"]]
    tab = "household_id\tarea\tmonthly_income_per_capita\nB\turban\t3.500.000\n"
    code, out = run(tmp_path, tab.encode("utf-16"), name="u.csv")
    assert code == 0
    assert rows(out)[1] == ["B", "2", "non_poor"]


def test_another_encoding_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (HEADER + "H1,nông thôn,1,\nH2,nông thôn,2,\n").encode("latin-1")
    code, out = run(tmp_path, text)
    assert code == 2
    err = capsys.readouterr().err
    assert "not UTF-8 text (line 2" in err
    assert "CSV UTF-8" in err
    assert not out.exists()


def test_no_file_is_lost_to_one_bad_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        GOOD,
        "H2,rural," + "9" * 4400 + ",\n",  # an income of 4,400 digits
        "H3,rural,1,\n",
        "H4,rural,1,note\n".replace("note", "x" * 140_000),  # a cell over 131,072 characters
        "H5,rural,1,\n",
    ]
    text = HEADER.replace("deprivations", "deprivations,ghi chú")
    body = "".join(line.rstrip("\n") + ",\n" for line in lines)
    body = body.replace("H4,rural,1,", "H4,rural,1,,")
    raw = (text + body).encode("utf-8")
    raw = raw.replace(b"H5,rural,1,", b"H5,rural,1\xe9,")  # one stray Latin-1 byte
    raw += b'H6,rural,1,"never closed,\nH7,rural,2,,\n'  # an unterminated quote
    code, out = run(tmp_path, raw)
    assert code == 1
    assert [r[0] for r in rows(out)[1:]] == ["H1", "H3", "H7"]
    err = capsys.readouterr().err.splitlines()
    reasons = {line.split(":")[0]: line for line in err[:-1] if line.startswith("line")}
    assert set(reasons) == {"line 3", "line 5", "line 6", "line 7"}
    assert "số quá lớn / number too large" in reasons["line 3"]
    assert "131,072 characters" in reasons["line 5"]
    assert "not UTF-8 text (byte 0xE9)" in reasons["line 6"]
    assert "never closed" in reasons["line 7"]
    assert err[-1].startswith("vnlabor: đã đọc 7 dòng: 3 dòng được xếp loại, 4 dòng bị loại")


def test_the_input_is_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "h.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    code = main(["classify", str(path), "--on", "2024-03-01", "--output", str(path)])
    assert code == 2
    assert "is the input file" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == HEADER + GOOD
    other = tmp_path / "sub" / ".." / "h.csv"
    (tmp_path / "sub").mkdir()
    assert main(["classify", str(path), "--on", "2024-03-01", "--output", str(other)]) == 2


def test_a_failed_run_leaves_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("previous", encoding="utf-8")
    bad = tmp_path / "h.csv"
    bad.write_text("household_id,area\nH1,rural\n", encoding="utf-8")  # no income column
    assert main(["classify", str(bad), "--on", "2024-03-01", "--output", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet", ".xlsx"])
def test_output_formats_follow_the_suffix(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl")
    path = tmp_path / "h.csv"
    path.write_text(HEADER + GOOD + "=1+1,urban,3.500.000,\n", encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    assert main(["classify", str(path), "--on", "2024-03-01", "--output", str(out), "--quiet"]) == 0
    got: list[dict[str, Any]]
    if suffix == ".csv":
        got = [dict(zip(["household_id", "line", "status"], r, strict=True)) for r in rows(out)[1:]]
        assert got[1]["household_id"] == "'=1+1"
    elif suffix == ".jsonl":
        got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert got[1] == {"household_id": "=1+1", "line": 3, "status": "non_poor"}
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        got = pq.read_table(out).to_pylist()
        assert got[1] == {"household_id": "=1+1", "line": 3, "status": "non_poor"}
    else:
        import zipfile

        sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet
        assert "=1+1" in sheet
        return
    assert got[0]["status"] == "poor"


def test_unknown_suffix_and_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "h.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    assert (
        main(["classify", str(path), "--on", "2024-03-01", "--output", str(tmp_path / "o.txt")])
        == 2
    )
    assert "unknown output format '.txt'" in capsys.readouterr().err
    assert main(["classify", str(path), "--on", "2024-03-01", "--output", "-", "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines() == ["household_id,line,status", "H1,2,poor"]
    args = ["--output", "-", "--format", "jsonl", "--quiet"]
    assert main(["classify", str(path), "--on", "2024-03-01", *args]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "household_id": "H1",
        "line": 2,
        "status": "poor",
    }


def test_citizen_ids_are_masked_unless_revealed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEADER + "001203004567,rural,1,\n"
    _, out = run(tmp_path, text, "--quiet")
    assert rows(out)[1][0] == "*********567"
    _, out = run(tmp_path, text, "--quiet", "--reveal", "household_id")
    assert rows(out)[1][0] == "001203004567"


def test_explain_and_list_year(tmp_path: Path) -> None:
    code, out = run(tmp_path, HEADER + GOOD, "--explain", "--locale", "en", "--quiet")
    assert code == 0
    row = rows(out)[1]
    assert row[2] == "poor"
    assert row[3].startswith("Poor household under the multidimensional poverty standard")
    path = tmp_path / "h.csv"
    out2 = tmp_path / "o2.csv"
    args = ["classify", str(path), "--list-year", "2016", "--output", str(out2), "--quiet"]
    assert main(args) == 0
    import vnlabor as vl

    hh = read_households(path).households[0]
    # The 2016 lists: QĐ 59/2015 (1.0M rural line), as the scalar path says.
    assert rows(out2)[1][2] == vl.classify(hh, list_year=2016).status.value
    assert vl.classify(hh, list_year=2016).standard.instrument == "59/2015/QĐ-TTg"


def test_a_mistyped_header_stops_unless_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "area,monthly_income_per_capita,nutriton\nrural,1,x\n"
    code, _ = run(tmp_path, text)
    assert code == 2
    assert "'nutriton' (nutrition?)" in capsys.readouterr().err
    code, _ = run(tmp_path, text, "--ignore-unknown-columns")
    assert code == 0


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    import vnlabor

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"vnlabor {vnlabor.__version__}"
    for command in ("classify", "demo", "law", "schema"):
        parser = __import__("vnlabor.cli.app", fromlist=["_parser"])._parser()
        sub = parser._subparsers._group_actions[0].choices[command]
        for action in sub._actions:  # every option says what it does
            assert action.help, (command, action.option_strings)
    assert main(["classify", "--help"]) == 0
    assert "--ignore-unknown-columns" in capsys.readouterr().out


def test_internal_errors_do_not_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnlabor.cli import classify

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(classify, "run_classify", broken)
    path = tmp_path / "h.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    assert (
        main(["classify", str(path), "--on", "2024-03-01", "--output", str(tmp_path / "o.csv")])
        == 3
    )


def test_without_numpy_classify_says_what_to_install(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "from vnlabor.cli import main\n"
        f"sys.exit(main(['classify', {str(path)!r}, '--on', '2024-03-01', '--output', "
        f"{str(tmp_path / 'o.csv')!r}]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert 'pip install "vnlabor[cli]"' in done.stderr


class _Terminal:
    """A stand-in for a terminal's standard error."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.text = ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_shows_only_on_a_terminal_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    from vnlabor.cli.progress import Progress

    monkeypatch.setitem(sys.modules, "tqdm", None)  # the plain fallback
    now = [0.0]
    monkeypatch.setattr("time.monotonic", lambda: now[0])
    term = _Terminal(tty=True)
    progress = Progress(quiet=False, stream=term)  # type: ignore[arg-type]
    now[0] = 0.5
    progress.update(10)  # within the first second: nothing yet
    assert term.text == ""
    now[0] = 2.0
    progress.update(5)  # past a second: the count shows
    assert term.text == "\r15 rows…"
    progress.close()
    for tty, quiet in ((False, False), (True, True)):
        other = _Terminal(tty=tty)
        silent = Progress(quiet=quiet, stream=other)  # type: ignore[arg-type]
        silent.update(10)
        silent.close()
        assert other.text == ""


def test_parquet_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "household_id": ["P1", "P2", "P3"],
            "Khu vực": ["nông thôn", "mars", "urban"],
            "monthly_income_per_capita": [1_000_000, 1, 3_500_000],
            "nutrition": [True, None, False],
        }
    )
    pq.write_table(table, tmp_path / "h.parquet")
    out = tmp_path / "o.jsonl"
    args = ["classify", str(tmp_path / "h.parquet"), "--on", "2024-03-01", "--output", str(out)]
    assert main(args) == 1
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert got == [
        {"household_id": "P1", "index": 0, "status": "near_poor"},
        {"household_id": "P3", "index": 2, "status": "non_poor"},
    ]
    assert capsys.readouterr().err.startswith("index 1: Khu vực: khu vực không hợp lệ")
