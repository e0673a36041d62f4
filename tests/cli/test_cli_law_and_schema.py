"""`vnlabor law` (parameters in force, with citations) and `vnlabor schema`."""

from __future__ import annotations

import json
from datetime import date

import pytest

import vnlabor as vl
from vnlabor.cli import main
from vnlabor.law import bundled_overlay, national


def test_law_lists_every_parameter_in_force_with_its_citation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["law", "--on", "2024-03-01", "--locale", "en"]) == 0
    out = capsys.readouterr().out
    book = national()
    in_force = [p for p in book if p.find(date(2024, 3, 1)) is not None]
    assert in_force
    for p in in_force:
        assert f"\n{p.name} = " in out
    assert "poverty.income_line.rural = 1,500,000" in out
    assert "Decree 07/2021/NĐ-CP of 27/01/2021, Art. 3(1)" in out
    # A parameter not in force that day is not listed (the 2027 line starts later).
    assert "2,200,000" not in out.split("poverty.income_line.rural = ")[1].split("\n")[0]


def test_law_with_an_overlay_shows_the_provincial_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["law", "--on", "2025-03-01", "--overlay", "hanoi-69-2024"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("01/03/2025 + hanoi-69-2024")
    hanoi = national().with_overlay(bundled_overlay("hanoi-69-2024"))
    extra = {p.name for p in hanoi} - {p.name for p in national()}
    assert extra
    assert all(f"\n{name} = " in out for name in extra)
    assert "69/2024/QĐ-UBND" in out


def test_law_with_an_unknown_overlay_is_an_argument_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["law", "--on", "2025-03-01", "--overlay", "nope"]) == 2
    assert "no bundled overlay 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("mode", ["validation", "serialization"])
def test_schema_prints_the_models_json_schema(
    capsys: pytest.CaptureFixture[str], mode: str
) -> None:
    assert main(["schema", "Household", "--mode", mode]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == vl.Household.model_json_schema(mode=mode)  # type: ignore[arg-type]


def test_schema_of_an_unknown_type_lists_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema", "Foo"]) == 2
    err = capsys.readouterr().err
    assert "no record type 'Foo'" in err
    assert "Household" in err
    assert "JobFairSession" in err
