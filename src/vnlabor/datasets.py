"""The synthetic data bundled with vnlabor, ready to use: for tutorials, tests and trying things.

Every loader reads a bundled sheet with vnlabor's own readers (:mod:`vnlabor.io`), so
what you get is what reading your own sheet would give, and returns the records as a
tuple of models or, with ``frame=True``, a pandas DataFrame (:func:`vnlabor.io.to_frame`,
one column per field; needs pandas). Nobody in any of them is real.

* :func:`sample_households`: twelve households drawn from the situations in provincial
  reports (the demo's), one row each in the household table contract;
* the synthetic commune (a rural commune of 3,000 households, surveyed in late 2025):
  :func:`enrolments` (900 trainees on six vocational courses, 2024-2025),
  :func:`training_outcomes` (their follow-ups some months after the course) and
  :func:`job_fair_sessions` (the job-exchange sessions and fairs held for the commune);
  :func:`commune_households` (its two review sheets read together: 3,000 households,
  each with its members and dwelling, as the review's surveyors recorded them; some
  facts left blank, as in a real review). :func:`path` gives any bundled sheet.

The sheets are made by seeded scripts kept in the repository
(``scripts/make_sample_commune.py``, ``scripts/make_sample_programmes.py``).

>>> from vnlabor import datasets, kpi
>>> result = kpi.share_employed_after_training(datasets.enrolments(), datasets.training_outcomes())
>>> result.value.denominator  # every trainee, followed up or not
900
>>> len(datasets.sample_households()), datasets.path("commune/members.csv").name
(12, 'members.csv')
>>> commune = datasets.commune_households()
>>> len(commune), sum(len(h.members) for h in commune) > len(commune)
(3000, True)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

from vnlabor.errors import UnknownNameError
from vnlabor.io import read_households, read_records, read_review, to_frame
from vnlabor.model import Enrolment, Household, JobFairSession, TrainingOutcome
from vnlabor.model.record import ProgrammeRecord

__all__ = [
    "commune_households",
    "enrolments",
    "job_fair_sessions",
    "path",
    "sample_households",
    "training_outcomes",
]

FILES = (
    "households.csv",
    "commune/households.csv",
    "commune/members.csv",
    "commune/enrolments.csv",
    "commune/training_outcomes.csv",
    "commune/job_fairs.csv",
)
"""The bundled sheets, relative to :mod:`vnlabor.sample_data`."""

R = TypeVar("R", bound=ProgrammeRecord)


def path(name: str) -> Path:
    """Where a bundled sheet is installed: ``path("commune/households.csv")``.

    Args:
        name: One of :data:`FILES`.

    Raises:
        UnknownNameError: Not a bundled sheet (a ``ValueError``).
    """
    if name not in FILES:
        import difflib

        raise UnknownNameError(
            name,
            ("tệp dữ liệu mẫu", "sample file"),
            tuple(difflib.get_close_matches(name, FILES, n=2, cutoff=0.5)),
            accepted="one of " + ", ".join(FILES),
        )
    return Path(str(resources.files("vnlabor.sample_data").joinpath(name)))


@contextmanager
def _file(name: str) -> Iterator[Path]:
    with resources.as_file(resources.files("vnlabor.sample_data").joinpath(name)) as real:
        yield real


def _records(name: str, model: type[R]) -> tuple[R, ...]:
    with _file(name) as real:
        table = read_records(real, model)
    if table.errors:  # the bundled sheets are checked by the tests: this is a packaging bug
        raise AssertionError(f"{name}: {table.errors[0]}")
    return table.records


@overload
def sample_households(*, frame: Literal[False] = False) -> tuple[Household, ...]: ...
@overload
def sample_households(*, frame: Literal[True]) -> Any: ...
def sample_households(*, frame: bool = False) -> tuple[Household, ...] | Any:
    """The demo's twelve sample households (``household_id``, area, income, deprivations).

    Args:
        frame: A pandas DataFrame instead of the households.
    """
    with _file("households.csv") as real:
        households = read_households(real).households
    return to_frame(households) if frame else households


@overload
def commune_households(*, frame: Literal[False] = False) -> tuple[Household, ...]: ...
@overload
def commune_households(*, frame: Literal[True]) -> Any: ...
def commune_households(*, frame: bool = False) -> tuple[Household, ...] | Any:
    """The synthetic commune's 3,000 households from its two review sheets.

    Each household carries its members (age, schooling, work, health insurance, …) and
    its dwelling, read by :func:`vnlabor.io.read_review`, so :func:`vnlabor.classify`
    assesses its deprivations from those facts (some are blank: an indicator whose facts
    are missing is undetermined). For whole-table work read the sheets
    (:func:`path`) with the batch engine instead.

    Args:
        frame: A pandas DataFrame of the households' own fields instead (members and
            dwelling as embedded records).
    """
    with _file("commune/households.csv") as hh, _file("commune/members.csv") as mm:
        review = read_review(hh, mm)
    if review.errors:  # the bundled sheets are checked by the tests: a packaging bug
        raise AssertionError(f"commune: {review.errors[0]}")
    return to_frame(review.households) if frame else review.households


@overload
def enrolments(*, frame: Literal[False] = False) -> tuple[Enrolment, ...]: ...
@overload
def enrolments(*, frame: Literal[True]) -> Any: ...
def enrolments(*, frame: bool = False) -> tuple[Enrolment, ...] | Any:
    """The commune's 900 trainees: each enrolment with its course, sex, area and status.

    The course is embedded (level, cost, field, study days), so
    :func:`vnlabor.kpi.agricultural_training_share` knows each trainee's field.

    Args:
        frame: A pandas DataFrame instead of the records.
    """
    records = _records("commune/enrolments.csv", Enrolment)
    return to_frame(records) if frame else records


@overload
def training_outcomes(*, frame: Literal[False] = False) -> tuple[TrainingOutcome, ...]: ...
@overload
def training_outcomes(*, frame: Literal[True]) -> Any: ...
def training_outcomes(*, frame: bool = False) -> tuple[TrainingOutcome, ...] | Any:
    """The follow-up of each trainee followed up so far (completed, certified, employment).

    About one trainee in twelve has no follow-up yet; some follow-ups left the
    employment unknown (both are counted in a KPI's ``missing``).

    Args:
        frame: A pandas DataFrame instead of the records.
    """
    records = _records("commune/training_outcomes.csv", TrainingOutcome)
    return to_frame(records) if frame else records


@overload
def job_fair_sessions(*, frame: Literal[False] = False) -> tuple[JobFairSession, ...]: ...
@overload
def job_fair_sessions(*, frame: Literal[True]) -> Any: ...
def job_fair_sessions(*, frame: bool = False) -> tuple[JobFairSession, ...] | Any:
    """The job-exchange sessions and fairs held for the commune in 2024-2025.

    A few sessions have no attendance recorded.

    Args:
        frame: A pandas DataFrame instead of the records.
    """
    records = _records("commune/job_fairs.csv", JobFairSession)
    return to_frame(records) if frame else records
