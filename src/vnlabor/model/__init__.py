"""Entities of the domain: households, people, courses, programme records, periods."""

from vnlabor.base.confidence import Confidence
from vnlabor.base.model import VnlaborModel
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
from vnlabor.model.dwelling import (
    Dwelling,
    InformationDevice,
    LatrineType,
    WasteHandling,
    WaterSource,
)
from vnlabor.model.education import EducationLevel, TrainingLevel
from vnlabor.model.employment_situation import EmploymentSituation
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.household import Household
from vnlabor.model.job_connection import JobConnection, PlacementProvider
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob, NewJobSource
from vnlabor.model.period import PeriodKind, ReportingPeriod
from vnlabor.model.person import CitizenId, Member, PersonalName
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.model.trainee import Trainee
from vnlabor.model.training_outcome import EmploymentOutcome, TrainingOutcome
from vnlabor.model.worker import Worker

__all__ = [
    "Area",
    "CitizenId",
    "Confidence",
    "CounsellingChannel",
    "CounsellingConference",
    "CounsellingContact",
    "CounsellingTopic",
    "Course",
    "CourseLevel",
    "Departure",
    "DepartureForm",
    "Deprivation",
    "DestinationMarket",
    "Dwelling",
    "EducationLevel",
    "EmploymentOutcome",
    "EmploymentSituation",
    "Enrolment",
    "Household",
    "InformationDevice",
    "JobConnection",
    "JobFairKind",
    "JobFairSession",
    "LatrineType",
    "Member",
    "NewJob",
    "NewJobSource",
    "PeriodKind",
    "PersonalName",
    "PlacementProvider",
    "PovertyStatus",
    "ReportingPeriod",
    "Sex",
    "Trainee",
    "TrainingField",
    "TrainingLevel",
    "TrainingOutcome",
    "VnlaborModel",
    "WasteHandling",
    "WaterSource",
    "Worker",
]
