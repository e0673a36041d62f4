"""KPIs: exact ratios, targets, attainment, breakdowns, named indicators, poverty measures.

>>> from vnlabor.kpi import Ratio, Target
>>> Ratio(numerator=5_000, denominator=5_816).value
Fraction(625, 727)
>>> Target.above(0.9).is_met(Ratio(9, 10)), Target.at_least(0.9).is_met(Ratio(9, 10))
(False, True)
"""

from vnlabor.kpi.attainment import Attainment, Progress, attainment, progress
from vnlabor.kpi.breakdown import (
    UNKNOWN,
    Breakdown,
    BreakdownGroup,
    Unknown,
    breakdown,
    by_period,
    by_province,
)
from vnlabor.kpi.date_range import DateRange
from vnlabor.kpi.definitions import KpiDefinition, kpi_definition, kpi_definitions, kpi_keys
from vnlabor.kpi.indicators import (
    KPI_FUNCTIONS,
    agricultural_training_share,
    counselling_conferences,
    counselling_contacts,
    departures_abroad,
    job_exchange_attendance,
    job_exchange_sessions,
    near_poor_rate,
    new_jobs,
    overseas_support_amount,
    overseas_support_cases,
    poverty_rate,
    poverty_rate_reduction,
    share_connected_after_training,
    share_employed_after_training,
    successful_job_connections,
    trained_worker_share,
    trained_worker_share_certified,
)
from vnlabor.kpi.measure_change import (
    MEASURE_KEYS,
    MeasureChange,
    PovertyMeasures,
    measures_change,
)
from vnlabor.kpi.number import to_fraction
from vnlabor.kpi.official_targets import OfficialTarget, official_target, official_targets
from vnlabor.kpi.plot import plot_kpi, plot_status_counts
from vnlabor.kpi.points import PercentagePoints
from vnlabor.kpi.poverty_measures import (
    AlkireFoster,
    alkire_foster,
    fgt,
    headcount_ratio,
    poverty_gap,
    poverty_severity,
)
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.report import describe_target, explain_kpi, format_kpi_value
from vnlabor.kpi.result import KpiResult, PovertyReductionResult
from vnlabor.kpi.target import Comparison, Target
from vnlabor.kpi.unit import KpiUnit

__all__ = [
    "KPI_FUNCTIONS",
    "MEASURE_KEYS",
    "UNKNOWN",
    "AlkireFoster",
    "Attainment",
    "Breakdown",
    "BreakdownGroup",
    "Comparison",
    "DateRange",
    "KpiDefinition",
    "KpiResult",
    "KpiUnit",
    "MeasureChange",
    "OfficialTarget",
    "PercentagePoints",
    "PovertyMeasures",
    "PovertyReductionResult",
    "Progress",
    "Ratio",
    "Target",
    "Unknown",
    "agricultural_training_share",
    "alkire_foster",
    "attainment",
    "breakdown",
    "by_period",
    "by_province",
    "counselling_conferences",
    "counselling_contacts",
    "departures_abroad",
    "describe_target",
    "explain_kpi",
    "fgt",
    "format_kpi_value",
    "headcount_ratio",
    "job_exchange_attendance",
    "job_exchange_sessions",
    "kpi_definition",
    "kpi_definitions",
    "kpi_keys",
    "measures_change",
    "near_poor_rate",
    "new_jobs",
    "official_target",
    "official_targets",
    "overseas_support_amount",
    "overseas_support_cases",
    "plot_kpi",
    "plot_status_counts",
    "poverty_gap",
    "poverty_rate",
    "poverty_rate_reduction",
    "poverty_severity",
    "progress",
    "share_connected_after_training",
    "share_employed_after_training",
    "successful_job_connections",
    "to_fraction",
    "trained_worker_share",
    "trained_worker_share_certified",
]
