"""vnlabor: Vietnam's labour and sustainable-poverty-reduction rules as a typed library.

The names below are the public API (see the README and the docs). Subpackages hold the
rest: :mod:`vnlabor.law` (dated legal parameters), :mod:`vnlabor.poverty`,
:mod:`vnlabor.programmes`, :mod:`vnlabor.kpi`, :mod:`vnlabor.l10n`, :mod:`vnlabor.geo`.

>>> from datetime import date
>>> import vnlabor as vl
>>> hh = vl.Household(area=vl.Area.URBAN, monthly_income_per_capita=2_000_000,
...                   deprivations={vl.Deprivation.HOUSING_AREA, vl.Deprivation.NUTRITION,
...                                 vl.Deprivation.DOMESTIC_WATER})
>>> vl.classify(hh, on=date(2024, 3, 1)).status
<PovertyStatus.POOR: 'poor'>
"""

from vnlabor._version import __version__
from vnlabor.errors import (
    LawDataError,
    NoStandardInForce,
    ParameterNotInForce,
    VnlaborError,
)
from vnlabor.model import (
    Area,
    CitizenId,
    Confidence,
    Course,
    CourseLevel,
    Deprivation,
    Household,
    Member,
    PovertyStatus,
    ReportingPeriod,
    Sex,
    TrainingField,
)
from vnlabor.model.trainee import Trainee
from vnlabor.model.worker import Worker
from vnlabor.poverty import (
    Classification,
    PovertyStandard,
    ReviewScores,
    StatusHistory,
    StatusRecord,
    classify,
    classify_many,
    classify_scores,
    is_newly_escaped,
    standard_for_list_year,
    standard_in_force,
)
from vnlabor.programmes import (
    AbroadCosts,
    Budget,
    Decision,
    Outcome,
    abroad_loan,
    abroad_support,
    counsellor_fees,
    is_eligible,
    job_connection_support,
    training_support,
)

__all__ = [
    "AbroadCosts",
    "Area",
    "Budget",
    "CitizenId",
    "Classification",
    "Confidence",
    "Course",
    "CourseLevel",
    "Decision",
    "Deprivation",
    "Household",
    "LawDataError",
    "Member",
    "NoStandardInForce",
    "Outcome",
    "ParameterNotInForce",
    "PovertyStandard",
    "PovertyStatus",
    "ReportingPeriod",
    "ReviewScores",
    "Sex",
    "StatusHistory",
    "StatusRecord",
    "Trainee",
    "TrainingField",
    "VnlaborError",
    "Worker",
    "__version__",
    "abroad_loan",
    "abroad_support",
    "classify",
    "classify_many",
    "classify_scores",
    "counsellor_fees",
    "is_eligible",
    "is_newly_escaped",
    "job_connection_support",
    "standard_for_list_year",
    "standard_in_force",
    "training_support",
]
