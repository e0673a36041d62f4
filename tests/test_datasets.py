"""The bundled synthetic data: loaders, the seeded scripts that make it, KPIs on it."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from vnlabor import datasets, kpi
from vnlabor.errors import UnknownNameError
from vnlabor.model import Enrolment, Household, JobFairSession, TrainingOutcome

ROOT = Path(__file__).resolve().parents[1]


def _rows(name: str) -> list[dict[str, str]]:
    with datasets.path(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_loader_reads_every_row_of_its_sheet() -> None:
    assert len(datasets.sample_households()) == len(_rows("households.csv"))
    assert all(isinstance(h, Household) for h in datasets.sample_households())
    loaded: list[tuple[tuple[object, ...], str, type]] = [
        (datasets.enrolments(), "commune/enrolments.csv", Enrolment),
        (datasets.training_outcomes(), "commune/training_outcomes.csv", TrainingOutcome),
        (datasets.job_fair_sessions(), "commune/job_fairs.csv", JobFairSession),
    ]
    for records, name, model in loaded:
        assert len(records) == len(_rows(name)) > 0
        assert all(type(r) is model for r in records)


def test_frames_have_one_row_per_record() -> None:
    pytest.importorskip("pandas")
    frame = datasets.enrolments(frame=True)
    assert len(frame) == 900
    assert "enrolled_on" in frame.columns
    assert len(datasets.sample_households(frame=True)) == len(datasets.sample_households())


def test_employed_after_training_counts_what_the_sheets_say() -> None:
    # Counted here from the raw sheets, independently of the KPI code: every outcome
    # names its trainee's one course, so a trainee is employed when the outcome says so.
    employed_words = {"new_job", "higher_productivity_or_income", "self_employed"}
    employed = {
        r["Mã người học"]
        for r in _rows("commune/training_outcomes.csv")
        if r["Tình trạng việc làm sau đào tạo"] in employed_words
    }
    result = kpi.share_employed_after_training(datasets.enrolments(), datasets.training_outcomes())
    assert isinstance(result.value, kpi.Ratio)
    assert result.value.numerator == len(employed)
    assert result.value.denominator == len(_rows("commune/enrolments.csv")) == 900
    assert 0.5 < float(result.value) < 0.9  # a plausible rate, or the tutorials mean nothing


def test_unknown_file_names_the_nearest() -> None:
    with pytest.raises(UnknownNameError, match=r"commune/members\.csv"):
        datasets.path("commune/member.csv")


@pytest.mark.parametrize("script", ["make_sample_commune.py", "make_sample_programmes.py"])
def test_the_bundled_sheets_are_what_the_seeded_scripts_make(script: str) -> None:
    spec = importlib.util.spec_from_file_location(script[:-3], ROOT / "scripts" / script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0


def test_commune_households_carry_both_sheets() -> None:
    from vnlabor import datasets
    from vnlabor.io import read_review

    households = datasets.commune_households()
    review = read_review(
        datasets.path("commune/households.csv"), datasets.path("commune/members.csv")
    )
    assert households == review.households
    members = sum(1 for _ in datasets.path("commune/members.csv").open(encoding="utf-8")) - 1
    assert sum(len(h.members) for h in households) == members
    assert all(h.dwelling is not None for h in households)
