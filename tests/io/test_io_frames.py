"""to_frame and classifications_to_frame; round trips through DataFrame, CSV and Excel."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from vnlabor.io import (
    CLASSIFICATION_COLUMNS,
    classifications_to_frame,
    read_households,
    read_records,
    to_frame,
)
from vnlabor.l10n import field_label
from vnlabor.model.area import Area
from vnlabor.model.counselling import (
    CounsellingChannel,
    CounsellingConference,
    CounsellingContact,
    CounsellingTopic,
)
from vnlabor.model.course import Course, CourseLevel, TrainingField
from vnlabor.model.departure import Departure, DepartureForm, DestinationMarket
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.household import Household
from vnlabor.model.job_connection import JobConnection, PlacementProvider
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob, NewJobSource
from vnlabor.model.person import Member
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.model.trainee import Trainee
from vnlabor.model.training_outcome import EmploymentOutcome, TrainingOutcome
from vnlabor.poverty import classify_many

pd = pytest.importorskip("pandas")

DAY = date(2023, 3, 6)
COURSE = Course(
    level=CourseLevel.UNDER_3_MONTHS,
    cost=3_000_000,
    study_days=30,
    field=TrainingField.AGRICULTURAL,
    course_id="PL-01",
    start=date(2023, 3, 1),
    end=date(2023, 4, 15),
)

# The samples of tests/model, each with a sparse sibling (defaults and missing values).
SAMPLES: dict[type[BaseModel], list[Any]] = {
    Household: [
        Household(
            area="nông thôn",
            monthly_income_per_capita="1.500.000",
            deprivations="health_insurance;nutrition",
            household_id="PL-001",
            size=1,
            members=[Member(member_id="m1", sex="female", birth_date=date(1990, 1, 2))],
            province_code="19",
            ethnic_minority=True,
            surveyed_on=date(2024, 10, 1),
        ),
        Household(area=Area.URBAN, monthly_income_per_capita=0),
    ],
    Course: [COURSE, Course(level="elementary", cost=0)],
    Trainee: [
        Trainee(
            sex=Sex.FEMALE,
            rural=True,
            disabled=False,
            household_status=PovertyStatus.NEAR_POOR,
            birth_date=date(2000, 5, 6),
            previous_supports=1,
        ),
        Trainee(),
    ],
    Enrolment: [
        Enrolment(
            trainee_id="t-1",
            course=COURSE,
            enrolled_on=DAY,
            sex=Sex.FEMALE,
            ethnic_minority=True,
            area=Area.RURAL,
            household_status=PovertyStatus.NEAR_POOR,
            province_code="19",
            district="Phú Lương",
            commune="Yên Ninh",
        ),
        Enrolment(trainee_id="t-1", course="PL-01", enrolled_on=DAY),
    ],
    TrainingOutcome: [
        TrainingOutcome(
            trainee_id="t",
            completed=True,
            certified=True,
            employment=EmploymentOutcome.NEW_JOB,
            known_on=DAY,
        ),
        TrainingOutcome(trainee_id="t", completed=False, known_on=DAY),
    ],
    JobFairSession: [
        JobFairSession(
            kind=JobFairKind.JOB_FAIR,
            held_on=date(2023, 4, 1),
            place="Phú Lương",
            attendance=800,
            employers=20,
            vacancies=500,
            hires=120,
        ),
        JobFairSession(kind=JobFairKind.MOBILE_SESSION, held_on=DAY, attendance=10, hires=12),
    ],
    CounsellingContact: [
        CounsellingContact(
            person_id="p-1",
            contacted_on=DAY,
            topic=CounsellingTopic.WORK_ABROAD,
            channel=CounsellingChannel.CONFERENCE,
            conference_id="HN-01",
        ),
        CounsellingContact(contacted_on=DAY),
    ],
    CounsellingConference: [
        CounsellingConference(conference_id="HN-01", held_on=DAY, attendance=80),
        CounsellingConference(held_on=DAY),
    ],
    Departure: [
        Departure(
            worker_id="w-1",
            market=DestinationMarket.TAIWAN,
            form=DepartureForm.TECHNICAL_INTERN,
            departed_on=date(2020, 3, 1),
            supported=True,
            support_amount="10,9 triệu",
            support_paid_on=date(2020, 6, 1),
        ),
        Departure(worker_id="w-2", market="japan", departed_on=DAY),
    ],
    JobConnection: [
        JobConnection(
            worker_id="w-1",
            contract_signed_on=DAY,
            provider=PlacementProvider.PRIVATE_EMPLOYMENT_SERVICE,
            abroad="china",
        ),
        JobConnection(worker_id="w-1", contract_signed_on=DAY),
    ],
    NewJob: [
        NewJob(worker_id="w-1", started_on=DAY, source=NewJobSource.JOB_CONNECTION),
        NewJob(worker_id="w-1", started_on=DAY),
    ],
}
MODELS = list(SAMPLES)


@pytest.mark.parametrize("headers", ["field", "vi", "en"])
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_frame_round_trip(model: type[BaseModel], headers: Any) -> None:
    records = SAMPLES[model]
    frame = to_frame(records, headers=headers)
    table = read_records(frame, model)
    assert table.errors == ()
    assert table.ignored_columns == ()
    assert table.records == tuple(records)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_csv_and_excel_round_trip(model: type[BaseModel], tmp_path: Path) -> None:
    records = SAMPLES[model]
    frame = to_frame(records, headers="vi")
    frame.to_csv(tmp_path / "r.csv", index=False)
    assert read_records(tmp_path / "r.csv", model).records == tuple(records)
    pytest.importorskip("openpyxl")
    frame.to_excel(tmp_path / "r.xlsx", index=False)
    assert read_records(tmp_path / "r.xlsx", model).records == tuple(records)


def test_column_types() -> None:
    frame = to_frame(SAMPLES[Departure])
    assert list(frame.columns) == list(Departure.model_fields)
    dtypes = {name: str(t) for name, t in frame.dtypes.items()}
    assert dtypes["departed_on"] == "datetime64[ns]"
    assert dtypes["support_paid_on"] == "datetime64[ns]"
    assert dtypes["support_amount"] == "Int64"
    assert dtypes["supported"] == "bool"
    assert dtypes["ethnic_minority"] == "boolean"
    assert frame["market"].tolist() == ["taiwan", "japan"]
    assert frame["support_amount"].tolist()[0] == 10_900_000
    assert frame["support_paid_on"].isna().tolist() == [False, True]
    counts = to_frame(SAMPLES[Course])
    assert str(counts.dtypes["cost"]) == "int64"
    assert str(counts.dtypes["study_days"]) == "int64"


def test_sets_of_indicators_are_joined_in_enum_order_and_labels_head_columns() -> None:
    hh = Household(
        area="rural",
        monthly_income_per_capita=1,
        deprivations={Deprivation.NUTRITION, Deprivation.EMPLOYMENT},
    )
    frame = to_frame([hh], headers="en")
    assert frame[field_label(Household, "deprivations", "en")].tolist() == ["employment;nutrition"]
    assert frame["members"].tolist() == [None]


def test_personal_values_are_written_masked() -> None:
    hh = Household(
        area="rural",
        monthly_income_per_capita=1,
        members=[{"citizen_id": "001203004567", "name": "Nguyễn Thị Hoa"}],
    )
    cell = to_frame([hh])["members"][0]
    assert "001203004567" not in cell
    assert "Hoa" not in cell
    assert "*********567" in cell
    members = to_frame(list(hh.members))
    assert members["citizen_id"].tolist() == ["*********567"]
    assert members["name"].tolist() == ["N. T. H."]


def test_empty_and_mixed_inputs() -> None:
    assert to_frame([]).empty
    empty = to_frame([], model=NewJob, headers="vi")
    assert list(empty.columns) == [field_label(NewJob, f) for f in NewJob.model_fields]
    with pytest.raises(TypeError, match="one model"):
        to_frame([*SAMPLES[NewJob], *SAMPLES[JobConnection]])
    with pytest.raises(ValueError, match="headers must be"):
        to_frame(SAMPLES[NewJob], headers="fr")  # type: ignore[arg-type]


def test_classifications_to_frame() -> None:
    households = [
        Household(
            household_id="H1",
            area="rural",
            monthly_income_per_capita=1_500_000,
            deprivations="health_insurance;nutrition",
            province_code="01",
            commune_code="00004",
        ),
        Household(area="urban", monthly_income_per_capita=5_000_000),
    ]
    results = classify_many(households, on=date(2024, 3, 1))
    frame = classifications_to_frame(results)
    assert tuple(frame.columns) == CLASSIFICATION_COLUMNS
    assert frame["household_id"].tolist() == ["H1", None]
    assert frame["area"].tolist() == ["rural", "urban"]
    assert frame["province_code"].tolist() == ["01", None]
    assert frame["commune_code"].tolist() == ["00004", None]
    assert frame["status"].tolist() == ["near_poor", "non_poor"]
    assert frame["deprivation_count"].tolist() == [2, 0]
    assert frame["income"].tolist() == [1_500_000, 5_000_000]
    assert frame["income_line"].tolist() == [1_500_000, 2_000_000]
    assert frame["standard"].tolist() == ["07/2021/NĐ-CP"] * 2
    assert frame["on"].tolist() == [pd.Timestamp(2024, 3, 1)] * 2
    dtypes = {name: str(t) for name, t in frame.dtypes.items()}
    assert dtypes["on"] == "datetime64[ns]"
    assert dtypes["income"] == dtypes["income_line"] == dtypes["deprivation_count"] == "int64"
    assert list(classifications_to_frame([]).columns) == list(CLASSIFICATION_COLUMNS)


def test_a_classification_frame_joins_back_to_its_households(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "household_id": ["A", "B"],
            "area": ["rural", "urban"],
            "monthly_income_per_capita": [1, 2],
        }
    )
    table = read_households(frame)
    out = classifications_to_frame(classify_many(table.households, on=date(2024, 3, 1)))
    assert out["household_id"].tolist() == ["A", "B"]


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "vnlabor\[pandas\]"'):
        to_frame(SAMPLES[NewJob])
    with pytest.raises(ImportError, match=r'pip install "vnlabor\[pandas\]"'):
        classifications_to_frame([])
