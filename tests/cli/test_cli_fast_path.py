"""The fast CSV path (pyarrow) gives exactly what the readers' tokenizer gives."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

from vnlabor.cli import main
from vnlabor.io import csvblocks

HEADER = "household_id,area,monthly_income_per_capita,deprivations,ghi chú"
CELLS = {
    "household_id": ["H1", "H2", "001203004567", "=1+1", "", " H3 ", "H1"],
    "area": ["rural", "nông thôn", "Thành thị", "mars", "", '"urban"'],
    "monthly_income_per_capita": ["1.200.000", "1500000", '"1,5 triệu"', "-5", "", "abc"],
    "deprivations": ["", "nutrition", '"nutrition;health_insurance"', "wifi"],
    "ghi chú": ["", "x", '"a, b"', '"two\nlines"', '"say ""hi"""'],
}
ODD_LINES = ["", "H9,rural", "H8,rural,1,,,extra", 'H7,"rural,1', "H6,rural,1\udce9,,", "   "]


@st.composite
def files(draw: st.DrawFn) -> str:
    lines = [HEADER]
    for _ in range(draw(st.integers(0, 30))):
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(ODD_LINES)))
        else:
            lines.append(",".join(draw(st.sampled_from(v)) for v in CELLS.values()))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(lines) + draw(st.sampled_from(["", end]))


def classify(path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["classify", str(path), "--on", "2024-03-01", "--output", str(out)])
    return code, out.read_text(encoding="utf-8") if out.exists() else "", capsys.readouterr().err


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=files(), block=st.sampled_from([64, 1 << 22]))
def test_fast_and_exact_paths_agree(
    text: str, block: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvblocks, "_BLOCK_BYTES", block)  # tiny blocks: many cuts
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.csv"
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        fast = classify(path, Path(folder) / "fast.csv", capsys)
        with monkeypatch.context() as m:
            m.setattr(csvblocks, "open_csv_blocks", lambda p: None)
            exact = classify(path, Path(folder) / "exact.csv", capsys)
    assert fast == exact


def test_classify_of_a_csv_file_does_not_import_pandas(tmp_path: Path) -> None:
    # pyarrow converts through pandas when it is installed (a quarter of a second at
    # start-up); the command builds its Arrow arrays on numpy buffers instead.
    import subprocess
    import sys

    path = tmp_path / "h.csv"
    path.write_text(
        HEADER + '\nH1,nông thôn,1.200.000,nutrition,\nH2,urban,"2,5 triệu",,x\nH1,rural,1,,\n',
        encoding="utf-8",
    )
    code = (
        "import sys; from vnlabor.cli import main; "
        f"main(['classify', {str(path)!r}, '--on', '2024-03-01', '--quiet', "
        f"'--output', {str(tmp_path / 'out.csv')!r}]); print('pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "False", done.stderr
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").count("\n") == 3
