"""Programme records: fields, invariants, privacy of person references."""

from datetime import date

import pytest
from pydantic import ValidationError

from vnlabor.model.area import Area
from vnlabor.model.counselling import (
    CounsellingChannel,
    CounsellingConference,
    CounsellingContact,
    CounsellingTopic,
)
from vnlabor.model.course import Course, CourseLevel, TrainingField
from vnlabor.model.departure import Departure, DepartureForm, DestinationMarket
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.job_connection import JobConnection, PlacementProvider
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob, NewJobSource
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.record import ProgrammeRecord
from vnlabor.model.sex import Sex
from vnlabor.model.training_outcome import EmploymentOutcome, TrainingOutcome

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


def test_enrolment_with_embedded_course_exposes_id_and_field() -> None:
    e = Enrolment(
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
    )
    assert e.course_id == "PL-01"
    assert e.field is TrainingField.AGRICULTURAL
    assert e.reference_date == DAY
    assert e.household_status is PovertyStatus.NEAR_POOR


def test_enrolment_with_course_id_only_has_unknown_field() -> None:
    e = Enrolment(trainee_id="t-1", course="PL-01", enrolled_on=DAY)
    assert e.course_id == "PL-01"
    assert e.field is None
    assert e.sex is None
    assert e.ethnic_minority is None


def test_enrolment_after_course_end_is_rejected() -> None:
    with pytest.raises(ValidationError, match="after the course ended"):
        Enrolment(trainee_id="t-1", course=COURSE, enrolled_on=date(2023, 5, 1))


def test_enrolment_json_round_trip_keeps_embedded_course() -> None:
    e = Enrolment(trainee_id="t-1", course=COURSE, enrolled_on=DAY)
    assert Enrolment.model_validate_json(e.model_dump_json()) == e


@pytest.mark.parametrize("citizen_id", ["001203004567", "123456789", " 001203004567 "])
def test_person_reference_shaped_like_a_citizen_id_is_refused_without_echo(
    citizen_id: str,
) -> None:
    with pytest.raises(ValidationError) as info:
        Enrolment(trainee_id=citizen_id, course="c", enrolled_on=DAY)
    assert citizen_id.strip() not in str(info.value)
    assert info.value.errors()[0]["type"] == "vnlabor.person_ref_citizen_id"


def test_person_reference_must_not_be_blank() -> None:
    with pytest.raises(ValidationError) as info:
        Departure(worker_id="  ", market=DestinationMarket.JAPAN, departed_on=DAY)
    assert info.value.errors()[0]["type"] == "vnlabor.person_ref_empty"


def test_records_are_frozen_and_forbid_extra_fields() -> None:
    e = Enrolment(trainee_id="t-1", course="c", enrolled_on=DAY)
    with pytest.raises(ValidationError):
        e.trainee_id = "t-2"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Enrolment(trainee_id="t-1", course="c", enrolled_on=DAY, name="X")  # type: ignore[call-arg]


def test_base_record_has_no_reference_date() -> None:
    with pytest.raises(NotImplementedError):
        _ = ProgrammeRecord().reference_date


def test_certificate_requires_completion() -> None:
    with pytest.raises(ValidationError, match="certificate implies"):
        TrainingOutcome(trainee_id="t", completed=False, certified=True, known_on=DAY)
    ok = TrainingOutcome(
        trainee_id="t",
        completed=True,
        certified=True,
        employment=EmploymentOutcome.NEW_JOB,
        known_on=DAY,
    )
    assert ok.reference_date == DAY
    assert ok.employment.is_employed()


@pytest.mark.parametrize(
    ("outcome", "with_self", "without_self"),
    [
        (EmploymentOutcome.NEW_JOB, True, True),
        (EmploymentOutcome.HIGHER_PRODUCTIVITY_OR_INCOME, True, True),
        (EmploymentOutcome.SELF_EMPLOYED, True, False),
        (EmploymentOutcome.NOT_EMPLOYED, False, False),
        (EmploymentOutcome.UNKNOWN, False, False),
    ],
)
def test_which_outcomes_count_as_employed(
    outcome: EmploymentOutcome, with_self: bool, without_self: bool
) -> None:
    assert outcome.is_employed() is with_self
    assert outcome.is_employed(include_self_employed=False) is without_self


def test_job_fair_session_counts_and_invariants() -> None:
    s = JobFairSession(
        kind=JobFairKind.JOB_FAIR,
        held_on=date(2023, 4, 1),
        place="Phú Lương",
        attendance=800,
        employers=20,
        vacancies=500,
        hires=120,
    )
    assert s.reference_date == date(2023, 4, 1)
    # Hires above attendance or vacancies are allowed (online candidates, pre-selection).
    JobFairSession(kind=JobFairKind.MOBILE_SESSION, held_on=DAY, attendance=10, hires=12)
    JobFairSession(kind=JobFairKind.MOBILE_SESSION, held_on=DAY, vacancies=5, hires=8)
    with pytest.raises(ValidationError, match="zero employers"):
        JobFairSession(kind=JobFairKind.JOB_FAIR, held_on=DAY, employers=0, hires=3)
    with pytest.raises(ValidationError):
        JobFairSession(kind=JobFairKind.JOB_FAIR, held_on=DAY, attendance=-1)
    with pytest.raises(ValidationError):
        JobFairSession(kind=JobFairKind.JOB_FAIR, held_on=DAY, attendance=1.5)


def test_counselling_records() -> None:
    c = CounsellingContact(
        person_id="p-1",
        contacted_on=DAY,
        topic=CounsellingTopic.WORK_ABROAD,
        channel=CounsellingChannel.CONFERENCE,
        conference_id="HN-01",
    )
    assert c.reference_date == DAY
    conf = CounsellingConference(conference_id="HN-01", held_on=DAY, attendance=80)
    assert conf.reference_date == DAY


def test_departure_support_needs_supported_flag() -> None:
    d = Departure(
        worker_id="w-1",
        market=DestinationMarket.TAIWAN,
        form=DepartureForm.TECHNICAL_INTERN,
        departed_on=date(2020, 3, 1),
        supported=True,
        support_amount="10,9 triệu",
        support_paid_on=date(2020, 6, 1),
    )
    assert d.support_amount == 10_900_000
    assert d.reference_date == date(2020, 3, 1)
    with pytest.raises(ValidationError, match="supported=False"):
        Departure(
            worker_id="w-1",
            market=DestinationMarket.KOREA,
            departed_on=DAY,
            support_paid_on=DAY,
        )


def test_job_connection_and_new_job() -> None:
    jc = JobConnection(
        worker_id="w-1",
        contract_signed_on=DAY,
        provider=PlacementProvider.PRIVATE_EMPLOYMENT_SERVICE,
    )
    assert jc.abroad is None
    assert jc.reference_date == DAY
    job = NewJob(worker_id="w-1", started_on=DAY, source=NewJobSource.JOB_CONNECTION)
    assert job.reference_date == DAY


@pytest.mark.parametrize(
    ("value", "code"),
    [("19", "19"), (1, "01"), ("6", "06"), ("02", "02"), ("25", "25"), (None, None)],
)
def test_province_code_of_either_map_is_validated_and_padded(
    value: object, code: str | None
) -> None:
    e = Enrolment.model_validate(
        {"trainee_id": "t", "course": "c", "enrolled_on": DAY, "province_code": value}
    )
    assert e.province_code == code
    c = Course.model_validate({"level": "elementary", "cost": 0, "province_code": value})
    assert c.province_code == code


@pytest.mark.parametrize("value", ["28", "99", "HN", "Hà Nội", 1.0, True])
def test_unknown_province_code_is_refused(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        JobConnection.model_validate(
            {"worker_id": "w", "contract_signed_on": DAY, "province_code": value}
        )
    assert info.value.errors()[0]["type"] == "vnlabor.province_unknown"
    with pytest.raises(ValidationError):
        Course.model_validate({"level": "elementary", "cost": 0, "province_code": value})
