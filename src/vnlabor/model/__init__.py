"""Entities of the domain: households, people, courses, records, periods."""

from vnlabor.model.area import Area
from vnlabor.model.confidence import Confidence
from vnlabor.model.course import Course, CourseLevel, TrainingField
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household
from vnlabor.model.period import PeriodKind, ReportingPeriod
from vnlabor.model.person import CitizenId, Member, PersonalName
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex

__all__ = [
    "Area",
    "CitizenId",
    "Confidence",
    "Course",
    "CourseLevel",
    "Deprivation",
    "Household",
    "Member",
    "PeriodKind",
    "PersonalName",
    "PovertyStatus",
    "ReportingPeriod",
    "Sex",
    "TrainingField",
]
